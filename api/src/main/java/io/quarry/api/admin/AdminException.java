package io.quarry.api.admin;

import io.micronaut.http.HttpStatus;

/** An admin request that cannot be done as asked: answered as a problem with its status and code. */
final class AdminException extends RuntimeException {

    final HttpStatus status;
    final String code;
    final String title;

    AdminException(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    static AdminException unknownAccount(long account) {
        return new AdminException(HttpStatus.NOT_FOUND, "UNKNOWN_ACCOUNT", "Unknown account",
                "account " + account + " has no row in any tenant table");
    }

    static AdminException unknownJob(String id) {
        return new AdminException(HttpStatus.NOT_FOUND, "UNKNOWN_JOB", "Unknown job",
                "no admin job " + id + " is known to this instance (finished jobs are kept in memory only)");
    }

    static AdminException noRebalance() {
        return new AdminException(HttpStatus.NOT_FOUND, "NO_REBALANCE", "No rebalance",
                "no rebalance has run in this database");
    }

    static AdminException notDistributed(String what) {
        return new AdminException(HttpStatus.CONFLICT, "NOT_DISTRIBUTED", "The database is not a Citus cluster",
                what + " needs a Citus coordinator; this database is plain PostgreSQL");
    }

    static AdminException conflict(String code, String title, String detail) {
        return new AdminException(HttpStatus.CONFLICT, code, title, detail);
    }
}
