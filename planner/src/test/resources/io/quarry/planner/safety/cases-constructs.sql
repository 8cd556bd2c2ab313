-- Table-driven cases for CitusSafetyCheckCasesTest (every cases-*.sql file in this folder).
-- Policy: tenant tables ads, ad_stats_daily, campaigns, events; reference tables countries, currencies.
-- Each case starts with "-- case: <name>", then "-- expect: SAFE" or "-- expect: CODE, CODE, ..." (one code
-- per expected violation, order irrelevant), then the SQL up to the next case.

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

-- ===================================================================== subqueries in less common positions

-- case: subquery inside an aggregate FILTER clause in the SELECT list
-- expect: SCALAR_SUBQUERY_IN_SELECT
SELECT count(*) FILTER (WHERE a.country IN (SELECT co.code FROM countries co)) FROM ads a WHERE a.account_id = ANY(?)

-- case: subquery inside a window's ORDER BY
-- expect: SCALAR_SUBQUERY_IN_SELECT
SELECT rank() OVER (ORDER BY (SELECT 1)) FROM ads a WHERE a.account_id = ANY(?)

-- case: subquery inside a CASE in WHERE
-- expect: SUBQUERY_IN_FILTER
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND CASE WHEN a.kind = ? THEN a.country IN (SELECT co.code FROM countries co) ELSE true END

-- case: outer join with a correlated EXISTS is not pseudoconstant
-- expect: SUBQUERY_IN_FILTER
SELECT a.id FROM ads a LEFT JOIN countries co ON co.code = a.country
WHERE a.account_id = ANY(?) AND EXISTS (SELECT 1 FROM currencies cu WHERE cu.code = a.currency)

-- case: inner join with a constant conjunct is fine
-- expect: SAFE
SELECT a.id FROM ads a JOIN countries co ON co.code = a.country WHERE a.account_id = ANY(?) AND ? = ?
