package io.quarry.api.db;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The connection pool itself, without Micronaut Data's contextual proxy: for code that takes a
 * connection and manages its own transaction (report execution, migrations, health, demo data).
 * Micronaut Data repositories (saved reports) use the proxy over the same pool.
 */
@Singleton
public final class DirectDataSource {

    private final DataSource dataSource;

    DirectDataSource(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
