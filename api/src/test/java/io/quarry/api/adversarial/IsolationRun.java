package io.quarry.api.adversarial;

import io.quarry.api.adversarial.ApiClient.Response;
import io.quarry.api.adversarial.Findings.Finding;
import io.quarry.api.adversarial.SqlOracle.Expected;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * One case of the isolation suite: a random report and a random token (one account, several,
 * with ACCOUNTS inside or outside it), sent through the real API as text, JSON or wrapped text,
 * answered as JSON, CSV or NDJSON, as a pivot, twice with two tokens, or saved and run; each
 * answer compared with the {@link SqlOracle} for exactly the accounts it may show.
 */
final class IsolationRun {

    /** Signs a token for a subject and its accounts claim. */
    interface Tokens {
        String token(String subject, List<?> accounts);
    }

    /** The demo accounts (1-8, with data) and ids that exist nowhere. */
    static final List<Long> ACCOUNTS = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    private static final List<Long> EMPTY_ACCOUNTS = List.of(9L, 424_242L, 9_000_002L);
    static final String QUERY = "/api/v1/reports/query";
    static final String PIVOT = "/api/v1/reports/pivot";

    private final ApiClient api;
    private final SqlOracle oracle;
    private final Tokens tokens;
    private final Findings findings;
    private final SavedRun saved;

    IsolationRun(ApiClient api, SqlOracle oracle, Tokens tokens, Findings findings) {
        this.api = api;
        this.oracle = oracle;
        this.tokens = tokens;
        this.findings = findings;
        this.saved = new SavedRun(api, this);
    }

    /** The request as the report shows it: where to, which token, what body. */
    record Request(String path, List<Long> token, String contentType, String accept, String body, String note) {
        @Override
        public String toString() {
            return (note == null ? "" : note + "\n") + "POST " + path + " token accounts " + token + " Content-Type "
                    + contentType + " Accept " + accept + "\n" + body;
        }
    }

    void run(long seed, String subject) throws Exception {
        Random random = new Random(seed);
        Spec spec = new SpecGenerator(random).spec(true);
        List<Long> token = tokenAccounts(random);
        int route = random.nextInt(100);
        if (route < 20 && token.stream().anyMatch(ACCOUNTS::contains)) {
            findings.count("isolation: saved-report runs");
            saved.run(seed, random, spec, token, subject);
            return;
        }
        List<Long> clause = clause(random, token);
        Spec report = new Spec(spec.sources(), spec.from(), spec.dims(), spec.metrics(), spec.range(), spec.filters(),
                spec.having(), spec.order(), spec.limit(), spec.offset(), spec.pivot(), spec.totals(), spec.compare(),
                clause, spec.zone());
        Request request = request(random, report, token, !spec.pivot().isEmpty());
        check(seed, subject, report, request, random);
        if (route < 35 && clause.isEmpty()) { // the same report at once with another token: caches must not mix scopes
            findings.count("isolation: same report, second token");
            List<Long> other = tokenAccounts(random);
            check(seed, subject, report, new Request(request.path(), other, request.contentType(), request.accept(),
                    request.body(), "the same report just asked with token accounts " + token), random);
        }
    }

    private Request request(Random random, Spec spec, List<Long> token, boolean pivot) {
        int form = random.nextInt(10);
        String body = form < 4 ? SpecForms.text(spec, random, false)
                : form < 8 ? SpecForms.json(spec, random, false)
                : "{\"query\": " + Json.quote(SpecForms.text(spec, random, false)) + "}";
        String contentType = form < 4 ? (random.nextBoolean() ? "text/plain" : "text/plain; charset=utf-8")
                : random.nextBoolean() ? "application/json" : "application/json;charset=UTF-8";
        String accept = pivot ? "application/json" : List.of("application/json", "application/json", "text/csv",
                "application/x-ndjson", "*/*", "application/x-ndjson, text/csv;q=0.5").get(random.nextInt(6));
        findings.count("isolation: form " + (form < 4 ? "text" : form < 8 ? "json" : "wrapped text"));
        return new Request(pivot ? PIVOT : QUERY, token, contentType, accept, body, null);
    }

    /** Sends a request whose answer must be exactly the oracle's for the token (narrowed by ACCOUNTS). */
    void check(long seed, String subject, Spec spec, Request request, Random random) throws Exception {
        Set<Long> tokenSet = new TreeSet<>(request.token());
        boolean forbidden = !tokenSet.containsAll(spec.accounts());
        List<Long> visible = new ArrayList<>(new TreeSet<>(spec.accounts().isEmpty() ? request.token() : spec.accounts()));
        LocalDate before = LocalDate.now(spec.zoneId());
        Response response = api.post(request.path(), token(subject, request.token(), random), request.contentType(),
                request.accept(), request.body());
        LocalDate today = LocalDate.now(spec.zoneId());
        findings.count("isolation: requests");
        if (forbidden) {
            findings.count("isolation: ACCOUNTS outside the token (403 expected)");
            if (response.status() == 403 && "ACCOUNT_NOT_PERMITTED".equals(response.code()) && response.isProblem()) {
                return;
            }
            fail(response.status() == 200 ? "LEAK" : "WRONG_STATUS", "ACCOUNTS " + spec.accounts() + " outside the token "
                    + request.token() + " answered " + response.status(), seed, request, response.toString());
            return;
        }
        if (response.status() != 200) {
            String category = response.status() >= 500 ? "5XX" : "REJECTED";
            fail(category, response.status() + " " + response.code(), seed, request, response.toString());
            return;
        }
        if (spec.range().relative() && !today.equals(before)) {
            findings.count("isolation: skipped (midnight during the request)");
            return;
        }
        String format = request.path().equals(PIVOT) || request.path().endsWith("/run") && !spec.pivot().isEmpty()
                ? "pivot" : response.contentType().startsWith("text/csv") ? "csv"
                : response.contentType().startsWith("application/x-ndjson") ? "ndjson" : "json";
        Expected expected = oracle.expected(spec, visible, today);
        List<String> problems = problems(spec, expected, format, response.body());
        findings.count("isolation: answers checked (" + format + ")");
        findings.add("isolation: expected rows compared", expected.rows().size());
        if (Sentinel.leaks(response.body())) {
            fail("LEAK", "the sentinel account's names or figures in the answer", seed, request,
                    Sentinel.leakContext(response.body()) + "\nanswer: " + response);
        } else if (!problems.isEmpty()) {
            String category = leakedAccounts(spec, expected, format, response.body(), visible, today) ? "LEAK" : "MISMATCH";
            fail(category, category.equals("LEAK") ? "rows or values of accounts outside the scope " + visible
                    : "answer differs from the oracle (" + format + ")", seed, request,
                    String.join("\n", problems.subList(0, Math.min(8, problems.size()))) + "\nanswer: " + response);
        } else {
            findings.count("isolation: answers exactly as the oracle");
            if (random.nextInt(10) == 0 && spec.limit() == null && spec.offset() == null) { // LIMIT shows a part only
                selfTest(seed, spec, expected, format, response.body(), visible, today, request);
            }
            if (random.nextInt(20) == 0 && request.path().equals(QUERY)) {
                explain(seed, subject, request, visible, random);
            }
        }
    }

    /**
     * The checker must not be blind: where the oracle over one more account (the sentinel) gives
     * other figures, the same answer compared with those must fail.
     */
    private void selfTest(long seed, Spec spec, Expected expected, String format, String body, List<Long> visible,
                          LocalDate today, Request request) throws Exception {
        List<Long> wider = new ArrayList<>(visible);
        wider.add(Sentinel.ACCOUNT);
        Expected leaky = oracle.expected(spec, wider, today);
        if (leaky.canonical().equals(expected.canonical())) {
            return;
        }
        if (problems(spec, leaky, format, body).isEmpty()) {
            fail("CHECKER_BLIND", "an answer passes against the oracle of a wider scope too", seed, request,
                    "scope " + visible + " vs " + wider);
        } else {
            findings.count("isolation: checker self-test (a wider scope's figures fail)");
        }
    }

    /** /explain of the same report binds the tenant filter to exactly the scope's accounts. */
    private void explain(long seed, String subject, Request request, List<Long> visible, Random random)
            throws Exception {
        Response response = api.post("/api/v1/reports/explain", token(subject, request.token(), random),
                request.contentType(), "application/json", request.body());
        findings.count("isolation: explain checked");
        String scope = "'{" + visible.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))
                + "}'::bigint[]";
        List<Object> parameters = response.status() == 200
                ? Json.array(Json.object(Json.parse(response.body())).get("parameters")) : List.of();
        boolean single = visible.size() == 1;
        for (Object parameter : parameters) {
            String text = String.valueOf(parameter);
            if (text.endsWith("::bigint[]") && !text.equals(scope)) {
                fail("LEAK", "explain binds accounts " + text + " for the scope " + visible, seed, request,
                        response.toString());
                return;
            }
        }
        if (response.status() != 200 || !single && parameters.stream().noneMatch(p -> scope.equals(p))) {
            fail(response.status() >= 500 ? "5XX" : "WRONG_STATUS", "explain answered " + response.status()
                    + " without the scope " + scope, seed, request, response.toString());
        }
    }

    private static List<String> problems(Spec spec, Expected expected, String format, String body) throws Exception {
        if (format.equals("pivot")) {
            return PivotCheck.problems(spec, expected, body);
        }
        List<String> columns = new ArrayList<>();
        List<AnswerCheck.Actual> rows = AnswerCheck.parseRows(format, body, columns);
        List<String> problems = new ArrayList<>(AnswerCheck.rows(spec, expected, columns, rows, format.equals("csv")));
        if (format.equals("json")) {
            problems.addAll(AnswerCheck.meta(spec, expected, body));
        }
        return problems;
    }

    /**
     * Whether a wrong answer shows other accounts: it is the oracle's answer over every account,
     * or holds a detail row that only other accounts have, or an account id outside the scope.
     */
    private boolean leakedAccounts(Spec spec, Expected expected, String format, String body, List<Long> visible,
                                   LocalDate today) throws Exception {
        List<Long> everyone = new ArrayList<>(ACCOUNTS);
        everyone.add(Sentinel.ACCOUNT);
        Expected all = oracle.expected(spec, everyone, today);
        if (problems(spec, all, format, body).isEmpty()) {
            return true;
        }
        Set<List<String>> foreign = new HashSet<>();
        all.level(0).forEach(r -> foreign.add(r.key()));
        expected.level(0).forEach(r -> foreign.remove(r.key()));
        int accountDim = -1;
        for (int d = 0; d < spec.dims().size(); d++) {
            if (spec.dims().get(d).dim() == Catalog.Dim.ACCOUNT_ID) {
                accountDim = d;
            }
        }
        for (List<String> key : AnswerCheck.detailKeys(spec, format, body)) {
            if (foreign.contains(key) || accountDim >= 0 && key.get(accountDim) != null
                    && !visible.contains(Long.parseLong(key.get(accountDim)))) {
                return true;
            }
        }
        return false;
    }

    /** A token without a saved report's account must get 404, exactly as for an id that does not exist. */
    void expectNotFound(Response response, long seed, String request) {
        findings.count("isolation: probes of another account's saved report");
        if (response.status() == 404 && "REPORT_NOT_FOUND".equals(response.code()) && response.isProblem()) {
            return;
        }
        fail(response.status() == 200 ? "LEAK" : response.status() >= 500 ? "5XX" : "WRONG_STATUS",
                "another account's saved report answered " + response.status(), seed, request, response.toString());
    }

    void fail(String category, String cls, long seed, Object request, String detail) {
        findings.fail(new Finding(category, cls, seed, request.toString(), detail));
    }

    /** A token for the accounts, sometimes with the ids as strings (as some identity providers write them). */
    String token(String subject, List<Long> accounts, Random random) {
        return tokens.token(subject, random.nextInt(10) == 0 ? accounts.stream().map(String::valueOf).toList() : accounts);
    }

    /** One account (most often), several, all eight, or an account without data. */
    static List<Long> tokenAccounts(Random random) {
        int kind = random.nextInt(100);
        if (kind < 50) {
            return List.of(ACCOUNTS.get(random.nextInt(ACCOUNTS.size())));
        }
        if (kind < 55) {
            return List.of(EMPTY_ACCOUNTS.get(random.nextInt(EMPTY_ACCOUNTS.size())));
        }
        if (kind < 90) {
            List<Long> accounts = new ArrayList<>(subset(random, ACCOUNTS, 2 + random.nextInt(4)));
            if (random.nextInt(5) == 0) {
                accounts.add(EMPTY_ACCOUNTS.get(random.nextInt(EMPTY_ACCOUNTS.size())));
            }
            return accounts;
        }
        return ACCOUNTS;
    }

    /** No ACCOUNTS clause, a part of the token, or one naming an account outside it (the sentinel too). */
    static List<Long> clause(Random random, List<Long> token) {
        int kind = random.nextInt(100);
        if (kind < 60) {
            return List.of();
        }
        List<Long> clause = new ArrayList<>(subset(random, token, 1 + random.nextInt(token.size())));
        if (kind >= 95) {
            clause.add(Sentinel.ACCOUNT);
        } else if (kind >= 85) {
            List<Long> outside = ACCOUNTS.stream().filter(a -> !token.contains(a)).toList();
            clause.add(outside.isEmpty() ? Sentinel.ACCOUNT : outside.get(random.nextInt(outside.size())));
        }
        return clause;
    }

    static List<Long> subset(Random random, List<Long> from, int size) {
        List<Long> shuffled = new ArrayList<>(from);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(size, shuffled.size()));
    }
}
