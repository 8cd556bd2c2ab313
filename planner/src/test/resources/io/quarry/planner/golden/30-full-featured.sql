WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "campaign"."name" AS "d0",
         "ad_stats"."p_d1" AS "d1",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1",
         sum("ad_stats"."p_a2") AS "a2"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."campaign_id" AS "campaign_id",
             (date_trunc('week', ("ad_stats"."day")::timestamp))::date AS "p_d1",
             sum("ad_stats"."impressions") AS "p_a0",
             sum("ad_stats"."clicks") AS "p_a1",
             sum("ad_stats"."spend") AS "p_a2"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1, 2, 3
    ) AS "ad_stats"
  JOIN "campaigns" AS "campaign" ON "campaign"."account_id" = "ad_stats"."account_id" AND "campaign"."campaign_id" = "ad_stats"."campaign_id"
  WHERE "campaign"."account_id" = ANY(?::bigint[])
    AND ("campaign"."status" IN (?::text, ?::text))
  GROUP BY 1, 2
),
"previous_0_ad_stats" AS MATERIALIZED (
  SELECT "campaign"."name" AS "d0",
         "ad_stats"."p_d1" AS "d1",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1",
         sum("ad_stats"."p_a2") AS "a2"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."campaign_id" AS "campaign_id",
             (date_trunc('week', (("ad_stats"."day" + ?::integer))::timestamp))::date AS "p_d1",
             sum("ad_stats"."impressions") AS "p_a0",
             sum("ad_stats"."clicks") AS "p_a1",
             sum("ad_stats"."spend") AS "p_a2"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1, 2, 3
    ) AS "ad_stats"
  JOIN "campaigns" AS "campaign" ON "campaign"."account_id" = "ad_stats"."account_id" AND "campaign"."campaign_id" = "ad_stats"."campaign_id"
  WHERE "campaign"."account_id" = ANY(?::bigint[])
    AND ("campaign"."status" IN (?::text, ?::text))
  GROUP BY 1, 2
),
"compared" AS (
  SELECT "u"."d0" AS "d0",
         "u"."d1" AS "d1",
         max("u"."x0") AS "x0",
         max("u"."p0") AS "p0",
         max("u"."x1") AS "x1",
         max("u"."p1") AS "p1",
         max("u"."x2") AS "x2",
         max("u"."p2") AS "p2"
  FROM (
      SELECT "c0"."d0" AS "d0",
             "c0"."d1" AS "d1",
             "c0"."a0" AS "x0",
             (NULL)::numeric AS "p0",
             "c0"."a1" AS "x1",
             (NULL)::numeric AS "p1",
             "c0"."a2" AS "x2",
             (NULL)::numeric AS "p2"
      FROM "base_0_ad_stats" AS "c0"
      UNION ALL
      SELECT "q0"."d0" AS "d0",
             "q0"."d1" AS "d1",
             (NULL)::numeric AS "x0",
             "q0"."a0" AS "p0",
             (NULL)::numeric AS "x1",
             "q0"."a1" AS "p1",
             (NULL)::numeric AS "x2",
             "q0"."a2" AS "p2"
      FROM "previous_0_ad_stats" AS "q0"
    ) AS "u"
  GROUP BY 1, 2
),
"detail_rows" AS (
  SELECT "s"."d0" AS "campaign.name",
         "s"."d1" AS "week",
         "s"."x0" AS "impressions",
         "s"."p0" AS "impressions_previous",
         round(((("s"."x0" - "s"."p0"))::numeric / nullif("s"."p0", 0)), 6) AS "impressions_change",
         "s"."x1" AS "clicks",
         "s"."p1" AS "clicks_previous",
         round(((("s"."x1" - "s"."p1"))::numeric / nullif("s"."p1", 0)), 6) AS "clicks_change",
         round((("s"."x2")::numeric / nullif(nullif("s"."x1", ?::numeric), 0)), 4) AS "cpc",
         round((("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0)), 4) AS "cpc_previous",
         round(((((("s"."x2")::numeric / nullif(nullif("s"."x1", ?::numeric), 0)) - (("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0))))::numeric / nullif((("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0)), 0)), 6) AS "cpc_change",
         0 AS "__level"
  FROM "compared" AS "s"
  WHERE "s"."x1" > ?::numeric
  ORDER BY "cpc" DESC NULLS LAST, "campaign.name" ASC, "week" ASC
),
"total_1_base_0_ad_stats" AS (
  SELECT "b"."d0" AS "d0",
         sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1",
         sum("b"."a2") AS "a2"
  FROM "base_0_ad_stats" AS "b"
  GROUP BY 1
),
"total_1_previous_0_ad_stats" AS (
  SELECT "b"."d0" AS "d0",
         sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1",
         sum("b"."a2") AS "a2"
  FROM "previous_0_ad_stats" AS "b"
  GROUP BY 1
),
"total_1_compared" AS (
  SELECT "u"."d0" AS "d0",
         max("u"."x0") AS "x0",
         max("u"."p0") AS "p0",
         max("u"."x1") AS "x1",
         max("u"."p1") AS "p1",
         max("u"."x2") AS "x2",
         max("u"."p2") AS "p2"
  FROM (
      SELECT "c0"."d0" AS "d0",
             "c0"."a0" AS "x0",
             (NULL)::numeric AS "p0",
             "c0"."a1" AS "x1",
             (NULL)::numeric AS "p1",
             "c0"."a2" AS "x2",
             (NULL)::numeric AS "p2"
      FROM "total_1_base_0_ad_stats" AS "c0"
      UNION ALL
      SELECT "q0"."d0" AS "d0",
             (NULL)::numeric AS "x0",
             "q0"."a0" AS "p0",
             (NULL)::numeric AS "x1",
             "q0"."a1" AS "p1",
             (NULL)::numeric AS "x2",
             "q0"."a2" AS "p2"
      FROM "total_1_previous_0_ad_stats" AS "q0"
    ) AS "u"
  GROUP BY 1
),
"total_1_rows" AS (
  SELECT "s"."d0" AS "campaign.name",
         (NULL)::date AS "week",
         "s"."x0" AS "impressions",
         "s"."p0" AS "impressions_previous",
         round(((("s"."x0" - "s"."p0"))::numeric / nullif("s"."p0", 0)), 6) AS "impressions_change",
         "s"."x1" AS "clicks",
         "s"."p1" AS "clicks_previous",
         round(((("s"."x1" - "s"."p1"))::numeric / nullif("s"."p1", 0)), 6) AS "clicks_change",
         round((("s"."x2")::numeric / nullif(nullif("s"."x1", ?::numeric), 0)), 4) AS "cpc",
         round((("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0)), 4) AS "cpc_previous",
         round(((((("s"."x2")::numeric / nullif(nullif("s"."x1", ?::numeric), 0)) - (("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0))))::numeric / nullif((("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0)), 0)), 6) AS "cpc_change",
         1 AS "__level"
  FROM "total_1_compared" AS "s"
),
"total_2_base_0_ad_stats" AS (
  SELECT "b"."d1" AS "d1",
         sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1",
         sum("b"."a2") AS "a2"
  FROM "base_0_ad_stats" AS "b"
  GROUP BY 1
),
"total_2_previous_0_ad_stats" AS (
  SELECT "b"."d1" AS "d1",
         sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1",
         sum("b"."a2") AS "a2"
  FROM "previous_0_ad_stats" AS "b"
  GROUP BY 1
),
"total_2_compared" AS (
  SELECT "u"."d1" AS "d1",
         max("u"."x0") AS "x0",
         max("u"."p0") AS "p0",
         max("u"."x1") AS "x1",
         max("u"."p1") AS "p1",
         max("u"."x2") AS "x2",
         max("u"."p2") AS "p2"
  FROM (
      SELECT "c0"."d1" AS "d1",
             "c0"."a0" AS "x0",
             (NULL)::numeric AS "p0",
             "c0"."a1" AS "x1",
             (NULL)::numeric AS "p1",
             "c0"."a2" AS "x2",
             (NULL)::numeric AS "p2"
      FROM "total_2_base_0_ad_stats" AS "c0"
      UNION ALL
      SELECT "q0"."d1" AS "d1",
             (NULL)::numeric AS "x0",
             "q0"."a0" AS "p0",
             (NULL)::numeric AS "x1",
             "q0"."a1" AS "p1",
             (NULL)::numeric AS "x2",
             "q0"."a2" AS "p2"
      FROM "total_2_previous_0_ad_stats" AS "q0"
    ) AS "u"
  GROUP BY 1
),
"total_2_rows" AS (
  SELECT (NULL)::text AS "campaign.name",
         "s"."d1" AS "week",
         "s"."x0" AS "impressions",
         "s"."p0" AS "impressions_previous",
         round(((("s"."x0" - "s"."p0"))::numeric / nullif("s"."p0", 0)), 6) AS "impressions_change",
         "s"."x1" AS "clicks",
         "s"."p1" AS "clicks_previous",
         round(((("s"."x1" - "s"."p1"))::numeric / nullif("s"."p1", 0)), 6) AS "clicks_change",
         round((("s"."x2")::numeric / nullif(nullif("s"."x1", ?::numeric), 0)), 4) AS "cpc",
         round((("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0)), 4) AS "cpc_previous",
         round(((((("s"."x2")::numeric / nullif(nullif("s"."x1", ?::numeric), 0)) - (("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0))))::numeric / nullif((("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0)), 0)), 6) AS "cpc_change",
         2 AS "__level"
  FROM "total_2_compared" AS "s"
),
"total_3_base_0_ad_stats" AS (
  SELECT sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1",
         sum("b"."a2") AS "a2"
  FROM "base_0_ad_stats" AS "b"
),
"total_3_previous_0_ad_stats" AS (
  SELECT sum("b"."a0") AS "a0",
         sum("b"."a1") AS "a1",
         sum("b"."a2") AS "a2"
  FROM "previous_0_ad_stats" AS "b"
),
"total_3_compared" AS (
  SELECT max("u"."x0") AS "x0",
         max("u"."p0") AS "p0",
         max("u"."x1") AS "x1",
         max("u"."p1") AS "p1",
         max("u"."x2") AS "x2",
         max("u"."p2") AS "p2"
  FROM (
      SELECT "c0"."a0" AS "x0",
             (NULL)::numeric AS "p0",
             "c0"."a1" AS "x1",
             (NULL)::numeric AS "p1",
             "c0"."a2" AS "x2",
             (NULL)::numeric AS "p2"
      FROM "total_3_base_0_ad_stats" AS "c0"
      UNION ALL
      SELECT (NULL)::numeric AS "x0",
             "q0"."a0" AS "p0",
             (NULL)::numeric AS "x1",
             "q0"."a1" AS "p1",
             (NULL)::numeric AS "x2",
             "q0"."a2" AS "p2"
      FROM "total_3_previous_0_ad_stats" AS "q0"
    ) AS "u"
),
"total_3_rows" AS (
  SELECT (NULL)::text AS "campaign.name",
         (NULL)::date AS "week",
         "s"."x0" AS "impressions",
         "s"."p0" AS "impressions_previous",
         round(((("s"."x0" - "s"."p0"))::numeric / nullif("s"."p0", 0)), 6) AS "impressions_change",
         "s"."x1" AS "clicks",
         "s"."p1" AS "clicks_previous",
         round(((("s"."x1" - "s"."p1"))::numeric / nullif("s"."p1", 0)), 6) AS "clicks_change",
         round((("s"."x2")::numeric / nullif(nullif("s"."x1", ?::numeric), 0)), 4) AS "cpc",
         round((("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0)), 4) AS "cpc_previous",
         round(((((("s"."x2")::numeric / nullif(nullif("s"."x1", ?::numeric), 0)) - (("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0))))::numeric / nullif((("s"."p2")::numeric / nullif(nullif("s"."p1", ?::numeric), 0)), 0)), 6) AS "cpc_change",
         3 AS "__level"
  FROM "total_3_compared" AS "s"
)
SELECT "r"."campaign.name" AS "campaign.name",
       "r"."week" AS "week",
       "r"."impressions" AS "impressions",
       "r"."impressions_previous" AS "impressions_previous",
       "r"."impressions_change" AS "impressions_change",
       "r"."clicks" AS "clicks",
       "r"."clicks_previous" AS "clicks_previous",
       "r"."clicks_change" AS "clicks_change",
       "r"."cpc" AS "cpc",
       "r"."cpc_previous" AS "cpc_previous",
       "r"."cpc_change" AS "cpc_change",
       "r"."__level" AS "__level"
FROM (
    SELECT "detail_rows"."campaign.name" AS "campaign.name",
           "detail_rows"."week" AS "week",
           "detail_rows"."impressions" AS "impressions",
           "detail_rows"."impressions_previous" AS "impressions_previous",
           "detail_rows"."impressions_change" AS "impressions_change",
           "detail_rows"."clicks" AS "clicks",
           "detail_rows"."clicks_previous" AS "clicks_previous",
           "detail_rows"."clicks_change" AS "clicks_change",
           "detail_rows"."cpc" AS "cpc",
           "detail_rows"."cpc_previous" AS "cpc_previous",
           "detail_rows"."cpc_change" AS "cpc_change",
           "detail_rows"."__level" AS "__level"
    FROM "detail_rows" AS "detail_rows"
    UNION ALL
    SELECT "total_1_rows"."campaign.name" AS "campaign.name",
           "total_1_rows"."week" AS "week",
           "total_1_rows"."impressions" AS "impressions",
           "total_1_rows"."impressions_previous" AS "impressions_previous",
           "total_1_rows"."impressions_change" AS "impressions_change",
           "total_1_rows"."clicks" AS "clicks",
           "total_1_rows"."clicks_previous" AS "clicks_previous",
           "total_1_rows"."clicks_change" AS "clicks_change",
           "total_1_rows"."cpc" AS "cpc",
           "total_1_rows"."cpc_previous" AS "cpc_previous",
           "total_1_rows"."cpc_change" AS "cpc_change",
           "total_1_rows"."__level" AS "__level"
    FROM "total_1_rows" AS "total_1_rows"
    UNION ALL
    SELECT "total_2_rows"."campaign.name" AS "campaign.name",
           "total_2_rows"."week" AS "week",
           "total_2_rows"."impressions" AS "impressions",
           "total_2_rows"."impressions_previous" AS "impressions_previous",
           "total_2_rows"."impressions_change" AS "impressions_change",
           "total_2_rows"."clicks" AS "clicks",
           "total_2_rows"."clicks_previous" AS "clicks_previous",
           "total_2_rows"."clicks_change" AS "clicks_change",
           "total_2_rows"."cpc" AS "cpc",
           "total_2_rows"."cpc_previous" AS "cpc_previous",
           "total_2_rows"."cpc_change" AS "cpc_change",
           "total_2_rows"."__level" AS "__level"
    FROM "total_2_rows" AS "total_2_rows"
    UNION ALL
    SELECT "total_3_rows"."campaign.name" AS "campaign.name",
           "total_3_rows"."week" AS "week",
           "total_3_rows"."impressions" AS "impressions",
           "total_3_rows"."impressions_previous" AS "impressions_previous",
           "total_3_rows"."impressions_change" AS "impressions_change",
           "total_3_rows"."clicks" AS "clicks",
           "total_3_rows"."clicks_previous" AS "clicks_previous",
           "total_3_rows"."clicks_change" AS "clicks_change",
           "total_3_rows"."cpc" AS "cpc",
           "total_3_rows"."cpc_previous" AS "cpc_previous",
           "total_3_rows"."cpc_change" AS "cpc_change",
           "total_3_rows"."__level" AS "__level"
    FROM "total_3_rows" AS "total_3_rows"
  ) AS "r"
ORDER BY "__level" ASC, "cpc" DESC NULLS LAST, "campaign.name" ASC, "week" ASC

-- $1 = '{101,102}'::bigint[]
-- $2 = '2026-05-01'::date
-- $3 = '2026-06-01'::date
-- $4 = '{101,102}'::bigint[]
-- $5 = 'ACTIVE'::text
-- $6 = 'ACTIVE'::text
-- $7 = 31
-- $8 = '{101,102}'::bigint[]
-- $9 = '2026-03-31'::date
-- $10 = '2026-05-01'::date
-- $11 = '{101,102}'::bigint[]
-- $12 = 'ACTIVE'::text
-- $13 = 'ACTIVE'::text
-- $14 = 0
-- $15 = 0
-- $16 = 0
-- $17 = 0
-- $18 = 0
-- $19 = 100
-- $20 = 0
-- $21 = 0
-- $22 = 0
-- $23 = 0
-- $24 = 0
-- $25 = 0
-- $26 = 0
-- $27 = 0
-- $28 = 0
-- $29 = 0
-- $30 = 0
-- $31 = 0
-- $32 = 0
-- $33 = 0
-- $34 = 0
