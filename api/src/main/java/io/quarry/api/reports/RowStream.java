package io.quarry.api.reports;

import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.core.io.buffer.ReadBufferFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A streamed report's body as chunks for the HTTP response, with back-pressure: the task that
 * reads the cursor ({@link RowStreamer}) encodes rows into its buffer and {@link #send}s a chunk
 * only when the response asks for one, which it does once the connection took the chunk before.
 * A slow client therefore holds at most a chunk or two in the server. The stream ends by
 * {@link #complete} or {@link #fail}; a failure after the response started aborts the connection,
 * so a client never takes a cut export for a complete one. The task waits for a request at most
 * the idle time ({@link IdleException}), and stops when the response cancels ({@link GoneException}:
 * the client went away, or the response was discarded).
 */
final class RowStream {

    /** The response asked for nothing for the idle time (the client stopped reading). */
    static final class IdleException extends IOException {
        IdleException(long millis) {
            super("the client read nothing for " + millis + " ms");
        }
    }

    /** The response cancelled the stream. */
    static final class GoneException extends IOException {
        GoneException() {
            super("the client went away");
        }
    }

    private static final Subscription NOTHING = new Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };

    private final long idleNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition requested = lock.newCondition();
    private volatile ReadBufferFactory buffers;
    private boolean subscribed;
    private Subscriber<? super ReadBuffer> subscriber;
    private long demand;
    private boolean cancelled;
    private boolean ended;
    private Throwable failure;

    RowStream(long idleMillis) {
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
    }

    /**
     * The chunks for one subscriber, in buffers of {@code factory} (the connection's own). The
     * stream is no publisher itself, so that the server writes it with {@link RowStreamWriter}.
     */
    Publisher<ReadBuffer> chunks(ReadBufferFactory factory) {
        this.buffers = factory;
        return this::subscribe;
    }

    private void subscribe(Subscriber<? super ReadBuffer> s) {
        lock.lock();
        boolean first = !subscribed;
        subscribed = true;
        lock.unlock();
        if (!first) {
            s.onSubscribe(NOTHING);
            s.onError(new IllegalStateException("a report stream is sent once"));
            return;
        }
        s.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                demand(n);
            }

            @Override
            public void cancel() {
                cancelStream();
            }
        });
        // Registered after onSubscribe returned, so no signal can overtake it; the stream may have
        // ended before (its failure, or an empty body), and then it is told here.
        lock.lock();
        subscriber = s;
        boolean over = ended && !cancelled;
        Throwable failed = failure;
        requested.signal();
        lock.unlock();
        if (over && failed == null) {
            s.onComplete();
        } else if (over) {
            s.onError(failed);
        }
    }

    /** Sends the first {@code length} bytes of {@code chunk} when the response asks for them. */
    void send(byte[] chunk, int length) throws IOException {
        Subscriber<? super ReadBuffer> s = awaitDemand();
        s.onNext(buffers.copyOf(ByteBuffer.wrap(chunk, 0, length)));
    }

    /** The stream is complete. */
    void complete() {
        Subscriber<? super ReadBuffer> s = end(null);
        if (s != null) {
            s.onComplete();
        }
    }

    /** The stream failed: the response is aborted after the chunks sent. */
    void fail(Throwable cause) {
        IOException failed = new IOException("the report stream failed after it started: " + cause.getMessage(), cause);
        Subscriber<? super ReadBuffer> s = end(failed);
        if (s != null) {
            s.onError(failed);
        }
    }

    private Subscriber<? super ReadBuffer> awaitDemand() throws IOException {
        lock.lock();
        try {
            long waited = idleNanos;
            while ((demand == 0 || subscriber == null) && !cancelled) {
                if (waited <= 0) {
                    throw new IdleException(TimeUnit.NANOSECONDS.toMillis(idleNanos));
                }
                waited = requested.awaitNanos(waited);
            }
            if (cancelled) {
                throw new GoneException();
            }
            demand--;
            return subscriber;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming", e);
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end; the subscriber to tell, unless none is registered yet or it cancelled. */
    private Subscriber<? super ReadBuffer> end(Throwable failed) {
        lock.lock();
        try {
            ended = true;
            failure = failed;
            return cancelled ? null : subscriber;
        } finally {
            lock.unlock();
        }
    }

    /** The response asks for {@code n} more chunks; a request of none breaks the protocol and cancels. */
    private void demand(long n) {
        lock.lock();
        try {
            if (n <= 0) {
                cancelled = true;
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            requested.signal();
        } finally {
            lock.unlock();
        }
    }

    private void cancelStream() {
        lock.lock();
        try {
            cancelled = true;
            requested.signal();
        } finally {
            lock.unlock();
        }
    }
}
