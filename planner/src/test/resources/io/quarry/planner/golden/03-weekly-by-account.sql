WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "account"."name" AS "d0",
         "ad_stats"."p_d1" AS "d1",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             (date_trunc('week', ("ad_stats"."day")::timestamp))::date AS "p_d1",
             sum("ad_stats"."spend") AS "p_a0",
             sum("ad_stats"."conversions") AS "p_a1"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1, 2
    ) AS "ad_stats"
  JOIN "accounts" AS "account" ON "account"."account_id" = "ad_stats"."account_id"
  WHERE "account"."account_id" = ANY(?::bigint[])
  GROUP BY 1, 2
)
SELECT "b0"."d0" AS "account.name",
       "b0"."d1" AS "date.week",
       "b0"."a0" AS "spend",
       "b0"."a1" AS "conversions",
       round((("b0"."a0")::numeric / nullif("b0"."a1", 0)), 4) AS "cpa"
FROM "base_0_ad_stats" AS "b0"
ORDER BY "account.name" ASC, "date.week" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-06-01'::date
-- $3 = '2026-06-16'::date
-- $4 = '{1,2,3,101,102,105}'::bigint[]
