package io.quarry.api.db;

import io.micronaut.context.annotation.Requires;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started by Quarry itself when no datasource URL is configured: the
 * quickstart database. Its data directory survives restarts. It runs as root too (the server
 * then runs in a user namespace) and as a normal user. Only one process can use a data
 * directory at a time.
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STOP_WAIT = Duration.ofMinutes(2);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final List<AutoCloseable> clients = new CopyOnWriteArrayList<>();

    public EmbeddedDatabase(EmbeddedDatabaseConfiguration configuration) {
        this.dataDir = configuration.dataDir().toAbsolutePath();
        long started = System.nanoTime();
        boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
        try {
            Files.createDirectories(dataDir);
            this.postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // No shutdown hook of its own: it would stop PostgreSQL while requests are
                    // still running. Quarry's context stops it last (see close()), also after a
                    // failed start.
                    .setRegisterShutdownHook(false)
                    .setPort(configuration.port())
                    // The library starts PostgreSQL with fsync off (-F) and asynchronous commit,
                    // for throwaway test databases. This one keeps the user's data: an answered
                    // write must survive a crash of Quarry, PostgreSQL or the machine.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Room for bulk loads of demo data: fewer checkpoints during a large COPY.
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL on port "
                    + configuration.port() + " with data directory " + dataDir + " (is another Quarry"
                    + " using it, or the port taken? Set quarry.embedded.data-dir / quarry.embedded.port,"
                    + " or DATASOURCES_DEFAULT_URL for an external database): " + e.getMessage(), e);
        }
        LOG.info("Embedded PostgreSQL {} in {} ms: {} (data in {})", fresh ? "initialised and started" : "started",
                (System.nanoTime() - started) / 1_000_000, jdbcUrl(), dataDir);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Whether the postmaster named by the pid file still runs (a crashed one leaves a stale file). */
    private static boolean postmasterRunning(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false; // no pid file: stopped
        }
    }

    /** A connection pool on this database, to close before the database stops. */
    void closeBefore(AutoCloseable pool) {
        clients.add(pool);
    }

    /**
     * Closes the pools on it (the requests in flight have had their grace period), then stops the
     * server and waits until it has finished writing its shutdown checkpoint (after a large load
     * that outlasts pg_ctl's own wait), so that a restart finds the directory free.
     */
    @PreDestroy
    @Override
    public void close() {
        for (AutoCloseable pool : clients) {
            try {
                pool.close();
            } catch (Exception e) {
                LOG.warn("Closing a connection pool before stopping the embedded PostgreSQL failed", e);
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path pid = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (postmasterRunning(pid) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (postmasterRunning(pid)) {
            LOG.warn("Embedded PostgreSQL in {} is still shutting down", dataDir);
        } else {
            LOG.info("Embedded PostgreSQL stopped; data kept in {}", dataDir);
        }
    }
}
