WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "ad_stats"."p_d0" AS "d0",
         "ad_stats"."p_d1" AS "d1",
         "campaign"."objective" AS "d2",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."campaign_id" AS "campaign_id",
             (date_trunc('year', ("ad_stats"."day")::timestamp))::date AS "p_d0",
             (date_trunc('quarter', ("ad_stats"."day")::timestamp))::date AS "p_d1",
             sum("ad_stats"."spend") AS "p_a0",
             sum("ad_stats"."conversions") AS "p_a1"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1, 2, 3, 4
    ) AS "ad_stats"
  JOIN "campaigns" AS "campaign" ON "campaign"."account_id" = "ad_stats"."account_id" AND "campaign"."campaign_id" = "ad_stats"."campaign_id"
  WHERE "campaign"."account_id" = ANY(?::bigint[])
  GROUP BY 1, 2, 3
),
"detail_rows" AS (
  SELECT "b0"."d0" AS "date.year",
         "b0"."d1" AS "date.quarter",
         "b0"."d2" AS "campaign.objective",
         "b0"."a0" AS "spend",
         "b0"."a1" AS "conversions",
         0 AS "__level"
  FROM "base_0_ad_stats" AS "b0"
  ORDER BY "date.year" ASC, "date.quarter" ASC, "campaign.objective" ASC
),
"total_1_base_0_ad_stats" AS (
  SELECT "b"."d0" AS "d0",
         sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1"
  FROM "base_0_ad_stats" AS "b"
  GROUP BY 1
),
"total_1_rows" AS (
  SELECT "b0"."d0" AS "date.year",
         (NULL)::date AS "date.quarter",
         (NULL)::text AS "campaign.objective",
         "b0"."a0" AS "spend",
         "b0"."a1" AS "conversions",
         1 AS "__level"
  FROM "total_1_base_0_ad_stats" AS "b0"
),
"total_2_base_0_ad_stats" AS (
  SELECT "b"."d0" AS "d0",
         "b"."d1" AS "d1",
         sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1"
  FROM "base_0_ad_stats" AS "b"
  GROUP BY 1, 2
),
"total_2_rows" AS (
  SELECT "b0"."d0" AS "date.year",
         "b0"."d1" AS "date.quarter",
         (NULL)::text AS "campaign.objective",
         "b0"."a0" AS "spend",
         "b0"."a1" AS "conversions",
         2 AS "__level"
  FROM "total_2_base_0_ad_stats" AS "b0"
),
"total_3_base_0_ad_stats" AS (
  SELECT sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1"
  FROM "base_0_ad_stats" AS "b"
),
"total_3_rows" AS (
  SELECT (NULL)::date AS "date.year",
         (NULL)::date AS "date.quarter",
         (NULL)::text AS "campaign.objective",
         "b0"."a0" AS "spend",
         "b0"."a1" AS "conversions",
         3 AS "__level"
  FROM "total_3_base_0_ad_stats" AS "b0"
)
SELECT "r"."date.year" AS "date.year",
       "r"."date.quarter" AS "date.quarter",
       "r"."campaign.objective" AS "campaign.objective",
       "r"."spend" AS "spend",
       "r"."conversions" AS "conversions",
       "r"."__level" AS "__level"
FROM (
    SELECT "detail_rows"."date.year" AS "date.year",
           "detail_rows"."date.quarter" AS "date.quarter",
           "detail_rows"."campaign.objective" AS "campaign.objective",
           "detail_rows"."spend" AS "spend",
           "detail_rows"."conversions" AS "conversions",
           "detail_rows"."__level" AS "__level"
    FROM "detail_rows" AS "detail_rows"
    UNION ALL
    SELECT "total_1_rows"."date.year" AS "date.year",
           "total_1_rows"."date.quarter" AS "date.quarter",
           "total_1_rows"."campaign.objective" AS "campaign.objective",
           "total_1_rows"."spend" AS "spend",
           "total_1_rows"."conversions" AS "conversions",
           "total_1_rows"."__level" AS "__level"
    FROM "total_1_rows" AS "total_1_rows"
    UNION ALL
    SELECT "total_2_rows"."date.year" AS "date.year",
           "total_2_rows"."date.quarter" AS "date.quarter",
           "total_2_rows"."campaign.objective" AS "campaign.objective",
           "total_2_rows"."spend" AS "spend",
           "total_2_rows"."conversions" AS "conversions",
           "total_2_rows"."__level" AS "__level"
    FROM "total_2_rows" AS "total_2_rows"
    UNION ALL
    SELECT "total_3_rows"."date.year" AS "date.year",
           "total_3_rows"."date.quarter" AS "date.quarter",
           "total_3_rows"."campaign.objective" AS "campaign.objective",
           "total_3_rows"."spend" AS "spend",
           "total_3_rows"."conversions" AS "conversions",
           "total_3_rows"."__level" AS "__level"
    FROM "total_3_rows" AS "total_3_rows"
  ) AS "r"
ORDER BY "__level" ASC, "date.year" ASC, "date.quarter" ASC, "campaign.objective" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2025-01-01'::date
-- $3 = '2026-01-01'::date
-- $4 = '{1,2,3,101,102,105}'::bigint[]
