package io.quarry.api.saved;

import io.micronaut.json.tree.JsonNode;
import io.quarry.api.auth.Caller;
import io.quarry.api.problem.Problem;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Changes to saved reports within the caller's accounts: create, update, delete, restore. Every
 * definition is checked on save (parsed, planned against the current model for the report's
 * account, stored in canonical JSON); an invalid one is refused and nothing is stored. An edit
 * names the version it changes and loses to any change made since (409).
 */
@Singleton
public final class SavedReportService {

    private final SavedReportReader reader;
    private final SavedReportStore store;
    private final SavedReportViewMapper views;
    private final Definitions definitions;

    SavedReportService(SavedReportReader reader, SavedReportStore store, SavedReportViewMapper views,
                       Definitions definitions) {
        this.reader = reader;
        this.store = store;
        this.views = views;
        this.definitions = definitions;
    }

    public SavedReportViews.Report create(Caller caller, SaveRequest request) {
        long account = accountOfNewReport(caller, request.account());
        String definition = validDefinition(request.definition(), account);
        return views.report(StoreErrors.translate(() -> store.create(account, change(SavedReportVersion.CREATED,
                request, definition, caller)), request.name()));
    }

    public SavedReportViews.Report update(Caller caller, String id, Integer expected, SaveRequest request) {
        SavedReport current = reader.find(caller.scope(), id);
        Integer edited = expected != null ? expected : request.version();
        if (edited == null) {
            throw SavedReportException.versionRequired();
        }
        if (request.account() != null && request.account() != current.accountId()) {
            throw SavedReportException.forbidden("a saved report cannot move to another account");
        }
        requireCurrent(current, edited);
        String definition = validDefinition(request.definition(), current.accountId());
        return views.report(StoreErrors.translate(() -> store.write(current, edited,
                change(SavedReportVersion.UPDATED, request, definition, caller)), request.name()));
    }

    public void delete(Caller caller, String id, Integer expected) {
        SavedReport current = reader.find(caller.scope(), id);
        int version = expected != null ? expected : current.version();
        requireCurrent(current, version);
        store.delete(current, version, caller.subject());
    }

    /** Makes version {@code number}'s content the new current version, if it still plans. */
    public SavedReportViews.Report restore(Caller caller, String id, int number, Integer expected) {
        SavedReport current = reader.find(caller.scope(), id);
        SavedReportVersion old = reader.version(current, number);
        int version = expected != null ? expected : current.version();
        requireCurrent(current, version);
        Definitions.Parsed parsed = definitions.parseStored(old.definition());
        List<Problem.Located> errors = parsed.report() == null ? parsed.errors()
                : definitions.check(parsed.report(), current.accountId());
        if (!errors.isEmpty()) {
            throw SavedReportException.invalidDefinition(errors);
        }
        SavedReportStore.Change change = new SavedReportStore.Change(SavedReportVersion.RESTORED, number, old.name(),
                old.description(), definitions.canonicalJson(parsed.report()), caller.subject());
        return views.report(StoreErrors.translate(() -> store.write(current, version, change), old.name()));
    }

    private static void requireCurrent(SavedReport current, int version) {
        if (version != current.version()) {
            throw SavedReportException.conflict(version, current.version());
        }
    }

    private static long accountOfNewReport(Caller caller, Long account) {
        if (account != null) {
            if (!caller.scope().contains(account)) {
                throw SavedReportException.forbidden("account " + account + " is not in your token");
            }
            return account;
        }
        if (!caller.scope().single()) {
            throw SavedReportException.forbidden("your token names several accounts: give \"account\" for the new"
                    + " report");
        }
        return caller.scope().accounts().get(0);
    }

    /** Parses a request's definition, checks that it plans for {@code account}, and returns its canonical JSON. */
    private String validDefinition(JsonNode definition, long account) {
        Report report = definition.isString() ? definitions.parseRequest(definition.getStringValue(), null)
                : definitions.parseRequest(null, views.write(definition));
        List<Problem.Located> errors = definitions.check(report, account);
        if (!errors.isEmpty()) {
            throw SavedReportException.invalidDefinition(errors.stream().map(e -> e.under("/definition")).toList());
        }
        return definitions.canonicalJson(report);
    }

    private static SavedReportStore.Change change(String kind, SaveRequest request, String definition, Caller caller) {
        return new SavedReportStore.Change(kind, null, request.name().strip(),
                request.description() == null ? "" : request.description(), definition, caller.subject());
    }
}
