package io.quarry.api.rollups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What rollup tests do through the real server over HTTP: ingest a batch, run and explain a
 * report, scrape the metrics. Report rows come back as text cells ({@link Cells}), comparable
 * with rows read from the facts by SQL.
 */
final class RollupCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URL server;
    private final TokenGenerator tokens;

    RollupCalls(URL server, TokenGenerator tokens) {
        this.server = server;
        this.tokens = tokens;
    }

    /** A token that may read and ingest for {@code accounts}. */
    String writer(String subject, List<Long> accounts) {
        return tokens.generateToken(Map.of("sub", subject, "accounts", accounts, "scope", "read ingest",
                "exp", Instant.now().plusSeconds(600).getEpochSecond())).orElseThrow();
    }

    /** Posts a batch ({@code text/csv} or {@code application/x-ndjson}); fails unless it is stored. */
    void ingest(String endpoint, String contentType, String body, String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server + "/api/v1/ingest/" + endpoint))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("ingest answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** A text report's rows, as text cells. */
    List<List<String>> rows(String report, String token) {
        JsonNode rows = post("/api/v1/reports/query", report, token).get("rows");
        List<List<String>> cells = new ArrayList<>();
        rows.forEach(row -> {
            List<String> values = new ArrayList<>();
            row.forEach(value -> values.add(value.isNull() ? null : Cells.of(value.asText())));
            cells.add(values);
        });
        return cells;
    }

    /** The descriptions of the plan steps of a report's explain, one per line. */
    String explain(String report, String token) {
        List<String> steps = new ArrayList<>();
        post("/api/v1/reports/explain", report, token).get("steps").forEach(step -> steps.add(
                step.get("name").asText() + ": " + step.get("description").asText()));
        return steps.stream().collect(Collectors.joining("\n"));
    }

    String prometheus() {
        return send(HttpRequest.newBuilder(URI.create(server + "/prometheus")).build()).body();
    }

    private JsonNode post(String path, String report, String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(report)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
