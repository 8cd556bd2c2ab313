-- Table-driven cases for CitusSafetyCheckCasesTest (every cases-*.sql file in this folder).
-- Policy: tenant tables ads, ad_stats_daily, campaigns, events; reference tables countries, currencies.
-- Each case starts with "-- case: <name>", then "-- expect: SAFE" or "-- expect: CODE, CODE, ..." (one code
-- per expected violation, order irrelevant), then the SQL up to the next case.

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

-- ===================================================================== rule 1 and 2: more adversarial cases

-- case: filter on another column of the right table
-- expect: MISSING_TENANT_FILTER
SELECT a.id FROM ads a WHERE a.ad_id = ANY(?)

-- case: filter text inside a string literal
-- expect: MISSING_TENANT_FILTER
SELECT a.id FROM ads a WHERE a.note = 'a.account_id = ANY(?)'

-- case: filter in HAVING instead of WHERE
-- expect: MISSING_TENANT_FILTER
SELECT a.account_id, count(*) FROM ads a GROUP BY a.account_id HAVING a.account_id = ANY(?)

-- case: filter on the subquery alias in the outer block does not filter the table inside
-- expect: MISSING_TENANT_FILTER
SELECT q.id FROM (SELECT * FROM ads) AS q WHERE q.account_id = ANY(?)

-- case: a CTE declared inside a subquery is not visible outside it
-- expect: MISSING_TENANT_FILTER
SELECT q.campaign_id FROM (
  WITH ads AS MATERIALIZED (SELECT c.campaign_id FROM campaigns c WHERE c.account_id = ANY(?)) SELECT * FROM ads
) AS q JOIN ads ON ads.campaign_id = q.campaign_id

-- case: tenant table in an EXISTS subquery without its own filter
-- expect: MISSING_TENANT_FILTER, SUBQUERY_IN_FILTER
SELECT a.id FROM ads a WHERE a.account_id = ANY(?) AND EXISTS (SELECT 1 FROM events e WHERE e.ad_id = a.id)

-- case: tenant table in a LATERAL subquery without its own filter
-- expect: MISSING_TENANT_FILTER, JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id, l.n FROM ads a, LATERAL (SELECT count(*) AS n FROM events e WHERE e.ad_id = a.id) l WHERE a.account_id = ANY(?)

-- case: ANY over a subquery
-- expect: TENANT_FILTER_NOT_BOUND, SUBQUERY_IN_FILTER
SELECT a.id FROM ads a WHERE a.account_id = ANY(SELECT c.account_id FROM campaigns c WHERE c.account_id = ANY(?))

-- case: redundant parentheses and a cast inside ANY are accepted
-- expect: SAFE
SELECT a.id FROM ads a WHERE (a.account_id = ANY((?)::bigint[]))

-- case: named bind parameter
-- expect: SAFE
SELECT a.id FROM ads a WHERE a.account_id = ANY(:accounts)
