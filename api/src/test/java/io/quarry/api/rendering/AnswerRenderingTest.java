package io.quarry.api.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.Report;
import io.quarry.ql.corpus.Corpus;
import io.quarry.ql.format.TextFormatter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15's bar: a UI renders any answer from that answer alone. Every corpus report is saved
 * (for account 1, its own ACCOUNTS clause dropped) and run with values for its parameters; its
 * answer, rows or pivot, empty or not, is rendered to a text table by {@link AnswerTable}, which
 * knows no metric or dimension and uses only the answer's column descriptions, formats,
 * currencies, grains and header labels. The server's clock stands the day after the test data.
 */
@MicronautTest
class AnswerRenderingTest extends ApiTest {

    private static final Map<String, Object> VALUES = Map.of("from", "2026-05-01", "to", "2026-05-31",
            "status", "ACTIVE", "top", 10, "min_spend", 100.0);
    private static final AtomicInteger WITH_ROWS = new AtomicInteger();

    /** The day after the test data's last, so the corpus's relative ranges (LAST_30_DAYS...) find rows. */
    @MockBean(Clock.class)
    Clock dayAfterTheData() {
        return Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    }

    static Stream<Corpus.Entry> corpus() {
        return Corpus.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theAnswerRendersFromItsOwnDescription(Corpus.Entry entry) {
        Report parsed = new ReportParser().parseText(entry.text());
        Report report = new Report(parsed.parameters(), parsed.dataset(), parsed.dimensions(), parsed.metrics(),
                parsed.where(), parsed.having(), parsed.orderBy(), parsed.limit(), parsed.offset(), parsed.pivotBy(),
                parsed.totals(), parsed.compare(), List.of(), parsed.timezone(), parsed.currency(), parsed.location());
        String token = token("renderer", List.of(1L));
        HttpResponse<Map<String, Object>> saved = client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/saved-reports", Map.of("name", entry.name() + " " + UUID.randomUUID(),
                        "definition", TextFormatter.format(report))).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
        Map<String, Object> values = new HashMap<>();
        for (ParameterDeclaration parameter : report.parameters()) {
            Optional.ofNullable(VALUES.get(parameter.name().name())).ifPresent(v -> values.put(parameter.name().name(), v));
        }
        Map<String, Object> answer = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/saved-reports/"
                + saved.body().get("id") + "/run", Map.of("parameters", values)).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
        boolean pivot = !report.pivotBy().isEmpty();
        List<String> table = pivot ? AnswerTable.pivot(answer) : AnswerTable.rows(answer);
        assertThat(table).isNotEmpty();
        if (!((List<?>) answer.get("rows")).isEmpty()) {
            WITH_ROWS.incrementAndGet();
        }
    }

    @AfterAll
    void enoughAnswersHadRows() {
        assertThat(WITH_ROWS.get()).as("corpus answers with rows").isGreaterThanOrEqualTo(10);
    }
}
