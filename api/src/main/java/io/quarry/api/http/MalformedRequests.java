package io.quarry.api.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.api.problem.Problem;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests Netty could not decode (a request line longer than
 * {@code micronaut.server.netty.max-initial-line-length}: 414; header fields larger than
 * {@code max-header-size} in all: 431, RFC 6585; a malformed request line or header field: 400)
 * with a complete {@code application/problem+json} response, then closes the connection.
 *
 * <p>Why not leave them to Micronaut: after such a failure Netty's decoder discards everything
 * else the connection sends, so the connection must close after the answer, and Micronaut 4.10
 * only closes it while the request it answers still carries the failure. A request whose target
 * also has a malformed percent-escape ({@code ?x=%zz}) loses it: Micronaut answers a 400 for the
 * URI, for a stand-in request with a good decoder result and no headers, and keeps the connection
 * open (a {@code Connection: close} after the failing header was never read). The client waits
 * for the end of that answer, or for the answer to its next request, until the idle timeout
 * (5 minutes). And Micronaut says 413, the status of an oversized body, for an oversized header
 * block or request line. So {@link MalformedRequestHandler} answers them itself, between Netty's
 * codec and Micronaut, after the answers to any earlier pipelined requests.
 */
@Singleton
final class MalformedRequests implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(MalformedRequests.class);
    static final String HANDLER = "quarry-malformed-requests";

    private final NettyHttpServerConfiguration server;
    private final JsonMapper json;
    // Lazily: this listener is created with the server, before the meters need to be.
    private final Provider<QuarryMetrics> metrics;

    MalformedRequests(NettyHttpServerConfiguration server, JsonMapper json, Provider<QuarryMetrics> metrics) {
        this.server = server;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** The answer to a request whose decoding failed with {@code cause}: a problem, {@code Connection: close}. */
    FullHttpResponse answer(Throwable cause) {
        HttpStatus status;
        String detail;
        if (cause instanceof TooLongHttpLineException) {
            status = HttpStatus.REQUEST_URI_TOO_LONG;
            detail = "the request line is longer than " + server.getMaxInitialLineLength() + " bytes";
        } else if (cause instanceof TooLongFrameException) {
            status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            detail = "the request's header fields are larger than " + server.getMaxHeaderSize() + " bytes in all";
        } else {
            status = HttpStatus.BAD_REQUEST;
            detail = "the request line or a header field is malformed";
        }
        LOG.debug("Refused a request Netty could not decode ({}): {}", status.getCode(), cause.toString());
        String code = status.name();
        metrics.get().error(code);
        byte[] body;
        try {
            body = json.writeValueAsBytes(Problem.of(code, status.getReason(), status.getCode(), detail));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status.getCode()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.DATE, DateFormatter.format(new Date()))
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    /** Puts a {@link MalformedRequestHandler} right after the HTTP/1 codec of every connection. */
    private final class Customizer implements NettyServerCustomizer {

        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            // HTTP/1 only: an HTTP/2 stream has no such codec (and its own framing errors).
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER,
                        new MalformedRequestHandler(MalformedRequests.this));
            }
        }
    }
}
