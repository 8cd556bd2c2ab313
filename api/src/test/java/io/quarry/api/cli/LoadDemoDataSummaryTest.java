package io.quarry.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.migrations.demo.DemoDataSpec;
import io.quarry.migrations.demo.LoadResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The load summary's wording is read by bench/Report.java (the benchmark report parses these
 * lines): change both together.
 */
class LoadDemoDataSummaryTest {

    @Test
    void theSummaryKeepsTheLinesTheBenchmarkReportReads() {
        LoadResult result = new LoadResult(DemoDataSpec.quickstart(LocalDate.of(2026, 10, 31)),
                Map.of("accounts", 20L, "ad_stats_daily", 1_234_567L), Duration.ofMillis(12_345),
                Duration.ofMillis(10_000));
        String summary = LoadDemoData.summary(result);
        assertThat(summary).startsWith("Loaded seed=");
        assertThat(summary).contains("\n  accounts                  20 rows\n")
                .contains("\n  ad_stats_daily     1,234,567 rows\n")
                .contains("\n  total 1,234,587 rows in 12.3 s (COPY 10.0 s, 123,459 rows/s)\n");
    }
}
