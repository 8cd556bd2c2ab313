package io.quarry.ql.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.IntegerLiteral;
import io.quarry.ql.ast.IntegerOrParameter;
import io.quarry.ql.ast.Logical;
import io.quarry.ql.ast.LogicalOperator;
import io.quarry.ql.ast.NullOrdering;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SelectItem;
import io.quarry.ql.ast.SortItem;
import io.quarry.ql.ast.SortOrder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a report as canonical JSON: fields in the order of the text clauses, absent clauses left
 * out, a plain string where an item has no options, and {@code where}/{@code having} as an array of
 * conditions (the terms of a top-level AND).
 */
public final class JsonFormatter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonFormatter() {
    }

    /** Canonical, pretty-printed JSON of a report, ending with a newline. */
    public static String format(Report report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                    .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));
            write(report, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void write(Report report, JsonGenerator json) throws IOException {
        json.writeStartObject();
        if (!report.parameters().isEmpty()) {
            json.writeArrayFieldStart("parameters");
            for (ParameterDeclaration parameter : report.parameters()) {
                json.writeStartObject();
                json.writeStringField("name", parameter.name().name());
                json.writeStringField("type", parameter.type().name());
                if (parameter.defaultValue().isPresent()) {
                    json.writeStringField("default", ExpressionFormatter.format(parameter.defaultValue().get()));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (report.dataset().isPresent()) {
            json.writeStringField("from", ExpressionFormatter.name(report.dataset().get().name()));
        }
        items("dimensions", report.dimensions(), json);
        items("metrics", report.metrics(), json);
        if (report.where().isPresent()) {
            conditions("where", report.where().get(), json);
        }
        if (report.having().isPresent()) {
            conditions("having", report.having().get(), json);
        }
        if (!report.orderBy().isEmpty()) {
            json.writeArrayFieldStart("orderBy");
            for (SortItem item : report.orderBy()) {
                sortItem(item, json);
            }
            json.writeEndArray();
        }
        if (report.limit().isPresent()) {
            json.writeFieldName("limit");
            integerOrParameter(report.limit().get(), json);
        }
        if (report.offset().isPresent()) {
            json.writeFieldName("offset");
            integerOrParameter(report.offset().get(), json);
        }
        expressions("pivotBy", report.pivotBy(), json);
        if (report.totals().isPresent()) {
            json.writeObjectFieldStart("totals");
            json.writeBooleanField("grand", report.totals().get().grand());
            expressions("subtotals", report.totals().get().subtotals(), json);
            json.writeEndObject();
        }
        if (report.compare().isPresent()) {
            json.writeStringField("compare", report.compare().get().period().name());
        }
        if (!report.accounts().isEmpty()) {
            json.writeArrayFieldStart("accounts");
            for (IntegerOrParameter account : report.accounts()) {
                integerOrParameter(account, json);
            }
            json.writeEndArray();
        }
        if (report.timezone().isPresent()) {
            json.writeStringField("timezone", report.timezone().get().zoneId());
        }
        if (report.currency().isPresent()) {
            json.writeStringField("currency", report.currency().get().code());
        }
        json.writeEndObject();
    }

    private static void items(String field, List<SelectItem> items, JsonGenerator json) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart(field);
        for (SelectItem item : items) {
            if (item.alias().isEmpty()) {
                json.writeString(ExpressionFormatter.format(item.expression()));
            } else {
                json.writeStartObject();
                json.writeStringField("expression", ExpressionFormatter.format(item.expression()));
                json.writeStringField("as", ExpressionFormatter.name(item.alias().get().name()));
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    private static void conditions(String field, Expression condition, JsonGenerator json) throws IOException {
        List<Expression> terms = condition instanceof Logical logical && logical.operator() == LogicalOperator.AND
                ? logical.terms() : List.of(condition);
        expressions(field, terms, json);
    }

    private static void expressions(String field, List<Expression> expressions, JsonGenerator json)
            throws IOException {
        if (expressions.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart(field);
        for (Expression expression : expressions) {
            json.writeString(ExpressionFormatter.format(expression));
        }
        json.writeEndArray();
    }

    private static void sortItem(SortItem item, JsonGenerator json) throws IOException {
        String key = ExpressionFormatter.format(item.key());
        if (item.order() == SortOrder.ASC && item.nulls() == NullOrdering.UNSPECIFIED) {
            json.writeString(key);
            return;
        }
        json.writeStartObject();
        json.writeStringField("expression", key);
        if (item.order() == SortOrder.DESC) {
            json.writeStringField("direction", "DESC");
        }
        if (item.nulls() != NullOrdering.UNSPECIFIED) {
            json.writeStringField("nulls", item.nulls().name());
        }
        json.writeEndObject();
    }

    private static void integerOrParameter(IntegerOrParameter value, JsonGenerator json) throws IOException {
        if (value instanceof IntegerLiteral integer) {
            json.writeNumber(integer.value());
        } else {
            json.writeString(ExpressionFormatter.format(value));
        }
    }
}
