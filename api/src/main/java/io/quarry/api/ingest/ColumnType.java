package io.quarry.api.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quarry.api.ingest.RawRow.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The column types ingest accepts and how each raw value becomes a field of PostgreSQL's COPY
 * text format. Conversion happens here, in Java, so a bad value is refused with its line and
 * column before anything reaches the database (a COPY error would name neither reliably on
 * Citus, and would end the batch at the first one).
 */
enum ColumnType {
    /** bigint: a JSON integer or a string of digits. */
    BIGINT,
    /** bigint that may not be negative (impressions, clicks...). */
    COUNT,
    /** numeric(14,4) that may not be negative: below 10^10, at most 4 decimals. */
    MONEY,
    /** date, {@code YYYY-MM-DD}. */
    DATE,
    /** timestamptz in ISO 8601 with an explicit offset ({@code Z} or {@code +02:00}): never a session time zone. */
    TIMESTAMPTZ,
    /** text, from a string. */
    TEXT,
    /** jsonb object: a JSON object (NDJSON) or its text (CSV). */
    JSON_OBJECT;

    private static final BigDecimal MONEY_LIMIT = new BigDecimal("10000000000");
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter UTC_TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /**
     * Converts {@code raw} (non-null) into {@code cell}: appends its COPY text and, for dates and
     * timestamps, sets its time in epoch microseconds; or sets the reason it is refused.
     */
    void convert(String raw, Kind kind, Cell cell) {
        switch (this) {
            case BIGINT, COUNT -> integer(raw, kind, cell);
            case MONEY -> money(raw, kind, cell);
            case DATE -> date(raw, kind, cell);
            case TIMESTAMPTZ -> timestamp(raw, kind, cell);
            case TEXT -> text(raw, kind, cell);
            case JSON_OBJECT -> json(raw, kind, cell);
            default -> throw new IllegalStateException(name());
        }
    }

    private void integer(String raw, Kind kind, Cell cell) {
        if (kind != Kind.NUMBER && kind != Kind.STRING) {
            cell.refuse("expected a whole number, got " + describe(kind));
            return;
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            cell.refuse("expected a whole number, got " + quote(raw));
            return;
        }
        if (this == COUNT && value < 0) {
            cell.refuse("must not be negative, got " + value);
            return;
        }
        cell.out.append(value);
        cell.number = value;
    }

    private static void money(String raw, Kind kind, Cell cell) {
        if (kind != Kind.NUMBER && kind != Kind.STRING) {
            cell.refuse("expected a decimal number, got " + describe(kind));
            return;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            cell.refuse("expected a decimal number, got " + quote(raw));
            return;
        }
        if (value.signum() < 0) {
            cell.refuse("must not be negative, got " + raw);
        } else if (value.compareTo(MONEY_LIMIT) >= 0) {
            cell.refuse("must be below 10000000000, got " + quote(raw));
        } else if (value.stripTrailingZeros().scale() > 4) {
            cell.refuse("has more than 4 decimals: " + quote(raw));
        } else {
            cell.out.append(value.toPlainString());
        }
    }

    private static void date(String raw, Kind kind, Cell cell) {
        if (kind != Kind.STRING) {
            cell.refuse("expected a date (YYYY-MM-DD), got " + describe(kind));
            return;
        }
        try {
            LocalDate day = LocalDate.parse(raw);
            cell.time = Math.multiplyExact(day.toEpochDay(), 86_400_000_000L);
            cell.out.append(day);
        } catch (DateTimeParseException | ArithmeticException e) {
            cell.refuse("expected a date (YYYY-MM-DD), got " + quote(raw));
        }
    }

    private static void timestamp(String raw, Kind kind, Cell cell) {
        if (kind != Kind.STRING) {
            cell.refuse("expected a timestamp (ISO 8601 with an offset), got " + describe(kind));
            return;
        }
        String text = raw.length() > 10 && raw.charAt(10) == ' ' ? raw.substring(0, 10) + 'T' + raw.substring(11) : raw;
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            cell.time = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
            utc(instant, cell.out);
        } catch (DateTimeParseException | ArithmeticException e) {
            cell.refuse("expected a timestamp in ISO 8601 with an offset (2026-06-01T12:00:00Z), got " + quote(raw));
        }
    }

    /** {@code YYYY-MM-DD HH:MM:SS.ffffff+00}, without a formatter: this runs for every event. */
    private static void utc(Instant instant, StringBuilder out) {
        java.time.LocalDateTime time = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0,
                java.time.ZoneOffset.UTC);
        if (time.getYear() < 1000 || time.getYear() > 9999) {
            out.append(UTC_TIMESTAMP.format(time)); // outside any partition anyway; kept exact
        } else {
            out.append(time.getYear()).append('-');
            pad(out, time.getMonthValue(), 2).append('-');
            pad(out, time.getDayOfMonth(), 2).append(' ');
            pad(out, time.getHour(), 2).append(':');
            pad(out, time.getMinute(), 2).append(':');
            pad(out, time.getSecond(), 2);
        }
        out.append('.');
        pad(out, instant.getNano() / 1_000, 6).append("+00");
    }

    private static StringBuilder pad(StringBuilder out, int value, int digits) {
        for (int scale = digits == 2 ? 10 : 100_000; scale > 1 && value < scale; scale /= 10) {
            out.append('0');
        }
        return out.append(value);
    }

    private static void text(String raw, Kind kind, Cell cell) {
        if (kind != Kind.STRING) {
            cell.refuse("expected a string, got " + describe(kind));
        } else if (raw.indexOf('\0') >= 0) {
            cell.refuse("contains a NUL character (U+0000), which PostgreSQL text cannot hold");
        } else {
            escape(raw, cell.out);
        }
    }

    private static void json(String raw, Kind kind, Cell cell) {
        if (kind == Kind.OBJECT) {
            // Parsed once already by the NDJSON parser; only the NUL escape jsonb refuses remains.
            if (raw.contains("\\u0000")) {
                cell.refuse("contains a NUL character (\\u0000), which jsonb cannot hold");
            } else {
                escape(raw, cell.out);
            }
            return;
        }
        if (kind != Kind.STRING) {
            cell.refuse("expected a JSON object, got " + describe(kind));
            return;
        }
        try (JsonParser parser = JSON.createParser(raw)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                cell.refuse("expected a JSON object");
                return;
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                cell.refuse("expected one JSON object, found more after it");
                return;
            }
        } catch (IOException e) {
            cell.refuse("is not valid JSON");
            return;
        }
        if (raw.contains("\\u0000") || raw.indexOf('\0') >= 0) {
            cell.refuse("contains a NUL character (\\u0000), which jsonb cannot hold");
        } else {
            escape(raw, cell.out);
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped. */
    static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
        };
    }

    static String quote(String raw) {
        return "\"" + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "\"";
    }

    /** The outcome of converting one value: COPY text appended to {@link #out}, or a refusal. */
    static final class Cell {
        final StringBuilder out;
        String refusal;
        long time;
        long number;

        Cell(StringBuilder out) {
            this.out = out;
        }

        void refuse(String reason) {
            refusal = reason;
        }
    }
}
