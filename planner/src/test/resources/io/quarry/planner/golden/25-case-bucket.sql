WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "campaign"."objective" AS "d0",
         sum(CASE WHEN ("ad"."format" = ?::text) THEN "ad_stats"."spend" ELSE ?::bigint END) AS "a0",
         sum("ad_stats"."spend") AS "a1"
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
SELECT "b0"."d0" AS "campaign.objective",
       "b0"."a0" AS "video_spend",
       "b0"."a1" AS "spend"
FROM "base_0_ad_stats" AS "b0"
ORDER BY "campaign.objective" ASC

-- $1 = 'VIDEO'::text
-- $2 = 0
-- $3 = '{1,2,3,101,102,105}'::bigint[]
-- $4 = '{1,2,3,101,102,105}'::bigint[]
-- $5 = '{1,2,3,101,102,105}'::bigint[]
-- $6 = '2026-05-01'::date
-- $7 = '2026-06-01'::date
