package io.quarry.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.api.db.DirectDataSource;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command-line tools start against an external database (the test database) without a token
 * secret: load-demo against a Citus coordinator failed on the missing QUARRY_AUTH_JWT_SECRET.
 */
class CliContextTest {

    @Test
    void theToolsNeedNoTokenSecret() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.remove("quarry.auth.jwt-secret");
        properties.remove("micronaut.server.port");
        try (ApplicationContext context = CliContext.start(properties)) {
            assertThat(context.getProperty("quarry.partitions.enabled", String.class)).contains("false");
            assertThat(context.getProperty("quarry.auth.jwt-secret", String.class)).hasValueSatisfying(
                    secret -> assertThat(secret).hasSizeGreaterThanOrEqualTo(32));
            try (Connection connection = context.getBean(DirectDataSource.class).dataSource().getConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }
}
