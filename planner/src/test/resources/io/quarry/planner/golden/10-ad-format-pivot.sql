WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "campaign"."name" AS "d0",
         "ad"."format" AS "d1",
         sum("ad_stats"."p_a0") AS "a0"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."campaign_id" AS "campaign_id",
             "ad_stats"."ad_id" AS "ad_id",
             sum("ad_stats"."spend") AS "p_a0"
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
  GROUP BY 1, 2
),
"detail_rows" AS (
  SELECT "b0"."d0" AS "campaign.name",
         "b0"."d1" AS "ad.format",
         "b0"."a0" AS "spend",
         0 AS "__level"
  FROM "base_0_ad_stats" AS "b0"
  ORDER BY "campaign.name" ASC, "ad.format" ASC
),
"total_1_base_0_ad_stats" AS (
  SELECT "b"."d0" AS "d0",
         sum("b"."a0") AS "a0"
  FROM "base_0_ad_stats" AS "b"
  GROUP BY 1
),
"total_1_rows" AS (
  SELECT "b0"."d0" AS "campaign.name",
         (NULL)::text AS "ad.format",
         "b0"."a0" AS "spend",
         1 AS "__level"
  FROM "total_1_base_0_ad_stats" AS "b0"
),
"total_2_base_0_ad_stats" AS (
  SELECT "b"."d1" AS "d1",
         sum("b"."a0") AS "a0"
  FROM "base_0_ad_stats" AS "b"
  GROUP BY 1
),
"total_2_rows" AS (
  SELECT (NULL)::text AS "campaign.name",
         "b0"."d1" AS "ad.format",
         "b0"."a0" AS "spend",
         2 AS "__level"
  FROM "total_2_base_0_ad_stats" AS "b0"
),
"total_3_base_0_ad_stats" AS (
  SELECT sum("b"."a0") AS "a0"
  FROM "base_0_ad_stats" AS "b"
),
"total_3_rows" AS (
  SELECT (NULL)::text AS "campaign.name",
         (NULL)::text AS "ad.format",
         "b0"."a0" AS "spend",
         3 AS "__level"
  FROM "total_3_base_0_ad_stats" AS "b0"
)
SELECT "r"."campaign.name" AS "campaign.name",
       "r"."ad.format" AS "ad.format",
       "r"."spend" AS "spend",
       "r"."__level" AS "__level"
FROM (
    SELECT "detail_rows"."campaign.name" AS "campaign.name",
           "detail_rows"."ad.format" AS "ad.format",
           "detail_rows"."spend" AS "spend",
           "detail_rows"."__level" AS "__level"
    FROM "detail_rows" AS "detail_rows"
    UNION ALL
    SELECT "total_1_rows"."campaign.name" AS "campaign.name",
           "total_1_rows"."ad.format" AS "ad.format",
           "total_1_rows"."spend" AS "spend",
           "total_1_rows"."__level" AS "__level"
    FROM "total_1_rows" AS "total_1_rows"
    UNION ALL
    SELECT "total_2_rows"."campaign.name" AS "campaign.name",
           "total_2_rows"."ad.format" AS "ad.format",
           "total_2_rows"."spend" AS "spend",
           "total_2_rows"."__level" AS "__level"
    FROM "total_2_rows" AS "total_2_rows"
    UNION ALL
    SELECT "total_3_rows"."campaign.name" AS "campaign.name",
           "total_3_rows"."ad.format" AS "ad.format",
           "total_3_rows"."spend" AS "spend",
           "total_3_rows"."__level" AS "__level"
    FROM "total_3_rows" AS "total_3_rows"
  ) AS "r"
ORDER BY "__level" ASC, "campaign.name" ASC, "ad.format" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-04-01'::date
-- $3 = '2026-06-16'::date
-- $4 = '{1,2,3,101,102,105}'::bigint[]
-- $5 = '{1,2,3,101,102,105}'::bigint[]
