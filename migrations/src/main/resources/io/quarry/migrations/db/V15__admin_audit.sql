-- The audit log of the cluster-operations endpoints (the api's /api/v1/admin/**): one row per
-- admin request, refused or not: who (the token subject), what (the action and its target) and
-- the outcome. A background job (isolating a tenant, rebalancing) writes a row when it starts
-- and one when it ends.
--
-- A plain local table (on Citus it stays on the coordinator, like ingest_batches): it is keyed
-- by time, not by account, and never joined with tenant data.

CREATE TABLE admin_audit (
    audit_id bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    subject  text        NOT NULL,
    action   text        NOT NULL,
    target   text,
    outcome  text        NOT NULL CHECK (outcome IN ('ok', 'started', 'succeeded', 'failed', 'refused')),
    detail   text
);

-- For reading the latest entries and purging old ones (DELETE ... WHERE at < now() - interval '1 year').
CREATE INDEX admin_audit_at_idx ON admin_audit (at);
