package io.quarry.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.Table;
import io.quarry.planner.sql.SqlQuery.From;
import io.quarry.planner.sql.SqlQuery.ReferenceTable;
import io.quarry.planner.sql.TenantRead;
import io.quarry.planner.tenant.TenantScope;
import org.junit.jupiter.api.Test;

/** The planner reads every tenant table of the model through a tenant read in the report's scope. */
class TableReadsTest {

    @Test
    void tenantTablesAreTenantReadsAndOnlyReferenceTablesAreNot() {
        SemanticModel model = ModelLoader.defaultModel();
        TenantScope scope = TenantScope.of(4L, 2L);
        assertThat(model.tables()).anyMatch(Table::tenant).anyMatch(t -> !t.tenant());
        for (Table table : model.tables()) {
            From read = TableReads.of(model, table, "t", scope);
            if (table.tenant()) {
                assertThat(read).isInstanceOfSatisfying(TenantRead.class,
                        tenant -> assertThat(tenant.scope()).isEqualTo(scope));
            } else {
                assertThat(read).isInstanceOf(ReferenceTable.class);
            }
        }
    }
}
