package io.quarry.api.adversarial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so the fuzzer can send what no HTTP client library would:
 * any bytes in header values, any method, any body. One request per connection
 * ({@code Connection: close}); an answer that does not come within the timeout is a hang.
 */
final class RawHttp {

    /** An answer, or why there was none ({@code hang}: the timeout passed; {@code error}: the connection failed). */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean hang, String error) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final Duration timeout;

    RawHttp(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** Sends a request; {@code headers} are name and value pairs written as given (Host, length and close added). */
    Answer send(String method, String target, List<String[]> headers, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n");
        for (String[] header : headers) {
            write(request, header[0] + ": " + header[1] + "\r\n");
        }
        if (body != null) {
            write(request, "Content-Length: " + body.length + "\r\n");
        }
        write(request, "Connection: close\r\n\r\n");
        if (body != null) {
            request.writeBytes(body);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 400) and close before it read everything: read what it said.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
                if (System.nanoTime() > deadline) {
                    return new Answer(0, Map.of(), received.toByteArray(), true, "still sending after " + timeout);
                }
            }
            return parse(received.toByteArray());
        } catch (SocketTimeoutException e) {
            return new Answer(0, Map.of(), new byte[0], true, "no answer within " + timeout);
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Answer parse(byte[] bytes) {
        int split = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (split < 0) {
            return new Answer(0, Map.of(), bytes, false, bytes.length == 0 ? "connection closed without an answer"
                    : "no end of headers in " + bytes.length + " bytes");
        }
        String[] lines = new String(bytes, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, split + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        try {
            return new Answer(Integer.parseInt(status[1]), headers, body, false, null);
        } catch (RuntimeException e) {
            return new Answer(0, headers, body, false, "bad status line: " + lines[0]);
        }
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int end = indexOf(body, new byte[] {'\r', '\n'}, at);
            if (end < 0) {
                break;
            }
            String size = new String(body, at, end - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (length == 0 || end + 2 + length > body.length) {
                break;
            }
            out.write(body, end + 2, length);
            at = end + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
