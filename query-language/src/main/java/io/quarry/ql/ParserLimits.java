package io.quarry.ql;

/**
 * Limits that keep parsing bounded in time and stack depth.
 *
 * @param maxTextLength longest report text or JSON expression string, in chars
 * @param maxJsonLength longest JSON document, in chars
 * @param maxNestingDepth deepest nesting of parentheses, CASE and operator chains (see
 *     {@code TokenPreScan}); checked on tokens before the recursive-descent parser runs
 */
public record ParserLimits(int maxTextLength, int maxJsonLength, int maxNestingDepth) {

    /** 256 Ki chars of text, 1 Mi chars of JSON, nesting depth 100. */
    public static final ParserLimits DEFAULT = new ParserLimits(262_144, 1_048_576, 100);

    public ParserLimits {
        if (maxTextLength < 1 || maxJsonLength < 1 || maxNestingDepth < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxNestingDepth > 1000) {
            throw new IllegalArgumentException("a nesting depth over 1000 risks stack overflow");
        }
    }
}
