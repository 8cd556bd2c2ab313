package io.quarry.planner.safety;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Parses generated SQL with JSqlParser into exactly one SELECT statement, a new parser instance per
 * call. Text on which PostgreSQL's lexer and JSqlParser's could disagree (backslash escapes,
 * nested block comments) is refused.
 *
 * <p>JSqlParser's simple grammar runs on the calling thread; it refuses some valid statements
 * (a comparison as a CASE result, more than 16 directly nested parentheses), and those get its
 * "complex" grammar, whose backtracking is exponential in the nesting (a 20-term sum of a report
 * took minutes). That grammar therefore runs under a time budget on a worker thread and is
 * interrupted when the budget is spent: the statement is then {@link ViolationCode#TOO_COMPLEX}.
 */
final class StatementParser {

    /** How long the complex grammar may take: a statement it parses at all takes well under 200 ms. */
    static final long COMPLEX_BUDGET_MILLIS = 1_000;

    private static final ExecutorService COMPLEX_PARSES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "quarry-sql-check");
        thread.setDaemon(true);
        return thread;
    });

    /** The parsed statement or why there is none. */
    record Parsed(Optional<Select> select, SafetyViolation failure) {
    }

    private StatementParser() {
    }

    static Parsed parse(String sql) {
        if (sql == null || sql.isBlank()) {
            return failed("empty SQL", "");
        }
        if (sql.contains("\\")) {
            // E'\'' strings, U&'\0061' escapes and standard_conforming_strings=off make PostgreSQL
            // and JSqlParser disagree on where a literal ends; generated SQL binds its values.
            return failed("backslashes are not allowed in generated SQL (string escapes are lexed differently"
                    + " by PostgreSQL and JSqlParser); bind the value", sql);
        }
        if (commentOutsideQuotes(sql)) {
            // PostgreSQL nests block comments, JSqlParser does not: text could be code to one and a
            // comment to the other. Generated SQL has no comments at all.
            return failed("comments are not allowed in generated SQL", sql);
        }
        Statements statements;
        try {
            statements = statements(sql);
        } catch (JSQLParserException e) {
            if (e.getCause() instanceof TimeoutException) {
                return new Parsed(Optional.empty(), new SafetyViolation(ViolationCode.TOO_COMPLEX,
                        "JSqlParser could not parse the statement within " + COMPLEX_BUDGET_MILLIS + " ms",
                        Fragments.of(sql)));
            }
            return failed("JSqlParser cannot parse the statement: " + firstLine(e), sql);
        } catch (Exception | StackOverflowError e) {
            return failed("JSqlParser cannot parse the statement: " + firstLine(e), sql);
        }
        if (statements == null || statements.size() != 1) {
            return failed("expected exactly one statement, found " + (statements == null ? 0 : statements.size()), sql);
        }
        Statement statement = statements.get(0);
        if (statement instanceof PlainSelect || statement instanceof SetOperationList
                || statement instanceof ParenthesedSelect) {
            return new Parsed(Optional.of((Select) statement), null);
        }
        return failed("only a SELECT (or WITH ... SELECT) is allowed, not " + statement.getClass().getSimpleName(),
                sql);
    }

    /**
     * JSqlParser's simple grammar first (about ten times faster on the planner's statements), the
     * complex one within its budget only when the simple one fails.
     */
    private static Statements statements(String sql) throws Exception {
        try {
            return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statements();
        } catch (ParseException simple) {
            return CCJSqlParserUtil.parseStatements(CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true)
                    .withTimeOut(COMPLEX_BUDGET_MILLIS), COMPLEX_PARSES);
        }
    }

    /**
     * Whether the text has a comment ({@code /*} or {@code --}) outside string literals
     * ({@code '...'}, {@code ''} escaping a quote) and quoted names ({@code "..."}, {@code ""}
     * escaping one), where both lexers agree once backslashes are refused, or a quote that never
     * ends. Inside quotes ({@code "sum(x) /* y"}, a name written from a report's expression) it
     * is text to both.
     */
    static boolean commentOutsideQuotes(String sql) {
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        i++;
                    } else {
                        quote = 0;
                    }
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if ((c == '/' || c == '-') && i + 1 < sql.length() && sql.charAt(i + 1) == (c == '/' ? '*' : '-')) {
                return true;
            }
        }
        return quote != 0;
    }

    private static String firstLine(Throwable e) {
        Throwable reason = e instanceof JSQLParserException && e.getCause() != null ? e.getCause() : e;
        return String.valueOf(reason.getMessage()).lines().findFirst().orElse("");
    }

    private static Parsed failed(String message, String sql) {
        return new Parsed(Optional.empty(), new SafetyViolation(ViolationCode.UNPARSEABLE, message, Fragments.of(sql)));
    }
}
