package io.quarry.testdb;

/** A database given by the environment; it is not started or stopped here. */
record ExternalServer(String jdbcUrl, String username, String password) implements DatabaseServer {

    ExternalServer {
        username = username == null ? "postgres" : username;
        password = password == null ? "" : password;
    }

    @Override
    public String description() {
        return "external database from " + TestDatabase.URL_VARIABLE;
    }

    @Override
    public void close() {
    }
}
