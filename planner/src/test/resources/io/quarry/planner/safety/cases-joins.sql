-- Table-driven cases for CitusSafetyCheckCasesTest (every cases-*.sql file in this folder).
-- Policy: tenant tables ads, ad_stats_daily, campaigns, events; reference tables countries, currencies.
-- Each case starts with "-- case: <name>", then "-- expect: SAFE" or "-- expect: CODE, CODE, ..." (one code
-- per expected violation, order irrelevant), then the SQL up to the next case.

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

-- case: parenthesised join group: the inner join lacks the equality
-- expect: JOIN_WITHOUT_ACCOUNT_EQUALITY
SELECT a.id FROM ads a
JOIN (campaigns c JOIN events e ON e.campaign_id = c.campaign_id) ON c.account_id = a.account_id
WHERE a.account_id = ANY(?) AND c.account_id = ANY(?) AND e.account_id = ANY(?)

-- case: parenthesised join group with every equality
-- expect: SAFE
SELECT a.id FROM ads a
JOIN (campaigns c JOIN events e ON e.account_id = c.account_id AND e.campaign_id = c.campaign_id)
  ON c.account_id = a.account_id
WHERE a.account_id = ANY(?) AND c.account_id = ANY(?) AND e.account_id = ANY(?)

-- case: join of a tenant table to generate_series and VALUES needs no equality
-- expect: SAFE
SELECT d.d, v.k FROM generate_series(?::date, ?::date, interval '1 day') AS d
CROSS JOIN (VALUES (1), (2)) AS v(k)
JOIN ads a ON a.day = d.d AND a.kind = v.k
WHERE a.account_id = ANY(?)
