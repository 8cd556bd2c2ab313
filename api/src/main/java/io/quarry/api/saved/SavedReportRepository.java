package io.quarry.api.saved;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.quarry.planner.tenant.TenantScope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved reports. Every statement names the accounts it may touch: a read takes a
 * {@link TenantScope} ({@code account_id = ANY(:scope)}), a write the report's own
 * {@code account_id}, so on Citus each routes to the shards of those accounts only, and no method
 * can read another tenant's report. Only account-scoped methods exist: no generated finders.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SavedReportRepository extends GenericRepository<SavedReport, UUID> {

    /** A tenant scope bound as its accounts ({@code bigint[]}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @TypeDef(type = DataType.LONG_ARRAY, converter = TenantScopeConverter.class)
    @interface Scoped {
    }

    @Query("""
            SELECT * FROM saved_reports
            WHERE account_id = ANY(:scope) AND report_id = :reportId AND deleted_at IS NULL""")
    Optional<SavedReport> find(@Scoped TenantScope scope, UUID reportId);

    @Query("""
            SELECT * FROM saved_reports
            WHERE account_id = ANY(:scope) AND deleted_at IS NULL
              AND (CAST(:namePattern AS text) IS NULL OR name ILIKE CAST(:namePattern AS text))
              AND (CAST(:owner AS text) IS NULL OR owner = CAST(:owner AS text))
            ORDER BY updated_at DESC, report_id
            LIMIT :limit OFFSET :offset""")
    List<SavedReport> list(@Scoped TenantScope scope, @Nullable String namePattern, @Nullable String owner,
                           int limit, long offset);

    @Query("""
            SELECT count(*) FROM saved_reports
            WHERE account_id = ANY(:scope) AND deleted_at IS NULL
              AND (CAST(:namePattern AS text) IS NULL OR name ILIKE CAST(:namePattern AS text))
              AND (CAST(:owner AS text) IS NULL OR owner = CAST(:owner AS text))""")
    long count(@Scoped TenantScope scope, @Nullable String namePattern, @Nullable String owner);

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
