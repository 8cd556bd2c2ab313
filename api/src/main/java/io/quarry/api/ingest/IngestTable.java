package io.quarry.api.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tables ingest writes and their columns as ingest sees them: type, whether a row must give
 * the column, and the value COPY gets when it does not (the schema's default). The column list
 * mirrors migrations V3 ({@code events}, {@code ad_stats_daily}); a column not listed here cannot
 * be ingested.
 */
enum IngestTable {

    EVENTS("events", "events", "created_at", false, List.of(
            new Column("account_id", ColumnType.BIGINT, true, null),
            new Column("event_id", ColumnType.BIGINT, true, null),
            new Column("created_at", ColumnType.TIMESTAMPTZ, true, null),
            new Column("name", ColumnType.TEXT, true, null),
            new Column("user_id", ColumnType.BIGINT, false, "\\N"),
            new Column("campaign_id", ColumnType.BIGINT, false, "\\N"),
            new Column("ad_id", ColumnType.BIGINT, false, "\\N"),
            new Column("data", ColumnType.JSON_OBJECT, false, "{}"))),

    AD_STATS("ad-stats", "ad_stats_daily", "day", true, List.of(
            new Column("account_id", ColumnType.BIGINT, true, null),
            new Column("ad_id", ColumnType.BIGINT, true, null),
            new Column("day", ColumnType.DATE, true, null),
            new Column("ad_set_id", ColumnType.BIGINT, true, null),
            new Column("campaign_id", ColumnType.BIGINT, true, null),
            new Column("impressions", ColumnType.COUNT, false, "0"),
            new Column("reach", ColumnType.COUNT, false, "0"),
            new Column("clicks", ColumnType.COUNT, false, "0"),
            new Column("spend", ColumnType.MONEY, false, "0"),
            new Column("conversions", ColumnType.COUNT, false, "0"),
            new Column("conversion_value", ColumnType.MONEY, false, "0"),
            new Column("video_views", ColumnType.COUNT, false, "0")));

    /** One ingestable column; {@code fallback} is its COPY text when a row leaves it out. */
    record Column(String name, ColumnType type, boolean required, String fallback) {
    }

    /** The primary key of {@code ad_stats_daily}, the conflict target of its upsert. */
    static final List<String> AD_STATS_KEY = List.of("account_id", "day", "ad_id");

    private final String endpoint;
    private final String table;
    private final String partitionColumn;
    private final boolean upsert;
    private final List<Column> columns;
    private final Map<String, Integer> indexes = new HashMap<>();

    IngestTable(String endpoint, String table, String partitionColumn, boolean upsert, List<Column> columns) {
        this.endpoint = endpoint;
        this.table = table;
        this.partitionColumn = partitionColumn;
        this.upsert = upsert;
        this.columns = columns;
        for (int i = 0; i < columns.size(); i++) {
            indexes.put(columns.get(i).name(), i);
        }
    }

    /** The last path segment of its endpoint, {@code /api/v1/ingest/<endpoint>}. */
    String endpoint() {
        return endpoint;
    }

    /** The table rows go to. */
    String table() {
        return table;
    }

    /** The column the table is range-partitioned by (monthly). */
    String partitionColumn() {
        return partitionColumn;
    }

    /** Whether rows replace stored rows with the same key (ad stats) or must be new (events). */
    boolean upsert() {
        return upsert;
    }

    List<Column> columns() {
        return columns;
    }

    /** The index of a column by name, or -1 if it cannot be ingested. */
    int index(String name) {
        return indexes.getOrDefault(name, -1);
    }

    /** The column list of COPY and INSERT, in order. */
    String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The names a row may use, for error messages. */
    String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
