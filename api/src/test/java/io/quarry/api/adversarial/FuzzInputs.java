package io.quarry.api.adversarial;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One fuzz input per seed: which endpoint (report query, pivot, explain; saved-report create,
 * update, run, read, list, restore, delete), which method, headers (content type, accept,
 * encodings, request id), which token, and a hostile body. Everything comes from the seed, so
 * a failing input is replayed by its seed alone.
 */
final class FuzzInputs extends Generator {

    /** A request to send; {@code token} names a kind of token the suite signs (see {@link ApiFuzzTest}). */
    record Input(String endpoint, String shape, String method, String target, List<String[]> headers, byte[] body,
                 String token, boolean malformedHttp) {

        Input withBody(byte[] newBody) {
            return new Input(endpoint, shape, method, target, headers, newBody, token, malformedHttp);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(method).append(' ').append(shown(target)).append("  [token: ")
                    .append(token).append(", shape: ").append(shape).append("]");
            for (String[] header : headers) {
                text.append("\n").append(header[0]).append(": ").append(shown(header[1]));
            }
            if (body != null) {
                text.append("\n\n").append(shown(new String(body, StandardCharsets.UTF_8)));
            }
            return text.toString();
        }

        /** Text with control and invisible characters spelled out, so a report shows what was sent. */
        static String shown(String text) {
            StringBuilder shown = new StringBuilder();
            text.codePoints().limit(1_000).forEach(c -> {
                if (c == '\n' || c >= 32 && c < 127 || c > 160 && Character.isLetterOrDigit(c)) {
                    shown.appendCodePoint(c);
                } else {
                    shown.append(String.format(c > 0xFFFF ? "\\u{%X}" : "\\u%04X", c));
                }
            });
            return text.length() > 1_000 ? shown + "... (" + text.length() + " chars)" : shown.toString();
        }
    }

    static final String REPORTS = "/api/v1/reports/";
    static final String SAVED = "/api/v1/saved-reports";
    static final List<String> VALID_TOKENS = List.of("multi", "single", "all", "strings");
    static final List<String> ODD_TOKENS = List.of("empty", "missing-claim", "bad-claim", "float", "huge", "negative",
            "nested", "expired", "bad-signature", "unsigned", "garbage", "none", "basic");

    private final FuzzReports reports;
    private final JsonReports jsonForm;
    private final HostileReports hostile;
    private final List<String> savedIds;
    private final String sentinelId;

    FuzzInputs(Random random, List<String> savedIds, String sentinelId) {
        super(random);
        this.reports = new FuzzReports(random);
        this.jsonForm = new JsonReports(random, reports);
        this.hostile = new HostileReports(random, reports);
        this.savedIds = savedIds;
        this.sentinelId = sentinelId;
    }

    Input next() {
        int kind = random.nextInt(100);
        if (kind < 55) {
            String endpoint = kind < 30 ? "query" : kind < 45 ? "pivot" : "explain";
            return report(endpoint, "POST");
        }
        if (kind < 64) {
            return saved("saved create", "POST", SAVED, saveBody());
        }
        if (kind < 72) {
            return saved("saved update", "PUT", SAVED + "/" + id(), saveBody());
        }
        if (kind < 84) {
            return saved("saved run", "POST", SAVED + "/" + id() + "/run", runBody());
        }
        if (kind < 91) {
            return savedOther();
        }
        if (kind < 96) {
            return report(pick(List.of("query", "pivot", "explain")), pick(List.of("GET", "PUT", "DELETE", "PATCH",
                    "OPTIONS", "HEAD", "TRACE", "FOO", "post", "POST")));
        }
        byte[] bytes = new byte[random.nextInt(chance(5) ? 1_100_000 : 2_000)];
        random.nextBytes(bytes);
        String target = pick(List.of(REPORTS + "query", REPORTS + "pivot", REPORTS + "explain", SAVED,
                SAVED + "/" + id() + "/run"));
        return new Input("random bytes", "random bytes", "POST", target, headers(pick(Payloads.CONTENT_TYPES)), bytes,
                token(), false);
    }

    private Input report(String endpoint, String method) {
        int form = random.nextInt(100);
        String body;
        String shape;
        boolean json;
        if (form < 10) {
            body = reports.wild();
            shape = "wild report";
            json = false;
        } else if (form < 22) {
            body = hostile.plausible();
            shape = "plausible report";
            json = chance(20);
            if (json) {
                body = "{\"query\": " + Json.quote(body) + "}";
            }
        } else if (form < 47) {
            json = chance(35);
            body = hostile.semantic(json);
            shape = "valid report, hostile change";
        } else if (form < 54) {
            body = reports.mutated(false);
            shape = "mutated text report";
            json = false;
        } else if (form < 66) {
            body = reports.mutated(true);
            shape = "mutated JSON report";
            json = true;
        } else if (form < 78) {
            body = jsonForm.report();
            shape = "JSON report with hostile slots";
            json = true;
        } else if (form < 83) {
            body = "{\"query\": " + Json.quote(reports.wild()) + "}";
            shape = "wrapped wild report";
            json = true;
        } else if (form < 89) {
            json = chance(50);
            body = reports.deep(json);
            shape = reports.shape;
        } else if (form < 92) {
            body = reports.wide();
            shape = reports.shape;
            json = false;
        } else {
            body = Payloads.randomText(random, random.nextInt(300));
            shape = "random text";
            json = chance(50);
        }
        String contentType = chance(85) ? (json ? "application/json" : "text/plain") : pick(Payloads.CONTENT_TYPES);
        List<String[]> headers = headers(contentType);
        return new Input(endpoint, shape, method, REPORTS + endpoint, headers, body.getBytes(StandardCharsets.UTF_8), token(),
                headers.stream().anyMatch(h -> h[1].chars().anyMatch(c -> c < 32 || c == 127)));
    }

    private List<String[]> headers(String contentType) {
        List<String[]> headers = new ArrayList<>();
        if (!contentType.isEmpty() || chance(50)) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        if (chance(35)) {
            headers.add(new String[] {"Accept", pick(Payloads.ACCEPTS)});
        }
        if (chance(4)) {
            headers.add(new String[] {"Content-Encoding", pick(List.of("gzip", "deflate", "br", "identity", "x"))});
        }
        if (chance(2)) {
            headers.add(new String[] {"X-Request-Id", "fuzzed " + Payloads.any(random).replaceAll("[\\r\\n]", "")});
        }
        if (chance(2)) {
            headers.add(new String[] {"X-Padding", "p".repeat(random.nextInt(40_000))});
        }
        return headers;
    }

    private String token() {
        return chance(92) ? pick(VALID_TOKENS) : pick(ODD_TOKENS);
    }

    /** An id that is no report's (from the seed, so a replay sends the same). */
    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String id() {
        int kind = random.nextInt(100);
        if (kind < 65) {
            return savedIds.get(random.nextInt(savedIds.size()));
        }
        if (kind < 75) {
            return sentinelId;
        }
        if (kind < 82) {
            return uuid();
        }
        String hostile = pick(List.of(Payloads.any(random), sentinelId.toUpperCase(), sentinelId + "'", " " + sentinelId,
                "..%2F..%2Freports%2Fquery", "00000000-0000-0000-0000-000000000000", "%", "%00", "x".repeat(5_000)));
        return URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("%25", chance(20) ? "%" : "%25");
    }

    private Input saved(String endpoint, String method, String target, String body) {
        List<String[]> headers = headers(chance(90) ? "application/json" : pick(Payloads.CONTENT_TYPES));
        if (method.equals("PUT") && chance(80)) {
            headers.add(new String[] {"If-Match", pick(List.of("\"1\"", "\"2\"", "*", "\"abc\"", "W/\"1\"", "",
                    "\"99999999999999999999\"", "\"-1\"", "1", "\"" + Payloads.any(random).replaceAll("[\\r\\n]", "")
                    + "\""))});
        }
        return new Input(endpoint, endpoint, method, target, headers, body.getBytes(StandardCharsets.UTF_8), token(),
                false);
    }

    private String saveBody() {
        if (chance(8)) {
            return chance(50) ? jsonForm.value(3) : reports.mutate("{\"name\": \"x\", \"definition\": \"METRICS spend\"}");
        }
        List<String> fields = new ArrayList<>();
        if (chance(70)) {
            fields.add("\"account\": " + (chance(60) ? pick(List.of("1", "2")) : pick(List.of("9000001", "3", "-1",
                    "0", "1.5", "\"1\"", "null", "9223372036854775808", "[1]"))));
        }
        if (chance(95)) {
            fields.add("\"name\": " + (chance(40) ? Json.quote("fuzz " + random.nextInt(1_000_000))
                    : chance(80) ? Json.quote(Payloads.any(random) + (chance(30) ? "x".repeat(195) : "")) : jsonForm.value(1)));
        }
        if (chance(50)) {
            fields.add("\"description\": " + (chance(80) ? Json.quote(Payloads.any(random)
                    + (chance(10) ? "d".repeat(4_000) : "")) : jsonForm.value(1)));
        }
        if (chance(95)) {
            fields.add("\"definition\": " + switch (random.nextInt(6)) {
                case 0, 1 -> Json.quote(reports.wild());
                case 2 -> Json.quote(reports.mutated(false));
                case 3 -> jsonForm.report();
                case 4 -> reports.mutated(true);
                default -> jsonForm.value(2);
            });
        }
        if (chance(15)) {
            fields.add("\"version\": " + pick(Payloads.NUMBERS));
        }
        if (chance(5)) {
            fields.add(Json.quote(Payloads.any(random)) + ": " + jsonForm.value(1));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private String runBody() {
        if (chance(10)) {
            return chance(50) ? "" : jsonForm.value(3);
        }
        List<String> fields = new ArrayList<>();
        if (chance(60)) {
            fields.add("\"parameters\": {" + IntStream.range(0, random.nextInt(4)).mapToObj(i ->
                    Json.quote(pick(List.of("from", "to", "st", "top", "x", Payloads.any(random)))) + ": "
                            + (chance(50) ? Json.quote(pick(List.of("2026-05-01", "2026-02-30", "0001-01-01",
                            "+292278994-08-17", "9999-12-31", "today", Payloads.any(random)))) : jsonForm.value(1)))
                    .collect(Collectors.joining(", ")) + "}");
        }
        if (chance(25)) {
            fields.add("\"from\": " + Json.quote(pick(List.of("2026-05-01", "0001-01-01", "-999999999-01-01", "x"))));
        }
        if (chance(25)) {
            fields.add("\"to\": " + Json.quote(pick(List.of("2026-05-31", "9999-12-31", "+999999999-12-31", ""))));
        }
        if (chance(40)) {
            fields.add("\"filters\": [" + IntStream.range(0, 1 + random.nextInt(3)).mapToObj(i -> Json.quote(
                    chance(60) ? reports.condition(2) : Payloads.any(random))).collect(Collectors.joining(", ")) + "]");
        }
        if (chance(25)) {
            fields.add("\"limit\": " + pick(Payloads.NUMBERS));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private Input savedOther() {
        String id = id();
        String target;
        String method = "GET";
        switch (random.nextInt(7)) {
            case 0 -> target = SAVED + "/" + id;
            case 1 -> target = SAVED + "/" + id + "/versions";
            case 2 -> target = SAVED + "/" + id + "/versions/" + pick(Payloads.NUMBERS);
            case 3 -> {
                target = SAVED + "/" + id + "/versions/" + pick(List.of("1", "2", "0", "-1", "99999999999")) + "/restore";
                method = "POST";
            }
            case 4 -> {
                target = SAVED + "/" + (chance(50) ? uuid() : id);
                method = "DELETE";
                if (savedIds.contains(id)) {
                    target = SAVED + "/" + uuid(); // the fixtures stay for the other inputs
                }
            }
            default -> target = SAVED + "?" + IntStream.range(0, 1 + random.nextInt(3)).mapToObj(i ->
                    pick(List.of("name", "owner", "account", "offset", "limit", "x")) + "="
                            + URLEncoder.encode(chance(50) ? Payloads.any(random) : pick(Payloads.NUMBERS),
                            StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        }
        boolean raw = chance(5);
        if (raw) { // unencoded bytes in the request line
            target = target + pick(List.of(" x", "%", "\u00FF", "#frag", "?a=%zz", "/../.."));
        }
        return new Input("saved read/list/restore/delete", "saved " + method, method, target, headers("application/json"),
                method.equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null, token(), raw);
    }
}
