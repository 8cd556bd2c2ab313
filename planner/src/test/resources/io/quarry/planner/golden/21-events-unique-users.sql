WITH "base_0_events" AS MATERIALIZED (
  SELECT "events"."name" AS "d0",
         (date_trunc('day', ("events"."created_at" AT TIME ZONE ?::text)))::date AS "d1",
         count(*) AS "a0",
         count(DISTINCT "events"."user_id") AS "a1"
  FROM "events" AS "events"
  WHERE "events"."account_id" = ANY(?::bigint[])
    AND "events"."created_at" >= ?::timestamptz
    AND "events"."created_at" < ?::timestamptz
    AND ("events"."name" IN (?::text, ?::text, ?::text))
  GROUP BY 1, 2
)
SELECT "b0"."d0" AS "event.name",
       "b0"."d1" AS "date.day",
       "b0"."a0" AS "event_count",
       "b0"."a1" AS "unique_users"
FROM "base_0_events" AS "b0"
ORDER BY "date.day" ASC, "event_count" DESC, "event.name" ASC

-- $1 = 'UTC'::text
-- $2 = '{1,2,3,101,102,105}'::bigint[]
-- $3 = '2026-06-08T00:00Z'::timestamptz
-- $4 = '2026-06-15T00:00Z'::timestamptz
-- $5 = 'purchase'::text
-- $6 = 'add_to_cart'::text
-- $7 = 'page_view'::text
