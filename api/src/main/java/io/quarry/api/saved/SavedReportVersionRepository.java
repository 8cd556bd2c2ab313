package io.quarry.api.saved;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The history of saved reports. Callers reach it only through a report they found within their
 * accounts, and every statement carries that report's account_id.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SavedReportVersionRepository extends GenericRepository<SavedReportVersion, UUID> {

    @Query("""
            SELECT * FROM saved_report_versions
            WHERE account_id = :accountId AND report_id = :reportId
            ORDER BY version DESC""")
    List<SavedReportVersion> list(long accountId, UUID reportId);

    @Query("""
            SELECT * FROM saved_report_versions
            WHERE account_id = :accountId AND report_id = :reportId AND version = :version""")
    Optional<SavedReportVersion> find(long accountId, UUID reportId, int version);

    @Query("""
            INSERT INTO saved_report_versions (account_id, report_id, version, change, restored_from, name,
                                               description, definition, saved_by, saved_at)
            VALUES (:accountId, :reportId, :version, :change, :restoredFrom, :name, :description,
                    CAST(:definition AS jsonb), :savedBy, :savedAt)""")
    void insert(long accountId, UUID reportId, int version, String change, @Nullable Integer restoredFrom, String name,
                String description, String definition, String savedBy, Instant savedAt);
}
