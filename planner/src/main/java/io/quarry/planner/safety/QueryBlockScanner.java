package io.quarry.planner.safety;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks a SELECT statement and produces its {@link QueryBlock}s: every plain SELECT (top level,
 * UNION branch, CTE body, FROM subquery, expression subquery) with its FROM relations resolved
 * against the CTEs in scope and the {@link SafetyPolicy}, and whether it is tenant-derived.
 *
 * <p>An instance is used for one statement only (it accumulates results); the public check
 * creates a new one per call, so nothing mutable is shared between checks.
 */
final class QueryBlockScanner {

    /** What the scan found. */
    record Result(List<QueryBlock> blocks, List<SubqueryUse> subqueries, List<SafetyViolation> violations,
                  Set<Object> scannedSelects, Set<Object> scannedTables) {
    }

    private final SafetyPolicy policy;
    private final List<QueryBlock> blocks = new ArrayList<>();
    private final List<SubqueryUse> subqueries = new ArrayList<>();
    private final List<SafetyViolation> violations = new ArrayList<>();
    private final Set<Object> scannedSelects = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> scannedTables = Collections.newSetFromMap(new IdentityHashMap<>());

    private QueryBlockScanner(SafetyPolicy policy) {
        this.policy = policy;
    }

    static Result scan(Select statement, SafetyPolicy policy) {
        QueryBlockScanner scanner = new QueryBlockScanner(policy);
        scanner.select(statement, CteScope.EMPTY);
        return new Result(List.copyOf(scanner.blocks), List.copyOf(scanner.subqueries),
                List.copyOf(scanner.violations), scanner.scannedSelects, scanner.scannedTables);
    }

    /** Scans any SELECT form; returns whether it is tenant-derived. */
    private boolean select(Select select, CteScope outerScope) {
        scannedSelects.add(select);
        CteScope scope = withClause(select.getWithItemsList(), outerScope);
        boolean derived;
        if (select instanceof PlainSelect plain) {
            derived = plainSelect(plain, scope);
        } else if (select instanceof SetOperationList union) {
            derived = false;
            for (Select branch : union.getSelects()) {
                derived |= select(branch, scope);
            }
            expressions(union.getOrderByElements(), SubqueryUse.Clause.ORDER_BY, derived, scope);
        } else if (select instanceof ParenthesedSelect parenthesed) {
            derived = select(parenthesed.getSelect(), scope);
            expressions(parenthesed.getOrderByElements(), SubqueryUse.Clause.ORDER_BY, derived, scope);
        } else if (select instanceof Values values) {
            derived = false;
            expressions(values.getExpressions(), SubqueryUse.Clause.VALUES, false, scope);
        } else {
            unsupported(select, "unsupported query form " + select.getClass().getSimpleName());
            return true;
        }
        expressions(select.getLimit(), SubqueryUse.Clause.LIMIT, derived, scope);
        expressions(select.getOffset(), SubqueryUse.Clause.LIMIT, derived, scope);
        expressions(select.getFetch(), SubqueryUse.Clause.LIMIT, derived, scope);
        return derived;
    }

    private CteScope withClause(List<WithItem<?>> items, CteScope outer) {
        if (items == null || items.isEmpty()) {
            return outer;
        }
        boolean recursive = items.stream().anyMatch(WithItem::isRecursive);
        CteScope scope = outer;
        if (recursive) {
            // Every CTE of a WITH RECURSIVE list is visible in every body; assume the worst.
            for (WithItem<?> item : items) {
                scope = scope.with(new CteScope.Cte(ParsedNames.normalize(item.getAliasName()), false, true));
            }
        }
        for (WithItem<?> item : items) {
            String name = ParsedNames.normalize(item.getAliasName());
            if (!(item.getParenthesedStatement() instanceof ParenthesedSelect body)) {
                unsupported(item, "CTE " + name + " is not a SELECT (data-modifying CTEs are not allowed)");
                if (!recursive) {
                    scope = scope.with(new CteScope.Cte(name, false, true));
                }
                continue;
            }
            // A non-recursive CTE body sees the CTEs declared before it, not itself.
            boolean derived = select(body, scope);
            if (!recursive) {
                scope = scope.with(new CteScope.Cte(name, item.isMaterialized(), derived));
            }
        }
        return scope;
    }

    private boolean plainSelect(PlainSelect select, CteScope scope) {
        if (select.getIntoTables() != null && !select.getIntoTables().isEmpty()) {
            unsupported(select.getIntoTables(), "SELECT INTO creates a table");
        }
        List<Relation> relations = new ArrayList<>();
        if (select.getFromItem() != null) {
            fromItem(select.getFromItem(), null, scope, relations);
        }
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                fromItem(join.getFromItem(), join, scope, relations);
            }
        }
        boolean derived = relations.stream().anyMatch(Relation::tenantDerived);
        blocks.add(new QueryBlock(select, relations, derived));

        expressions(select.getSelectItems(), SubqueryUse.Clause.SELECT_LIST, derived, scope);
        if (select.getDistinct() != null) {
            expressions(select.getDistinct().getOnSelectItems(), SubqueryUse.Clause.DISTINCT_ON, derived, scope);
        }
        expressions(select.getWhere(), SubqueryUse.Clause.WHERE, derived, scope);
        for (Relation r : relations) {
            if (r.join() != null) {
                expressions(r.join().getOnExpressions(), SubqueryUse.Clause.JOIN_ON, derived, scope);
            }
        }
        expressions(select.getGroupBy(), SubqueryUse.Clause.GROUP_BY, derived, scope);
        expressions(select.getHaving(), SubqueryUse.Clause.HAVING, derived, scope);
        expressions(select.getQualify(), SubqueryUse.Clause.QUALIFY, derived, scope);
        expressions(select.getWindowDefinitions(), SubqueryUse.Clause.WINDOW, derived, scope);
        List<OrderByElement> orderBy = select.getOrderByElements();
        expressions(orderBy, SubqueryUse.Clause.ORDER_BY, derived, scope);
        return derived;
    }

    private void fromItem(FromItem item, Join join, CteScope scope, List<Relation> out) {
        String alias = aliasOf(item);
        if (item instanceof Table table) {
            scannedTables.add(table);
            out.add(table(table, alias, join, scope));
        } else if (item instanceof ParenthesedFromItem group) {
            if (group.getJoins() == null || group.getJoins().isEmpty()) {
                FromItem inner = group.getFromItem();
                if (inner instanceof Values values) {
                    scannedSelects.add(values);
                    expressions(values.getExpressions(), SubqueryUse.Clause.VALUES, false, scope);
                    out.add(new Relation(Relation.Kind.VALUES, null, alias, false, join, group));
                    return;
                }
                if (alias != null) {
                    unsupported(group, "aliased parenthesised FROM item");
                    return;
                }
                fromItem(inner, join, scope, out);
                return;
            }
            // (a JOIN b ON ...) is flattened: the group's first item takes the outer join.
            fromItem(group.getFromItem(), join, scope, out);
            for (Join inner : group.getJoins()) {
                fromItem(inner.getFromItem(), inner, scope, out);
            }
        } else if (item instanceof TableFunction function) {
            expressions(function.getFunction() != null ? function.getFunction() : function,
                    SubqueryUse.Clause.FROM_FUNCTION, false, scope);
            String name = ParsedNames.normalize(function.getName() != null ? function.getName()
                    : function.getFunction().getName());
            out.add(new Relation(Relation.Kind.FUNCTION, null, alias != null ? alias : name, false, join, item));
        } else if (item instanceof Values values) {
            scannedSelects.add(values);
            expressions(values.getExpressions(), SubqueryUse.Clause.VALUES, false, scope);
            out.add(new Relation(Relation.Kind.VALUES, null, alias, false, join, item));
        } else if (item instanceof ParenthesedSelect subquery) {
            boolean derived = select(subquery, scope);
            out.add(new Relation(Relation.Kind.SUBQUERY, null, alias, derived, join, item));
        } else {
            unsupported(item, "unsupported FROM item " + item.getClass().getSimpleName());
        }
    }

    private Relation table(Table table, String alias, Join join, CteScope scope) {
        String name = ParsedNames.normalize(table.getName());
        String qualifier = alias != null ? alias : name;
        boolean qualified = table.getNameParts().size() > 1;
        Optional<CteScope.Cte> cte = qualified ? Optional.empty() : scope.lookup(name);
        if (cte.isPresent()) {
            boolean materialized = cte.get().materialized();
            return new Relation(materialized ? Relation.Kind.MATERIALIZED_CTE : Relation.Kind.INLINE_CTE, name,
                    qualifier, !materialized && cte.get().tenantDerived(), join, table);
        }
        if (policy.isTenantTable(name)) {
            return new Relation(Relation.Kind.TENANT_TABLE, name, qualifier, true, join, table);
        }
        if (policy.isReferenceTable(name)) {
            return new Relation(Relation.Kind.REFERENCE_TABLE, name, qualifier, false, join, table);
        }
        violations.add(new SafetyViolation(ViolationCode.UNKNOWN_TABLE,
                "table " + name + " is neither a tenant table, a reference table nor a CTE in scope",
                Fragments.of(table)));
        // Unknown: assume the worst for the join and subquery rules.
        return new Relation(Relation.Kind.UNKNOWN_TABLE, name, qualifier, true, join, table);
    }

    /** Scans the expression subqueries found anywhere under {@code node} (not inside nested subqueries). */
    private void expressions(Object node, SubqueryUse.Clause clause, boolean ownerDerived, CteScope scope) {
        if (node == null || (node instanceof Collection<?> c && c.isEmpty())) {
            return;
        }
        List<Select> found = node instanceof Select s ? List.of(s)
                : AstNodes.find(node, Select.class, n -> n instanceof Select);
        for (Select subquery : found) {
            boolean derived = select(subquery, scope);
            subqueries.add(new SubqueryUse(clause, subquery, ownerDerived, derived));
        }
    }

    /** Reports a construct the check does not analyse; what is under it is accounted for by this report. */
    private void unsupported(Object node, String what) {
        violations.add(new SafetyViolation(ViolationCode.UNPARSEABLE, what, Fragments.of(node)));
        AstNodes.walk(node, n -> true, n -> {
            if (n instanceof Select) {
                scannedSelects.add(n);
            } else if (n instanceof Table) {
                scannedTables.add(n);
            }
        });
    }

    private static String aliasOf(FromItem item) {
        Alias alias = item.getAlias();
        return alias == null || alias.getName() == null ? null : ParsedNames.normalize(alias.getName());
    }
}
