package bench;

import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.sql.JdbcBinder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Supplier;

/** The planned SQL run directly over JDBC against the server's database: what the API does, minus the API. */
final class DirectJdbc {

    private final String url;
    private final String user;
    private final String password;

    DirectJdbc(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    String url() {
        return url;
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(url, user, password);
    }

    /** Workers with a connection each, every call running the next query {@code queries} gives. */
    PhaseRunner.Workers workers(Supplier<PlannedQuery> queries) {
        return worker -> {
            Connection connection = connect();
            return PhaseRunner.closing(connection, iteration -> run(connection, queries.get()));
        };
    }

    /** The planned SQL in a transaction, every value read, rolled back. */
    private static Sample run(Connection connection, PlannedQuery query) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(query.sql().sql())) {
            statement.setFetchSize(1_000);
            JdbcBinder.bind(statement, query.sql().binds());
            long rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            return new Sample(rows, Double.NaN);
        } finally {
            connection.rollback();
        }
    }
}
