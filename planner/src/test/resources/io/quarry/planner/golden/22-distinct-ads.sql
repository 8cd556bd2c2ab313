WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "campaign"."name" AS "d0",
         count(DISTINCT "ad"."ad_id") AS "a0",
         count(*) AS "a1",
         sum("ad_stats"."spend") AS "a2"
  FROM "ad_stats_daily" AS "ad_stats"
  JOIN "campaigns" AS "campaign" ON "campaign"."account_id" = "ad_stats"."account_id" AND "campaign"."campaign_id" = "ad_stats"."campaign_id"
  JOIN "ads" AS "ad" ON "ad"."account_id" = "ad_stats"."account_id" AND "ad"."ad_id" = "ad_stats"."ad_id"
  WHERE "ad_stats"."account_id" = ANY(?::bigint[])
    AND "campaign"."account_id" = ANY(?::bigint[])
    AND "ad"."account_id" = ANY(?::bigint[])
    AND "ad_stats"."day" >= ?::date
    AND "ad_stats"."day" < ?::date
  GROUP BY 1
)
SELECT "b0"."d0" AS "campaign.name",
       "b0"."a0" AS "ads",
       "b0"."a1" AS "rows",
       "b0"."a2" AS "spend"
FROM "base_0_ad_stats" AS "b0"
WHERE "b0"."a0" > ?::numeric
ORDER BY "campaign.name" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '{1,2,3,101,102,105}'::bigint[]
-- $3 = '{1,2,3,101,102,105}'::bigint[]
-- $4 = '2026-05-16'::date
-- $5 = '2026-06-15'::date
-- $6 = 3
