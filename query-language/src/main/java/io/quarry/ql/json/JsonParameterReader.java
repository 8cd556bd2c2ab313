package io.quarry.ql.json;

import static io.quarry.ql.json.JsonKeywords.keyword;

import com.fasterxml.jackson.core.JsonToken;
import io.quarry.ql.ErrorCode;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.Identifier;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.ParameterType;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.internal.Errors;
import io.quarry.ql.internal.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code parameters} array of a JSON report: each declaration's name, type and optional
 * default, checking that names are valid and unique and that defaults fit their type.
 */
final class JsonParameterReader {

    private static final List<String> PARAMETER_FIELDS = List.of("name", "type", "default");

    private final JsonExpressionReader expressions;

    JsonParameterReader(JsonExpressionReader expressions) {
        this.expressions = expressions;
    }

    /** The array of parameter declarations. */
    List<ParameterDeclaration> parameters(JsonCursor cursor) {
        List<ParameterDeclaration> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        cursor.array("an array of parameter objects", element -> result.add(parameter(element, seen)));
        return result;
    }

    private ParameterDeclaration parameter(JsonCursor cursor, Set<String> seen) {
        SourceLocation location = cursor.location();
        Identifier[] name = new Identifier[1];
        ParameterType[] type = new ParameterType[1];
        Expression[] defaultValue = new Expression[1];
        SourceLocation[] defaultLocation = new SourceLocation[1];
        cursor.object("a parameter object", PARAMETER_FIELDS, field -> {
            switch (field) {
                case "name" -> name[0] = parameterName(cursor, seen);
                case "type" -> type[0] = keyword(cursor, ParameterType.class, "parameter type");
                default -> {
                    if (cursor.token() != JsonToken.VALUE_NULL) {
                        defaultLocation[0] = cursor.location();
                        defaultValue[0] = expressions.expression(cursor,
                                "a literal string such as \"DATE '2026-01-01'\"");
                    }
                }
            }
        });
        cursor.required(name[0], "name", location);
        cursor.required(type[0], "type", location);
        if (defaultValue[0] != null) {
            Optional<String> problem = Vocabulary.defaultProblem(type[0], defaultValue[0]);
            if (problem.isPresent()) {
                throw cursor.errorAt(ErrorCode.INVALID_PARAMETER_DEFAULT, problem.get(), defaultLocation[0], List.of());
            }
        }
        return new ParameterDeclaration(name[0], type[0], Optional.ofNullable(defaultValue[0]), location);
    }

    private static Identifier parameterName(JsonCursor cursor, Set<String> seen) {
        String name = Vocabulary.fold(cursor.string("a parameter name string"));
        if (!Vocabulary.PARAMETER_NAME.matcher(name).matches()) {
            throw cursor.error(ErrorCode.INVALID_IDENTIFIER, "parameter name " + Errors.quote(name)
                    + " must be letters, digits and underscores, starting with a letter or underscore");
        }
        if (!seen.add(name)) {
            throw cursor.error(ErrorCode.DUPLICATE_PARAMETER, "parameter " + Errors.quote(name) + " is declared twice");
        }
        return new Identifier(name, cursor.location());
    }
}
