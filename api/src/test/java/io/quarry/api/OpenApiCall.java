package io.quarry.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One row of the OpenAPI conformance table: a real request (method, path, body, token, headers),
 * the status it must get, and what must be held while it runs (to reach a 429).
 */
final class OpenApiCall {

    /** Something held while the request runs, such as every report permit of its caller. */
    interface Hold {
        AutoCloseable start() throws Exception;
    }

    /** A real answer: status, Content-Type (empty without one), body. */
    record Answer(int status, String contentType, String body) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final String name;
    String method = "GET";
    String path;
    String contentType;
    String body;
    String accept;
    String token;
    final Map<String, String> headers = new LinkedHashMap<>();
    int status;
    Hold hold;

    private OpenApiCall(String name) {
        this.name = name;
    }

    static OpenApiCall call(String name) {
        return new OpenApiCall(name);
    }

    OpenApiCall get(String path) {
        return request("GET", path, null, null);
    }

    OpenApiCall delete(String path) {
        return request("DELETE", path, null, null);
    }

    OpenApiCall post(String path, String contentType, String body) {
        return request("POST", path, contentType, body);
    }

    OpenApiCall put(String path, String contentType, String body) {
        return request("PUT", path, contentType, body);
    }

    OpenApiCall accept(String mediaType) {
        this.accept = mediaType;
        return this;
    }

    OpenApiCall token(String bearer) {
        this.token = bearer;
        return this;
    }

    OpenApiCall header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    OpenApiCall holding(Hold held) {
        this.hold = held;
        return this;
    }

    OpenApiCall expect(int expected) {
        this.status = expected;
        return this;
    }

    /** The path without its query string. */
    String route() {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    Answer send(URL server) throws Exception {
        if (hold == null) {
            return exchange(server);
        }
        try (AutoCloseable held = hold.start()) {
            return exchange(server);
        }
    }

    private Answer exchange(URL server) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + method + " " + path, e);
        }
    }

    private OpenApiCall request(String verb, String target, String type, String content) {
        this.method = verb;
        this.path = target;
        this.contentType = type;
        this.body = content;
        return this;
    }

    @Override
    public String toString() {
        return name + " (" + method + " " + route() + " -> " + status + ")";
    }

    /**
     * An NDJSON batch to /ingest/events that streams (chunked, one row sent) until closed, holding
     * one ingest permit of the token's subject; then it is finished and its answer read.
     */
    static AutoCloseable heldIngestBatch(URL server, String token, long account) throws Exception {
        Socket socket = new Socket(server.getHost(), server.getPort());
        OutputStream out = socket.getOutputStream();
        String row = "{\"account_id\": " + account + ", \"event_id\": " + System.nanoTime() + ", \"created_at\":"
                + " \"2026-06-01T10:00:00Z\", \"name\": \"sign_up\"}\n";
        out.write(("POST /api/v1/ingest/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/x-ndjson\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(row.length()) + "\r\n" + row + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!call("metrics").get("/prometheus").send(server).body().contains("quarry_ingest_active 1.0")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return () -> {
            try (socket) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                socket.getInputStream().readAllBytes();
            }
        };
    }
}
