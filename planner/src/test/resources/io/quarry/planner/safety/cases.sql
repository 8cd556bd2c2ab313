-- Table-driven cases for CitusSafetyCheckCasesTest.
-- Policy: tenant tables ads, ad_stats_daily, campaigns, events; reference tables countries, currencies.
-- Each case starts with "-- case: <name>", then "-- expect: SAFE" or "-- expect: CODE, CODE, ..." (one code
-- per expected violation, order irrelevant), then the SQL up to the next case.

-- ===================================================================== positive: shapes Quarry generates

-- case: brief example: materialized base, ROLLUP and GROUPING over it
-- expect: SAFE
WITH base AS MATERIALIZED (
  SELECT s.account_id, c.status AS "campaign.status", date_trunc('month', s.day::timestamp) AS "date.month",
         sum(s.spend) AS spend, sum(s.clicks) AS clicks, sum(s.impressions) AS impressions
  FROM ad_stats_daily AS s
  JOIN campaigns AS c ON c.account_id = s.account_id AND c.campaign_id = s.campaign_id
  JOIN countries AS co ON co.code = c.country
  WHERE s.account_id = ANY(?) AND c.account_id = ANY(?) AND s.day >= ? AND s.day < ? AND c.status IN (?, ?)
  GROUP BY s.account_id, c.status, date_trunc('month', s.day::timestamp)
)
SELECT "campaign.status", "date.month", sum(spend) AS spend,
       sum(clicks)::numeric / nullif(sum(impressions), 0) AS ctr,
       GROUPING("campaign.status") AS g1
FROM base GROUP BY ROLLUP ("campaign.status", "date.month")
ORDER BY spend DESC NULLS LAST LIMIT ? OFFSET ?

-- case: two materialized fact CTEs FULL JOINed on shared dimensions, window total, FILTER, CASE, count DISTINCT
-- expect: SAFE
WITH stats AS MATERIALIZED (
  SELECT c.status AS "campaign.status", sum(s.spend) AS spend, count(DISTINCT s.ad_id) AS ads
  FROM ad_stats_daily AS s
  JOIN campaigns AS c ON c.account_id = s.account_id AND c.campaign_id = s.campaign_id
  WHERE s.account_id = ANY(?) AND c.account_id = ANY(?) AND s.day >= ? AND s.day < ?
  GROUP BY c.status
), ev AS MATERIALIZED (
  SELECT c.status AS "campaign.status", count(*) AS conversions,
         sum(e.value) FILTER (WHERE e.kind = ?) AS revenue
  FROM events AS e
  JOIN campaigns AS c ON c.account_id = e.account_id AND c.campaign_id = e.campaign_id
  WHERE e.account_id = ANY(?::bigint[]) AND c.account_id = ANY(?::bigint[]) AND e.created_at >= ? AND e.created_at < ?
  GROUP BY c.status
)
SELECT coalesce(stats."campaign.status", ev."campaign.status") AS "campaign.status",
       sum(stats.spend) AS spend, sum(ev.conversions) AS conversions,
       CASE WHEN sum(ev.conversions) > 0 THEN sum(stats.spend) / sum(ev.conversions) ELSE NULL END AS cpa,
       sum(sum(stats.spend)) OVER () AS total_spend
FROM stats FULL JOIN ev ON ev."campaign.status" = stats."campaign.status"
GROUP BY 1
ORDER BY 2 DESC NULLS LAST LIMIT ?

-- case: totals CTE CROSS JOINed for shares of total, CAST(? AS bigint[])
-- expect: SAFE
WITH base AS MATERIALIZED (
  SELECT a.campaign_id, sum(a.spend) AS spend
  FROM ad_stats_daily a
  WHERE a.account_id = ANY(CAST(? AS bigint[])) AND a.day >= ? AND a.day < ?
  GROUP BY a.campaign_id
), totals AS MATERIALIZED (
  SELECT sum(spend) AS spend FROM base
)
SELECT base.campaign_id, base.spend, base.spend / nullif(totals.spend, 0) AS share
FROM base CROSS JOIN totals
ORDER BY share DESC LIMIT ? OFFSET ?

-- case: gap filling: generate_series LEFT JOIN the aggregated CTE, 3-argument date_trunc
-- expect: SAFE
WITH base AS MATERIALIZED (
  SELECT date_trunc('day', e.created_at, ?) AS day, count(*) AS events
  FROM events e
  WHERE e.account_id = ANY(?) AND e.created_at >= ? AND e.created_at < ?
  GROUP BY 1
)
SELECT d.d::date AS day, coalesce(base.events, 0) AS events
FROM generate_series(?::date, ?::date, interval '1 day') AS d
LEFT JOIN base ON base.day = d.d
ORDER BY 1

-- case: single table, unqualified account_id filter
-- expect: SAFE
SELECT count(*) FROM ads WHERE account_id = ANY(?) AND status = ?

-- case: bound scalar filter = ? and = ?::bigint
-- expect: SAFE
SELECT a.id FROM ads a JOIN campaigns c ON c.account_id = a.account_id WHERE a.account_id = ? AND c.account_id = ?::bigint

-- case: filter inside redundant parentheses
-- expect: SAFE
SELECT a.id FROM ads a WHERE ((a.account_id = ANY(?))) AND (a.status = ?)

-- case: quoted, schema-qualified and mixed-case names resolve to the tenant tables
-- expect: SAFE
SELECT A.id FROM public."ads" AS A JOIN CAMPAIGNS c ON C.ACCOUNT_ID = a.account_id AND c.campaign_id = a.campaign_id
WHERE a."account_id" = ANY(?) AND "c".account_id = ANY(?)

-- case: unaliased schema-qualified table referenced by its name
-- expect: SAFE
SELECT ads.id FROM public.ads JOIN countries ON countries.code = ads.country WHERE ads.account_id = ANY(?)

-- case: join to a reference table needs no account equality
-- expect: SAFE
SELECT co.name, count(*) FROM ads a JOIN countries co ON co.code = a.country
WHERE a.account_id = ANY(?) GROUP BY co.name

-- case: inlined CTE with its own filter joined with account equality
-- expect: SAFE
WITH x AS (SELECT a.account_id, a.id, a.campaign_id FROM ads a WHERE a.account_id = ANY(?))
SELECT x.id FROM x JOIN campaigns c ON c.account_id = x.account_id AND c.campaign_id = x.campaign_id
WHERE c.account_id = ANY(?)

-- case: JOIN ... USING (account_id, ...)
-- expect: SAFE
SELECT a.id FROM ads a JOIN campaigns c USING (account_id, campaign_id)
WHERE a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: comma join with the account equality in WHERE
-- expect: SAFE
SELECT a.id FROM ads a, campaigns c
WHERE a.account_id = c.account_id AND a.campaign_id = c.campaign_id AND a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: three tenant tables chained by account equality
-- expect: SAFE
SELECT e.id FROM events e
JOIN ads a ON a.account_id = e.account_id AND a.id = e.ad_id
LEFT JOIN campaigns c ON c.account_id = a.account_id AND c.campaign_id = a.campaign_id
WHERE e.account_id = ANY(?) AND a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: UNION ALL with every branch filtered
-- expect: SAFE
SELECT a.id FROM ads a WHERE a.account_id = ANY(?)
UNION ALL
SELECT e.ad_id FROM events e WHERE e.account_id = ANY(?)

-- case: FROM subquery with its own filter
-- expect: SAFE
SELECT q.n FROM (SELECT a.account_id, count(*) AS n FROM ads a WHERE a.account_id = ANY(?) GROUP BY a.account_id) q

-- case: VALUES list joined to a tenant table
-- expect: SAFE
SELECT v.label, count(*) FROM ads a JOIN (VALUES (1, 'x'), (2, 'y')) AS v(k, label) ON v.k = a.kind
WHERE a.account_id = ANY(?) GROUP BY v.label

-- case: parenthesised IN list before another conjunct
-- expect: SAFE
SELECT a.id FROM ads a WHERE (a.status IN (?, ?)) AND a.account_id = ANY(?)

-- case: subqueries over materialized CTEs only run on the coordinator
-- expect: SAFE
WITH base AS MATERIALIZED (
  SELECT a.campaign_id, sum(a.spend) AS spend FROM ads a WHERE a.account_id = ANY(?) GROUP BY a.campaign_id
)
SELECT base.campaign_id, (SELECT max(b2.spend) FROM base b2) AS top
FROM base WHERE base.spend > (SELECT avg(b3.spend) FROM base b3)

-- case: CTE named like a tenant table shadows it
-- expect: SAFE
WITH ads AS MATERIALIZED (SELECT c.campaign_id FROM campaigns c WHERE c.account_id = ANY(?))
SELECT ads.campaign_id FROM ads

-- case: a CTE's body reads the real table of the same name (no self-reference without RECURSIVE)
-- expect: SAFE
WITH ads AS (SELECT * FROM ads WHERE account_id = ANY(?))
SELECT ads.id FROM ads

-- case: date_trunc over a column cast to timestamp (zone-independent), casts, nullif
-- expect: SAFE
SELECT date_trunc('week', a.day::timestamp) AS w, sum(a.spend)::numeric(12, 2) AS spend, nullif(sum(a.clicks), 0) AS clicks
FROM ad_stats_daily a WHERE a.account_id = ANY(?) AND a.day >= ? AND a.day < ? GROUP BY 1

-- case: expensive but allowed aggregates and window over grouped rows
-- expect: SAFE
SELECT a.campaign_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY a.spend) AS p50,
       rank() OVER (ORDER BY sum(a.spend) DESC) AS r
FROM ad_stats_daily a WHERE a.account_id = ANY(?) GROUP BY a.campaign_id

-- ===================================================================== rule 1: MISSING_TENANT_FILTER

-- case: no WHERE at all
-- expect: MISSING_TENANT_FILTER
SELECT * FROM ads

-- case: filter hidden under OR
-- expect: MISSING_TENANT_FILTER
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) OR a.status = ?

-- case: account_id = ANY(?) OR true
-- expect: MISSING_TENANT_FILTER
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) OR true

-- case: filter under NOT
-- expect: MISSING_TENANT_FILTER
SELECT a.id FROM ads a WHERE NOT (a.account_id = ANY(?))

-- case: filter inside a CASE
-- expect: MISSING_TENANT_FILTER
SELECT a.id FROM ads a WHERE CASE WHEN ? THEN a.account_id = ANY(?) ELSE true END

-- case: filter on the wrong alias
-- expect: MISSING_TENANT_FILTER
SELECT a.id FROM ads a JOIN campaigns c ON c.account_id = a.account_id AND c.campaign_id = a.campaign_id
WHERE c.account_id = ANY(?) AND c.status = ?

-- case: filter only in the ON clause
-- expect: MISSING_TENANT_FILTER, MISSING_TENANT_FILTER
SELECT a.id FROM ads a JOIN campaigns c
  ON c.account_id = a.account_id AND a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: self-join filters only one occurrence
-- expect: MISSING_TENANT_FILTER
SELECT a1.id FROM ads a1 JOIN ads a2 ON a2.account_id = a1.account_id AND a2.id = a1.parent_id
WHERE a1.account_id = ANY(?)

-- case: table name used as qualifier although the table is aliased
-- expect: MISSING_TENANT_FILTER
SELECT a.id FROM ads a WHERE ads.account_id = ANY(?)

-- case: unqualified account_id with two relations in the block
-- expect: MISSING_TENANT_FILTER
SELECT a.id FROM ads a JOIN countries co ON co.code = a.country WHERE account_id = ANY(?)

-- case: tenant table in a FROM subquery without its own filter
-- expect: MISSING_TENANT_FILTER
SELECT q.n FROM (SELECT a.account_id, count(*) AS n FROM ads a GROUP BY a.account_id) q WHERE q.account_id = ANY(?)

-- case: tenant table inside a non-materialized CTE without a filter
-- expect: MISSING_TENANT_FILTER
WITH x AS (SELECT * FROM ads) SELECT x.id FROM x WHERE x.account_id = ANY(?)

-- case: tenant table inside a materialized CTE without a filter
-- expect: MISSING_TENANT_FILTER
WITH base AS MATERIALIZED (SELECT a.campaign_id, count(*) AS n FROM ads a GROUP BY a.campaign_id) SELECT * FROM base

-- case: unreferenced CTE is still checked
-- expect: MISSING_TENANT_FILTER
WITH unused AS MATERIALIZED (SELECT * FROM events) SELECT a.id FROM ads a WHERE a.account_id = ANY(?)

-- case: CTE named like a tenant table does not hide the tenant table in its body
-- expect: MISSING_TENANT_FILTER
WITH ads AS MATERIALIZED (SELECT * FROM campaigns) SELECT ads.id FROM ads

-- case: schema-qualified name bypasses the CTE of the same name
-- expect: MISSING_TENANT_FILTER
WITH ads AS MATERIALIZED (SELECT c.campaign_id FROM campaigns c WHERE c.account_id = ANY(?))
SELECT p.id FROM public.ads p

-- case: a CTE's scope: a later sibling sees it, the earlier one reads the real table
-- expect: MISSING_TENANT_FILTER
WITH x AS MATERIALIZED (SELECT * FROM events), events AS MATERIALIZED (SELECT * FROM x) SELECT * FROM events

-- case: UNION where one branch lacks the filter
-- expect: MISSING_TENANT_FILTER
SELECT a.id FROM ads a WHERE a.account_id = ANY(?)
UNION
SELECT e.ad_id FROM events e WHERE e.kind = ?

-- case: quoted identifier without filter
-- expect: MISSING_TENANT_FILTER
SELECT * FROM "ads" WHERE status = ?

-- case: schema-qualified name without filter
-- expect: MISSING_TENANT_FILTER
SELECT * FROM public.ads WHERE status = ?

-- case: upper case name without filter
-- expect: MISSING_TENANT_FILTER
SELECT * FROM ADS WHERE STATUS = ?

-- ===================================================================== rule 2: TENANT_FILTER_NOT_BOUND

-- case: literal equality
-- expect: TENANT_FILTER_NOT_BOUND
SELECT a.id FROM ads a WHERE a.account_id = 5

-- case: IN list of literals
-- expect: TENANT_FILTER_NOT_BOUND
SELECT a.id FROM ads a WHERE a.account_id IN (1, 2)

-- case: IN list of parameters is not the = ANY(?) form
-- expect: TENANT_FILTER_NOT_BOUND
SELECT a.id FROM ads a WHERE a.account_id IN (?, ?)

-- case: ANY over an array literal string
-- expect: TENANT_FILTER_NOT_BOUND
SELECT a.id FROM ads a WHERE a.account_id = ANY('{1,2}')

-- case: ANY over an ARRAY constructor
-- expect: TENANT_FILTER_NOT_BOUND
SELECT a.id FROM ads a WHERE a.account_id = ANY(ARRAY[1, 2])

-- case: ANY over a parameter cast to the wrong type
-- expect: TENANT_FILTER_NOT_BOUND
SELECT a.id FROM ads a WHERE a.account_id = ANY(?::text[])

-- case: cast on the column prevents pruning
-- expect: TENANT_FILTER_NOT_BOUND
SELECT a.id FROM ads a WHERE a.account_id::text = ?

-- case: BETWEEN on the column
-- expect: TENANT_FILTER_NOT_BOUND
SELECT a.id FROM ads a WHERE a.account_id BETWEEN ? AND ?

-- case: IN (SELECT ...) on the column
-- expect: TENANT_FILTER_NOT_BOUND, SUBQUERY_IN_FILTER
SELECT a.id FROM ads a WHERE a.account_id IN (SELECT c.code FROM countries c)

-- ===================================================================== rule 3: JOIN_WITHOUT_ACCOUNT_EQUALITY

-- case: citus-rules row 1: inner join without account equality
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a JOIN campaigns c ON c.campaign_id = a.campaign_id
WHERE a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: citus-rules row 2: LEFT JOIN without account equality
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a LEFT JOIN campaigns c ON c.campaign_id = a.campaign_id
WHERE a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: citus-rules row 2: FULL JOIN without account equality
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a FULL JOIN campaigns c ON c.campaign_id = a.campaign_id
WHERE a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: citus-rules row 2: RIGHT JOIN with the equality under OR
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a RIGHT JOIN campaigns c ON (c.account_id = a.account_id OR c.campaign_id = a.campaign_id)
WHERE a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: explicit JOIN with the equality only in WHERE
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a JOIN campaigns c ON c.campaign_id = a.campaign_id
WHERE a.account_id = c.account_id AND a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: comma join without equality
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a, campaigns c WHERE a.campaign_id = c.campaign_id AND a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: CROSS JOIN of two tenant tables
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a CROSS JOIN campaigns c WHERE a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: equality with the wrong column
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a JOIN campaigns c ON c.account_id = a.campaign_id
WHERE a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: NATURAL JOIN
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a NATURAL JOIN campaigns c WHERE a.account_id = ANY(?) AND c.account_id = ANY(?)

-- case: two inlined CTEs joined without account equality
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
WITH x AS (SELECT a.account_id, a.campaign_id, count(*) AS n FROM ads a WHERE a.account_id = ANY(?) GROUP BY 1, 2),
     y AS (SELECT c.account_id, c.campaign_id, c.name FROM campaigns c WHERE c.account_id = ANY(?))
SELECT y.name, x.n FROM x JOIN y ON y.campaign_id = x.campaign_id

-- case: FROM subquery joined to a tenant table without account equality
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT q.n, c.name FROM (SELECT a.account_id, a.campaign_id, count(*) AS n FROM ads a WHERE a.account_id = ANY(?) GROUP BY 1, 2) q
JOIN campaigns c ON c.campaign_id = q.campaign_id WHERE c.account_id = ANY(?)

-- case: materialized CTE joined with an inlined CTE needs no equality
-- expect: SAFE
WITH m AS MATERIALIZED (SELECT a.campaign_id, count(*) AS n FROM ads a WHERE a.account_id = ANY(?) GROUP BY 1),
     y AS (SELECT c.campaign_id, c.name FROM campaigns c WHERE c.account_id = ANY(?))
SELECT y.name, m.n FROM m JOIN y ON y.campaign_id = m.campaign_id

-- ===================================================================== rule 4: GROUPING_SETS_ON_DISTRIBUTED

-- case: citus-rules row 3: ROLLUP directly over a tenant table
-- expect: GROUPING_SETS_ON_DISTRIBUTED
SELECT a.status, a.kind, count(*) FROM ads a WHERE a.account_id = ANY(?) GROUP BY ROLLUP (a.status, a.kind)

-- case: citus-rules row 3: CUBE
-- expect: GROUPING_SETS_ON_DISTRIBUTED
SELECT a.status, count(*) FROM ads a WHERE a.account_id = ANY(?) GROUP BY CUBE (a.status, a.kind)

-- case: citus-rules row 3: GROUPING SETS
-- expect: GROUPING_SETS_ON_DISTRIBUTED
SELECT a.status, count(*) FROM ads a WHERE a.account_id = ANY(?) GROUP BY GROUPING SETS ((a.status), ())

-- case: citus-rules row 3: GROUPING() with a plain GROUP BY
-- expect: GROUPING_SETS_ON_DISTRIBUTED
SELECT a.status, GROUPING(a.status) FROM ads a WHERE a.account_id = ANY(?) GROUP BY a.status

-- case: citus-rules row 3: ROLLUP over a FROM subquery of a tenant table
-- expect: GROUPING_SETS_ON_DISTRIBUTED
SELECT q.status, sum(q.n) FROM (SELECT a.status, count(*) AS n FROM ads a WHERE a.account_id = ANY(?) GROUP BY a.status) q
GROUP BY ROLLUP (q.status)

-- case: ROLLUP over a non-materialized CTE
-- expect: GROUPING_SETS_ON_DISTRIBUTED
WITH base AS (SELECT a.status, count(*) AS n FROM ads a WHERE a.account_id = ANY(?) GROUP BY a.status)
SELECT status, sum(n) FROM base GROUP BY ROLLUP (status)

-- ===================================================================== rule 5: SCALAR_SUBQUERY_IN_SELECT

-- case: citus-rules row 4: scalar subquery in the SELECT list of a tenant block
-- expect: SCALAR_SUBQUERY_IN_SELECT
SELECT a.status, (SELECT count(*) FROM countries) AS n FROM ads a WHERE a.account_id = ANY(?) GROUP BY a.status

-- case: scalar subquery reading a tenant table in the SELECT list over a materialized CTE
-- expect: SCALAR_SUBQUERY_IN_SELECT
WITH base AS MATERIALIZED (SELECT a.campaign_id FROM ads a WHERE a.account_id = ANY(?))
SELECT base.campaign_id, (SELECT count(*) FROM events e WHERE e.account_id = ANY(?)) AS n FROM base

-- case: subquery in ORDER BY of a tenant block
-- expect: SCALAR_SUBQUERY_IN_SELECT
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) ORDER BY (SELECT 1)

-- ===================================================================== rule 6: SUBQUERY_IN_FILTER

-- case: citus-rules row 5: correlated EXISTS
-- expect: SUBQUERY_IN_FILTER
SELECT a.id FROM ads a WHERE a.account_id = ANY(?)
AND EXISTS (SELECT 1 FROM campaigns c WHERE c.account_id = ANY(?) AND c.campaign_id = a.campaign_id)

-- case: citus-rules row 5: NOT EXISTS over a reference table
-- expect: SUBQUERY_IN_FILTER
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND NOT EXISTS (SELECT 1 FROM countries co WHERE co.code = a.country)

-- case: IN (SELECT) on a non-tenant column
-- expect: SUBQUERY_IN_FILTER
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND a.country IN (SELECT co.code FROM countries co)

-- case: scalar subquery comparison in WHERE
-- expect: SUBQUERY_IN_FILTER
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND a.spend > (SELECT avg(x.spend) FROM ad_stats_daily x WHERE x.account_id = ANY(?))

-- case: citus-rules row 5: subquery in HAVING
-- expect: SUBQUERY_IN_FILTER
SELECT a.status, count(*) FROM ads a WHERE a.account_id = ANY(?) GROUP BY a.status
HAVING count(*) > (SELECT count(*) FROM countries)

-- case: subquery in a join's ON clause
-- expect: SUBQUERY_IN_FILTER
SELECT a.id FROM ads a JOIN countries co ON co.code = a.country AND co.code IN (SELECT cu.country FROM currencies cu)
WHERE a.account_id = ANY(?)

-- case: EXISTS with a tenant table inside, over a materialized CTE
-- expect: SUBQUERY_IN_FILTER
WITH base AS MATERIALIZED (SELECT a.campaign_id FROM ads a WHERE a.account_id = ANY(?))
SELECT base.campaign_id FROM base WHERE EXISTS (SELECT 1 FROM events e WHERE e.account_id = ANY(?) AND e.campaign_id = base.campaign_id)

-- ===================================================================== rule 7: RECURSIVE_CTE

-- case: citus-rules row 6: WITH RECURSIVE
-- expect: RECURSIVE_CTE
WITH RECURSIVE tree AS (
  SELECT c.account_id, c.campaign_id, c.parent_id FROM campaigns c WHERE c.account_id = ANY(?)
  UNION ALL
  SELECT c.account_id, c.campaign_id, c.parent_id FROM campaigns c
  JOIN tree t ON t.account_id = c.account_id AND t.campaign_id = c.parent_id WHERE c.account_id = ANY(?)
)
SELECT * FROM tree

-- ===================================================================== rule 8: SUBQUERY_IN_LIMIT

-- case: citus-rules row 7: subquery in LIMIT
-- expect: SUBQUERY_IN_LIMIT
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) LIMIT (SELECT 10)

-- case: subquery in OFFSET of a UNION
-- expect: SUBQUERY_IN_LIMIT
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) UNION SELECT e.ad_id FROM events e WHERE e.account_id = ANY(?)
OFFSET (SELECT count(*) FROM countries)

-- ===================================================================== rule 9: ROW_LOCKING

-- case: citus-rules row 7: FOR UPDATE
-- expect: ROW_LOCKING
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) FOR UPDATE

-- case: FOR SHARE
-- expect: ROW_LOCKING
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) FOR SHARE

-- case: FOR NO KEY UPDATE in a CTE
-- expect: ROW_LOCKING
WITH x AS MATERIALIZED (SELECT a.id FROM ads a WHERE a.account_id = ANY(?) FOR NO KEY UPDATE) SELECT * FROM x

-- case: FOR KEY SHARE
-- expect: ROW_LOCKING
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) FOR KEY SHARE

-- ===================================================================== rule 10: OUTER_JOIN_PSEUDOCONSTANT_QUAL

-- case: citus-rules row 8: outer join plus 1 = 1
-- expect: OUTER_JOIN_PSEUDOCONSTANT_QUAL
SELECT a.id FROM ads a LEFT JOIN campaigns c ON c.account_id = a.account_id AND c.campaign_id = a.campaign_id
WHERE a.account_id = ANY(?) AND c.account_id = ANY(?) AND 1 = 1

-- case: citus-rules row 8: outer join plus now() > literal
-- expect: OUTER_JOIN_PSEUDOCONSTANT_QUAL, UNBOUND_TIME_FUNCTION
SELECT a.id FROM ads a LEFT JOIN countries co ON co.code = a.country
WHERE a.account_id = ANY(?) AND now() > '2020-01-01'

-- case: citus-rules row 8: outer join plus uncorrelated EXISTS
-- expect: OUTER_JOIN_PSEUDOCONSTANT_QUAL, SUBQUERY_IN_FILTER
SELECT a.id FROM ads a LEFT JOIN countries co ON co.code = a.country
WHERE a.account_id = ANY(?) AND EXISTS (SELECT 1 FROM currencies cu)

-- case: outer join plus a parameter-only conjunct
-- expect: OUTER_JOIN_PSEUDOCONSTANT_QUAL
SELECT d.d, base.n FROM generate_series(?::date, ?::date, interval '1 day') AS d
LEFT JOIN (SELECT a.day, count(*) AS n FROM ads a WHERE a.account_id = ANY(?) GROUP BY a.day) base ON base.day = d.d
WHERE ? = ?

-- ===================================================================== rule 11: UNBOUND_TIME_FUNCTION

-- case: now()
-- expect: UNBOUND_TIME_FUNCTION
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND a.created_at > now() - interval '7 days'

-- case: current_date
-- expect: UNBOUND_TIME_FUNCTION
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND a.day = current_date

-- case: current_timestamp
-- expect: UNBOUND_TIME_FUNCTION
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND a.created_at < current_timestamp

-- case: localtimestamp
-- expect: UNBOUND_TIME_FUNCTION
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND a.created_at < localtimestamp

-- case: transaction_timestamp(), statement_timestamp(), clock_timestamp()
-- expect: UNBOUND_TIME_FUNCTION, UNBOUND_TIME_FUNCTION, UNBOUND_TIME_FUNCTION
SELECT transaction_timestamp(), statement_timestamp(), clock_timestamp() FROM ads a WHERE a.account_id = ANY(?)

-- case: 'now'::timestamptz string input
-- expect: UNBOUND_TIME_FUNCTION
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND a.created_at < 'now'::timestamptz

-- case: now() inside a materialized CTE
-- expect: UNBOUND_TIME_FUNCTION
WITH base AS MATERIALIZED (SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND a.created_at < NOW()) SELECT * FROM base

-- case: a quoted column named like a time keyword is a column
-- expect: SAFE
SELECT a."current_date" FROM ads a WHERE a.account_id = ANY(?)

-- ===================================================================== rule 12: TIME_BUCKET_WITHOUT_ZONE

-- case: two-argument date_trunc over a column
-- expect: TIME_BUCKET_WITHOUT_ZONE
SELECT date_trunc('day', e.created_at) AS day, count(*) FROM events e WHERE e.account_id = ANY(?) GROUP BY 1

-- case: two-argument date_trunc over a column cast to timestamptz
-- expect: TIME_BUCKET_WITHOUT_ZONE
SELECT date_trunc('day', e.created_at::timestamptz) AS day FROM events e WHERE e.account_id = ANY(?)

-- case: two-argument date_trunc over a date column cast to date (resolves to timestamptz)
-- expect: TIME_BUCKET_WITHOUT_ZONE
SELECT DATE_TRUNC('month', (e.day::date)) AS m FROM events e WHERE e.account_id = ANY(?)

-- ===================================================================== rule 13: UNPARSEABLE and fail-closed

-- case: garbage
-- expect: UNPARSEABLE
SELEC * FRM ads

-- case: two statements
-- expect: UNPARSEABLE
SELECT a.id FROM ads a WHERE a.account_id = ANY(?); SELECT 1

-- case: INSERT
-- expect: UNPARSEABLE
INSERT INTO ads (account_id, id) VALUES (?, ?)

-- case: UPDATE
-- expect: UNPARSEABLE
UPDATE ads SET status = ? WHERE account_id = ANY(?)

-- case: DELETE
-- expect: UNPARSEABLE
DELETE FROM ads WHERE account_id = ANY(?)

-- case: DDL
-- expect: UNPARSEABLE
DROP TABLE ads

-- case: citus-rules row 9: SET plan_cache_mode is not a SELECT
-- expect: UNPARSEABLE
SET plan_cache_mode = force_generic_plan

-- case: citus-rules row 9: LANGUAGE sql function wrapping is not a SELECT
-- expect: UNPARSEABLE
CREATE FUNCTION report(bigint[]) RETURNS SETOF ads LANGUAGE sql AS $$ SELECT * FROM ads WHERE account_id = ANY($1) $$

-- case: data-modifying CTE
-- expect: UNPARSEABLE
WITH gone AS (DELETE FROM ads WHERE account_id = ANY(?) RETURNING *) SELECT * FROM gone

-- case: SELECT INTO creates a table
-- expect: UNPARSEABLE
SELECT a.id INTO copy_of_ads FROM ads a WHERE a.account_id = ANY(?)

-- case: TABLE statement
-- expect: UNPARSEABLE
TABLE ads

-- case: NOT MATERIALIZED is not supported by JSqlParser 5.3
-- expect: UNPARSEABLE
WITH x AS NOT MATERIALIZED (SELECT a.id FROM ads a WHERE a.account_id = ANY(?)) SELECT * FROM x

-- case: JSqlParser 5.3 IN-list mis-parse would hide OR true
-- expect: UNPARSEABLE
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND a.status IN (?) OR true

-- case: unknown table
-- expect: UNKNOWN_TABLE
SELECT * FROM secrets WHERE account_id = ANY(?)

-- case: unknown table joined to a tenant table counts as tenant-derived
-- expect: UNKNOWN_TABLE, JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a JOIN audit_log l ON l.ad_id = a.id WHERE a.account_id = ANY(?)
