package io.quarry.planner.resolve;

import io.quarry.ql.ast.SourceLocation;
import java.util.List;

/**
 * A report that cannot be planned: a stable code, a message that says what is wrong, where in
 * the report it is, and suggestions ("did you mean") where a name was not found.
 */
public final class PlanningException extends RuntimeException {

    private final PlanningError code;
    private final SourceLocation location;
    private final List<String> suggestions;
    private final String detail;

    public PlanningException(PlanningError code, String message, SourceLocation location) {
        this(code, message, location, List.of());
    }

    public PlanningException(PlanningError code, String message, SourceLocation location, List<String> suggestions) {
        super(render(message, location, suggestions));
        this.code = code;
        this.location = location == null ? SourceLocation.UNKNOWN : location;
        this.suggestions = List.copyOf(suggestions);
        this.detail = message;
    }

    /** The message without the location. */
    public String detail() {
        return detail;
    }

    private static String render(String message, SourceLocation location, List<String> suggestions) {
        StringBuilder text = new StringBuilder();
        if (location != null && location.jsonPointer() != null) {
            text.append(location.jsonPointer()).append(' ');
        }
        if (location != null && location.line() > 0) {
            text.append("line ").append(location.line()).append(':').append(location.column()).append(": ");
        }
        text.append(message);
        if (!suggestions.isEmpty()) {
            text.append("; did you mean ").append(String.join(", ", suggestions.stream().map(s -> "'" + s + "'").toList()))
                    .append('?');
        }
        return text.toString();
    }

    public PlanningError code() {
        return code;
    }

    public SourceLocation location() {
        return location;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
