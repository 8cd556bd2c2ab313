WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "campaign"."name" AS "d0",
         "ad"."format" AS "d1",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."campaign_id" AS "campaign_id",
             "ad_stats"."ad_id" AS "ad_id",
             sum("ad_stats"."spend") AS "p_a0",
             sum("ad_stats"."conversions") AS "p_a1"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1, 2, 3
    ) AS "ad_stats"
  JOIN "campaigns" AS "campaign" ON "campaign"."account_id" = "ad_stats"."account_id" AND "campaign"."campaign_id" = "ad_stats"."campaign_id"
  JOIN "ads" AS "ad" ON "ad"."account_id" = "ad_stats"."account_id" AND "ad"."ad_id" = "ad_stats"."ad_id"
  WHERE "campaign"."account_id" = ANY(?::bigint[])
    AND "ad"."account_id" = ANY(?::bigint[])
    AND "campaign"."objective" = ?::text
  GROUP BY 1, 2
)
SELECT "b0"."d0" AS "campaign.name",
       "b0"."d1" AS "ad.format",
       "b0"."a0" AS "spend",
       "b0"."a1" AS "conversions",
       round((("b0"."a0")::numeric / nullif(nullif("b0"."a1", ?::numeric), 0)), 4) AS "cost_per_install"
FROM "base_0_ad_stats" AS "b0"
WHERE "b0"."a0" > ?::numeric
ORDER BY "cost_per_install" ASC NULLS LAST, "campaign.name" ASC, "ad.format" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-06-01'::date
-- $3 = '2026-06-16'::date
-- $4 = '{1,2,3,101,102,105}'::bigint[]
-- $5 = '{1,2,3,101,102,105}'::bigint[]
-- $6 = 'APP_INSTALLS'::text
-- $7 = 0
-- $8 = 0
