WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "campaign"."objective" AS "d0",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1",
         sum("ad_stats"."p_a2") AS "a2"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."campaign_id" AS "campaign_id",
             sum("ad_stats"."spend") AS "p_a0",
             sum("ad_stats"."conversions") AS "p_a1",
             sum("ad_stats"."clicks") AS "p_a2"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1, 2
    ) AS "ad_stats"
  JOIN "campaigns" AS "campaign" ON "campaign"."account_id" = "ad_stats"."account_id" AND "campaign"."campaign_id" = "ad_stats"."campaign_id"
  WHERE "campaign"."account_id" = ANY(?::bigint[])
  GROUP BY 1
),
"detail_rows" AS (
  SELECT "b0"."d0" AS "campaign.objective",
         "b0"."a0" AS "spend",
         "b0"."a1" AS "conversions",
         round((("b0"."a1")::numeric / nullif("b0"."a2", 0)), 6) AS "conversion_rate",
         0 AS "__level"
  FROM "base_0_ad_stats" AS "b0"
  ORDER BY "spend" DESC, "campaign.objective" ASC
),
"total_1_base_0_ad_stats" AS (
  SELECT sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1",
         sum("b"."a2") AS "a2"
  FROM "base_0_ad_stats" AS "b"
),
"total_1_rows" AS (
  SELECT (NULL)::text AS "campaign.objective",
         "b0"."a0" AS "spend",
         "b0"."a1" AS "conversions",
         round((("b0"."a1")::numeric / nullif("b0"."a2", 0)), 6) AS "conversion_rate",
         1 AS "__level"
  FROM "total_1_base_0_ad_stats" AS "b0"
)
SELECT "r"."campaign.objective" AS "campaign.objective",
       "r"."spend" AS "spend",
       "r"."conversions" AS "conversions",
       "r"."conversion_rate" AS "conversion_rate",
       "r"."__level" AS "__level"
FROM (
    SELECT "detail_rows"."campaign.objective" AS "campaign.objective",
           "detail_rows"."spend" AS "spend",
           "detail_rows"."conversions" AS "conversions",
           "detail_rows"."conversion_rate" AS "conversion_rate",
           "detail_rows"."__level" AS "__level"
    FROM "detail_rows" AS "detail_rows"
    UNION ALL
    SELECT "total_1_rows"."campaign.objective" AS "campaign.objective",
           "total_1_rows"."spend" AS "spend",
           "total_1_rows"."conversions" AS "conversions",
           "total_1_rows"."conversion_rate" AS "conversion_rate",
           "total_1_rows"."__level" AS "__level"
    FROM "total_1_rows" AS "total_1_rows"
  ) AS "r"
ORDER BY "__level" ASC, "spend" DESC, "campaign.objective" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-03-17'::date
-- $3 = '2026-06-15'::date
-- $4 = '{1,2,3,101,102,105}'::bigint[]
