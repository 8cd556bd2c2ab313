package io.quarry.planner.safety;

import java.util.List;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * One {@code SELECT ... FROM ... WHERE ...} block with its FROM relations resolved.
 *
 * @param select        the block
 * @param relations     its FROM relations in join order, nested join groups flattened
 * @param tenantDerived whether any relation is tenant-derived (the block runs on the workers)
 */
record QueryBlock(PlainSelect select, List<Relation> relations, boolean tenantDerived) {

    QueryBlock {
        relations = List.copyOf(relations);
    }

    boolean hasOuterJoin() {
        return relations.stream().anyMatch(r -> r.join() != null
                && (r.join().isLeft() || r.join().isRight() || r.join().isFull() || r.join().isOuter()));
    }

    List<Relation> tenantDerivedRelations() {
        return relations.stream().filter(Relation::tenantDerived).toList();
    }
}
