package io.quarry.api.admin;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Admin and report requests over plain HTTP to the real server, with admin and reporting tokens. */
final class AdminCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URL server;
    private final TokenGenerator tokens;

    AdminCalls(URL server, TokenGenerator tokens) {
        this.server = server;
        this.tokens = tokens;
    }

    /** A token for {@code subject}; {@code roles} null: no roles claim. */
    String token(String subject, List<Long> accounts, Object roles) {
        Map<String, Object> claims = new HashMap<>(Map.of("sub", subject, "accounts", accounts,
                "exp", Instant.now().plusSeconds(600).getEpochSecond()));
        if (roles != null) {
            claims.put("roles", roles);
        }
        return tokens.generateToken(claims).orElseThrow();
    }

    /** An admin's token: roles ["quarry-admin"], no accounts needed but one given like any issuer might. */
    String admin(String subject) {
        return token(subject, List.of(), List.of("quarry-admin"));
    }

    Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    Answer post(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    /** The JSON of a 2xx answer; fails on anything else. */
    JsonNode ok(Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError("answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** A text-form report's answer. */
    Answer report(String text, String token) {
        return post("/api/v1/reports/query", text, token);
    }

    /** A text-form report POSTed to {@code path}. */
    Answer post(String path, String text, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)), token);
    }

    /** Polls {@code path} until its JSON satisfies {@code done}, for at most {@code timeout}. */
    JsonNode await(String path, String token, Predicate<JsonNode> done, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = ok(get(path, token));
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not finish within " + timeout + "; last answer: " + last);
    }

    private URI uri(String path) {
        return URI.create(server + path);
    }

    private Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer with its JSON body. */
    record Answer(int status, String contentType, JsonNode body) {
        String code() {
            return body.path("code").asText();
        }
    }
}
