WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT (date_trunc('month', ("ad_stats"."day")::timestamp))::date AS "d0",
         sum("ad_stats"."spend") AS "a0",
         sum("ad_stats"."conversion_value") AS "a1"
  FROM "ad_stats_daily" AS "ad_stats"
  WHERE "ad_stats"."account_id" = ANY(?::bigint[])
    AND "ad_stats"."day" >= ?::date
    AND "ad_stats"."day" < ?::date
  GROUP BY 1
)
SELECT "b0"."d0" AS "date.month",
       "b0"."a0" AS "spend",
       "b0"."a1" AS "conversion_value",
       round((("b0"."a1")::numeric / nullif("b0"."a0", 0)), 4) AS "roas"
FROM "base_0_ad_stats" AS "b0"
ORDER BY "date.month" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-01-01'::date
-- $3 = '2027-01-01'::date
