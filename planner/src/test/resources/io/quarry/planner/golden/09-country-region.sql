WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "country"."region" AS "d0",
         "country"."name" AS "d1",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1",
         sum("ad_stats"."p_a2") AS "a2"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."campaign_id" AS "campaign_id",
             sum("ad_stats"."impressions") AS "p_a0",
             sum("ad_stats"."reach") AS "p_a1",
             sum("ad_stats"."spend") AS "p_a2"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1, 2
    ) AS "ad_stats"
  JOIN "campaigns" AS "campaign" ON "campaign"."account_id" = "ad_stats"."account_id" AND "campaign"."campaign_id" = "ad_stats"."campaign_id"
  JOIN "countries" AS "country" ON "country"."code" = "campaign"."country"
  WHERE "campaign"."account_id" = ANY(?::bigint[])
  GROUP BY 1, 2
),
"detail_rows" AS (
  SELECT "b0"."d0" AS "country.region",
         "b0"."d1" AS "country.name",
         "b0"."a0" AS "impressions",
         "b0"."a1" AS "reach",
         round(((("b0"."a2" * ?::numeric))::numeric / nullif("b0"."a0", 0)), 4) AS "cpm",
         0 AS "__level"
  FROM "base_0_ad_stats" AS "b0"
  ORDER BY "country.region" ASC, "impressions" DESC, "country.name" ASC
),
"total_1_base_0_ad_stats" AS (
  SELECT "b"."d0" AS "d0",
         sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1",
         sum("b"."a2") AS "a2"
  FROM "base_0_ad_stats" AS "b"
  GROUP BY 1
),
"total_1_rows" AS (
  SELECT "b0"."d0" AS "country.region",
         (NULL)::text AS "country.name",
         "b0"."a0" AS "impressions",
         "b0"."a1" AS "reach",
         round(((("b0"."a2" * ?::numeric))::numeric / nullif("b0"."a0", 0)), 4) AS "cpm",
         1 AS "__level"
  FROM "total_1_base_0_ad_stats" AS "b0"
),
"total_2_base_0_ad_stats" AS (
  SELECT sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1",
         sum("b"."a2") AS "a2"
  FROM "base_0_ad_stats" AS "b"
),
"total_2_rows" AS (
  SELECT (NULL)::text AS "country.region",
         (NULL)::text AS "country.name",
         "b0"."a0" AS "impressions",
         "b0"."a1" AS "reach",
         round(((("b0"."a2" * ?::numeric))::numeric / nullif("b0"."a0", 0)), 4) AS "cpm",
         2 AS "__level"
  FROM "total_2_base_0_ad_stats" AS "b0"
)
SELECT "r"."country.region" AS "country.region",
       "r"."country.name" AS "country.name",
       "r"."impressions" AS "impressions",
       "r"."reach" AS "reach",
       "r"."cpm" AS "cpm",
       "r"."__level" AS "__level"
FROM (
    SELECT "detail_rows"."country.region" AS "country.region",
           "detail_rows"."country.name" AS "country.name",
           "detail_rows"."impressions" AS "impressions",
           "detail_rows"."reach" AS "reach",
           "detail_rows"."cpm" AS "cpm",
           "detail_rows"."__level" AS "__level"
    FROM "detail_rows" AS "detail_rows"
    UNION ALL
    SELECT "total_1_rows"."country.region" AS "country.region",
           "total_1_rows"."country.name" AS "country.name",
           "total_1_rows"."impressions" AS "impressions",
           "total_1_rows"."reach" AS "reach",
           "total_1_rows"."cpm" AS "cpm",
           "total_1_rows"."__level" AS "__level"
    FROM "total_1_rows" AS "total_1_rows"
    UNION ALL
    SELECT "total_2_rows"."country.region" AS "country.region",
           "total_2_rows"."country.name" AS "country.name",
           "total_2_rows"."impressions" AS "impressions",
           "total_2_rows"."reach" AS "reach",
           "total_2_rows"."cpm" AS "cpm",
           "total_2_rows"."__level" AS "__level"
    FROM "total_2_rows" AS "total_2_rows"
  ) AS "r"
ORDER BY "__level" ASC, "country.region" ASC, "impressions" DESC, "country.name" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-05-16'::date
-- $3 = '2026-06-15'::date
-- $4 = '{1,2,3,101,102,105}'::bigint[]
-- $5 = 1000
-- $6 = 1000
-- $7 = 1000
