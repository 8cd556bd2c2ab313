package io.quarry.testdb;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** A single-node Citus in Docker (coordinator holding the shards), for machines with a daemon. */
final class CitusContainerServer implements DatabaseServer {

    static final DockerImageName IMAGE =
            DockerImageName.parse("citusdata/citus:13.0").asCompatibleSubstituteFor("postgres");

    private final PostgreSQLContainer<?> container;

    private CitusContainerServer(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static CitusContainerServer start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE)
                .withDatabaseName("quarry")
                .withUsername("postgres")
                .withPassword("quarry");
        container.start();
        return new CitusContainerServer(container);
    }

    @Override
    public String jdbcUrl() {
        return container.getJdbcUrl();
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public String description() {
        return "Citus container " + IMAGE.asCanonicalNameString();
    }

    @Override
    public void close() {
        container.stop();
    }
}
