package io.quarry.api.auth;

/** The verified token names no account the caller may read (403 NO_ACCOUNTS). */
public final class NoAccountsException extends RuntimeException {

    NoAccountsException(String message) {
        super(message);
    }
}
