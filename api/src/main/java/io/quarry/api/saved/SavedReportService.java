package io.quarry.api.saved;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.quarry.api.auth.CallerScope;
import io.quarry.api.problem.Problem;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Saved reports within the caller's accounts: every lookup is limited to the accounts in the
 * caller's token, so a report of another account is "not found", exactly like one that does not
 * exist. Definitions are checked on every save (parsed, stored in canonical JSON, planned against
 * the current model) and again on every read, so a report the model no longer supports says so.
 */
@Singleton
public final class SavedReportService {

    /** The largest page of a list. */
    public static final int MAX_PAGE = 200;

    private final SavedReportRepository reports;
    private final SavedReportVersionRepository versions;
    private final SavedReportStore store;
    private final Definitions definitions;
    private final JsonMapper json;
    private final RunOverrides overrides = new RunOverrides();

    SavedReportService(SavedReportRepository reports, SavedReportVersionRepository versions, SavedReportStore store,
                       Definitions definitions, JsonMapper json) {
        this.reports = reports;
        this.versions = versions;
        this.store = store;
        this.definitions = definitions;
        this.json = json;
    }

    /** A saved report ready to plan: overrides applied, parameter values checked, its account. */
    public record Run(Report report, Map<String, Object> parameters, long account) {
    }

    public SavedReportViews.Report create(CallerScope scope, SaveRequest request) {
        long account = accountOfNewReport(scope, request.account());
        String definition = validDefinition(request.definition(), account);
        return stored(() -> view(store.create(account, change(SavedReportVersion.CREATED, null, request, definition,
                scope))), request.name());
    }

    public SavedReportViews.Page list(CallerScope scope, Long account, String name, String owner, long offset,
                                      int limit) {
        List<Long> accounts = scope.accounts().stream().sorted().toList();
        if (account != null) {
            if (!scope.accounts().contains(account)) {
                throw SavedReportException.forbidden("account " + account + " is not in your token");
            }
            accounts = List.of(account);
        }
        if (accounts.isEmpty()) {
            return new SavedReportViews.Page(List.of(), 0, offset, limit);
        }
        String pattern = name == null ? null : "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<SavedReportViews.Summary> items = reports.list(accounts, pattern, owner, limit, offset).stream()
                .map(this::summary).toList();
        return new SavedReportViews.Page(items, reports.count(accounts, pattern, owner), offset, limit);
    }

    public SavedReportViews.Report get(CallerScope scope, String id) {
        return view(find(scope, id));
    }

    public SavedReportViews.Report update(CallerScope scope, String id, Integer expected, SaveRequest request) {
        SavedReport current = find(scope, id);
        int version = required(expected != null ? expected : request.version());
        if (request.account() != null && request.account() != current.accountId()) {
            throw SavedReportException.forbidden("a saved report cannot move to another account");
        }
        if (version != current.version()) {
            throw SavedReportException.conflict(version, current.version());
        }
        String definition = validDefinition(request.definition(), current.accountId());
        return stored(() -> view(store.write(current, version, change(SavedReportVersion.UPDATED, null, request,
                definition, scope))), request.name());
    }

    public void delete(CallerScope scope, String id, Integer expected) {
        SavedReport current = find(scope, id);
        int version = expected != null ? expected : current.version();
        if (version != current.version()) {
            throw SavedReportException.conflict(version, current.version());
        }
        store.delete(current, version, scope.subject());
    }

    public List<SavedReportViews.Version> versions(CallerScope scope, String id) {
        SavedReport report = find(scope, id);
        return versions.list(report.accountId(), report.reportId()).stream().map(this::version).toList();
    }

    public SavedReportViews.Version version(CallerScope scope, String id, int number) {
        SavedReport report = find(scope, id);
        return version(versions.find(report.accountId(), report.reportId(), number)
                .orElseThrow(() -> SavedReportException.versionNotFound(number)));
    }

    /** Makes version {@code number}'s content the new current version, if it still plans. */
    public SavedReportViews.Report restore(CallerScope scope, String id, int number, Integer expected) {
        SavedReport current = find(scope, id);
        SavedReportVersion old = versions.find(current.accountId(), current.reportId(), number)
                .orElseThrow(() -> SavedReportException.versionNotFound(number));
        int version = expected != null ? expected : current.version();
        if (version != current.version()) {
            throw SavedReportException.conflict(version, current.version());
        }
        Definitions.Parsed parsed = definitions.parseStored(old.definition());
        List<Problem.Located> errors = parsed.report() == null ? parsed.errors()
                : definitions.check(parsed.report(), current.accountId());
        if (!errors.isEmpty()) {
            throw SavedReportException.invalidDefinition(errors);
        }
        SavedReportStore.Change change = new SavedReportStore.Change(SavedReportVersion.RESTORED, number, old.name(),
                old.description(), definitions.canonicalJson(parsed.report()), scope.subject());
        return stored(() -> view(store.write(current, version, change)), old.name());
    }

    /** Prepares a run: the stored definition must still plan; the request's overrides and values are applied. */
    public Run run(CallerScope scope, String id, RunRequest request) {
        SavedReport saved = find(scope, id);
        Definitions.Parsed parsed = definitions.parseStored(saved.definition());
        List<Problem.Located> errors = parsed.report() == null ? parsed.errors()
                : definitions.check(parsed.report(), saved.accountId());
        if (!errors.isEmpty()) {
            throw SavedReportException.notRunnable(errors);
        }
        Report report = overrides.apply(parsed.report(), request);
        return new Run(report, ParameterValues.of(report, request.parameterValues()), saved.accountId());
    }

    private SavedReport find(CallerScope scope, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw SavedReportException.notFound();
        }
        if (scope.accounts().isEmpty()) {
            throw SavedReportException.notFound();
        }
        return reports.find(scope.accounts(), uuid).orElseThrow(SavedReportException::notFound);
    }

    private static long accountOfNewReport(CallerScope scope, Long account) {
        if (account != null) {
            if (!scope.accounts().contains(account)) {
                throw SavedReportException.forbidden("account " + account + " is not in your token");
            }
            return account;
        }
        if (scope.accounts().size() != 1) {
            throw SavedReportException.forbidden(scope.accounts().isEmpty() ? "your token names no account"
                    : "your token names several accounts: give \"account\" for the new report");
        }
        return scope.accounts().iterator().next();
    }

    private static int required(Integer version) {
        if (version == null) {
            throw SavedReportException.versionRequired();
        }
        return version;
    }

    /** Parses a request's definition, checks that it plans for {@code account}, and returns its canonical JSON. */
    private String validDefinition(JsonNode definition, long account) {
        Report report = definition.isString() ? definitions.parseRequest(definition.getStringValue(), null)
                : definitions.parseRequest(null, write(definition));
        List<Problem.Located> errors = definitions.check(report, account);
        if (!errors.isEmpty()) {
            throw SavedReportException.invalidDefinition(errors.stream().map(e -> e.under("/definition")).toList());
        }
        return definitions.canonicalJson(report);
    }

    private static SavedReportStore.Change change(String kind, Integer restoredFrom, SaveRequest request,
                                                  String definition, CallerScope scope) {
        return new SavedReportStore.Change(kind, restoredFrom, request.name().strip(),
                request.description() == null ? "" : request.description(), definition, scope.subject());
    }

    /** Runs a write, turning the constraint violations callers can cause into their problems. */
    private SavedReportViews.Report stored(java.util.function.Supplier<SavedReportViews.Report> write, String name) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            String state = sqlState(e);
            if ("23505".equals(state)) {
                throw SavedReportException.nameTaken(name);
            }
            if ("23503".equals(state)) {
                throw SavedReportException.forbidden("the account does not exist");
            }
            throw e;
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private SavedReportViews.Report view(SavedReport saved) {
        Definitions.Parsed parsed = definitions.parseStored(saved.definition());
        Report report = parsed.report();
        List<Problem.Located> errors = report == null ? parsed.errors() : definitions.check(report, saved.accountId());
        List<SavedReportViews.Parameter> parameters = report == null ? List.of() : report.parameters().stream()
                .map(p -> new SavedReportViews.Parameter(p.name().name(), p.type().name(),
                        p.defaultValue().map(definitions::text).orElse(null), p.defaultValue().isEmpty()))
                .toList();
        return new SavedReportViews.Report(saved.reportId(), saved.accountId(), saved.name(), saved.description(),
                saved.owner(), saved.version(), saved.createdAt(), saved.updatedAt(), saved.updatedBy(),
                read(report == null ? saved.definition() : definitions.canonicalJson(report)),
                report == null ? null : definitions.text(report), parameters,
                new SavedReportViews.Status(errors.isEmpty(), errors));
    }

    private SavedReportViews.Summary summary(SavedReport saved) {
        Definitions.Parsed parsed = definitions.parseStored(saved.definition());
        boolean valid = parsed.report() != null && definitions.check(parsed.report(), saved.accountId()).isEmpty();
        return new SavedReportViews.Summary(saved.reportId(), saved.accountId(), saved.name(), saved.description(),
                saved.owner(), saved.version(), saved.createdAt(), saved.updatedAt(), valid);
    }

    private SavedReportViews.Version version(SavedReportVersion version) {
        return new SavedReportViews.Version(version.version(), version.change(), version.restoredFrom(), version.name(),
                version.description(), version.savedBy(), version.savedAt(), read(version.definition()));
    }

    private JsonNode read(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
