-- Daily exchange rates, for reports with a reporting currency (CURRENCY 'EUR'): an amount in
-- currency A on day d is rate(R, d) / rate(A, d) in currency R. rate is units of the currency per
-- unit of one common base currency (any base: conversions only use ratios; the demo's is USD).
-- Every currency of the accounts needs a rate for every day a report converts (Quarry refuses
-- a report whose range lacks one); fill weekends and holidays with the last known rate.
--
-- Load real rates with COPY or INSERT ... ON CONFLICT (currency, day) DO UPDATE; see
-- docs/currencies.md. A reference table on Citus: every worker converts its shards' rows locally.

CREATE TABLE exchange_rates (
    currency text    NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    day      date    NOT NULL,
    rate     numeric NOT NULL CHECK (rate > 0),
    PRIMARY KEY (currency, day)
);

-- Demo rates: the demo markets' currencies around their rough rate per US dollar, each day
-- moved by a deterministic wobble (at most 4%), so a day's conversion differs from the next.
-- The demo loader calls it for the days it loads; production databases load real rates.
-- PL/pgSQL: Citus plans a parameterised SQL function's INSERT into a distributed (reference) table
-- only from PL/pgSQL.
CREATE FUNCTION quarry_demo_exchange_rates(first_day date, last_day date) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    inserted bigint;
BEGIN
    INSERT INTO exchange_rates (currency, day, rate)
    SELECT c.code, d::date,
           CASE WHEN c.code = 'USD' THEN 1
                ELSE round(c.per_usd * (1 + 0.04 * sin((d::date - DATE '2020-01-01') / 23.0 + c.phase))::numeric, 6)
           END
    FROM (VALUES ('USD', 1.0, 0), ('CAD', 1.35, 1), ('BRL', 5.0, 2), ('GBP', 0.79, 3), ('EUR', 0.92, 4),
                 ('SEK', 10.5, 5), ('JPY', 150.0, 6), ('INR', 83.0, 7), ('AUD', 1.5, 8)) AS c(code, per_usd, phase)
    CROSS JOIN generate_series(first_day, last_day, interval '1 day') AS d
    ON CONFLICT (currency, day) DO NOTHING;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    RETURN inserted;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        PERFORM create_reference_table('exchange_rates');
    END IF;
END
$$;
