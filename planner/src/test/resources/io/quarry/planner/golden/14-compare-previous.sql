WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "campaign"."name" AS "d0",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."campaign_id" AS "campaign_id",
             sum("ad_stats"."spend") AS "p_a0",
             sum("ad_stats"."conversions") AS "p_a1"
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
"previous_0_ad_stats" AS MATERIALIZED (
  SELECT "campaign"."name" AS "d0",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."campaign_id" AS "campaign_id",
             sum("ad_stats"."spend") AS "p_a0",
             sum("ad_stats"."conversions") AS "p_a1"
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
"compared" AS (
  SELECT "u"."d0" AS "d0",
         max("u"."x0") AS "x0",
         max("u"."p0") AS "p0",
         max("u"."x1") AS "x1",
         max("u"."p1") AS "p1"
  FROM (
      SELECT "c0"."d0" AS "d0",
             "c0"."a0" AS "x0",
             (NULL)::numeric AS "p0",
             "c0"."a1" AS "x1",
             (NULL)::numeric AS "p1"
      FROM "base_0_ad_stats" AS "c0"
      UNION ALL
      SELECT "q0"."d0" AS "d0",
             (NULL)::numeric AS "x0",
             "q0"."a0" AS "p0",
             (NULL)::numeric AS "x1",
             "q0"."a1" AS "p1"
      FROM "previous_0_ad_stats" AS "q0"
    ) AS "u"
  GROUP BY 1
)
SELECT "s"."d0" AS "campaign.name",
       "s"."x0" AS "spend",
       "s"."p0" AS "spend_previous",
       round(((("s"."x0" - "s"."p0"))::numeric / nullif("s"."p0", 0)), 6) AS "spend_change",
       "s"."x1" AS "conversions",
       "s"."p1" AS "conversions_previous",
       round(((("s"."x1" - "s"."p1"))::numeric / nullif("s"."p1", 0)), 6) AS "conversions_change",
       round((("s"."x0")::numeric / nullif("s"."x1", 0)), 4) AS "cpa",
       round((("s"."p0")::numeric / nullif("s"."p1", 0)), 4) AS "cpa_previous",
       round(((((("s"."x0")::numeric / nullif("s"."x1", 0)) - (("s"."p0")::numeric / nullif("s"."p1", 0))))::numeric / nullif((("s"."p0")::numeric / nullif("s"."p1", 0)), 0)), 6) AS "cpa_change"
FROM "compared" AS "s"
ORDER BY "campaign.name" ASC

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-06-08'::date
-- $3 = '2026-06-15'::date
-- $4 = '{1,2,3,101,102,105}'::bigint[]
-- $5 = '{1,2,3,101,102,105}'::bigint[]
-- $6 = '2026-06-01'::date
-- $7 = '2026-06-08'::date
-- $8 = '{1,2,3,101,102,105}'::bigint[]
