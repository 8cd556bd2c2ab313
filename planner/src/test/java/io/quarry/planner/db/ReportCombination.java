package io.quarry.planner.db;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One generated report of {@link ReportCombinationsTest}: which datasets its metrics come from,
 * the grain of its time dimension, its totals, pivot, comparison, time zone, date range and the
 * accounts it reads. Its dimensions are always {@code campaign.status, date.<grain>}.
 *
 * @param callerAccounts the accounts the caller may read (the planner's scope)
 * @param reportAccounts the report's own {@code ACCOUNTS} clause narrowing that scope; empty for none
 */
record ReportCombination(Datasets datasets, Grain grain, TotalsOption totals, boolean pivot, CompareOption compare,
                         String zone, DateSpan span, Set<Long> callerAccounts, List<Long> reportAccounts) {

    /** The metrics of a report, by dataset; BOTH makes the planner stitch two datasets. */
    enum Datasets {
        AD_STATS(List.of("spend", "clicks")),
        EVENTS(List.of("event_count")),
        BOTH(List.of("spend", "event_count"));

        final List<String> metrics;

        Datasets(List<String> metrics) {
            this.metrics = metrics;
        }
    }

    /** A grain of the time dimension and its calendar bucket, computed in Java. */
    enum Grain {
        DAY, WEEK, MONTH, QUARTER, YEAR;

        String dimension() {
            return "date." + name().toLowerCase(Locale.ROOT);
        }

        /** The first day of the bucket holding a local day (weeks start on Monday, as ISO and PostgreSQL). */
        LocalDate bucket(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
                case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
                case YEAR -> day.withDayOfYear(1);
            };
        }
    }

    enum TotalsOption {
        NONE(""), GRAND("TOTALS GRAND"), SUBTOTALS("TOTALS SUBTOTALS (campaign.status)"),
        GRAND_AND_SUBTOTALS("TOTALS GRAND, SUBTOTALS (campaign.status)");

        final String clause;

        TotalsOption(String clause) {
            this.clause = clause;
        }
    }

    enum CompareOption { NONE, PREVIOUS_PERIOD, SAME_PERIOD_LAST_YEAR }

    /** Days {@code first} to {@code last}, both included, as the report's BETWEEN says. */
    record DateSpan(LocalDate first, LocalDate last) {

        /** The end of the half-open range [first, end). */
        LocalDate end() {
            return last.plusDays(1);
        }

        long days() {
            return end().toEpochDay() - first.toEpochDay();
        }
    }

    String dimension() {
        return grain.dimension();
    }

    List<String> metrics() {
        return datasets.metrics;
    }

    ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** The accounts whose rows the report may show: the caller's, narrowed by ACCOUNTS. */
    Set<Long> visibleAccounts() {
        return reportAccounts.isEmpty() ? callerAccounts : Set.copyOf(reportAccounts);
    }

    /** Result columns in order: the two dimensions, each metric (and its comparison columns). */
    List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("campaign.status", dimension()));
        for (String metric : metrics()) {
            columns.add(metric);
            if (compare != CompareOption.NONE) {
                columns.add(metric + "_previous");
                columns.add(metric + "_change");
            }
        }
        return columns;
    }

    /** The metric columns of the result, in order. */
    List<String> metricColumns() {
        List<String> columns = columns();
        return columns.subList(2, columns.size());
    }

    /**
     * The dimensions (0 = campaign.status, 1 = the time bucket) each level of the result keeps, by
     * level number: the detail rows, then the totals; a pivot brings its own row, column and grand
     * totals (TOTALS is then redundant).
     */
    List<List<Integer>> levels() {
        if (pivot) {
            return List.of(List.of(0, 1), List.of(0), List.of(1), List.of());
        }
        return switch (totals) {
            case NONE -> List.of(List.of(0, 1));
            case GRAND -> List.of(List.of(0, 1), List.of());
            case SUBTOTALS -> List.of(List.of(0, 1), List.of(0));
            case GRAND_AND_SUBTOTALS -> List.of(List.of(0, 1), List.of(0), List.of());
        };
    }

    String text() {
        StringBuilder text = new StringBuilder()
                .append("DIMENSIONS campaign.status, ").append(dimension()).append('\n')
                .append("METRICS ").append(String.join(", ", metrics())).append('\n')
                .append("WHERE date BETWEEN DATE '").append(span.first()).append("' AND DATE '").append(span.last())
                .append("'\n");
        if (pivot) {
            text.append("PIVOT BY ").append(dimension()).append('\n');
        }
        if (totals != TotalsOption.NONE) {
            text.append(totals.clause).append('\n');
        }
        if (compare != CompareOption.NONE) {
            text.append("COMPARE ").append(compare).append('\n');
        }
        if (!reportAccounts.isEmpty()) {
            text.append("ACCOUNTS (").append(reportAccounts.stream().map(String::valueOf)
                    .collect(Collectors.joining(", "))).append(")\n");
        }
        return text.append("TIMEZONE '").append(zone).append("'\n").toString();
    }

    /** A short unique name for the test report. */
    String name() {
        return String.join(" ", datasets.name().toLowerCase(Locale.ROOT), dimension(),
                "totals=" + totals.name().toLowerCase(Locale.ROOT), pivot ? "pivot" : "table",
                "compare=" + compare.name().toLowerCase(Locale.ROOT), zone, span.first() + ".." + span.last(),
                "caller=" + callerAccounts.stream().sorted().toList()
                        + (reportAccounts.isEmpty() ? "" : " ACCOUNTS" + reportAccounts));
    }
}
