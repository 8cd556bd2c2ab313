package io.quarry.api.adversarial;

import io.quarry.api.adversarial.ApiClient.Response;
import io.quarry.api.adversarial.IsolationRun.Request;
import io.quarry.api.adversarial.Spec.Filter;
import io.quarry.api.adversarial.Spec.Range;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The saved-report route of an isolation case: the report is saved for one of the token's
 * accounts (its dates as parameters, sometimes its limit too), run with parameter values, a
 * date range override, extra filters (naming other accounts too) and a limit, and the answer
 * must be exactly the oracle's for that one account, whatever the token's other accounts. Now
 * and then a token without that account must get 404 for it. Deleted at the end.
 */
final class SavedRun {

    static final String BASE = "/api/v1/saved-reports";

    private final ApiClient api;
    private final IsolationRun run;

    SavedRun(ApiClient api, IsolationRun run) {
        this.api = api;
        this.run = run;
    }

    void run(long seed, Random random, Spec spec, List<Long> token, String subject) throws Exception {
        List<Long> owned = token.stream().filter(IsolationRun.ACCOUNTS::contains).toList(); // saved reports need a real account
        long account = owned.get(random.nextInt(owned.size()));
        Range range = spec.range();
        boolean parameters = (range.kind().equals("BETWEEN") || range.kind().equals("HALF_OPEN")) && random.nextInt(10) < 7;
        boolean limitParameter = parameters && spec.limit() != null && random.nextBoolean();
        Spec definition = copy(spec, parameters ? new Range("PARAMETERS", range.first(), range.end(), null, 0) : range,
                spec.filters(), spec.limit(), random.nextInt(5) == 0 ? List.of(account) : List.of());
        String form = random.nextBoolean() ? Json.quote(SpecForms.text(definition, random, limitParameter))
                : SpecForms.json(definition, random, limitParameter);
        String body = "{" + (token.size() > 1 || random.nextBoolean() ? "\"account\": " + account + ", " : "")
                + "\"name\": " + Json.quote("adversarial " + Long.toHexString(seed) + " " + random.nextInt(1_000_000))
                + ", \"description\": \"isolation case\", \"definition\": " + form + "}";
        String owner = run.token(subject, token, random);
        Request create = new Request(BASE, token, "application/json", "application/json", body, null);
        Response created = api.post(BASE, owner, "application/json", "application/json", body);
        if (created.status() != 201) {
            run.fail(created.status() >= 500 ? "5XX" : "REJECTED", "saving: " + created.status() + " " + created.code(),
                    seed, create, created.toString());
            return;
        }
        String id = (String) Json.object(Json.parse(created.body())).get("id");
        try {
            runSaved(seed, random, spec, token, subject, account, id, parameters, "saved for account " + account
                    + " as POST " + BASE + " " + body);
            if (random.nextInt(100) < 15) {
                probe(seed, random, subject, account, id);
            }
        } finally {
            api.send("DELETE", BASE + "/" + id, owner, Map.of(), null);
        }
    }

    private void runSaved(long seed, Random random, Spec spec, List<Long> token, String subject, long account,
                          String id, boolean parameters, String note) throws Exception {
        List<String> fields = new ArrayList<>();
        Range range = spec.range();
        if (parameters && random.nextBoolean()) {
            LocalDate from = SpecGenerator.DATA_FIRST.plusDays(random.nextInt(80));
            LocalDate to = from.plusDays(random.nextInt(40));
            fields.add("\"parameters\": {\"from\": \"" + from + "\", \"to\": \"" + to + "\"}");
            range = new Range("BETWEEN", from, to.plusDays(1), null, 0);
        }
        if (random.nextInt(5) == 0) {
            LocalDate from = SpecGenerator.DATA_FIRST.plusDays(random.nextInt(80));
            LocalDate to = from.plusDays(random.nextInt(40));
            fields.add("\"from\": \"" + from + "\", \"to\": \"" + to + "\"");
            range = new Range("BETWEEN", from, to.plusDays(1), null, 0);
        }
        List<Filter> filters = new ArrayList<>(spec.filters());
        if (random.nextInt(10) < 3) {
            List<Filter> extra = new SpecGenerator(random).filtersFor(spec.sources());
            filters.addAll(extra);
            fields.add("\"filters\": [" + extra.stream().map(f -> Json.quote(f.render(d -> d.name)))
                    .collect(Collectors.joining(", ")) + "]");
        }
        Long limit = spec.limit();
        if (random.nextInt(100) < 15) {
            limit = (long) random.nextInt(20);
            fields.add("\"limit\": " + limit);
        }
        Spec effective = copy(spec, range, filters, limit, List.of(account));
        String body = random.nextInt(10) == 0 && fields.isEmpty() ? "" : "{" + String.join(", ", fields) + "}";
        String accept = !spec.pivot().isEmpty() ? "application/json"
                : List.of("application/json", "text/csv", "application/x-ndjson").get(random.nextInt(3));
        run.check(seed, subject, effective, new Request(BASE + "/" + id + "/run", token, "application/json", accept,
                body, note), random);
    }

    /** A token without the report's account must not find it, by id, to read or to run. */
    private void probe(long seed, Random random, String subject, long account, String id) throws Exception {
        List<Long> others = IsolationRun.ACCOUNTS.stream().filter(a -> a != account).toList();
        List<Long> token = IsolationRun.subset(random, others, 1 + random.nextInt(3));
        String stranger = run.token(subject, token, random);
        for (String[] call : new String[][] {{"GET", BASE + "/" + id}, {"POST", BASE + "/" + id + "/run"},
            {"GET", BASE + "/" + id + "/versions"}}) {
            Response response = api.send(call[0], call[1], stranger, Map.of("Content-Type", "application/json"),
                    call[0].equals("POST") ? "{}" : null);
            run.expectNotFound(response, seed, call[0] + " " + call[1] + " with token accounts " + token + " (report of account "
                    + account + ")");
        }
    }

    static Spec copy(Spec spec, Range range, List<Filter> filters, Long limit, List<Long> accounts) {
        return new Spec(spec.sources(), spec.from(), spec.dims(), spec.metrics(), range, filters, spec.having(),
                spec.order(), limit, spec.offset(), spec.pivot(), spec.totals(), spec.compare(), accounts, spec.zone());
    }
}
