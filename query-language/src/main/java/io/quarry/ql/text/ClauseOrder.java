package io.quarry.ql.text;

import static io.quarry.ql.parser.QuarryReportParser.ACCOUNTS;
import static io.quarry.ql.parser.QuarryReportParser.COMPARE;
import static io.quarry.ql.parser.QuarryReportParser.CURRENCY;
import static io.quarry.ql.parser.QuarryReportParser.DIMENSIONS;
import static io.quarry.ql.parser.QuarryReportParser.FROM;
import static io.quarry.ql.parser.QuarryReportParser.HAVING;
import static io.quarry.ql.parser.QuarryReportParser.LIMIT;
import static io.quarry.ql.parser.QuarryReportParser.METRICS;
import static io.quarry.ql.parser.QuarryReportParser.OFFSET;
import static io.quarry.ql.parser.QuarryReportParser.ORDER;
import static io.quarry.ql.parser.QuarryReportParser.PARAMETERS;
import static io.quarry.ql.parser.QuarryReportParser.PIVOT;
import static io.quarry.ql.parser.QuarryReportParser.TIMEZONE;
import static io.quarry.ql.parser.QuarryReportParser.TOTALS;
import static io.quarry.ql.parser.QuarryReportParser.WHERE;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * The order of a report's clauses, as the grammar's {@code report} rule fixes it, for the hint on
 * a clause written out of order ({@code METRICS spend DIMENSIONS campaign.name}) or twice: the
 * parser alone can only say it expected "another clause".
 */
final class ClauseOrder {

    private static final List<Integer> ORDER_OF_CLAUSES = List.of(PARAMETERS, FROM, DIMENSIONS, METRICS, WHERE,
            HAVING, ORDER, LIMIT, OFFSET, PIVOT, TOTALS, COMPARE, ACCOUNTS, TIMEZONE,
            CURRENCY);

    private ClauseOrder() {
    }

    /** Why {@code offending}, a clause keyword, cannot stand where it does; empty for other tokens. */
    static Optional<String> hint(Token offending, TokenStream tokens) {
        int rank = ORDER_OF_CLAUSES.indexOf(offending.getType());
        if (rank < 0) {
            return Optional.empty();
        }
        String order = "clauses come in the order " + ORDER_OF_CLAUSES.stream().map(ExpectedTokens::token)
                .map(name -> name.replace("'", "")).collect(Collectors.joining(", "));
        for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
            Token earlier = tokens.get(i);
            int earlierRank = ORDER_OF_CLAUSES.indexOf(earlier.getType());
            if (earlierRank > rank) {
                return Optional.of(name(offending) + " must come before " + name(earlier) + " (" + order + ")");
            }
            if (earlierRank == rank) {
                return Optional.of("a report has one " + name(offending) + " clause");
            }
        }
        return Optional.empty();
    }

    private static String name(Token token) {
        return ExpectedTokens.token(token.getType()).replace("'", "");
    }
}
