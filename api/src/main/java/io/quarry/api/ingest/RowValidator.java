package io.quarry.api.ingest;

import io.quarry.planner.tenant.TenantScope;
import java.util.List;

/**
 * Checks one raw row against the target table and the caller, and renders it as a COPY text line:
 * every column's type and range, required columns present, {@code account_id} within the token's
 * accounts, the partition column inside an existing partition. A refused value is reported with
 * the row's line and the column's name; an account outside the token is not a row error but
 * refuses the whole batch (403).
 */
final class RowValidator {

    private final List<IngestTable.Column> columns;
    private final TenantScope scope;
    private final PartitionRanges partitions;
    private final int accountColumn;
    private final int timeColumn;
    private final ColumnType.Cell cell;
    private final StringBuilder out;
    private long earliest = Long.MAX_VALUE;

    /** {@code out} receives each accepted row's COPY line, newline included. */
    RowValidator(IngestTable table, TenantScope scope, PartitionRanges partitions, StringBuilder out) {
        this.columns = table.columns();
        this.scope = scope;
        this.partitions = partitions;
        this.accountColumn = table.index("account_id");
        this.timeColumn = table.index(table.partitionColumn());
        this.out = out;
        this.cell = new ColumnType.Cell(out);
    }

    /**
     * Appends {@code row} to the output and returns null, or leaves the output as it was and
     * returns why the row is refused.
     *
     * @throws AccountNotPermittedException when the row names an account outside the token
     */
    RowError validate(RawRow row) {
        if (row.problem != null) {
            return row.problem;
        }
        int start = out.length();
        for (int i = 0; i < columns.size(); i++) {
            IngestTable.Column column = columns.get(i);
            if (i > 0) {
                out.append('\t');
            }
            String raw = row.values[i];
            if (raw == null) {
                if (column.required()) {
                    out.setLength(start);
                    return RowError.of("MISSING_VALUE", row.line, column.name(),
                            "'" + column.name() + "' is required");
                }
                out.append(column.fallback());
                continue;
            }
            cell.refusal = null;
            column.type().convert(raw, row.kinds[i], cell);
            if (cell.refusal != null) {
                out.setLength(start);
                return RowError.of("INVALID_VALUE", row.line, column.name(), "'" + column.name() + "' "
                        + cell.refusal);
            }
            if (i == accountColumn && !scope.contains(cell.number)) {
                out.setLength(start);
                throw new AccountNotPermittedException(row.line, cell.number);
            }
            if (i == timeColumn && !partitions.covers(cell.time)) {
                out.setLength(start);
                return RowError.of("OUTSIDE_PARTITIONS", row.line, column.name(), "'" + column.name() + "' "
                        + ColumnType.quote(raw) + " is outside the table's partitions: " + partitions.describe()
                        + "; create partitions first (quarry_create_time_partitions)");
            }
            if (i == timeColumn) {
                earliest = Math.min(earliest, cell.time);
            }
        }
        out.append('\n');
        return null;
    }

    /**
     * The earliest partition-column time of the rows validated so far, in epoch microseconds (a
     * date's UTC midnight); a batch is stored only when every row is valid.
     */
    long earliest() {
        return earliest;
    }

    /** A row names an account the token does not cover: the batch is refused with 403. */
    static final class AccountNotPermittedException extends RuntimeException {
        final long line;
        final long account;

        AccountNotPermittedException(long line, long account) {
            super("line " + line + ": account " + account + " is not one of the token's accounts");
            this.line = line;
            this.account = account;
        }
    }
}
