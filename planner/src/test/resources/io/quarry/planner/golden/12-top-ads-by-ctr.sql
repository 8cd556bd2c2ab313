WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "ad"."ad_id" AS "d0",
         "ad"."name" AS "d1",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."ad_id" AS "ad_id",
             sum("ad_stats"."impressions") AS "p_a0",
             sum("ad_stats"."clicks") AS "p_a1"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1, 2
    ) AS "ad_stats"
  JOIN "ads" AS "ad" ON "ad"."account_id" = "ad_stats"."account_id" AND "ad"."ad_id" = "ad_stats"."ad_id"
  WHERE "ad"."account_id" = ANY(?::bigint[])
  GROUP BY 1, 2
)
SELECT "b0"."d0" AS "ad.id",
       "b0"."d1" AS "ad.name",
       "b0"."a0" AS "impressions",
       "b0"."a1" AS "clicks",
       round((("b0"."a1")::numeric / nullif("b0"."a0", 0)), 6) AS "ctr",
       count(*) OVER () AS "__total_rows"
FROM "base_0_ad_stats" AS "b0"
WHERE "b0"."a0" >= ?::numeric
ORDER BY "ctr" DESC, "impressions" DESC, "ad.id" ASC, "ad.name" ASC
LIMIT ?::bigint

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-06-08'::date
-- $3 = '2026-06-15'::date
-- $4 = '{1,2,3,101,102,105}'::bigint[]
-- $5 = 10000
-- $6 = 10
