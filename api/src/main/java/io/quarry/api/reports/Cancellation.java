package io.quarry.api.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cancels a request's database query when its client disconnects: the executor registers how to
 * cancel the running statement, and the connection's close fires it.
 */
public final class Cancellation {

    private final AtomicReference<Runnable> action = new AtomicReference<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Watches the request's connection; a closed connection cancels what is registered. */
    public static Cancellation of(HttpRequest<?> request) {
        Cancellation cancellation = new Cancellation();
        if (request instanceof NettyHttpRequest<?> netty) {
            netty.getChannelHandlerContext().channel().closeFuture().addListener(f -> cancellation.cancel());
        }
        return cancellation;
    }

    /** For callers without an HTTP connection: never cancelled from outside. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Registers how to stop the work now running; runs it at once if already cancelled. */
    void onCancel(Runnable runnable) {
        action.set(runnable);
        if (cancelled.get()) {
            runnable.run();
        }
    }

    /** Work finished: a later disconnect has nothing to cancel. */
    void done() {
        action.set(null);
    }

    /** Whether the client went away (so a failure of the query is not the query's fault). */
    boolean cancelled() {
        return cancelled.get();
    }

    void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Runnable runnable = action.getAndSet(null);
            if (runnable != null) {
                runnable.run();
            }
        }
    }
}
