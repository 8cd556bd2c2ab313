package io.quarry.planner.safety;

import java.util.Objects;

/**
 * One reason a generated SQL statement is unsafe to run on Citus.
 *
 * @param code     what kind of problem it is
 * @param message  a human explanation naming the table, alias or join concerned
 * @param fragment the offending SQL fragment, shortened to at most {@value Fragments#MAX_LENGTH} characters
 */
public record SafetyViolation(ViolationCode code, String message, String fragment) {

    public SafetyViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        fragment = fragment == null ? "" : fragment;
    }

    @Override
    public String toString() {
        return code + ": " + message + (fragment.isEmpty() ? "" : " [" + fragment + "]");
    }
}
