package io.quarry.api;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * The OpenAPI document as the server serves it, read by a JSON-schema validator (OpenAPI 3.0
 * dialect: {@code nullable}, {@code $ref} into the document's components). Answers what the
 * document declares for an operation, and what is wrong with a real request or answer by it.
 */
final class OpenApiDocument {

    private static final String IRI = "https://quarry.invalid/swagger/quarry-v1.yaml";

    private final SchemaRegistry registry;
    private final JsonNode root;

    OpenApiDocument(String yaml) {
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(IRI,
                yaml)));
        this.root = registry.getSchema(SchemaLocation.of(IRI)).getSchemaNode();
    }

    /** Every operation the document declares, as "METHOD /path/{template}". */
    List<String> operations() {
        List<String> operations = new ArrayList<>();
        root.get("paths").properties().forEach(path -> path.getValue().properties().forEach(
                method -> operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** The path template of the document that {@code path} (without its query) matches. */
    Optional<String> template(String path) {
        List<String> templates = new ArrayList<>();
        root.get("paths").properties().forEach(entry -> templates.add(entry.getKey()));
        return templates.stream().filter(t -> Pattern.matches(t.replaceAll("\\{[^/]+}", "[^/]+"), path)).findFirst();
    }

    /** What is wrong with a real answer by the document: an undocumented status or type, a body off its schema. */
    List<String> answerViolations(String method, String template, int status, String contentType, String body) {
        String operation = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode responses = root.at(operation + "/responses");
        if (responses.isMissingNode()) {
            return List.of("the document has no operation " + method + " " + template);
        }
        JsonNode declared = responses.path(String.valueOf(status));
        if (declared.isMissingNode()) {
            return List.of("status " + status + " is not documented for " + method + " " + template
                    + " (documented: " + names(responses) + ")");
        }
        // A shared answer is a $ref into components/responses.
        String responsePointer = declared.has("$ref") ? declared.get("$ref").asString().substring(1)
                : operation + "/responses/" + status;
        JsonNode content = root.at(responsePointer + "/content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body.isEmpty() ? List.of() : List.of("status " + status + " is documented without a body, but one"
                    + " came: " + body);
        }
        if (!content.has(mediaType(contentType))) {
            return List.of("content type '" + contentType + "' is not documented for status " + status + " of "
                    + method + " " + template + " (documented: " + names(content) + ")");
        }
        String pointer = responsePointer + "/content/" + escape(mediaType(contentType)) + "/schema";
        return validate(pointer, body, mediaType(contentType));
    }

    /** What is wrong with a request body by the operation's documented request body. */
    List<String> requestViolations(String method, String template, String contentType, String body) {
        String operation = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode content = root.at(operation + "/requestBody/content");
        if (content.isMissingNode() || !content.has(mediaType(contentType))) {
            return List.of("request content type '" + contentType + "' is not documented for " + method + " "
                    + template);
        }
        return validate(operation + "/requestBody/content/" + escape(mediaType(contentType)) + "/schema", body,
                mediaType(contentType));
    }

    /** The errors of {@code body} against the schema at {@code pointer}: JSON bodies as JSON, others as a string. */
    List<String> validate(String pointer, String body, String mediaType) {
        Schema schema = registry.getSchema(SchemaLocation.of(IRI + "#" + pointer.replace("{", "%7B")
                .replace("}", "%7D")));
        boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
        List<Error> errors = json
                ? schema.validate(body, InputFormat.JSON) : schema.validate(StringNode.valueOf(body));
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static String mediaType(String contentType) {
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(entry -> names.add(entry.getKey()));
        return String.join(", ", names);
    }
}
