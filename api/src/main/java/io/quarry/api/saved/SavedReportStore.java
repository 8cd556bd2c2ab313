package io.quarry.api.saved;

import io.micronaut.transaction.annotation.Transactional;
import io.quarry.planner.tenant.TenantScope;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes saved reports. Each change writes the report's row and its history row in one
 * transaction; an update or delete changes the row only if it is still at the version the caller
 * edited, so of two concurrent edits of one version exactly one is stored and the other gets a
 * conflict (the database serialises them on the row lock and re-checks the version).
 */
@Singleton
class SavedReportStore {

    private final SavedReportRepository reports;
    private final SavedReportVersionRepository versions;

    SavedReportStore(SavedReportRepository reports, SavedReportVersionRepository versions) {
        this.reports = reports;
        this.versions = versions;
    }

    /** A change to store: the report's content after it, and who made it. */
    record Change(String kind, Integer restoredFrom, String name, String description, String definition, String by) {
    }

    @Transactional
    SavedReport create(long account, Change change) {
        UUID id = UUID.randomUUID();
        Instant now = now();
        reports.insert(account, id, change.name(), change.description(), change.definition(), change.by(), now);
        versions.insert(account, id, 1, SavedReportVersion.CREATED, null, change.name(), change.description(),
                change.definition(), change.by(), now);
        return reports.find(TenantScope.of(account), id).orElseThrow();
    }

    /** Writes version {@code expected + 1} of {@code report}, or throws a conflict if it is no longer at {@code expected}. */
    @Transactional
    SavedReport write(SavedReport report, int expected, Change change) {
        Instant now = now();
        if (reports.updateIfAt(report.accountId(), report.reportId(), expected, change.name(), change.description(),
                change.definition(), change.by(), now) == 0) {
            throw conflict(report, expected);
        }
        versions.insert(report.accountId(), report.reportId(), expected + 1, change.kind(), change.restoredFrom(),
                change.name(), change.description(), change.definition(), change.by(), now);
        return reports.find(TenantScope.of(report.accountId()), report.reportId()).orElseThrow();
    }

    /** Marks {@code report} deleted (its history keeps every version), or throws a conflict. */
    @Transactional
    void delete(SavedReport report, int expected, String by) {
        Instant now = now();
        if (reports.deleteIfAt(report.accountId(), report.reportId(), expected, by, now) == 0) {
            throw conflict(report, expected);
        }
        versions.insert(report.accountId(), report.reportId(), expected + 1, SavedReportVersion.DELETED, null,
                report.name(), report.description(), report.definition(), by, now);
    }

    private SavedReportException conflict(SavedReport report, int expected) {
        return reports.find(TenantScope.of(report.accountId()), report.reportId())
                .map(current -> SavedReportException.conflict(expected, current.version()))
                .orElseGet(SavedReportException::notFound);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
