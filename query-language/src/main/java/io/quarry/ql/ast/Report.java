package io.quarry.ql.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole report. Empty lists and empty optionals mean the clause was absent.
 *
 * @param parameters declared parameters ({@code PARAMETERS (...)})
 * @param dataset the {@code FROM} dataset, if given
 * @param dimensions the grouping fields, in order
 * @param metrics the aggregated fields, in order
 * @param where the row filter
 * @param having the filter on aggregated values
 * @param orderBy sort keys, in order
 * @param limit row limit
 * @param offset rows to skip
 * @param pivotBy dimensions whose values become columns
 * @param totals grand total and subtotals, if requested
 * @param compare comparison period, if requested
 * @param accounts account ids (subset of the caller's accounts); empty means all of them
 * @param timezone time zone for date arithmetic and grains, if given
 * @param currency the reporting currency money is converted into, if given
 * @param location where the report starts
 */
public record Report(
        List<ParameterDeclaration> parameters,
        Optional<Identifier> dataset,
        List<SelectItem> dimensions,
        List<SelectItem> metrics,
        Optional<Expression> where,
        Optional<Expression> having,
        List<SortItem> orderBy,
        Optional<IntegerOrParameter> limit,
        Optional<IntegerOrParameter> offset,
        List<Expression> pivotBy,
        Optional<Totals> totals,
        Optional<CompareClause> compare,
        List<IntegerOrParameter> accounts,
        Optional<TimeZoneClause> timezone,
        Optional<CurrencyClause> currency,
        SourceLocation location) implements Node {

    public Report {
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(dataset, "dataset");
        dimensions = List.copyOf(dimensions);
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(having, "having");
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(offset, "offset");
        pivotBy = List.copyOf(pivotBy);
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(compare, "compare");
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(location, "location");
        if (dimensions.isEmpty() && metrics.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one dimension or metric");
        }
    }
}
