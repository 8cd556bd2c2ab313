package io.quarry.migrations.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Encodes rows in PostgreSQL's COPY text format straight into bytes: tab-separated fields,
 * {@code \N} for null, backslash escapes in text. Numbers and dates are written digit by digit
 * without intermediate strings, since the generator writes tens of millions of rows.
 */
final class CopyRowWriter implements AutoCloseable {

    private static final byte TAB = '\t';
    private static final byte NEWLINE = '\n';

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int position;
    private boolean rowStarted;
    private long rows;

    CopyRowWriter(OutputStream out) {
        this.out = out;
    }

    CopyRowWriter longField(long value) throws IOException {
        separator();
        writeLong(value);
        return this;
    }

    /** A numeric value given as an integer count of 1/10^scale units, e.g. 12345 at scale 4 is 1.2345. */
    CopyRowWriter decimalField(long unscaled, int scale) throws IOException {
        separator();
        if (unscaled < 0) {
            put((byte) '-');
            unscaled = -unscaled;
        }
        long divisor = 1;
        for (int i = 0; i < scale; i++) {
            divisor *= 10;
        }
        writeLong(unscaled / divisor);
        if (scale > 0) {
            put((byte) '.');
            long fraction = unscaled % divisor;
            for (long d = divisor / 10; d > 0; d /= 10) {
                put((byte) ('0' + (fraction / d) % 10));
            }
        }
        return this;
    }

    CopyRowWriter dateField(LocalDate date) throws IOException {
        separator();
        writeDate(date);
        return this;
    }

    /** A UTC timestamp as {@code YYYY-MM-DD HH:MM:SS+00}. */
    CopyRowWriter timestampField(LocalDate date, int secondOfDay) throws IOException {
        separator();
        writeDate(date);
        put((byte) ' ');
        twoDigits(secondOfDay / 3600);
        put((byte) ':');
        twoDigits(secondOfDay / 60 % 60);
        put((byte) ':');
        twoDigits(secondOfDay % 60);
        put((byte) '+');
        twoDigits(0);
        return this;
    }

    CopyRowWriter textField(String value) throws IOException {
        separator();
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped('\\');
                case '\t' -> escaped('t');
                case '\n' -> escaped('n');
                case '\r' -> escaped('r');
                default -> {
                    if (c < 0x80) {
                        put((byte) c);
                    } else {
                        putUtf8(value, i);
                        if (Character.isHighSurrogate(c)) {
                            i++;
                        }
                    }
                }
            }
        }
        return this;
    }

    CopyRowWriter nullField() throws IOException {
        separator();
        put((byte) '\\');
        put((byte) 'N');
        return this;
    }

    void endRow() throws IOException {
        put(NEWLINE);
        rowStarted = false;
        rows++;
    }

    long rows() {
        return rows;
    }

    void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private void separator() throws IOException {
        if (rowStarted) {
            put(TAB);
        }
        rowStarted = true;
    }

    private void escaped(char c) throws IOException {
        put((byte) '\\');
        put((byte) c);
    }

    private void putUtf8(String value, int index) throws IOException {
        int end = Character.isHighSurrogate(value.charAt(index)) && index + 1 < value.length()
                ? index + 2 : index + 1;
        for (byte b : value.substring(index, end).getBytes(StandardCharsets.UTF_8)) {
            put(b);
        }
    }

    private void writeDate(LocalDate date) throws IOException {
        int year = date.getYear();
        writeLong(year);
        put((byte) '-');
        twoDigits(date.getMonthValue());
        put((byte) '-');
        twoDigits(date.getDayOfMonth());
    }

    private void twoDigits(int value) throws IOException {
        put((byte) ('0' + value / 10));
        put((byte) ('0' + value % 10));
    }

    private void writeLong(long value) throws IOException {
        if (value == Long.MIN_VALUE) {
            for (byte b : Long.toString(value).getBytes(StandardCharsets.US_ASCII)) {
                put(b);
            }
            return;
        }
        if (value < 0) {
            put((byte) '-');
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (n > 0) {
            put(digits[--n]);
        }
    }

    private void put(byte b) throws IOException {
        if (position == buffer.length) {
            out.write(buffer, 0, position);
            position = 0;
        }
        buffer[position++] = b;
    }
}
