WITH "base_0_ad_stats" AS MATERIALIZED (
  SELECT "account"."account_id" AS "d0",
         "account"."name" AS "d1",
         "account"."currency" AS "d2",
         sum("ad_stats"."p_a0") AS "a0"
  FROM (
      SELECT "ad_stats"."account_id" AS "account_id",
             sum("ad_stats"."spend") AS "p_a0"
      FROM "ad_stats_daily" AS "ad_stats"
      WHERE "ad_stats"."account_id" = ANY(?::bigint[])
        AND "ad_stats"."day" >= ?::date
        AND "ad_stats"."day" < ?::date
      GROUP BY 1
    ) AS "ad_stats"
  JOIN "accounts" AS "account" ON "account"."account_id" = "ad_stats"."account_id"
  WHERE "account"."account_id" = ANY(?::bigint[])
  GROUP BY 1, 2, 3
)
SELECT "b0"."d0" AS "account.id",
       "b0"."d1" AS "account.name",
       "b0"."d2" AS "account.currency",
       "b0"."a0" AS "spend"
FROM "base_0_ad_stats" AS "b0"
ORDER BY "account.id" ASC, "account.name" ASC, "account.currency" ASC

-- $1 = '{101,102,105}'::bigint[]
-- $2 = '2026-05-01'::date
-- $3 = '2026-06-01'::date
-- $4 = '{101,102,105}'::bigint[]
