package io.quarry.api.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded buffer between a stream's writer (reading the database cursor) and the HTTP
 * response that drains it. Unlike a plain pipe, it can end two ways: {@link #finish()} (the
 * reader sees the end of the stream) or {@link #fail} (the reader gets an {@link IOException}
 * after the bytes already written, so the response is aborted instead of ending cleanly: a
 * client never takes a cut export for a complete one). A writer waiting longer than the idle
 * time for the reader to make room fails with {@link IdleException}: a client that stops reading
 * does not hold a database connection forever.
 */
final class StreamPipe {

    /** The reader took nothing for the idle time while the buffer was full. */
    static final class IdleException extends IOException {
        IdleException(long millis) {
            super("the client read nothing for " + millis + " ms");
        }
    }

    private final byte[] buffer;
    private final long idleNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private int start;
    private int size;
    private boolean finished;
    private boolean readerClosed;
    private IOException failure;

    StreamPipe(int bytes, long idleMillis) {
        this.buffer = new byte[bytes];
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
    }

    /** The writer's end. */
    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                put(bytes, offset, length);
            }
        };
    }

    /** The reader's end: the response body. */
    InputStream body() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return take(bytes, offset, length);
            }

            @Override
            public void close() {
                closeReader();
            }
        };
    }

    /** The stream is complete: the reader gets the rest, then the end. */
    void finish() {
        lock.lock();
        try {
            finished = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The stream failed: the reader gets what was written, then this failure. */
    void fail(Throwable cause) {
        lock.lock();
        try {
            failure = new IOException("the report stream failed after it started: " + cause.getMessage(), cause);
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void put(byte[] bytes, int offset, int length) throws IOException {
        lock.lock();
        try {
            int written = 0;
            while (written < length) {
                long waited = idleNanos;
                while (size == buffer.length && !readerClosed && failure == null) {
                    if (waited <= 0) {
                        throw new IdleException(TimeUnit.NANOSECONDS.toMillis(idleNanos));
                    }
                    waited = writable.awaitNanos(waited);
                }
                if (readerClosed) {
                    throw new IOException("the client went away");
                }
                if (failure != null) {
                    throw failure;
                }
                int end = (start + size) % buffer.length;
                int chunk = Math.min(length - written, Math.min(buffer.length - size, buffer.length - end));
                System.arraycopy(bytes, offset + written, buffer, end, chunk);
                size += chunk;
                written += chunk;
                readable.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming", e);
        } finally {
            lock.unlock();
        }
    }

    private int take(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (size == 0 && !finished && failure == null) {
                readable.await();
            }
            if (size == 0) {
                if (failure != null) {
                    throw failure;
                }
                return -1;
            }
            int chunk = Math.min(length, Math.min(size, buffer.length - start));
            System.arraycopy(buffer, start, bytes, offset, chunk);
            start = (start + chunk) % buffer.length;
            size -= chunk;
            writable.signalAll();
            return chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming", e);
        } finally {
            lock.unlock();
        }
    }

    private void closeReader() {
        lock.lock();
        try {
            readerClosed = true;
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
