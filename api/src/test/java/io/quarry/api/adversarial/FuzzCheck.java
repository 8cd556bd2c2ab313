package io.quarry.api.adversarial;

import io.quarry.api.adversarial.FuzzInputs.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The properties every answer to a fuzz input must have: an answer within the timeout, never a
 * 5xx; every 4xx an {@code application/problem+json} with a code and the right status, and
 * without internals (SQL states, driver or framework classes); no 2xx for a token that may read
 * nothing or is not valid; no row, value or bound account of the sentinel account.
 */
final class FuzzCheck {

    /** A broken property: its category (5XX, HANG, ...), its class, and what was seen. */
    record Verdict(String category, String cls, String detail) {
    }

    /** Tokens that may read nothing (403) or are not valid (401): a 2xx with one is a way in. */
    private static final Set<String> NO_ACCESS = Set.of("empty", "missing-claim", "bad-claim", "float", "huge",
            "nested", "expired", "bad-signature", "unsigned", "garbage", "none", "basic");
    /** Endpoints that answer report rows (the others echo what was sent, which may name the sentinel). */
    private static final Set<String> REPORT_ANSWERS = Set.of("query", "pivot", "explain", "saved run");
    private static final List<String> INTERNALS = List.of("org.postgresql", "SQLSTATE", "PSQLException",
            "io.micronaut", "java.lang", "at io.quarry", "Caused by", "jdbc:");

    private FuzzCheck() {
    }

    /**
     * @param logged   what the server logged for the request (its failure class), or null
     * @param sentinel strings only the sentinel account's saved report has (its id and name)
     */
    /** A short name of an answer for the counters: its status and problem code. */
    static String outcome(RawHttp.Answer answer) {
        if (answer.status() == 0) {
            return answer.hang() ? "no answer (timeout)" : "no answer (closed)";
        }
        String code = answer.status() >= 400 ? code(answer.text()) : null;
        return answer.status() + (code == null ? "" : " " + code);
    }

    static Verdict check(Input input, RawHttp.Answer answer, String logged, List<String> sentinel) {
        if (answer.hang()) {
            return new Verdict("HANG", input.endpoint() + ": " + answer.error(), "");
        }
        if (answer.status() == 0) {
            return input.malformedHttp() ? null
                    : new Verdict("NO_ANSWER", input.endpoint() + ": " + answer.error(), answer.text());
        }
        String body = answer.text();
        String code = code(body);
        if (answer.status() >= 500) {
            return new Verdict("5XX", answer.status() + " " + code + (logged == null ? "" : " <- " + logged),
                    answer.contentType() + " " + shorten(body));
        }
        if (answer.status() >= 400) {
            if (input.method().equals("HEAD")) {
                return null;
            }
            if (!answer.contentType().startsWith("application/problem+json")) {
                String accept = input.headers().stream().filter(h -> h[0].equals("Accept")).map(h -> h[1])
                        .findFirst().orElse(null);
                return new Verdict("4XX_NOT_PROBLEM", answer.status() + " as '" + answer.contentType() + "'"
                        + (accept == null ? " (no Accept)" : " (Accept: " + accept + ")"), shorten(body));
            }
            if (code == null || code.isBlank()) {
                return new Verdict("4XX_NOT_PROBLEM", answer.status() + " problem without a code (" + input.endpoint()
                        + ")", shorten(body));
            }
            Object status = problem(body).get("status");
            if (status == null || !String.valueOf(answer.status()).equals(status.toString())) {
                return new Verdict("4XX_NOT_PROBLEM", answer.status() + " problem saying status " + status, shorten(body));
            }
            for (String internal : INTERNALS) {
                if (body.contains(internal)) {
                    return new Verdict("PROBLEM_SHOWS_INTERNALS", answer.status() + " " + code + " shows '" + internal
                            + "'", shorten(body));
                }
            }
            return null;
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            if (NO_ACCESS.contains(input.token()) && input.target().startsWith("/api/v1")) {
                return new Verdict("AUTH", answer.status() + " with a token of kind " + input.token(), shorten(body));
            }
            for (String mark : sentinel) {
                if (body.contains(mark)) {
                    return new Verdict("LEAK", "the sentinel account's saved report answered " + answer.status(),
                            shorten(body));
                }
            }
            if (REPORT_ANSWERS.contains(input.endpoint()) && leaks(input, answer)) {
                return new Verdict("LEAK", "the sentinel account's rows in a " + input.endpoint() + " answer",
                        Sentinel.leakContext(body));
            }
        }
        return null;
    }

    /** Whether the values of a report answer (not its column names, which echo the report) show the sentinel. */
    private static boolean leaks(Input input, RawHttp.Answer answer) {
        String body = answer.text();
        String request = input.body() == null ? "" : new String(input.body(), java.nio.charset.StandardCharsets.UTF_8);
        if (!Sentinel.leaks(body, request)) {
            return false;
        }
        try {
            if (answer.contentType().startsWith("text/csv")) {
                int header = body.indexOf('\n');
                return header >= 0 && Sentinel.leaks(body.substring(header), request);
            }
            List<Object> values = new ArrayList<>();
            if (answer.contentType().startsWith("application/x-ndjson")) {
                Json.parseLines(body).forEach(line -> values.addAll(Json.object(line).values()));
            } else {
                Map<String, Object> object = Json.object(Json.parse(body));
                if (input.endpoint().equals("explain")) {
                    return Json.array(object.get("parameters")).stream().map(String::valueOf)
                            .anyMatch(p -> p.endsWith("::bigint[]") && Sentinel.leaks(p, request));
                }
                for (String names : List.of("columns", "rowDimensions", "columnDimensions", "metrics")) {
                    if (!"pivot".equals(input.endpoint()) || !names.equals("columns")) {
                        object.remove(names);
                    }
                }
                values.add(object);
            }
            return scalars(values).stream().anyMatch(v -> Sentinel.leaks(String.valueOf(v), request));
        } catch (RuntimeException e) {
            return true; // not the answer it claims to be, and with the sentinel's marks in it
        }
    }

    private static List<Object> scalars(Object value) {
        List<Object> scalars = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> scalars.addAll(scalars(v)));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> scalars.addAll(scalars(v)));
        } else {
            scalars.add(value);
        }
        return scalars;
    }

    private static Map<String, Object> problem(String body) {
        try {
            return Json.object(Json.parse(body));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String code(String body) {
        Object code = problem(body).get("code");
        return code == null ? null : code.toString();
    }

    private static String shorten(String body) {
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }
}
