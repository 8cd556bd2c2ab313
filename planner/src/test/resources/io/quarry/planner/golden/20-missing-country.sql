WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "campaign"."name" AS "d0",
         sum("ad_stats"."p_a0") AS "a0"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."campaign_id" AS "campaign_id",
             sum("ad_stats"."impressions") AS "p_a0"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1, 2
    ) AS "ad_stats"
  JOIN "campaigns" AS "campaign" ON "campaign"."account_id" = "ad_stats"."account_id" AND "campaign"."campaign_id" = "ad_stats"."campaign_id"
  WHERE "campaign"."account_id" = ANY(?::bigint[])
    AND ("campaign"."country" IS NULL)
  GROUP BY 1
)
SELECT "b0"."d0" AS "campaign.name",
       "b0"."a0" AS "impressions"
FROM "base_0_ad_stats" AS "b0"
ORDER BY "campaign.name" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-06-15'::date
-- $3 = '2026-06-16'::date
-- $4 = '{1,2,3,101,102,105}'::bigint[]
