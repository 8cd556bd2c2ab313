package io.quarry.ql.bench;

import io.quarry.ql.ReportFormatter;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Report;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a typical report of about ten fields, in each form. Sample-time mode reports percentiles,
 * including the median (p0.50). Run with {@code ./mvnw -B -pl query-language -Pbench verify}; never
 * part of the test phase.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ParseBenchmark {

    /** Ten fields: three dimensions, four metrics (one inline), three filters, order, limit. */
    static final String TEXT = """
            DIMENSIONS campaign.name, date.week, country.name
            METRICS impressions, clicks, spend, sum(spend) / nullif(sum(clicks), 0) AS cpc
            WHERE campaign.status IN ('ACTIVE', 'PAUSED') AND date DURING LAST_30_DAYS AND spend > 0
            ORDER BY spend DESC NULLS LAST
            LIMIT 100
            TIMEZONE 'Europe/Helsinki'
            """;

    private final ReportParser parser = new ReportParser();
    private final String json = new ReportFormatter().toJson(parser.parseText(TEXT));

    @Benchmark
    public Report parseText() {
        return parser.parseText(TEXT);
    }

    @Benchmark
    public Report parseJson() {
        return parser.parseJson(json);
    }
}
