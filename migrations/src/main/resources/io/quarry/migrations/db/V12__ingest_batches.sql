-- Idempotency keys of ingest batches (the api's POST /api/v1/ingest/*): a batch sent with an
-- Idempotency-Key header is applied once per (token subject, endpoint, key). The row is written
-- first in the batch's own transaction and updated with the batch's row count before commit, so
-- the key and the rows commit (or roll back) together, and a concurrent retry of the same key
-- waits on the primary key until the first attempt ends.
--
-- A plain local table (on Citus it stays on the coordinator, like demo_data_loads): it is keyed
-- by the caller, not by account, and never joined with tenant data.

CREATE TABLE ingest_batches (
    subject         text        NOT NULL,
    endpoint        text        NOT NULL,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    rows            bigint      NOT NULL DEFAULT 0 CHECK (rows >= 0),
    applied_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, endpoint, idempotency_key)
);

-- For purging old keys (DELETE FROM ingest_batches WHERE applied_at < now() - interval '30 days').
CREATE INDEX ingest_batches_applied_at_idx ON ingest_batches (applied_at);
