package io.quarry.planner.sql;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Sets a rendered statement's bind values on a JDBC statement, in placeholder order. */
public final class JdbcBinder {

    private JdbcBinder() {
    }

    public static void bind(PreparedStatement statement, List<BindValue> binds) throws SQLException {
        Connection connection = statement.getConnection();
        for (int i = 0; i < binds.size(); i++) {
            BindValue bind = binds.get(i);
            int index = i + 1;
            if (bind.value() == null) {
                statement.setNull(index, sqlType(bind.type()));
                continue;
            }
            switch (bind.type()) {
                case INTEGER -> statement.setInt(index, (Integer) bind.value());
                case BIGINT -> statement.setLong(index, (Long) bind.value());
                case BIGINT_ARRAY -> {
                    Array array = connection.createArrayOf("bigint", ((List<?>) bind.value()).toArray());
                    statement.setArray(index, array);
                }
                case NUMERIC -> statement.setBigDecimal(index, (BigDecimal) bind.value());
                case TEXT -> statement.setString(index, (String) bind.value());
                case BOOLEAN -> statement.setBoolean(index, (Boolean) bind.value());
                case DATE, TIMESTAMPTZ -> statement.setObject(index, bind.value());
            }
        }
    }

    private static int sqlType(BindType type) {
        return switch (type) {
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case BIGINT_ARRAY -> Types.ARRAY;
            case NUMERIC -> Types.NUMERIC;
            case TEXT -> Types.VARCHAR;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
        };
    }
}
