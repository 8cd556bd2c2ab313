-- Saved report definitions (the api's /api/v1/saved-reports) and the full history of each.
--
-- Tenant tables like the others: account_id bigint first in every key, distributed by
-- account_id and colocated with accounts on Citus, so reading or saving one account's reports
-- touches one shard and the foreign keys stay on it. A report is never removed: deleting sets
-- deleted_at and records a 'deleted' version, so no saved definition is ever lost.
--
-- saved_reports holds the current version of each report; saved_report_versions one row per
-- change (created, updated, restored, deleted), written in the same transaction as the change.
-- Optimistic locking: an update names the version it edits and changes the row only
-- WHERE version = that version.

CREATE TABLE saved_reports (
    account_id  bigint      NOT NULL,
    report_id   uuid        NOT NULL,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text        NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    definition  jsonb       NOT NULL,
    owner       text        NOT NULL,
    version     integer     NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    deleted_at  timestamptz,
    PRIMARY KEY (account_id, report_id)
);

-- A name is unique among an account's live reports (case-insensitively).
CREATE UNIQUE INDEX saved_reports_name_key ON saved_reports (account_id, lower(name))
    WHERE deleted_at IS NULL;

CREATE TABLE saved_report_versions (
    account_id    bigint      NOT NULL,
    report_id     uuid        NOT NULL,
    version       integer     NOT NULL CHECK (version >= 1),
    change        text        NOT NULL CHECK (change IN ('created', 'updated', 'restored', 'deleted')),
    restored_from integer,
    name          text        NOT NULL,
    description   text        NOT NULL,
    definition    jsonb       NOT NULL,
    saved_by      text        NOT NULL,
    saved_at      timestamptz NOT NULL,
    PRIMARY KEY (account_id, report_id, version)
);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
        PERFORM create_distributed_table('saved_reports', 'account_id', colocate_with := 'accounts');
        PERFORM create_distributed_table('saved_report_versions', 'account_id', colocate_with := 'accounts');
    END IF;
END
$$;

-- After distribution (see V2 and V6): both keys include account_id, so Citus checks them on
-- one shard.
ALTER TABLE saved_reports
    ADD CONSTRAINT saved_reports_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (account_id);

ALTER TABLE saved_report_versions
    ADD CONSTRAINT saved_report_versions_report_fkey FOREIGN KEY (account_id, report_id)
        REFERENCES saved_reports (account_id, report_id);
