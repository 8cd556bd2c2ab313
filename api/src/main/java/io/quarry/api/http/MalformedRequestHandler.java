package io.quarry.api.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One connection's guard between Netty's HTTP/1 codec and Micronaut: a request the codec could not
 * decode never reaches Micronaut; it is answered here ({@link MalformedRequests#answer}) and the
 * connection closed, since the codec reads nothing more from it. Requests before it on the same
 * connection (HTTP/1.1 pipelining) are answered first: the answer waits until Micronaut has
 * written the end of theirs.
 */
final class MalformedRequestHandler extends ChannelDuplexHandler {

    private final MalformedRequests answers;
    /** Requests passed on to Micronaut whose final response has not been written yet. */
    private int unanswered;
    /** A malformed request came: nothing more is passed on. */
    private boolean refused;
    /** The answer to the malformed request, while earlier requests are still unanswered. */
    private FullHttpResponse held;

    MalformedRequestHandler(MalformedRequests answers) {
        this.answers = answers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            refused = true;
            Throwable cause = request.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            FullHttpResponse answer = answers.answer(cause);
            if (unanswered == 0) {
                send(ctx, answer);
            } else {
                held = answer;
            }
            return;
        }
        if (msg instanceof HttpRequest) {
            unanswered++;
        }
        // A failed HttpContent (a bad chunk) belongs to a request Micronaut already has: it answers it.
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // The end of a final response: a 100 Continue is a FullHttpResponse too.
        boolean last = msg instanceof LastHttpContent && !(msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL);
        ctx.write(msg, promise);
        if (last && unanswered > 0 && --unanswered == 0 && held != null) {
            FullHttpResponse answer = held;
            held = null;
            send(ctx, answer);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (held != null) {
            held.release();
            held = null;
        }
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse answer) {
        ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }
}
