-- Rollups of the shipped semantic model (planner default-model.yaml, section rollups): the
-- facts aggregated per account, key columns and time bucket. The api's rollup job fills them
-- (delete the buckets from a bound on, insert them again from the facts, in one transaction)
-- and the planner reads them instead of the facts when they answer a report exactly.
--
-- Columns keep the facts' names (the time column holds the bucket's start); measures are the
-- model's measure names. Keys are not unique constraints: a refresh replaces whole buckets, and
-- an event's campaign may be NULL. On Citus they are distributed by account_id, co-located
-- with the facts, so a refresh runs on the workers shard by shard.

CREATE TABLE ad_stats_campaign_daily (
    account_id       bigint  NOT NULL,
    campaign_id      bigint  NOT NULL,
    day              date    NOT NULL,
    impressions      bigint,
    reach            bigint,
    clicks           bigint,
    spend            numeric,
    conversions      bigint,
    conversion_value numeric,
    video_views      bigint,
    row_count        bigint  NOT NULL
);
CREATE INDEX ad_stats_campaign_daily_account_day_idx ON ad_stats_campaign_daily (account_id, day);

CREATE TABLE ad_stats_campaign_monthly (LIKE ad_stats_campaign_daily);
CREATE INDEX ad_stats_campaign_monthly_account_day_idx ON ad_stats_campaign_monthly (account_id, day);

CREATE TABLE ad_stats_account_monthly (
    account_id       bigint  NOT NULL,
    day              date    NOT NULL,
    impressions      bigint,
    reach            bigint,
    clicks           bigint,
    spend            numeric,
    conversions      bigint,
    conversion_value numeric,
    video_views      bigint,
    row_count        bigint  NOT NULL
);
CREATE INDEX ad_stats_account_monthly_account_day_idx ON ad_stats_account_monthly (account_id, day);

CREATE TABLE events_hourly (
    account_id  bigint      NOT NULL,
    name        text        NOT NULL,
    campaign_id bigint,
    created_at  timestamptz NOT NULL,
    event_count bigint      NOT NULL
);
CREATE INDEX events_hourly_account_created_at_idx ON events_hourly (account_id, created_at);

-- Distinct users as hll sketches where the extension is available (the model's approx_distinct
-- measure); without it the rollup has no such column and distinct counts read the facts, exactly.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'hll') THEN
        CREATE EXTENSION IF NOT EXISTS hll;
        ALTER TABLE events_hourly ADD COLUMN users hll;
    ELSE
        RAISE NOTICE 'hll extension not available: events_hourly keeps no distinct-user sketches';
    END IF;
END
$$;

-- What each rollup holds: dirty_from is the earliest fact time it may lack ('-infinity': never
-- built; NULL: it holds every row). Ingest lowers it in the batch's own transaction; a refresh
-- re-rolls from it and clears it, holding the row's lock, so no batch's rows are missed. A plain
-- local table (on Citus it stays on the coordinator, like ingest_batches).
CREATE TABLE quarry_rollup_state (
    rollup        text        PRIMARY KEY,
    dataset       text        NOT NULL,
    dirty_from    timestamptz DEFAULT '-infinity',
    refreshed_at  timestamptz,
    refresh_rows  bigint,
    refresh_ms    bigint,
    last_error    text
);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        RETURN;
    END IF;
    PERFORM create_distributed_table('ad_stats_campaign_daily', 'account_id', colocate_with := 'accounts');
    PERFORM create_distributed_table('ad_stats_campaign_monthly', 'account_id', colocate_with := 'accounts');
    PERFORM create_distributed_table('ad_stats_account_monthly', 'account_id', colocate_with := 'accounts');
    PERFORM create_distributed_table('events_hourly', 'account_id', colocate_with := 'accounts');
END
$$;
