package io.quarry.api.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Singleton;

/**
 * Points the default datasource at the embedded PostgreSQL when no URL is configured, before
 * the pool is built. Everything else (pool, migrations, queries) then takes the one code path
 * of a configured database.
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
final class EmbeddedDatasourceConfigurer implements BeanInitializedEventListener<DatasourceConfiguration> {

    private final BeanProvider<EmbeddedDatabase> embeddedDatabase;

    EmbeddedDatasourceConfigurer(BeanProvider<EmbeddedDatabase> embeddedDatabase) {
        this.embeddedDatabase = embeddedDatabase;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if ("default".equals(configuration.getName()) && configuration.getConfiguredUrl() == null) {
            EmbeddedDatabase database = embeddedDatabase.get();
            configuration.setUrl(database.jdbcUrl());
            configuration.setUsername(database.username());
            configuration.setPassword(database.password());
        }
        return configuration;
    }
}
