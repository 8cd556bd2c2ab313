package bench;

import java.util.Locale;

/** The report's markdown as it is written: text, table rows, and the numbers' formats. */
final class Markdown {

    private final StringBuilder text = new StringBuilder();

    Markdown append(String s) {
        text.append(s);
        return this;
    }

    Markdown append(char c) {
        text.append(c);
        return this;
    }

    /** A table row of {@code cells}. */
    void row(String... cells) {
        text.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    /** Where the next text goes, to {@link #insert} a section there later. */
    int position() {
        return text.length();
    }

    void insert(int position, String s) {
        text.insert(position, s);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** "-" for NaN; no decimals from 100 on (grouped), one from 10, two below. */
    static String num(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    /** Thousands separated by commas. */
    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
