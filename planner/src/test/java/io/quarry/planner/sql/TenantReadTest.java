package io.quarry.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.Joined;
import io.quarry.planner.sql.SqlQuery.JoinType;
import io.quarry.planner.sql.SqlQuery.Select;
import io.quarry.planner.sql.SqlQuery.With;
import io.quarry.planner.tenant.TenantScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tenant read cannot be built without a scope, and always renders its filter. */
class TenantReadTest {

    private static final List<Item> ITEMS = List.of(new Item(new Column("c", "name"), "name"));

    @Test
    void aTenantReadNeedsAScopeAndAScopeNeedsAnAccount() {
        assertThatThrownBy(() -> new TenantRead("campaigns", "c", List.of(), "account_id", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("a tenant table is read only within a tenant scope");
        assertThatThrownBy(() -> TenantScope.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a tenant scope has at least one account");
        assertThatThrownBy(() -> TenantScope.of(3L).narrowTo(List.of(3L, 4L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TenantScope.of(5L, 2L, 5L).accounts()).containsExactly(2L, 5L);
    }

    @Test
    void oneAccountIsAScalarFilterSeveralAnArrayInTheWhereOfTheRead() {
        RenderedSql one = render(Select.of(ITEMS, read("c", TenantScope.of(7L))));
        assertThat(one.sql()).isEqualTo("""
                SELECT "c"."name" AS "name"
                FROM "campaigns" AS "c"
                WHERE "c"."account_id" = ?::bigint""");
        assertThat(one.binds()).containsExactly(new BindValue(7L, BindType.BIGINT));

        RenderedSql several = render(Select.of(ITEMS, read("c", TenantScope.of(9L, 7L)))
                .where(List.of(new SqlExpr.IsNull(new Column("c", "name"), true))));
        assertThat(several.sql()).isEqualTo("""
                SELECT "c"."name" AS "name"
                FROM "campaigns" AS "c"
                WHERE "c"."account_id" = ANY(?::bigint[])
                  AND ("c"."name" IS NOT NULL)""");
        assertThat(several.binds()).containsExactly(new BindValue(List.of(7L, 9L), BindType.BIGINT_ARRAY));
    }

    @Test
    void everyReadOfAJoinIsFilteredAndTheOptionalSideInsideItsOwnQuery() {
        TenantScope scope = TenantScope.of(7L);
        SqlExpr on = new SqlExpr.Binary(SqlExpr.Operator.EQ, new Column("a", "account_id"), new Column("c", "account_id"));
        RenderedSql inner = render(Select.of(ITEMS, new Joined(read("a", scope), JoinType.INNER, read("c", scope), on)));
        assertThat(inner.sql()).endsWith("""
                WHERE "a"."account_id" = ?::bigint
                  AND "c"."account_id" = ?::bigint""");
        RenderedSql left = render(Select.of(ITEMS, new Joined(read("a", scope), JoinType.LEFT, read("c", scope), on)));
        assertThat(left.sql()).isEqualTo("""
                SELECT "c"."name" AS "name"
                FROM "campaigns" AS "a"
                LEFT JOIN (
                    SELECT "c"."account_id" AS "account_id",
                           "c"."name" AS "name"
                    FROM "campaigns" AS "c"
                    WHERE "c"."account_id" = ?::bigint
                  ) AS "c" ON "a"."account_id" = "c"."account_id"
                WHERE "a"."account_id" = ?::bigint""");
        assertThat(left.binds()).hasSize(2);
    }

    private static TenantRead read(String alias, TenantScope scope) {
        return new TenantRead("campaigns", alias, List.of("account_id", "name"), "account_id", scope);
    }

    private static RenderedSql render(Select select) {
        return SqlRenderer.render(new With(List.of(), select));
    }
}
