package io.quarry.testdb;

/** A PostgreSQL server the tests can reach. */
interface DatabaseServer extends AutoCloseable {

    String jdbcUrl();

    String username();

    String password();

    String description();

    @Override
    void close();
}
