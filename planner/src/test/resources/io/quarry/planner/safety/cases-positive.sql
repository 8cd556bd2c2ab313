-- Table-driven cases for CitusSafetyCheckCasesTest (every cases-*.sql file in this folder).
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
