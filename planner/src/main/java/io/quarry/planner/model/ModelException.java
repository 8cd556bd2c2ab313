package io.quarry.planner.model;

import java.util.List;

/** The semantic model is invalid; the start stops with every problem listed. */
public final class ModelException extends RuntimeException {

    private final List<String> problems;

    public ModelException(String source, List<String> problems) {
        super("invalid semantic model " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
