package io.quarry.planner.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarry.planner.model.Join.ColumnPair;
import io.quarry.ql.QueryLanguageException;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a semantic model from YAML (or JSON) and validates it with {@link ModelValidator}.
 * Every problem found is reported at once, each naming the element it concerns.
 */
public final class ModelLoader {

    /** The model of the demo ad-performance schema that ships with Quarry. */
    public static final String DEFAULT_MODEL = "/io/quarry/planner/default-model.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ReportParser parser = new ReportParser();
    private final List<String> problems = new ArrayList<>();

    private ModelLoader() {
    }

    /** The model that ships with Quarry. */
    public static SemanticModel defaultModel() {
        try (InputStream in = ModelLoader.class.getResourceAsStream(DEFAULT_MODEL)) {
            return load(in, "classpath:" + DEFAULT_MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SemanticModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new ModelException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
    }

    public static SemanticModel load(String yaml, String source) {
        try {
            return new ModelLoader().read(YAML.readTree(yaml), source);
        } catch (IOException e) {
            throw new ModelException(source, List.of("not valid YAML: " + e.getMessage()));
        }
    }

    static SemanticModel load(InputStream in, String source) {
        try {
            return new ModelLoader().read(YAML.readTree(in), source);
        } catch (IOException e) {
            throw new ModelException(source, List.of("not valid YAML: " + e.getMessage()));
        }
    }

    private SemanticModel read(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new ModelException(source, List.of("the model must be a mapping"));
        }
        allowed(root, "model", "distribution_column", "tables", "entities", "datasets", "joins", "dimensions", "metrics",
                "rollups", "exchange_rates", "formats");
        String distribution = text(root, "distribution_column", "model", "account_id");
        Map<String, Table> tables = map(root, "tables", this::table);
        Map<String, Entity> entities = map(root, "entities", this::entity);
        Map<String, Dataset> datasets = map(root, "datasets", (name, node) -> dataset(name, node, tables));
        List<Join> joins = new ArrayList<>();
        JsonNode joinList = root.path("joins");
        if (!joinList.isMissingNode() && !joinList.isArray()) {
            problems.add("joins must be a list");
        } else {
            for (int i = 0; i < joinList.size(); i++) {
                joins.add(join("joins[" + i + "]", joinList.get(i)));
            }
        }
        Map<String, Dimension> dimensions = map(root, "dimensions", this::dimension);
        Map<String, Metric> metrics = map(root, "metrics", this::metric);
        Map<String, Rollup> rollups = map(root, "rollups", new RollupReader(distribution, tables, datasets, problems)::read);
        // The checks run even when reading found problems, so one load lists them all.
        SemanticModel model = new SemanticModel(distribution, tables, entities, datasets, joins, dimensions, metrics,
                List.copyOf(rollups.values()), Optional.ofNullable(root.path("exchange_rates").textValue()),
                FormatScales.read(root.path("formats"), problems));
        problems.addAll(new ModelValidator(model).problems());
        if (problems.isEmpty()) {
            return model;
        }
        throw new ModelException(source, problems);
    }

    private interface Reader<T> {
        T read(String name, JsonNode node);
    }

    private <T> Map<String, T> map(JsonNode root, String field, Reader<T> reader) {
        Map<String, T> result = new LinkedHashMap<>();
        JsonNode node = root.path(field);
        if (node.isMissingNode()) {
            return result;
        }
        if (!node.isObject()) {
            problems.add(field + " must be a mapping");
            return result;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            T value = reader.read(entry.getKey(), entry.getValue());
            if (value != null) {
                result.put(entry.getKey(), value);
            }
        }
        return result;
    }

    private Table table(String name, JsonNode node) {
        String where = "table " + name;
        allowed(node, where, "tenant", "columns", "description");
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        JsonNode columnNode = node.path("columns");
        if (!columnNode.isObject() || columnNode.isEmpty()) {
            problems.add(where + ": columns must map column names to types");
        } else {
            columnNode.fields().forEachRemaining(column -> {
                ColumnType type = parse(where + " column " + column.getKey(), column.getValue().asText(), ColumnType::parse);
                if (type != null) {
                    columns.put(column.getKey(), type);
                }
            });
        }
        JsonNode tenant = node.path("tenant");
        if (!tenant.isMissingNode() && !tenant.isBoolean()) {
            // A typo (tenant: ture) must not quietly make a tenant table a reference table, read unfiltered.
            problems.add(where + ": tenant must be true or false, not '" + tenant.asText() + "'");
        }
        return new Table(name, tenant.asBoolean(false), columns, text(node, "description", where, ""));
    }

    private Entity entity(String name, JsonNode node) {
        String where = "entity " + name;
        allowed(node, where, "table", "key", "description");
        List<String> key = new ArrayList<>();
        node.path("key").forEach(k -> key.add(k.asText()));
        if (key.isEmpty()) {
            problems.add(where + ": key must list its key columns");
        }
        return new Entity(name, required(node, "table", where), key, text(node, "description", where, ""));
    }

    private Dataset dataset(String name, JsonNode node, Map<String, Table> tables) {
        String where = "dataset " + name;
        allowed(node, where, "table", "time_column", "description", "currency", "money");
        String table = required(node, "table", where);
        String time = required(node, "time_column", where);
        ColumnType timeType = Optional.ofNullable(tables.get(table)).flatMap(t -> t.column(time)).orElse(ColumnType.DATE);
        Set<String> money = new java.util.LinkedHashSet<>();
        node.path("money").forEach(column -> money.add(column.asText()));
        return new Dataset(name, table, time, timeType, text(node, "description", where, ""),
                Optional.ofNullable(node.path("currency").textValue()), money);
    }

    private Join join(String where, JsonNode node) {
        allowed(node, where, "from", "to", "on", "cardinality", "optional");
        List<ColumnPair> on = new ArrayList<>();
        node.path("on").fields().forEachRemaining(pair -> on.add(new ColumnPair(pair.getKey(), pair.getValue().asText())));
        if (on.isEmpty()) {
            problems.add(where + ": on must map columns of 'from' to columns of 'to'");
        }
        Cardinality cardinality = parse(where + " cardinality", text(node, "cardinality", where, "many_to_one"),
                Cardinality::parse);
        return new Join(required(node, "from", where), required(node, "to", where), on,
                cardinality == null ? Cardinality.MANY_TO_ONE : cardinality, node.path("optional").asBoolean(false));
    }

    private Dimension dimension(String name, JsonNode node) {
        String where = "dimension " + name;
        allowed(node, where, "entity", "dataset", "column", "expression", "time", "grains", "type", "label",
                "format", "description");
        String label = text(node, "label", where, name);
        String description = text(node, "description", where, "");
        if (node.path("time").asBoolean(false)) {
            Set<TimeGrain> grains = EnumSet.noneOf(TimeGrain.class);
            if (node.has("grains") && !node.path("grains").isArray()) {
                problems.add(where + ": grains must be a list (day, week, month, quarter, year)");
            }
            node.path("grains").forEach(g -> TimeGrain.find(g.asText()).ifPresentOrElse(grains::add,
                    () -> problems.add(where + ": unknown grain '" + g.asText() + "' (day, week, month, quarter, year)")));
            if (grains.isEmpty()) {
                grains.add(TimeGrain.DAY);
            }
            return new Dimension(name, Optional.empty(), Optional.empty(), ColumnType.DATE, label, Format.DATE,
                    description, grains);
        }
        String owner = node.has("entity") ? node.path("entity").asText() : node.path("dataset").asText(null);
        if (owner == null) {
            problems.add(where + ": needs an entity or a dataset (or time: true)");
        }
        Expression value = columnOrExpression(node, where);
        ColumnType type = parse(where + " type", text(node, "type", where, "string"), ColumnType::parse);
        Format format = parse(where + " format", text(node, "format", where,
                type == ColumnType.DATE ? "date" : "text"), Format::parse);
        return new Dimension(name, Optional.ofNullable(owner), Optional.ofNullable(value),
                type == null ? ColumnType.STRING : type, label, format == null ? Format.TEXT : format, description, Set.of());
    }

    private Metric metric(String name, JsonNode node) {
        String where = "metric " + name;
        allowed(node, where, "dataset", "aggregation", "column", "expression", "formula", "type", "label", "format",
                "description");
        String label = text(node, "label", where, name);
        String description = text(node, "description", where, "");
        Format format = parse(where + " format", text(node, "format", where, "number"), Format::parse);
        ColumnType type = parse(where + " type", text(node, "type", where, "decimal"), ColumnType::parse);
        if (node.has("formula")) {
            Expression formula = expression(node.path("formula").asText(), where + " formula");
            return new Metric(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(formula),
                    type == null ? ColumnType.DECIMAL : type, label, format == null ? Format.NUMBER : format, description);
        }
        Aggregation aggregation = parse(where + " aggregation", required(node, "aggregation", where), Aggregation::parse);
        Expression column = node.has("column") || node.has("expression") ? columnOrExpression(node, where) : null;
        if (column == null && aggregation != Aggregation.COUNT) {
            problems.add(where + ": " + (aggregation == null ? "an aggregation" : aggregation.name().toLowerCase())
                    + " needs a column or expression");
        }
        return new Metric(name, Optional.of(required(node, "dataset", where)), Optional.ofNullable(aggregation),
                Optional.ofNullable(column), Optional.empty(), type == null ? ColumnType.DECIMAL : type, label,
                format == null ? Format.NUMBER : format, description);
    }

    private Expression columnOrExpression(JsonNode node, String where) {
        if (node.has("column") == node.has("expression")) {
            problems.add(where + ": needs exactly one of column and expression");
            return null;
        }
        if (node.has("column")) {
            return new FieldRef(List.of(node.path("column").asText()), SourceLocation.UNKNOWN);
        }
        return expression(node.path("expression").asText(), where + " expression");
    }

    private Expression expression(String text, String where) {
        try {
            return parser.parseExpression(text);
        } catch (QueryLanguageException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
    }

    private void allowed(JsonNode node, String where, String... fields) {
        if (!node.isObject()) {
            problems.add(where + " must be a mapping");
            return;
        }
        List<String> known = List.of(fields);
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                problems.add(where + ": unknown field '" + field + "' (expected one of " + String.join(", ", known) + ")");
            }
        });
    }

    private String required(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(where + ": " + field + " is required");
            return "";
        }
        return value.asText();
    }

    private String text(JsonNode node, String field, String where, String fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode()) {
            problems.add(where + ": " + field + " must be a string");
            return fallback;
        }
        return value.asText();
    }

    private <T> T parse(String where, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
    }
}
