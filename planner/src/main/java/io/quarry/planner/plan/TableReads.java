package io.quarry.planner.plan;

import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.Table;
import io.quarry.planner.sql.SqlQuery.From;
import io.quarry.planner.sql.SqlQuery.ReferenceTable;
import io.quarry.planner.sql.TenantRead;
import io.quarry.planner.tenant.TenantScope;
import java.util.List;

/** How the planner reads a model table: a tenant table through its tenant read, in the report's scope. */
final class TableReads {

    private TableReads() {
    }

    static From of(SemanticModel model, Table table, String alias, TenantScope scope) {
        if (!table.tenant()) {
            return new ReferenceTable(table.name(), alias);
        }
        List<String> columns = table.columns().keySet().stream().sorted().toList();
        return new TenantRead(table.name(), alias, columns, model.distributionColumn(), scope);
    }
}
