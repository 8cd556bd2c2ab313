package io.quarry.api.adversarial;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Well-formed requests to the running server (the isolation suite's client), with a timeout. */
final class ApiClient {

    /** An answer: status, content type, body and the request id the server echoed. */
    record Response(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        /** The problem's {@code code}, or null if the body is no problem. */
        String code() {
            try {
                Object code = Json.object(Json.parse(body)).get("code");
                return code == null ? null : code.toString();
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
        }
    }

    /** A request that did not answer within the timeout. */
    static final class Hang extends IOException {
        Hang(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Duration timeout;

    ApiClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    Response send(String method, String path, String token, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (HttpTimeoutException e) {
            throw new Hang(method + " " + path + " gave no answer within " + timeout, e);
        }
    }

    /** POSTs {@code body} as {@code contentType}, accepting {@code accept}. */
    Response post(String path, String token, String contentType, String accept, String body)
            throws IOException, InterruptedException {
        return send("POST", path, token, Map.of("Content-Type", contentType, "Accept", accept), body);
    }
}
