package io.quarry.planner.safety;

import java.util.Optional;

/**
 * The CTE names visible at a point of the statement: an immutable linked list, innermost first,
 * so that a CTE shadows an outer CTE or a table of the same name.
 */
final class CteScope {

    /** A CTE as seen by the relations that reference it. */
    record Cte(String name, boolean materialized, boolean tenantDerived) {
    }

    static final CteScope EMPTY = new CteScope(null, null);

    private final Cte cte;
    private final CteScope outer;

    private CteScope(Cte cte, CteScope outer) {
        this.cte = cte;
        this.outer = outer;
    }

    CteScope with(Cte added) {
        return new CteScope(added, this);
    }

    Optional<Cte> lookup(String normalizedName) {
        for (CteScope s = this; s.cte != null; s = s.outer) {
            if (s.cte.name().equals(normalizedName)) {
                return Optional.of(s.cte);
            }
        }
        return Optional.empty();
    }
}
