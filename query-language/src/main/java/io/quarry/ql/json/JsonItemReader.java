package io.quarry.ql.json;

import static io.quarry.ql.json.JsonKeywords.keyword;

import com.fasterxml.jackson.core.JsonToken;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.Identifier;
import io.quarry.ql.ast.NullOrdering;
import io.quarry.ql.ast.SelectItem;
import io.quarry.ql.ast.SortItem;
import io.quarry.ql.ast.SortOrder;
import io.quarry.ql.ast.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the item arrays of a JSON report: select items ({@code dimensions}, {@code metrics}) and
 * sort keys ({@code orderBy}), each given as a plain string or as an object.
 */
final class JsonItemReader {

    private static final List<String> ITEM_FIELDS = List.of("expression", "as");
    private static final List<String> SORT_FIELDS = List.of("expression", "direction", "nulls");

    private final JsonExpressionReader expressions;

    JsonItemReader(JsonExpressionReader expressions) {
        this.expressions = expressions;
    }

    /** An array of select items. */
    List<SelectItem> items(JsonCursor cursor, String what) {
        List<SelectItem> result = new ArrayList<>();
        cursor.array(what, element -> result.add(item(element)));
        return result;
    }

    private SelectItem item(JsonCursor cursor) {
        SourceLocation location = cursor.location();
        if (cursor.token() == JsonToken.VALUE_STRING) {
            return new SelectItem(expressions.expression(cursor, "a string"), Optional.empty(), location);
        }
        Expression[] expression = new Expression[1];
        Identifier[] alias = new Identifier[1];
        if (cursor.token() != JsonToken.START_OBJECT) {
            throw cursor.wrongType("a string or an object with 'expression' and 'as'");
        }
        cursor.object("an item object", ITEM_FIELDS, field -> {
            if (field.equals("expression")) {
                expression[0] = expressions.expression(cursor, "an expression string");
            } else if (cursor.token() != JsonToken.VALUE_NULL) {
                alias[0] = expressions.name(cursor, "an alias name");
            }
        });
        return new SelectItem(cursor.required(expression[0], "expression", location), Optional.ofNullable(alias[0]),
                location);
    }

    /** An array of sort keys. */
    List<SortItem> sortItems(JsonCursor cursor) {
        List<SortItem> result = new ArrayList<>();
        cursor.array("an array of sort keys", element -> result.add(sortItem(element)));
        return result;
    }

    private SortItem sortItem(JsonCursor cursor) {
        SourceLocation location = cursor.location();
        if (cursor.token() == JsonToken.VALUE_STRING) {
            return new SortItem(expressions.expression(cursor, "a string"), SortOrder.ASC, NullOrdering.UNSPECIFIED,
                    location);
        }
        Expression[] key = new Expression[1];
        SortOrder[] order = {SortOrder.ASC};
        NullOrdering[] nulls = {NullOrdering.UNSPECIFIED};
        if (cursor.token() != JsonToken.START_OBJECT) {
            throw cursor.wrongType("a string or an object with 'expression', 'direction' and 'nulls'");
        }
        cursor.object("a sort object", SORT_FIELDS, field -> {
            if (cursor.token() == JsonToken.VALUE_NULL && !field.equals("expression")) {
                return;
            }
            switch (field) {
                case "expression" -> key[0] = expressions.expression(cursor, "an expression string");
                case "direction" -> order[0] = keyword(cursor, SortOrder.class, "sort direction");
                default -> nulls[0] = keyword(cursor, List.of(NullOrdering.FIRST, NullOrdering.LAST),
                        "null ordering");
            }
        });
        return new SortItem(cursor.required(key[0], "expression", location), order[0], nulls[0], location);
    }
}
