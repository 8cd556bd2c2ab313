package io.quarry.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./quarry ingest FILE...}: posts NDJSON or CSV files to a running Quarry's ingest API, so
 * a file takes exactly the path of any client's batch (token, tenant scope, validation, limits,
 * idempotency) and the CLI needs no database access. Each file is one batch, streamed from disk,
 * with an Idempotency-Key derived from its content: running the command again after a failure
 * or a timeout never stores a file twice.
 */
public final class Ingest {

    static final String USAGE = """
            Usage: ./quarry ingest [--url URL] [--token TOKEN] [--table events|ad-stats] [--no-idempotency] FILE...

              Posts each FILE as one batch to POST <url>/api/v1/ingest/<table> and prints what was stored.
              --url    the server (default $QUARRY_URL, else http://localhost:8080)
              --token  a bearer token with the "ingest" scope (default $QUARRY_TOKEN)
              --table  events or ad-stats (default: from the file name, which must start with one of them)
              --no-idempotency  send no Idempotency-Key (by default each file's key is the SHA-256 of its table
                       and content, so re-running never applies a file twice)
              A file is NDJSON (.ndjson, .jsonl) or CSV (.csv, header line first); .gz files are sent gzip-encoded.
              Exit status: 0 when every file was stored (or had been), 1 when one was refused, 2 on bad usage.""";

    private Ingest() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("ingest: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (arguments == null) {
            out.println(USAGE);
            return 0;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        boolean failed = false;
        for (Path file : arguments.files()) {
            try {
                failed |= !send(http, arguments, file, out, err);
            } catch (IOException e) {
                err.println(file + ": " + e.getMessage());
                failed = true;
            }
        }
        return failed ? 1 : 0;
    }

    private static boolean send(HttpClient http, Arguments arguments, Path file, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        String bare = gzip ? name.substring(0, name.length() - 3) : name;
        String table = arguments.table() != null ? arguments.table() : table(bare);
        String type = bare.endsWith(".csv") ? "text/csv" : bare.endsWith(".ndjson") || bare.endsWith(".jsonl")
                ? "application/x-ndjson" : null;
        if (table == null || type == null) {
            err.println(file + ": cannot tell " + (table == null ? "the table (name it events... or"
                    + " ad-stats..., or pass --table)" : "the format (.ndjson, .jsonl or .csv)"));
            return false;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(arguments.url() + "/api/v1/ingest/" + table))
                .header("Content-Type", type).header("Authorization", "Bearer " + arguments.token())
                .POST(HttpRequest.BodyPublishers.ofFile(file));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        if (arguments.idempotent()) {
            request.header("Idempotency-Key", "file-" + digest(table, file));
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonNode body = body(response.body());
        if (response.statusCode() == 200) {
            long rows = body.path("rows").asLong();
            out.printf(Locale.ROOT, body.path("replayed").asBoolean()
                    ? "%s: already applied (%,d rows into %s); nothing stored again%n"
                    : "%s: %,d rows stored into %s in %.1f s (%,.0f rows/s)%n", file, rows, table, seconds,
                    rows / Math.max(seconds, 1e-3));
            return true;
        }
        err.printf(Locale.ROOT, "%s: refused (%d %s): %s%n", file, response.statusCode(),
                body.path("code").asText(""), body.path("detail").asText(response.body()));
        for (JsonNode error : body.path("errors")) {
            err.printf(Locale.ROOT, "  line %d%s: %s%n", error.path("line").asLong(),
                    error.has("field") ? " (" + error.get("field").asText() + ")" : "", error.path("detail").asText());
        }
        return false;
    }

    static String table(String fileName) {
        return fileName.startsWith("events") ? "events"
                : fileName.startsWith("ad-stats") || fileName.startsWith("ad_stats") ? "ad-stats" : null;
    }

    private static JsonNode body(String text) {
        try {
            return new ObjectMapper().readTree(text.isEmpty() ? "{}" : text);
        } catch (IOException e) {
            return new ObjectMapper().createObjectNode();
        }
    }

    private static String digest(String table, Path file) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((table + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The command line; null for --help. */
    record Arguments(String url, String token, String table, boolean idempotent, List<Path> files) {

        static Arguments parse(String[] args) {
            String url = System.getenv().getOrDefault("QUARRY_URL", "http://localhost:8080");
            String token = System.getenv("QUARRY_TOKEN");
            String table = null;
            boolean idempotent = true;
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--url" -> url = value(args, ++i, "--url");
                    case "--token" -> token = value(args, ++i, "--token");
                    case "--table" -> {
                        table = value(args, ++i, "--table");
                        if (!table.equals("events") && !table.equals("ad-stats")) {
                            throw new IllegalArgumentException("--table is events or ad-stats, not " + table);
                        }
                    }
                    case "--no-idempotency" -> idempotent = false;
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        Path file = Path.of(args[i]);
                        if (!Files.isReadable(file)) {
                            throw new IllegalArgumentException("cannot read " + file);
                        }
                        files.add(file);
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no FILE given");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("no token: pass --token or set QUARRY_TOKEN");
            }
            return new Arguments(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, token, table,
                    idempotent, files);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
