package io.quarry.planner.safety;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The table of (SQL, expected violation codes) in the {@code cases-*.sql} resources, and the policy they use. */
final class SafetyCases {

    static final SafetyPolicy POLICY = SafetyPolicy.of(
            Set.of("ads", "ad_stats_daily", "campaigns", "events"),
            Set.of("countries", "currencies"));

    /** One case: a name, the SQL, and the sorted expected codes (empty: safe). */
    record Case(String name, String sql, List<ViolationCode> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private SafetyCases() {
    }

    /** The case files, resources next to this class. */
    static final List<String> FILES = List.of("cases-positive.sql", "cases-tenant-filter.sql", "cases-joins.sql",
            "cases-constructs.sql", "cases-fail-closed.sql");

    static List<Case> load() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String file : FILES) {
            cases.addAll(load(file));
        }
        return cases;
    }

    private static List<Case> load(String file) throws IOException {
        String text;
        try (InputStream in = SafetyCases.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " not found");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String name = null;
        List<ViolationCode> expected = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- case:")) {
                add(cases, name, sql, expected);
                name = line.substring("-- case:".length()).trim();
                expected = null;
                sql.setLength(0);
            } else if (line.startsWith("-- expect:")) {
                String codes = line.substring("-- expect:".length()).trim();
                expected = codes.equals("SAFE") ? List.of()
                        : Arrays.stream(codes.split(",")).map(String::trim).map(ViolationCode::valueOf).sorted().toList();
            } else if (name != null && !line.startsWith("-- =====")) {
                sql.append(line).append('\n');
            }
        }
        add(cases, name, sql, expected);
        return cases;
    }

    private static void add(List<Case> cases, String name, StringBuilder sql, List<ViolationCode> expected) {
        if (name == null) {
            return;
        }
        if (expected == null) {
            throw new IllegalStateException("case without -- expect: " + name);
        }
        cases.add(new Case(name, sql.toString().strip(), expected));
    }
}
