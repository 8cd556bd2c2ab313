package io.quarry.planner.model;

import io.quarry.planner.model.Join.ColumnPair;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks a model must pass before Quarry starts: every name it uses exists, tenant tables
 * carry the distribution column, joins between tenant tables include it on both sides, the join
 * graph has no cycle and no ambiguous path, derived metrics do not refer to themselves. It also
 * runs over a model whose reading found problems (elements may name what does not exist or lack
 * parts), so every check tolerates what another check or the reader reports.
 */
final class ModelValidator {

    private final SemanticModel model;
    private final List<String> problems = new ArrayList<>();

    ModelValidator(SemanticModel model) {
        this.model = model;
    }

    List<String> problems() {
        if (model.datasets().isEmpty() || model.metrics().isEmpty()) {
            problems.add("a model needs at least one dataset and one metric");
        }
        tables();
        nodes();
        joins();
        graph();
        dimensions();
        metrics();
        MoneyChecks.check(model, problems);
        return problems;
    }

    private void tables() {
        for (Table table : model.tables()) {
            if (table.tenant() && table.column(model.distributionColumn()).orElse(null) != ColumnType.INTEGER) {
                problems.add("table " + table.name() + ": a tenant table needs an integer "
                        + model.distributionColumn() + " column");
            }
        }
    }

    private void nodes() {
        for (Dataset dataset : model.datasets()) {
            Optional<Table> table = model.table(dataset.table());
            if (table.isEmpty()) {
                problems.add("dataset " + dataset.name() + ": unknown table '" + dataset.table() + "'");
                continue;
            }
            if (!table.get().tenant()) {
                problems.add("dataset " + dataset.name() + ": table " + dataset.table() + " must be a tenant table");
            }
            ColumnType time = table.get().column(dataset.timeColumn()).orElse(null);
            if (time != ColumnType.DATE && time != ColumnType.TIMESTAMP) {
                problems.add("dataset " + dataset.name() + ": time_column '" + dataset.timeColumn()
                        + "' must be a date or timestamp column of " + dataset.table());
            }
            if (model.entity(dataset.name()).isPresent()) {
                problems.add("dataset " + dataset.name() + ": an entity has the same name");
            }
        }
        for (String name : entityNames()) {
            Entity entity = model.entity(name).orElseThrow();
            Optional<Table> table = model.table(entity.table());
            if (table.isEmpty()) {
                problems.add("entity " + name + ": unknown table '" + entity.table() + "'");
                continue;
            }
            for (String key : entity.key()) {
                if (table.get().column(key).isEmpty()) {
                    problems.add("entity " + name + ": unknown key column '" + key + "' in " + entity.table());
                }
            }
        }
    }

    private void joins() {
        for (Join join : model.joins()) {
            String where = "join " + join.from() + " -> " + join.to();
            if (!model.isNode(join.from()) || model.entity(join.to()).isEmpty()) {
                problems.add(where + ": 'from' must be a dataset or entity and 'to' an entity");
                continue;
            }
            Table from = tableOf(join.from());
            Table to = tableOf(join.to());
            if (from == null || to == null) {
                continue;
            }
            for (ColumnPair pair : join.on()) {
                if (from.column(pair.fromColumn()).isEmpty()) {
                    problems.add(where + ": unknown column '" + pair.fromColumn() + "' in " + from.name());
                }
                if (to.column(pair.toColumn()).isEmpty()) {
                    problems.add(where + ": unknown column '" + pair.toColumn() + "' in " + to.name());
                } else if (from.column(pair.fromColumn()).isPresent()
                        && from.column(pair.fromColumn()).get() != to.column(pair.toColumn()).get()) {
                    problems.add(where + ": " + pair.fromColumn() + " and " + pair.toColumn() + " have different types");
                }
            }
            String distribution = model.distributionColumn();
            if (from.tenant() && to.tenant() && join.on().stream().noneMatch(
                    pair -> pair.fromColumn().equals(distribution) && pair.toColumn().equals(distribution))) {
                problems.add(where + ": a join between tenant tables must include " + distribution + " = "
                        + distribution + " (Citus keeps such joins on one worker)");
            }
        }
    }

    private void graph() {
        Set<String> reported = new HashSet<>();
        for (Join join : model.joins()) {
            model.graph().cycleThrough(join.from()).ifPresent(cycle -> {
                if (reported.add(Set.copyOf(cycle).toString())) {
                    problems.add("join cycle: " + String.join(" -> ", cycle));
                }
            });
        }
        if (!reported.isEmpty()) {
            return;
        }
        for (Dataset dataset : model.datasets()) {
            for (String entity : entityNames()) {
                List<List<Join>> paths = model.graph().allPaths(dataset.name(), entity);
                if (paths.size() > 1) {
                    problems.add("ambiguous join paths from " + dataset.name() + " to " + entity + ": "
                            + paths.stream().map(ModelValidator::describe).collect(Collectors.joining(" and ")));
                }
            }
        }
    }

    private void dimensions() {
        for (Dimension dimension : model.dimensions().values()) {
            if (dimension.time()) {
                continue;
            }
            String node = dimension.node().orElseThrow();
            if (!model.isNode(node)) {
                problems.add("dimension " + dimension.name() + ": unknown entity or dataset '" + node + "'");
                continue;
            }
            Table table = tableOf(node);
            if (table != null) {
                dimension.expression().ifPresent(e -> columns("dimension " + dimension.name(), table, e));
            }
        }
    }

    private void metrics() {
        for (Metric metric : model.metrics().values()) {
            String where = "metric " + metric.name();
            if (model.dimensions().containsKey(metric.name())) {
                problems.add(where + ": a dimension has the same name");
            }
            if (metric.isDerived()) {
                for (FieldRef ref : ExpressionTrees.fieldRefs(metric.derived().orElseThrow())) {
                    if (!model.metrics().containsKey(ref.dotted())) {
                        problems.add(where + ": unknown metric '" + ref.dotted() + "' in formula");
                    }
                }
                if (refersTo(metric, metric.name(), new HashSet<>())) {
                    problems.add(where + ": formula refers to itself");
                }
                continue;
            }
            String dataset = metric.dataset().orElse("");
            if (dataset.isEmpty()) {
                continue; // reported by the reader
            }
            if (model.dataset(dataset).isEmpty()) {
                problems.add(where + ": unknown dataset '" + dataset + "'");
                continue;
            }
            Table table = tableOf(dataset);
            if (table != null) {
                metric.column().ifPresent(e -> columns(where, table, e));
            }
        }
    }

    private boolean refersTo(Metric metric, String target, Set<String> seen) {
        if (!metric.isDerived() || !seen.add(metric.name())) {
            return false;
        }
        for (FieldRef ref : ExpressionTrees.fieldRefs(metric.derived().orElseThrow())) {
            Metric used = model.metrics().get(ref.dotted());
            if (ref.dotted().equals(target) || (used != null && refersTo(used, target, seen))) {
                return true;
            }
        }
        return false;
    }

    private void columns(String where, Table table, Expression expression) {
        for (FieldRef ref : ExpressionTrees.fieldRefs(expression)) {
            if (ref.path().size() != 1 || table.column(ref.path().get(0)).isEmpty()) {
                problems.add(where + ": unknown column '" + ref.dotted() + "' in " + table.name());
            }
        }
    }

    /** The table of a dataset or entity, or null where it names none that exists (reported in nodes()). */
    private Table tableOf(String node) {
        return model.isNode(node) ? model.tableOf(node) : null;
    }

    private List<String> entityNames() {
        return model.entities().stream().map(Entity::name).sorted().toList();
    }

    private static String describe(List<Join> path) {
        StringBuilder text = new StringBuilder(path.get(0).from());
        for (Join join : path) {
            text.append(" -> ").append(join.to());
        }
        return text.toString();
    }
}
