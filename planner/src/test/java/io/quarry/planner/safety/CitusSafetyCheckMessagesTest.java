package io.quarry.planner.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact messages and fragments, and the {@link CitusSafetyCheck#requireSafe} contract. */
class CitusSafetyCheckMessagesTest {

    private final CitusSafetyCheck check = new CitusSafetyCheck();

    @Test
    void missingFilterNamesTheTableAndAliasAndTheExpectedConjunct() {
        assertThat(check.check("SELECT s.id FROM ad_stats_daily AS s WHERE s.day >= ?", SafetyCases.POLICY))
                .containsExactly(new SafetyViolation(ViolationCode.MISSING_TENANT_FILTER,
                        "tenant table ad_stats_daily AS s has no top-level s.account_id = ANY(?) conjunct in the WHERE"
                                + " of its query block",
                        "ad_stats_daily AS s"));
    }

    @Test
    void literalFilterQuotesTheOffendingConjunct() {
        assertThat(check.check("SELECT a.id FROM ads a WHERE a.account_id IN (1, 2)", SafetyCases.POLICY))
                .containsExactly(new SafetyViolation(ViolationCode.TENANT_FILTER_NOT_BOUND,
                        "tenant table ads AS a is filtered by a.account_id IN (1, 2) instead of the bound, prunable"
                                + " a.account_id = ANY(?)",
                        "a.account_id IN (1, 2)"));
    }

    @Test
    void joinViolationNamesBothSidesAndTheJoin() {
        assertThat(check.check("SELECT a.id FROM ads a LEFT JOIN campaigns c ON c.campaign_id = a.campaign_id"
                + " WHERE a.account_id = ANY(?) AND c.account_id = ANY(?)", SafetyCases.POLICY))
                .containsExactly(new SafetyViolation(ViolationCode.JOIN_WITHOUT_ACCOUNT_EQUALITY,
                        "LEFT JOIN of campaigns AS c to tenant-derived ads AS a: no c.account_id = a.account_id"
                                + " conjunct in its ON clause",
                        "LEFT JOIN campaigns c ON c.campaign_id = a.campaign_id"));
    }

    @Test
    void inlinedCtesAreNamedInJoinMessages() {
        List<SafetyViolation> violations = check.check("""
                WITH x AS (SELECT a.account_id, a.campaign_id FROM ads a WHERE a.account_id = ANY(?)),
                     y AS (SELECT c.account_id, c.campaign_id FROM campaigns c WHERE c.account_id = ANY(?))
                SELECT * FROM x, y WHERE y.campaign_id = x.campaign_id""", SafetyCases.POLICY);

        assertThat(violations).extracting(SafetyViolation::message).containsExactly(
                "comma join of y to tenant-derived x: no y.account_id = x.account_id conjunct in the WHERE of the block");
    }

    @Test
    void groupingSetsMessageSuggestsTheMaterializedCte() {
        assertThat(check.check("SELECT a.status, count(*) FROM ads a WHERE a.account_id = ANY(?) GROUP BY CUBE (a.status)",
                SafetyCases.POLICY)).containsExactly(new SafetyViolation(ViolationCode.GROUPING_SETS_ON_DISTRIBUTED,
                "CUBE(a.status) over tenant-derived ads AS a; aggregate in a MATERIALIZED CTE first and roll up over it",
                "CUBE(a.status)"));
    }

    @Test
    void timeBucketMessageShowsTheCall() {
        assertThat(check.check("SELECT date_trunc('day', e.created_at) FROM events e WHERE e.account_id = ANY(?)",
                SafetyCases.POLICY)).containsExactly(new SafetyViolation(ViolationCode.TIME_BUCKET_WITHOUT_ZONE,
                "date_trunc('day', e.created_at) buckets in the workers' time zone (UTC); pass the zone:"
                        + " date_trunc(<unit>, <column>, ?)",
                "date_trunc('day', e.created_at)"));
    }

    @Test
    void unknownTableIsNamed() {
        assertThat(check.check("SELECT * FROM public.secrets", SafetyCases.POLICY)).containsExactly(
                new SafetyViolation(ViolationCode.UNKNOWN_TABLE,
                        "table secrets is neither a tenant table, a reference table nor a CTE in scope",
                        "public.secrets"));
    }

    @Test
    void unparseableSqlIsAViolationNotAnException() {
        List<SafetyViolation> violations = check.check("SELECT * FROM ads WHERE", SafetyCases.POLICY);

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).code()).isEqualTo(ViolationCode.UNPARSEABLE);
        assertThat(violations.get(0).message()).startsWith("JSqlParser cannot parse the statement: ");
        assertThat(violations.get(0).fragment()).isEqualTo("SELECT * FROM ads WHERE");
    }

    @Test
    void nonSelectStatementsAreNamed() {
        assertThat(check.check("DELETE FROM ads WHERE account_id = ANY(?)", SafetyCases.POLICY)).containsExactly(
                new SafetyViolation(ViolationCode.UNPARSEABLE, "only a SELECT (or WITH ... SELECT) is allowed, not Delete",
                        "DELETE FROM ads WHERE account_id = ANY(?)"));
        assertThat(check.check("SELECT 1; SELECT 2", SafetyCases.POLICY)).extracting(SafetyViolation::message)
                .containsExactly("expected exactly one statement, found 2");
    }

    @Test
    void longFragmentsAreShortenedToOneLine() {
        String longList = "SELECT a.id FROM ads a WHERE a.account_id IN (" + "1, ".repeat(100) + "1)";

        SafetyViolation violation = check.check(longList, SafetyCases.POLICY).get(0);

        assertThat(violation.fragment()).hasSize(Fragments.MAX_LENGTH).endsWith("...").doesNotContain("\n");
    }

    @Test
    void requireSafePassesSafeSql() {
        check.requireSafe("SELECT a.id FROM ads a WHERE a.account_id = ANY(?)", SafetyCases.POLICY);
    }

    @Test
    void requireSafeThrowsWithEveryViolation() {
        String sql = "SELECT a.id, now() FROM ads a JOIN campaigns c ON c.campaign_id = a.campaign_id FOR UPDATE";

        UnsafeSqlException e = catchThrowableOfType(() -> check.requireSafe(sql, SafetyCases.POLICY),
                UnsafeSqlException.class);

        assertThat(e.violations()).extracting(SafetyViolation::code).containsExactlyInAnyOrder(
                ViolationCode.MISSING_TENANT_FILTER, ViolationCode.MISSING_TENANT_FILTER,
                ViolationCode.JOIN_WITHOUT_ACCOUNT_EQUALITY, ViolationCode.UNBOUND_TIME_FUNCTION,
                ViolationCode.ROW_LOCKING);
        assertThat(e.getMessage()).startsWith("Generated SQL is not Citus-safe (5 violations):\n  - ")
                .contains("ROW_LOCKING: FOR UPDATE locks rows; reports must not lock [FOR UPDATE]");
        assertThat(e).isInstanceOf(RuntimeException.class);
    }

    @Test
    void requireSafeRejectsUnparseableSql() {
        assertThatThrownBy(() -> check.requireSafe("not sql at all", SafetyCases.POLICY))
                .isInstanceOf(UnsafeSqlException.class).hasMessageContaining("UNPARSEABLE");
    }
}
