package io.quarry.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.compression.DecompressionException;
import io.quarry.api.metrics.QuarryMetrics;
import jakarta.inject.Singleton;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** Request bodies that cannot be read at all: an unknown charset (415), a broken compressed body (400). */
final class RequestBodyHandlers {

    private RequestBodyHandlers() {
    }

    @Singleton
    @Produces
    static final class UnknownCharset implements ExceptionHandler<UnsupportedCharsetException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        UnknownCharset(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnsupportedCharsetException e) {
            return unsupported(metrics, e.getCharsetName());
        }
    }

    @Singleton
    @Produces
    static final class IllegalCharset implements ExceptionHandler<IllegalCharsetNameException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        IllegalCharset(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IllegalCharsetNameException e) {
            return unsupported(metrics, e.getCharsetName());
        }
    }

    @Singleton
    @Produces
    static final class BrokenCompression implements ExceptionHandler<DecompressionException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        BrokenCompression(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DecompressionException e) {
            return ProblemResponses.respond(metrics, HttpStatus.BAD_REQUEST, Problem.of("BODY_NOT_DECODABLE",
                    "The request body cannot be decompressed", 400, "the body does not match its Content-Encoding"));
        }
    }

    private static HttpResponse<Problem> unsupported(QuarryMetrics metrics, String charset) {
        String name = charset == null ? "" : charset.length() > 40 ? charset.substring(0, 40) + "..." : charset;
        return ProblemResponses.respond(metrics, HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problem.of("UNSUPPORTED_CHARSET",
                "Unsupported charset", 415, "the request's charset '" + name + "' is not supported; send UTF-8"));
    }
}
