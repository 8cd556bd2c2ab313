package io.quarry.api.saved;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.SQLException;
import java.util.function.Supplier;

/** The constraint violations a caller can cause when saving, as their problems. */
final class StoreErrors {

    private StoreErrors() {
    }

    /** Runs a write; a taken name is 409 NAME_TAKEN, a missing account 403. */
    static SavedReport translate(Supplier<SavedReport> write, String name) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            String state = sqlState(e);
            if ("23505".equals(state)) {
                throw SavedReportException.nameTaken(name);
            }
            if ("23503".equals(state)) {
                throw SavedReportException.forbidden("the account does not exist");
            }
            throw e;
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
