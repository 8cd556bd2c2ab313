package io.quarry.api.saved;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls of /api/v1/saved-reports for the tests, answering parsed JSON. */
final class SavedReportCalls {

    static final String BASE = "/api/v1/saved-reports";

    private final HttpClient client;

    SavedReportCalls(HttpClient client) {
        this.client = client;
    }

    /** A name no other test uses. */
    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> body(String name, Object definition) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("definition", definition);
        return body;
    }

    Map<String, Object> create(String token, Map<String, Object> body) {
        HttpResponse<Map<String, Object>> response = exchange(HttpRequest.POST(BASE, body).bearerAuth(token));
        assertThat(response.code()).isEqualTo(201);
        assertThat(response.getHeaders().get("Location")).isEqualTo(BASE + "/" + response.body().get("id"));
        assertThat(response.getHeaders().get("ETag")).isEqualTo("\"" + response.body().get("version") + "\"");
        return response.body();
    }

    HttpResponse<Map<String, Object>> exchange(MutableHttpRequest<?> request) {
        return client.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class));
    }

    Map<String, Object> ok(MutableHttpRequest<?> request) {
        HttpResponse<Map<String, Object>> response = exchange(request);
        assertThat(response.code()).isEqualTo(200);
        return response.body();
    }

    List<Map<String, Object>> list(MutableHttpRequest<?> request) {
        return client.toBlocking().retrieve(request, Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    /** The problem+json of a request that must fail, with its status. */
    Map<String, Object> problem(MutableHttpRequest<?> request, int status) {
        try {
            client.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class));
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).as("status of %s %s", request.getMethod(), request.getPath())
                    .isEqualTo(status);
            assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
                    .startsWith("application/problem+json"));
            return e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        }
        throw new AssertionError("expected " + status + " from " + request.getMethod() + " " + request.getPath());
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }
}
