WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "ad_stats"."day" AS "d0",
         sum("ad_stats"."impressions") AS "a0",
         sum("ad_stats"."clicks") AS "a1",
         sum("ad_stats"."spend") AS "a2"
  FROM "ad_stats_daily" AS "ad_stats"
  WHERE "ad_stats"."account_id" = ANY(?::bigint[])
    AND "ad_stats"."day" >= ?::date
    AND "ad_stats"."day" < ?::date
  GROUP BY 1
)
SELECT "b0"."d0" AS "date.day",
       "b0"."a0" AS "impressions",
       "b0"."a1" AS "clicks",
       "b0"."a2" AS "spend",
       round((("b0"."a1")::numeric / nullif("b0"."a0", 0)), 6) AS "ctr"
FROM "base_0_ad_stats" AS "b0"
ORDER BY "date.day" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-06-08'::date
-- $3 = '2026-06-15'::date
