package io.quarry.planner.safety;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link CitusSafetyCheck#requireSafe} when a statement has at least one violation; lists all of them. */
public final class UnsafeSqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SafetyViolation> violations;

    public UnsafeSqlException(List<SafetyViolation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every violation found, in the order the check reported them. */
    public List<SafetyViolation> violations() {
        return violations;
    }

    private static String describe(List<SafetyViolation> violations) {
        return "Generated SQL is not Citus-safe (" + violations.size() + " violation"
                + (violations.size() == 1 ? "" : "s") + "):\n"
                + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n"));
    }
}
