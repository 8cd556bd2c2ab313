package io.quarry.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ingest requests over plain HTTP (the JDK client, so bodies can be streamed, chunked or sized
 * exactly as a test needs), and tokens with or without the ingest scope.
 */
final class IngestCalls {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URL server;
    private final TokenGenerator tokens;

    IngestCalls(URL server, TokenGenerator tokens) {
        this.server = server;
        this.tokens = tokens;
    }

    /** A token for {@code subject} over {@code accounts} whose {@code scope} claim is {@code scope} (null: none). */
    String token(String subject, List<Long> accounts, Object scope) {
        Map<String, Object> claims = new HashMap<>(Map.of("sub", subject, "accounts", accounts,
                "exp", Instant.now().plusSeconds(600).getEpochSecond()));
        if (scope != null) {
            claims.put("scope", scope);
        }
        return tokens.generateToken(claims).orElseThrow();
    }

    /** A writer's token: scope "read ingest". */
    String writer(String subject, List<Long> accounts) {
        return token(subject, accounts, "read ingest");
    }

    Answer post(String endpoint, String contentType, String body, String token, String... headers) {
        return send(endpoint, contentType, HttpRequest.BodyPublishers.ofString(body), token, headers);
    }

    /** A body without Content-Length (chunked), read from {@code body}. */
    Answer postChunked(String endpoint, String contentType, Supplier<InputStream> body, String token) {
        return send(endpoint, contentType, HttpRequest.BodyPublishers.ofInputStream(body), token);
    }

    Answer send(String endpoint, String contentType, HttpRequest.BodyPublisher body, String token,
                String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + "/api/v1/ingest/" + endpoint))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token).POST(body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A text-form report's JSON answer. */
    JsonNode report(String text, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/api/v1/reports/query"))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(text)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("report answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first value of the first row of a report (a metric without dimensions), as a string. */
    String single(String text, String token) {
        JsonNode rows = report(text, token).get("rows");
        return rows.isEmpty() ? null : rows.get(0).get(0).asText();
    }

    String prometheus() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server + "/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer with its JSON body. */
    record Answer(int status, String contentType, String retryAfter, JsonNode body) {
        String code() {
            return body.path("code").asText();
        }
    }
}
