-- The SHA-256 of each applied batch's body, so a retry under the same Idempotency-Key is compared
-- with it: the same body is answered "replayed", a different one is refused (a key names one
-- batch; a client reusing keys must not lose its new rows to a silent replay). NULL for batches
-- applied before this column existed: those are replayed without the comparison.
ALTER TABLE ingest_batches ADD COLUMN body_sha256 bytea;
