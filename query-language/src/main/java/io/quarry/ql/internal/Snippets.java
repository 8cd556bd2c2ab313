package io.quarry.ql.internal;

/** Renders one source line with a caret under a column. Internal. */
public final class Snippets {

    private static final int WINDOW = 60;

    private Snippets() {
    }

    /**
     * @param source the whole source text
     * @param line 1-based line (lines end at '\n', as in the lexer)
     * @param column 1-based column in code points
     * @return the line (a window of it when long) and a caret line, or "" when out of range
     */
    public static String caret(String source, int line, int column) {
        if (source == null || line < 1 || column < 1) {
            return "";
        }
        int start = 0;
        for (int current = 1; current < line; current++) {
            int newline = source.indexOf('\n', start);
            if (newline < 0) {
                return "";
            }
            start = newline + 1;
        }
        int end = source.indexOf('\n', start);
        String text = source.substring(start, end < 0 ? source.length() : end);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        int[] points = text.codePoints().map(c -> c < 0x20 && c != '\t' ? ' ' : c).toArray();
        int caretIndex = Math.min(column - 1, points.length);
        int from = Math.max(0, caretIndex - WINDOW);
        int to = Math.min(points.length, caretIndex + WINDOW);
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append("...");
        }
        for (int i = from; i < to; i++) {
            out.appendCodePoint(points[i]);
        }
        if (to < points.length) {
            out.append("...");
        }
        out.append('\n');
        if (from > 0) {
            out.append("   ");
        }
        for (int i = from; i < caretIndex; i++) {
            out.append(points[i] == '\t' ? '\t' : ' ');
        }
        return out.append('^').toString();
    }
}
