WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT sum("ad_stats"."impressions") AS "a0",
         sum("ad_stats"."clicks") AS "a1",
         sum("ad_stats"."spend") AS "a2",
         sum("ad_stats"."conversions") AS "a3",
         sum("ad_stats"."conversion_value") AS "a4"
  FROM "ad_stats_daily" AS "ad_stats"
  WHERE "ad_stats"."account_id" = ?::bigint
    AND "ad_stats"."day" >= ?::date
    AND "ad_stats"."day" < ?::date
)
SELECT "b0"."a0" AS "impressions",
       "b0"."a1" AS "clicks",
       "b0"."a2" AS "spend",
       "b0"."a3" AS "conversions",
       round((("b0"."a1")::numeric / nullif("b0"."a0", 0)), 6) AS "ctr",
       round((("b0"."a2")::numeric / nullif("b0"."a1", 0)), 4) AS "cpc",
       round(((("b0"."a2" * ?::numeric))::numeric / nullif("b0"."a0", 0)), 4) AS "cpm",
       round((("b0"."a2")::numeric / nullif("b0"."a3", 0)), 4) AS "cpa",
       round((("b0"."a4")::numeric / nullif("b0"."a2", 0)), 4) AS "roas"
FROM "base_0_ad_stats" AS "b0"

-- $1 = 101
-- $2 = '2026-06-15'::date
-- $3 = '2026-06-16'::date
-- $4 = 1000
