package io.quarry.planner.safety;

import java.util.Optional;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Parses generated SQL with JSqlParser into exactly one SELECT statement. The parser runs on the
 * calling thread (a new parser instance per call, nothing shared). Text on which PostgreSQL's
 * lexer and JSqlParser's could disagree (backslash escapes, nested block comments) is refused.
 */
final class StatementParser {

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
        if (sql.contains("/*")) {
            // PostgreSQL nests block comments, JSqlParser does not: text could be code to one and a comment to the other.
            return failed("block comments are not allowed in generated SQL", sql);
        }
        Statements statements;
        try {
            statements = statements(sql);
        } catch (Exception | StackOverflowError e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return failed("JSqlParser cannot parse the statement: " + reason, sql);
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
     * JSqlParser's grammar without its "complex parsing" (deep lookahead) first: about ten times
     * faster on the planner's statements; with it only when the simple grammar fails.
     */
    private static Statements statements(String sql) throws Exception {
        try {
            return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statements();
        } catch (ParseException simple) {
            return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statements();
        }
    }

    private static Parsed failed(String message, String sql) {
        return new Parsed(Optional.empty(), new SafetyViolation(ViolationCode.UNPARSEABLE, message, Fragments.of(sql)));
    }
}
