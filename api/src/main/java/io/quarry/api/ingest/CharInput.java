package io.quarry.api.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The request body as UTF-8 characters, read through a small buffer and counted by physical line
 * ({@code \n}, also ending {@code \r\n}), so every row is located; a leading byte order mark is
 * dropped. Invalid UTF-8 is an error, not
 * replacement characters; a line longer than the configured limit is refused rather than
 * buffered, so a body without newlines cannot take the heap.
 */
final class CharInput {

    private final Reader reader;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;

    CharInput(InputStream body) {
        this.reader = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The next character, or -1 at the end. Counts lines. */
    int read() throws IOException {
        if (position == limit) {
            limit = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        char c = buffer[position++];
        if (c == '\uFEFF' && line == 1 && !started) {
            started = true;
            return read(); // a byte order mark before the first line
        }
        started = true;
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /** The line the next character is on (1-based). */
    long line() {
        return line;
    }

    /**
     * Reads the rest of the current line into {@code into} (without its {@code \n} or
     * {@code \r\n}); false at the end of the body with nothing read.
     *
     * @throws LineTooLongException past {@code maxChars}
     */
    boolean readLine(StringBuilder into, int maxChars) throws IOException {
        into.setLength(0);
        int c = read();
        if (c < 0) {
            return false;
        }
        while (c >= 0 && c != '\n') {
            if (into.length() >= maxChars) {
                throw new LineTooLongException(maxChars);
            }
            into.append((char) c);
            c = read();
        }
        if (into.length() > 0 && into.charAt(into.length() - 1) == '\r') {
            into.setLength(into.length() - 1);
        }
        return true;
    }

    /** A line longer than the limit: the batch is refused there. */
    static final class LineTooLongException extends IOException {
        LineTooLongException(int maxChars) {
            super("the line is longer than " + maxChars + " characters");
        }
    }
}
