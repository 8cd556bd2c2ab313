package io.quarry.api.db;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Shutdown order for the embedded database: every connection pool created on it is closed
 * before PostgreSQL stops, whatever order Micronaut destroys the beans in (in-flight requests
 * have had the graceful-shutdown period by then).
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
final class EmbeddedPoolOrder implements BeanCreatedEventListener<DataSource> {

    private final BeanProvider<EmbeddedDatabase> embedded;
    private final BeanProvider<DataSourceResolver> resolver;

    EmbeddedPoolOrder(BeanProvider<EmbeddedDatabase> embedded, BeanProvider<DataSourceResolver> resolver) {
        this.embedded = embedded;
        this.resolver = resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        if (resolver.get().resolve(dataSource) instanceof AutoCloseable pool) {
            embedded.get().closeBefore(pool);
        }
        return dataSource;
    }
}
