package io.quarry.api.saved;

import io.quarry.api.problem.Problem;
import io.quarry.api.reports.ReportSource;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/**
 * Reads saved reports within a tenant scope: every lookup names the scope's accounts, so a
 * report of another account is "not found", exactly like one that does not exist.
 */
@Singleton
public final class SavedReportReader {

    /** The largest page of a list. */
    public static final int MAX_PAGE = 200;

    /**
     * The largest offset of a listing: Citus adds LIMIT to OFFSET for its workers, and a sum past
     * {@code Long.MAX_VALUE} fails there ("LIMIT must not be negative").
     */
    public static final long MAX_OFFSET = Integer.MAX_VALUE;

    private final SavedReportRepository reports;
    private final SavedReportVersionRepository versions;
    private final SavedReportViewMapper views;
    private final Definitions definitions;
    private final RunOverrides overrides = new RunOverrides();

    SavedReportReader(SavedReportRepository reports, SavedReportVersionRepository versions,
                      SavedReportViewMapper views, Definitions definitions) {
        this.reports = reports;
        this.versions = versions;
        this.views = views;
        this.definitions = definitions;
    }

    /** The report with id {@code id} among the scope's accounts, or 404. */
    SavedReport find(TenantScope scope, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw SavedReportException.notFound();
        }
        return reports.find(scope, uuid).orElseThrow(SavedReportException::notFound);
    }

    public SavedReportViews.Report get(TenantScope scope, String id) {
        return views.report(find(scope, id));
    }

    /** A page of the scope's reports (or of one of its accounts), newest change first. */
    public SavedReportViews.Page list(TenantScope scope, Long account, String name, String owner, long offset,
                                      int limit) {
        for (String filter : new String[] {name, owner}) {
            if (filter != null && filter.indexOf('\0') >= 0) {
                throw SavedReportException.badRequest("NUL_CHARACTER", "a filter must not contain the NUL character"
                        + " (U+0000)", new Problem.Located("NUL_CHARACTER", "NUL in a filter", null, null,
                        filter == name ? "/name" : "/owner", null, null));
            }
        }
        if (account != null && !scope.contains(account)) {
            throw SavedReportException.forbidden("account " + account + " is not in your token");
        }
        TenantScope accounts = account == null ? scope : scope.narrowTo(List.of(account));
        String pattern = name == null ? null
                : "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<SavedReportViews.Summary> items = reports.list(accounts, pattern, owner, limit, offset).stream()
                .map(views::summary).toList();
        return new SavedReportViews.Page(items, reports.count(accounts, pattern, owner), offset, limit);
    }

    public List<SavedReportViews.Version> versions(TenantScope scope, String id) {
        SavedReport report = find(scope, id);
        return versions.list(report.accountId(), report.reportId()).stream().map(views::version).toList();
    }

    public SavedReportViews.Version version(TenantScope scope, String id, int number) {
        return views.version(version(find(scope, id), number));
    }

    SavedReportVersion version(SavedReport report, int number) {
        return versions.find(report.accountId(), report.reportId(), number)
                .orElseThrow(() -> SavedReportException.versionNotFound(number));
    }

    /** A run of the report: its stored definition must still plan; the request's overrides and values are applied. */
    public ReportSource.Saved run(TenantScope scope, String id, RunRequest request) {
        SavedReport saved = find(scope, id);
        Definitions.Parsed parsed = definitions.parseStored(saved.definition());
        List<Problem.Located> errors = parsed.report() == null ? parsed.errors()
                : definitions.check(parsed.report(), saved.accountId());
        if (!errors.isEmpty()) {
            throw SavedReportException.notRunnable(errors);
        }
        Report report = overrides.apply(parsed.report(), request);
        return new ReportSource.Saved(report, ParameterValues.of(report, request.parameterValues()),
                saved.accountId());
    }
}
