-- Fact tables, range-partitioned by time (monthly partitions, created by
-- quarry_create_time_partitions in V4). Distributed by account_id on Citus (V5).
--
-- The fact tables carry the ids of the whole ad hierarchy so reports group by campaign or ad
-- set without joins. They have no foreign keys: facts arrive in bulk (COPY), where per-row
-- foreign-key checks would dominate the load; the loader guarantees the references.

CREATE TABLE ad_stats_daily (
    account_id       bigint        NOT NULL,
    ad_id            bigint        NOT NULL,
    day              date          NOT NULL,
    ad_set_id        bigint        NOT NULL,
    campaign_id      bigint        NOT NULL,
    impressions      bigint        NOT NULL DEFAULT 0 CHECK (impressions >= 0),
    reach            bigint        NOT NULL DEFAULT 0 CHECK (reach >= 0),
    clicks           bigint        NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    spend            numeric(14,4) NOT NULL DEFAULT 0 CHECK (spend >= 0),
    conversions      bigint        NOT NULL DEFAULT 0 CHECK (conversions >= 0),
    conversion_value numeric(14,4) NOT NULL DEFAULT 0 CHECK (conversion_value >= 0),
    video_views      bigint        NOT NULL DEFAULT 0 CHECK (video_views >= 0),
    -- account_id, then day: every report reads some accounts over a range of days.
    PRIMARY KEY (account_id, day, ad_id)
) PARTITION BY RANGE (day);

-- No secondary index: reports read some accounts over a range of days, which the primary key
-- (account_id, day, ...) and partition pruning narrow; a second index would cost about a
-- quarter of the bulk-load throughput.

CREATE TABLE events (
    account_id  bigint      NOT NULL,
    event_id    bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    name        text        NOT NULL,
    user_id     bigint,
    campaign_id bigint,
    ad_id       bigint,
    data        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (account_id, event_id, created_at)
) PARTITION BY RANGE (created_at);

CREATE INDEX events_name_created_idx ON events (account_id, name, created_at);
