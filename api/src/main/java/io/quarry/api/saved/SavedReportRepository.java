package io.quarry.api.saved;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved reports. Every statement names the accounts it may touch ({@code account_id IN
 * (:accounts)} for reads, the report's own {@code account_id} for writes), so on Citus each
 * routes to the shards of those accounts only, and no method can read another tenant's report.
 * Only account-scoped methods exist: the repository has no generated finders.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SavedReportRepository extends GenericRepository<SavedReport, UUID> {

    @Query("""
            SELECT * FROM saved_reports
            WHERE account_id IN (:accounts) AND report_id = :reportId AND deleted_at IS NULL""")
    Optional<SavedReport> find(Collection<Long> accounts, UUID reportId);

    @Query("""
            SELECT * FROM saved_reports
            WHERE account_id IN (:accounts) AND deleted_at IS NULL
              AND (CAST(:namePattern AS text) IS NULL OR name ILIKE CAST(:namePattern AS text))
              AND (CAST(:owner AS text) IS NULL OR owner = CAST(:owner AS text))
            ORDER BY updated_at DESC, report_id
            LIMIT :limit OFFSET :offset""")
    List<SavedReport> list(Collection<Long> accounts, @Nullable String namePattern, @Nullable String owner,
                           int limit, long offset);

    @Query("""
            SELECT count(*) FROM saved_reports
            WHERE account_id IN (:accounts) AND deleted_at IS NULL
              AND (CAST(:namePattern AS text) IS NULL OR name ILIKE CAST(:namePattern AS text))
              AND (CAST(:owner AS text) IS NULL OR owner = CAST(:owner AS text))""")
    long count(Collection<Long> accounts, @Nullable String namePattern, @Nullable String owner);

    @Query("""
            INSERT INTO saved_reports (account_id, report_id, name, description, definition, owner, version,
                                       created_at, updated_at, updated_by)
            VALUES (:accountId, :reportId, :name, :description, CAST(:definition AS jsonb), :owner, 1,
                    :savedAt, :savedAt, :owner)""")
    void insert(long accountId, UUID reportId, String name, String description, String definition, String owner,
                Instant savedAt);

    /** Writes the next version if the report is still at {@code expected}; 0 rows means it is not. */
    @Query("""
            UPDATE saved_reports
            SET name = :name, description = :description, definition = CAST(:definition AS jsonb),
                version = version + 1, updated_at = :savedAt, updated_by = :savedBy
            WHERE account_id = :accountId AND report_id = :reportId AND version = :expected AND deleted_at IS NULL""")
    int updateIfAt(long accountId, UUID reportId, int expected, String name, String description, String definition,
                   String savedBy, Instant savedAt);

    /** Marks the report deleted if it is still at {@code expected}; 0 rows means it is not. */
    @Query("""
            UPDATE saved_reports
            SET version = version + 1, updated_at = :savedAt, updated_by = :savedBy, deleted_at = :savedAt
            WHERE account_id = :accountId AND report_id = :reportId AND version = :expected AND deleted_at IS NULL""")
    int deleteIfAt(long accountId, UUID reportId, int expected, String savedBy, Instant savedAt);
}
