WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "country"."name" AS "d0",
         sum("ad_stats"."conversion_value") AS "a0",
         sum("ad_stats"."spend") AS "a1",
         avg("ad_stats"."spend") AS "a2",
         max("ad_stats"."spend") AS "a3",
         min("ad_stats"."spend") AS "a4"
  FROM "ad_stats_daily" AS "ad_stats"
  JOIN "campaigns" AS "campaign" ON "campaign"."account_id" = "ad_stats"."account_id" AND "campaign"."campaign_id" = "ad_stats"."campaign_id"
  JOIN "countries" AS "country" ON "country"."code" = "campaign"."country"
  WHERE "ad_stats"."account_id" = ANY(?::bigint[])
    AND "campaign"."account_id" = ANY(?::bigint[])
    AND "ad_stats"."day" >= ?::date
    AND "ad_stats"."day" < ?::date
  GROUP BY 1
)
SELECT "b0"."d0" AS "country.name",
       round(((coalesce("b0"."a0", ?::numeric))::numeric / nullif(nullif("b0"."a1", ?::numeric), 0)), 4) AS "blended_roas",
       round(("b0"."a2")::numeric, 4) AS "avg_daily_ad_spend",
       "b0"."a3" AS "max_spend",
       "b0"."a4" AS "min_spend"
FROM "base_0_ad_stats" AS "b0"
ORDER BY "blended_roas" DESC NULLS LAST, "country.name" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '{1,2,3,101,102,105}'::bigint[]
-- $3 = '2026-01-01'::date
-- $4 = '2026-04-01'::date
-- $5 = 0
-- $6 = 0
