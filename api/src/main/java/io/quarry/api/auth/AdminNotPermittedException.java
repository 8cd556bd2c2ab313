package io.quarry.api.auth;

/** The token is valid but does not carry the admin role: 403, nothing is done. */
public final class AdminNotPermittedException extends RuntimeException {

    private final String subject;

    AdminNotPermittedException(String subject, String message) {
        super(message);
        this.subject = subject;
    }

    /** The subject of the refused token, for the audit log. */
    public String subject() {
        return subject;
    }
}
