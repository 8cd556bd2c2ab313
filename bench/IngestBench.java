package bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Issue 14's ingest benchmark against a running server: batches of NDJSON events posted to
 * {@code POST /api/v1/ingest/events} (generated in memory beforehand, so the client costs
 * nothing while measured), and the same through {@code ./quarry ingest} (the CLI posting a file
 * from disk), in rows per second. The events land after the benchmark data's last day, so the
 * report shapes do not change.
 *
 * <p>Usage: {@code IngestBench BASE_URL SECRET_FILE JAR OUTPUT.md ROWS RUNS}
 */
public final class IngestBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Set<Long> accounts = LongStream.rangeClosed(1, 100).boxed().collect(Collectors.toSet());
        String token = new Tokens(Files.readString(Path.of(args[1])).trim()).token("bench-ingest", accounts, "read ingest");
        String jar = args[2];
        Path output = Path.of(args[3]);
        int rows = Integer.parseInt(args[4]);
        int runs = Integer.parseInt(args[5]);
        HttpClient client = HttpClient.newHttpClient();
        long firstId = 9_000_000_000L + System.currentTimeMillis() % 1_000_000 * 10_000_000L;
        post(client, base, token, events(firstId, 10_000)); // warm-up
        double[] api = new double[runs];
        for (int run = 0; run < runs; run++) {
            byte[] body = events(firstId + (run + 1) * (long) rows, rows);
            long start = System.nanoTime();
            post(client, base, token, body);
            api[run] = rows / ((System.nanoTime() - start) / 1e9);
        }
        Path file = Files.createTempFile("events-bench", ".ndjson");
        Files.write(file, events(firstId + (runs + 1) * (long) rows, rows));
        long start = System.nanoTime();
        Process cli = new ProcessBuilder("java", "-cp", jar, "io.quarry.api.cli.Ingest", "--url", base, "--token", token,
                "--table", "events", "--no-idempotency", file.toString()).redirectErrorStream(true).start();
        String cliOutput = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (cli.waitFor() != 0) {
            throw new IllegalStateException("./quarry ingest failed: " + cliOutput);
        }
        double cliRate = rows / ((System.nanoTime() - start) / 1e9);
        Files.delete(file);
        List<String> lines = new ArrayList<>();
        lines.add("\n## Ingest (issue 14)\n");
        lines.add(String.format("NDJSON events (8 columns and a small `data` object), %,d rows per batch, one batch at a"
                + " time after a warm-up batch.%n", rows));
        lines.add("| path | runs | rows/s (median) | each run |");
        lines.add("| --- | ---: | ---: | --- |");
        lines.add(String.format("| POST /api/v1/ingest/events | %d | %,.0f | %s |", runs, median(api),
                Arrays.stream(api).mapToObj(r -> String.format("%,.0f", r)).collect(Collectors.joining(", "))));
        lines.add(String.format("| ./quarry ingest FILE (JVM start included) | 1 | %,.0f | %s |", cliRate, cliOutput));
        Files.write(output, lines);
        lines.forEach(System.out::println);
    }

    private static void post(HttpClient client, String base, String token, byte[] body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Events of accounts 1-100 over the two days after the benchmark data's last day. */
    private static byte[] events(long firstId, int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 160);
        LocalDate day = LocalDate.parse(Shape.END).plusDays(1);
        String[] names = {"page_view", "add_to_cart", "purchase", "sign_up"};
        for (int i = 0; i < rows; i++) {
            long account = 1 + i % 100;
            String line = "{\"account_id\":" + account + ",\"event_id\":" + (firstId + i) + ",\"created_at\":\""
                    + day.plusDays(i % 2) + "T" + String.format("%02d:%02d:%02dZ", i % 24, i % 60, i / 60 % 60)
                    + "\",\"name\":\"" + names[i % names.length] + "\",\"user_id\":" + (i % 50_000) + ",\"campaign_id\":"
                    + (account * 100 + i % 7) + ",\"ad_id\":" + (account * 1000 + i % 31) + ",\"data\":{\"page\":\"/p/"
                    + i % 97 + "\"}}\n";
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
