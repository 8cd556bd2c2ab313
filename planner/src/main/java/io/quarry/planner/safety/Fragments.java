package io.quarry.planner.safety;

/** Short, single-line SQL fragments for violation reports. */
final class Fragments {

    static final int MAX_LENGTH = 120;

    private Fragments() {
    }

    /** The node's SQL text on one line, cut to {@link #MAX_LENGTH} characters. */
    static String of(Object node) {
        if (node == null) {
            return "";
        }
        String text = String.valueOf(node).replaceAll("\\s+", " ").trim();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
