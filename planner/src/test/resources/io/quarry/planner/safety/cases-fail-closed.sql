-- Table-driven cases for CitusSafetyCheckCasesTest (every cases-*.sql file in this folder).
-- Policy: tenant tables ads, ad_stats_daily, campaigns, events; reference tables countries, currencies.
-- Each case starts with "-- case: <name>", then "-- expect: SAFE" or "-- expect: CODE, CODE, ..." (one code
-- per expected violation, order irrelevant), then the SQL up to the next case.

-- ===================================================================== rule 13: UNPARSEABLE and fail-closed

-- case: twenty directly nested parentheses (the fallback grammar runs out of its budget)
-- expect: TOO_COMPLEX
SELECT ((((((((((((((((((((a.clicks + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) + a.clicks) AS y FROM ad_stats_daily a WHERE a.account_id = ANY(?)

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

-- case: JSqlParser 5.3 IN-list mis-parse before AND is rejected too (parenthesise the IN)
-- expect: UNPARSEABLE
SELECT a.id FROM ads a WHERE a.status IN (?, ?) AND a.account_id = ANY(?)

-- case: empty statement
-- expect: UNPARSEABLE


-- case: only a comment
-- expect: UNPARSEABLE
-- nothing here

-- case: backslash escapes are lexed differently by PostgreSQL (standard_conforming_strings=off) and JSqlParser
-- expect: UNPARSEABLE
SELECT a.id FROM ads a WHERE a.note = '\' AND a.account_id = ANY(?) AND a.x = '\'

-- case: PostgreSQL nests block comments, JSqlParser does not
-- expect: UNPARSEABLE
SELECT a.id FROM ads a /* a /* nested */ comment */ WHERE a.account_id = ANY(?)

-- case: a line comment hides the filter from both parsers (generated SQL has no comments)
-- expect: UNPARSEABLE
SELECT a.id FROM ads a -- WHERE a.account_id = ANY(?)

-- case: comment markers inside a quoted name and a string literal are text to both lexers
-- expect: SAFE
SELECT a.id AS "sum(x) /* y */ -- z ""q""" FROM ads a WHERE a.account_id = ANY(?) AND a.name <> '/* '' -- */'

-- case: a quote that never ends
-- expect: UNPARSEABLE
SELECT a.id AS "x FROM ads a WHERE a.account_id = ANY(?)
