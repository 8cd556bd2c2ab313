package io.quarry.api.rollups;

import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL on the test database: the independent answer to compare reports with. */
final class Facts {

    private Facts() {
    }

    /** The rows of a query, as text cells. */
    static List<List<String>> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(Cells.of(rs.getString(c)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The single value of a query, as text. */
    static String value(String sql, Object... parameters) throws SQLException {
        List<List<String>> rows = query(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** Every row of a table, each as one line of text, sorted: a table's content to compare. */
    static List<String> content(String table) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (List<String> row : query("SELECT * FROM " + table)) {
            lines.add(String.join("|", row.stream().map(String::valueOf).toList()));
        }
        lines.sort(null);
        return lines;
    }
}
