package io.quarry.api.saved;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarry.api.problem.Problem;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.QueryLanguageException;
import io.quarry.ql.ReportFormatter;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.DateLiteral;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.ParameterType;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved report definitions: read from the text or JSON form, stored in the canonical JSON form,
 * and checked by planning them against the current model for the report's account.
 */
@Singleton
public final class Definitions {

    private final ReportParser parser = new ReportParser();
    private final ReportFormatter formatter = new ReportFormatter();
    private final Planner planner;
    private final Cache<Stored, Boolean> validity = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15)).maximumSize(10_000).build();

    Definitions(Planner planner) {
        this.planner = planner;
    }

    /** A definition from a request: text form, or JSON form; errors point into {@code /definition}. */
    Report parseRequest(String text, String json) {
        try {
            return text != null ? parser.parseText(text) : parser.parseJson(json);
        } catch (QueryLanguageException e) {
            throw SavedReportException.invalidDefinition(List.of(Problem.Located.of(e).under("/definition")));
        }
    }

    /** A stored definition (canonical JSON); a definition the parser no longer reads gives its error. */
    Parsed parseStored(String json) {
        try {
            return new Parsed(parser.parseJson(json), List.of());
        } catch (QueryLanguageException e) {
            return new Parsed(null, List.of(Problem.Located.of(e)));
        }
    }

    /** The canonical JSON form, as stored. */
    String canonicalJson(Report report) {
        return formatter.toJson(report);
    }

    /** The canonical text form. */
    String text(Report report) {
        return formatter.toText(report);
    }

    String text(Expression expression) {
        return formatter.toText(expression);
    }

    /**
     * The errors of planning {@code report} for {@code account} against the current model, none
     * if it plans. Declared parameters without a default get a placeholder of their type, so a
     * report is checked without run-time values; an undeclared {@code :parameter} is an error.
     * A DATE placeholder is the earliest DATE default (else today), so {@code date BETWEEN :from
     * AND :to} with one bound defaulted is checked over a one-day range, not an empty one.
     */
    List<Problem.Located> check(Report report, long account) {
        try {
            planner.plan(report, TenantScope.of(account), placeholders(report));
            return List.of();
        } catch (PlanningException e) {
            return List.of(Problem.Located.of(e));
        }
    }

    /**
     * Whether a stored definition plans for {@code account}. Lists ask this of every item, so
     * answers are kept for a quarter hour (the model is fixed while the server runs; only
     * relative dates move).
     */
    boolean valid(String storedDefinition, long account) {
        return validity.get(new Stored(storedDefinition, account), stored -> {
            Parsed parsed = parseStored(stored.definition());
            return parsed.report() != null && check(parsed.report(), stored.account()).isEmpty();
        });
    }

    private record Stored(String definition, long account) {
    }

    private static Map<String, Object> placeholders(Report report) {
        LocalDate date = report.parameters().stream()
                .filter(d -> d.type() == ParameterType.DATE && d.defaultValue().orElse(null) instanceof DateLiteral)
                .map(d -> ((DateLiteral) d.defaultValue().orElseThrow()).value())
                .min(LocalDate::compareTo).orElse(LocalDate.now(ZoneOffset.UTC));
        Map<String, Object> values = new HashMap<>();
        for (ParameterDeclaration declaration : report.parameters()) {
            if (declaration.defaultValue().isEmpty()) {
                values.put(declaration.name().name(), switch (declaration.type()) {
                    case STRING -> "";
                    case INTEGER -> 0L;
                    case DECIMAL -> BigDecimal.ZERO;
                    case BOOLEAN -> Boolean.FALSE;
                    case DATE -> date;
                });
            }
        }
        return values;
    }

    /** A stored definition read back: the report, or why it cannot be read. */
    record Parsed(Report report, List<Problem.Located> errors) {
    }
}
