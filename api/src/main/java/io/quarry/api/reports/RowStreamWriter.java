package io.quarry.api.reports;

import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.ResponseBodyWriter;
import jakarta.inject.Singleton;
import java.io.OutputStream;

/**
 * Writes a {@link RowStream} as an HTTP response body: its chunks go to the connection in the
 * connection's own buffers as the connection takes them (chunked transfer encoding), with no
 * further copy, pipe or thread between the stream and the socket.
 */
@Singleton
final class RowStreamWriter implements ResponseBodyWriter<RowStream> {

    @Override
    public CloseableByteBody writePiece(ByteBodyFactory bodyFactory, HttpRequest<?> request, HttpResponse<?> response,
                                        Argument<RowStream> type, MediaType mediaType, RowStream stream) {
        return bodyFactory.adapt(stream.chunks(bodyFactory.readBufferFactory()));
    }

    /** Not used by the Netty server, which writes through {@link #writePiece}. */
    @Override
    public void writeTo(Argument<RowStream> type, MediaType mediaType, RowStream stream, MutableHeaders headers,
                        OutputStream out) {
        throw new UnsupportedOperationException("a report stream is written to the HTTP connection only");
    }
}
