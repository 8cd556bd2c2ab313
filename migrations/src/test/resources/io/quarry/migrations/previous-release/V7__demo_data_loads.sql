-- A record of demo data loads: the api's embedded mode loads the quickstart data once, in
-- the same transaction as its row here, so a crash mid-load leaves no half-loaded demo.
-- A plain local table (on Citus it stays on the coordinator): it is never joined.

CREATE TABLE demo_data_loads (
    load_id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    loaded_at  timestamptz NOT NULL DEFAULT now(),
    spec       text        NOT NULL,
    fact_rows  bigint      NOT NULL,
    event_rows bigint      NOT NULL
);
