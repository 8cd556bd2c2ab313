WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "ad_set"."ad_set_id" AS "d0",
         "ad_set"."name" AS "d1",
         "ad_set"."status" AS "d2",
         sum("ad_stats"."p_a0") AS "a0",
         sum("ad_stats"."p_a1") AS "a1"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             "ad_stats"."ad_set_id" AS "ad_set_id",
             sum("ad_stats"."spend") AS "p_a0",
             sum("ad_stats"."clicks") AS "p_a1"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1, 2
    ) AS "ad_stats"
  JOIN "ad_sets" AS "ad_set" ON "ad_set"."account_id" = "ad_stats"."account_id" AND "ad_set"."ad_set_id" = "ad_stats"."ad_set_id"
  WHERE "ad_set"."account_id" = ANY(?::bigint[])
  GROUP BY 1, 2, 3
)
SELECT "b0"."d0" AS "ad_set.id",
       "b0"."d1" AS "ad_set.name",
       "b0"."d2" AS "ad_set.status",
       "b0"."a0" AS "spend",
       "b0"."a1" AS "clicks",
       count(*) OVER () AS "__total_rows"
FROM "base_0_ad_stats" AS "b0"
ORDER BY "ad_set.id" ASC, "ad_set.name" ASC, "ad_set.status" ASC
LIMIT ?::bigint
OFFSET ?::bigint

-- $1 = '{1,2,3,101,102,105}'::bigint[]
-- $2 = '2026-05-16'::date
-- $3 = '2026-06-15'::date
-- $4 = '{1,2,3,101,102,105}'::bigint[]
-- $5 = 100
-- $6 = 200
