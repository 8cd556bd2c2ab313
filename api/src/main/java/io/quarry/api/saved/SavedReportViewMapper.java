package io.quarry.api.saved;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.quarry.api.problem.Problem;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Saved reports and versions as the API shows them, with whether each still plans. */
@Singleton
final class SavedReportViewMapper {

    private final Definitions definitions;
    private final JsonMapper json;

    SavedReportViewMapper(Definitions definitions, JsonMapper json) {
        this.definitions = definitions;
        this.json = json;
    }

    SavedReportViews.Report report(SavedReport saved) {
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

    SavedReportViews.Summary summary(SavedReport saved) {
        return new SavedReportViews.Summary(saved.reportId(), saved.accountId(), saved.name(), saved.description(),
                saved.owner(), saved.version(), saved.createdAt(), saved.updatedAt(),
                definitions.valid(saved.definition(), saved.accountId()));
    }

    SavedReportViews.Version version(SavedReportVersion version) {
        return new SavedReportViews.Version(version.version(), version.change(), version.restoredFrom(), version.name(),
                version.description(), version.savedBy(), version.savedAt(), read(version.definition()));
    }

    JsonNode read(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
