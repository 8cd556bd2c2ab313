package io.quarry.api.auth;

import java.util.Objects;

/**
 * A caller whose token may write: it carries the {@code ingest} permission in its {@code scope}
 * claim. Ingest controllers take it as an argument instead of a {@link Caller}, so the write
 * permission is checked once, by {@link IngestCallerBinder}, before a controller runs; a
 * controller never re-reads claims. The accounts a row may name are still {@link #caller()}'s
 * tenant scope.
 */
public record IngestCaller(Caller caller) {

    /** The permission, in the token's {@code scope} claim, that allows ingesting rows. */
    public static final String SCOPE = "ingest";

    public IngestCaller {
        Objects.requireNonNull(caller, "caller");
    }

    public String subject() {
        return caller.subject();
    }
}
