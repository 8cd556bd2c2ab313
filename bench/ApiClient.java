package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP calls to the running Quarry API. HttpURLConnection (blocking, keep-alive) rather than the
 * JDK's HttpClient: it costs the shared two cores far less CPU per request, so the client disturbs
 * the server it measures less.
 */
final class ApiClient {

    static {
        // Keep-alive connections per destination (default 5): at least one per worker.
        System.setProperty("http.maxConnections", "64");
    }

    private static final Pattern ROWS = Pattern.compile("\"(?:rowCount|totalRows)\"\\s*:\\s*(\\d+)");
    private static final Pattern PLAN = Pattern.compile("\"planMillis\"\\s*:\\s*([0-9.eE+-]+)");
    private static final Pattern CACHE = Pattern.compile("^quarry_report_cache_total\\{[^}]*result=\"(\\w+)\"[^}]*}\\s+([0-9.eE+]+)",
            Pattern.MULTILINE);

    private final String base;
    private final ObjectMapper mapper = new ObjectMapper();

    ApiClient(String base) {
        this.base = base;
    }

    /** One report through the API: its rows (CSV lines but the header) and, for JSON, the server's planning time. */
    Sample call(String endpoint, String accept, String report, String token) throws Exception {
        HttpURLConnection connection = post(endpoint, accept, report, token);
        try (InputStream body = connection.getInputStream()) {
            if (accept.equals("text/csv")) {
                return new Sample(countLines(body) - 1, Double.NaN);
            }
            return meta(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** What the API answers for {@code report} at POST /explain: its SQL, steps and the database's plan. */
    JsonNode explain(String report, String token) throws Exception {
        return mapper.readTree(text(post("/api/v1/reports/explain", "application/json", report, token)));
    }

    /** The server's cache hits and misses so far (Prometheus), or nothing when it does not count them. */
    Map<String, Long> cacheCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            Matcher m = CACHE.matcher(text((HttpURLConnection) URI.create(base + "/prometheus").toURL().openConnection()));
            while (m.find()) {
                counts.put(m.group(1), (long) Double.parseDouble(m.group(2)));
            }
        } catch (Exception e) {
            // metrics are optional for the benchmark
        }
        return counts;
    }

    /** A POSTed report whose answer is 200, ready to read; anything else throws with the problem's body. */
    private HttpURLConnection post(String endpoint, String accept, String report, String token) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + endpoint).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(120_000);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", "text/plain");
        connection.setRequestProperty("Accept", accept);
        byte[] body = report.getBytes(StandardCharsets.UTF_8);
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        if (status != 200) {
            try (InputStream error = connection.getErrorStream()) {
                throw new IllegalStateException(status + ": "
                        + (error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return connection;
    }

    private static String text(HttpURLConnection connection) throws Exception {
        try (InputStream body = connection.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Rows and planning time from the answer's meta (the last member), without parsing the whole body. */
    private static Sample meta(String body) {
        String tail = body.substring(Math.max(0, body.lastIndexOf("\"meta\"")));
        Matcher rows = ROWS.matcher(tail);
        Matcher plan = PLAN.matcher(tail);
        return new Sample(rows.find() ? Long.parseLong(rows.group(1)) : -1,
                plan.find() ? Double.parseDouble(plan.group(1)) : Double.NaN);
    }

    private static long countLines(InputStream in) throws Exception {
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }
}
