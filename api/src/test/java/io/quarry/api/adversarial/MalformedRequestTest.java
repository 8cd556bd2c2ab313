package io.quarry.api.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests Netty cannot decode, alone and combined with each other and with a malformed
 * percent-escape: an oversized header block, an oversized request line, {@code %zz} in the path
 * and in the query, a header name with characters no token may have. Each gets a complete
 * {@code application/problem+json} 4xx answer within seconds and the connection closes (an
 * oversized header with {@code %zz} in the target got a 400 on a connection left open, whose
 * decoder reads nothing more: a client waiting for the end of the answer waited for the idle
 * timeout). The status says what is wrong: 414 for the request line, 431 (RFC 6585) for the
 * headers, 400 for a malformed line or field.
 */
@MicronautTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MalformedRequestTest extends ApiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String ROUTE = "/api/v1/saved-reports";
    /** Twice Netty's default limit of 8192 bytes for the header block. */
    private static final String[] BIG_HEADER = {"X-Padding", "p".repeat(16_384)};
    /** A header name with a space and a parenthesis, neither allowed in a token. */
    private static final String[] BAD_NAME = {"X Bad(name)", "v"};
    /** Past Netty's default limit of 4096 bytes for the request line. */
    private static final String LONG_QUERY = "?pad=" + "q".repeat(6_000);

    @Inject
    EmbeddedServer server;

    private enum Flaw { BIG_HEADER, LONG_LINE, BAD_PATH_ESCAPE, BAD_QUERY_ESCAPE, BAD_HEADER_NAME }

    @Test
    void everyCombinationGetsACompleteProblemAndTheConnectionCloses() {
        RawHttp http = new RawHttp(server.getHost(), server.getPort(), TIMEOUT);
        Flaw[] flaws = Flaw.values();
        List<String> failures = new ArrayList<>();
        for (int mask = 1; mask < 1 << flaws.length; mask++) {
            List<Flaw> combination = new ArrayList<>();
            for (int i = 0; i < flaws.length; i++) {
                if ((mask & 1 << i) != 0) {
                    combination.add(flaws[i]);
                }
            }
            String target = (combination.contains(Flaw.BAD_PATH_ESCAPE) ? "/api/v1/saved-%zzreports" : ROUTE)
                    + (combination.contains(Flaw.LONG_LINE) ? LONG_QUERY : "")
                    + (combination.contains(Flaw.BAD_QUERY_ESCAPE) ? (combination.contains(Flaw.LONG_LINE) ? "&" : "?")
                    + "x=%zz" : "");
            List<String[]> headers = new ArrayList<>();
            if (combination.contains(Flaw.BAD_HEADER_NAME)) {
                headers.add(BAD_NAME);
            }
            if (combination.contains(Flaw.BIG_HEADER)) {
                headers.add(BIG_HEADER);
            }
            headers.add(new String[] {"Authorization", "Bearer " + token("malformed", List.of(1L))});
            String problem = problemError(http.send("GET", target, headers, null), expectedStatus(combination));
            if (problem != null) {
                failures.add(combination + ": " + problem);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aHeadRequestWithAnOversizedHeaderIsAnsweredAndClosed() {
        RawHttp.Answer answer = new RawHttp(server.getHost(), server.getPort(), TIMEOUT)
                .send("HEAD", ROUTE + "?x=%zz", List.<String[]>of(BIG_HEADER), null);
        assertThat(answer.hang()).as("hang: " + answer.error()).isFalse();
        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
    }

    /** A malformed request pipelined after a good one is answered after it, then the connection closes. */
    @Test
    void aPipelinedMalformedRequestIsAnsweredAfterTheRequestBeforeIt() throws IOException {
        String host = "Host: " + server.getHost() + ":" + server.getPort() + "\r\n";
        String requests = "GET /health HTTP/1.1\r\n" + host + "\r\n"
                + "GET " + ROUTE + "?x=%zz HTTP/1.1\r\n" + host + BIG_HEADER[0] + ": " + BIG_HEADER[1] + "\r\n\r\n";
        byte[] received;
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            received = readToEnd(socket.getInputStream());
        }
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int second = text.indexOf("HTTP/1.1 ", 1);
        assertThat(text).startsWith("HTTP/1.1 200 ");
        assertThat(second).as(text).isPositive();
        assertThat(text.substring(second)).startsWith("HTTP/1.1 431 ").contains("REQUEST_HEADER_FIELDS_TOO_LARGE");
    }

    /** The status of the first failure noticed: the request line before the headers, their size before a name. */
    private static int expectedStatus(List<Flaw> flaws) {
        if (flaws.contains(Flaw.LONG_LINE)) {
            return 414;
        }
        if (flaws.contains(Flaw.BIG_HEADER)) {
            return 431;
        }
        return 400;
    }

    /** Why {@code answer} is not a complete problem with {@code status} on a closed connection, or null. */
    private static String problemError(RawHttp.Answer answer, int status) {
        if (answer.hang() || answer.status() == 0) {
            return "no complete answer: " + answer.error();
        }
        if (answer.status() != status) {
            return "status " + answer.status() + ", expected " + status + ": " + answer.text();
        }
        if (!answer.contentType().equals("application/problem+json")) {
            return "content type '" + answer.contentType() + "'";
        }
        String length = answer.headers().get("content-length");
        if (length == null || Integer.parseInt(length) != answer.body().length) {
            return "content-length " + length + " for a body of " + answer.body().length + " bytes";
        }
        Object body;
        try {
            body = Json.parse(answer.text());
        } catch (IllegalArgumentException e) {
            return "body is not JSON: " + answer.text();
        }
        if (!(body instanceof Map<?, ?> problem) || !new BigDecimal(status).equals(problem.get("status"))
                || !(problem.get("code") instanceof String) || !(problem.get("title") instanceof String)) {
            return "not a problem with status " + status + " and a code: " + answer.text();
        }
        return null;
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection stayed open after: "
                    + new String(out.toByteArray(), StandardCharsets.ISO_8859_1), e);
        }
        return out.toByteArray();
    }
}
