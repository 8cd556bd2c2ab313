package io.quarry.ql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarry.ql.ast.Report;
import io.quarry.ql.corpus.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One parser instance is shared by threads; each thread reuses its lexer and parser between parses. */
class ConcurrencyTest {

    @Test
    void parsesTheCorpusFromManyThreadsAtOnce() throws Exception {
        ReportParser parser = new ReportParser();
        List<Corpus.Entry> entries = Corpus.entries();
        List<Report> expected = entries.stream().map(entry -> parser.parseText(entry.text())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < entries.size(); i++) {
                            if (!parser.parseJson(entries.get(i).json()).equals(expected.get(i))
                                    || !parser.parseText(entries.get(i).text()).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedParseLeavesNothingBehind() {
        ReportParser parser = new ReportParser();
        Report before = parser.parseText("METRICS clicks");
        assertThat(catchThrowableOfType(QueryLanguageException.class, () -> parser.parseText("METRICS clicks BY")))
                .isNotNull();
        assertThat(catchThrowableOfType(QueryLanguageException.class, () -> parser.parseText("METRICS ((")))
                .isNotNull();
        assertThat(parser.parseText("METRICS clicks")).isEqualTo(before);
        assertThat(parser.parseExpression("a + 1")).isEqualTo(RoundTrip.PARSER.parseExpression("a + 1"));
    }
}
