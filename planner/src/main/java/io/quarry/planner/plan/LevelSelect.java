package io.quarry.planner.plan;

import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.Select;
import java.util.List;

/** The rows of one level (detail or a total) and the CTEs that query needs beyond its bases. */
record LevelSelect(List<Cte> ctes, Select select) {

    LevelSelect {
        ctes = List.copyOf(ctes);
    }
}
