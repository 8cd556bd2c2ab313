package io.quarry.api.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Recognises {@code {"query": "..."}}, the text form wrapped in JSON, without parsing anything else. */
final class TextEnvelope {

    private static final JsonFactory JSON = new JsonFactory();

    private TextEnvelope() {
    }

    /** The text form if the body is exactly an object with one string member "query", else null. */
    static String text(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                    || !"query".equals(parser.currentName()) || parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            String text = parser.getText();
            return parser.nextToken() == JsonToken.END_OBJECT && parser.nextToken() == null ? text : null;
        } catch (IOException e) {
            return null;
        }
    }
}
