package io.quarry.api.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.quarry.api.ingest.RawRow.Kind;
import java.io.IOException;
import java.util.List;

/**
 * NDJSON rows: one JSON object per line, members named like the table's columns; blank lines are
 * skipped. Read line by line with Jackson's streaming parser (no object tree), so a row costs
 * one small parse; a nested object (the {@code data} column) is kept as its JSON text.
 */
final class NdjsonRows implements RowSource {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final CharInput input;
    private final IngestTable table;
    private final int maxLineChars;
    private final StringBuilder line = new StringBuilder(256);

    NdjsonRows(CharInput input, IngestTable table, int maxLineChars) {
        this.input = input;
        this.table = table;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public List<RowError> start() {
        return List.of();
    }

    @Override
    public long line() {
        return input.line();
    }

    @Override
    public boolean next(RawRow row) throws IOException {
        while (true) {
            long number = input.line();
            if (!input.readLine(line, maxLineChars)) {
                return false;
            }
            String text = line.toString();
            if (!text.isBlank()) {
                row.reset(number);
                parse(text, row);
                return true;
            }
        }
    }

    private void parse(String text, RawRow row) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                row.problem = RowError.of("MALFORMED_ROW", row.line, null, "expected a JSON object per line");
                return;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int index = table.index(name);
                JsonToken value = parser.nextToken();
                if (index < 0) {
                    row.problem = RowError.of("UNKNOWN_COLUMN", row.line, name, "unknown column '" + name
                            + "' for " + table.table() + "; the columns are " + table.names());
                    return;
                }
                if (row.kinds[index] != null || row.values[index] != null) {
                    row.problem = RowError.of("DUPLICATE_COLUMN", row.line, name, "'" + name + "' is given twice");
                    return;
                }
                switch (value) {
                    case VALUE_STRING -> row.set(index, parser.getText(), Kind.STRING);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> row.set(index, parser.getText(), Kind.NUMBER);
                    case VALUE_TRUE, VALUE_FALSE -> row.set(index, parser.getText(), Kind.BOOLEAN);
                    case VALUE_NULL -> row.set(index, null, null);
                    case START_OBJECT -> {
                        int from = (int) parser.currentTokenLocation().getCharOffset();
                        parser.skipChildren();
                        int to = (int) parser.currentLocation().getCharOffset();
                        row.set(index, text.substring(from, to), Kind.OBJECT);
                    }
                    case START_ARRAY -> {
                        parser.skipChildren();
                        row.set(index, "[]", Kind.ARRAY);
                    }
                    default -> {
                        row.problem = RowError.of("MALFORMED_ROW", row.line, name, "unexpected " + value);
                        return;
                    }
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                row.problem = RowError.of("MALFORMED_ROW", row.line, null,
                        "expected one JSON object per line, found more after it");
            }
        } catch (JsonProcessingException e) {
            row.problem = RowError.of("MALFORMED_ROW", row.line, null, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            row.problem = RowError.of("MALFORMED_ROW", row.line, null, "not valid JSON");
        }
    }
}
