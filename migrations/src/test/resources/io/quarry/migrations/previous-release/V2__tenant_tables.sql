-- Tenant tables. Every one is keyed by account_id first: on Citus they are distributed by
-- account_id and colocated (V5), so one account's rows of every table sit on one worker and
-- joins on account_id stay local.
--
-- Foreign keys come in V6, after distribution: Citus turns a local table that references a
-- reference table into a "Citus local table", which can then no longer be distributed while
-- other local tables reference it. Every foreign key between tenant tables includes account_id.

CREATE TABLE accounts (
    account_id bigint      NOT NULL,
    name       text        NOT NULL,
    currency   char(3)     NOT NULL,
    country    char(2)     NOT NULL,
    timezone   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id)
);

CREATE TABLE campaigns (
    account_id   bigint        NOT NULL,
    campaign_id  bigint        NOT NULL,
    name         text          NOT NULL,
    status       text          NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'ARCHIVED')),
    objective    text          NOT NULL CHECK (objective IN
                     ('CONVERSIONS', 'TRAFFIC', 'AWARENESS', 'VIDEO_VIEWS', 'LEADS', 'APP_INSTALLS')),
    country      char(2)       NOT NULL,
    currency     char(3)       NOT NULL,
    daily_budget numeric(14,2) NOT NULL CHECK (daily_budget >= 0),
    start_date   date          NOT NULL,
    end_date     date,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, campaign_id),
    CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE ad_sets (
    account_id        bigint      NOT NULL,
    ad_set_id         bigint      NOT NULL,
    campaign_id       bigint      NOT NULL,
    name              text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'ARCHIVED')),
    optimization_goal text        NOT NULL,
    country           char(2)     NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, ad_set_id)
);

CREATE TABLE ads (
    account_id  bigint      NOT NULL,
    ad_id       bigint      NOT NULL,
    ad_set_id   bigint      NOT NULL,
    campaign_id bigint      NOT NULL,
    name        text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'ARCHIVED')),
    format      text        NOT NULL CHECK (format IN ('IMAGE', 'VIDEO', 'CAROUSEL')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, ad_id)
);

CREATE INDEX ad_sets_campaign_idx ON ad_sets (account_id, campaign_id);
CREATE INDEX ads_ad_set_idx ON ads (account_id, ad_set_id);
CREATE INDEX ads_campaign_idx ON ads (account_id, campaign_id);
