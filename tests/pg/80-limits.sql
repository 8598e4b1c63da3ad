-- Limits: a cancel or statement_timeout stops a long aggregate, and a million
-- groups under hash aggregation with little work_mem spill to disk and still
-- give the sorted plan's answers.
BEGIN;
SELECT plan(6);

-- 1. statement_timeout interrupts long aggregates. PL/pgSQL's WHEN OTHERS
-- (and so throws_ok) never catches a cancel: name query_canceled (57014).
CREATE FUNCTION pg_temp.canceled(q text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN false;
EXCEPTION WHEN query_canceled THEN
    RETURN true;
END
$$;
SET LOCAL statement_timeout = '300ms';
SELECT ok(pg_temp.canceled(
    $$SELECT ytd_trade(DATE '2000-01-01' + (g % 7000), g::float8) FROM generate_series(1, 100000000) g$$),
    'statement_timeout cancels ytd_trade over 100M rows');
SELECT ok(pg_temp.canceled(
    $$SELECT cumulative_trade(g::float8) OVER (ORDER BY g ROWS BETWEEN 119 PRECEDING AND CURRENT ROW)
      FROM generate_series(1, 100000000) g OFFSET 100000000$$),
    'statement_timeout cancels a moving window over 100M rows');
SET LOCAL statement_timeout = 0;

-- 2. One million groups of 3 periods each, exact binary-fraction values.
CREATE TEMP TABLE many AS
SELECT g % 1000000 AS grp,
       DATE '2023-01-01' + ((g / 1000000) * 31) AS period,
       ((g % 997) * 0.25)::float8 AS value
FROM generate_series(0, 2999999) g;
ANALYZE many;

SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL enable_hashagg = off;
CREATE TEMP TABLE sorted_answers AS
SELECT grp, ytd_trade(period, value) AS y, yoy_growth(period, value) AS g
FROM many GROUP BY grp;

SET LOCAL enable_hashagg = on;
SET LOCAL enable_sort = off;
SET LOCAL work_mem = '4MB';
CREATE FUNCTION pg_temp.hash_plan() RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE
        'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
         SELECT grp, ytd_trade(period, value), yoy_growth(period, value)
         FROM many GROUP BY grp';
END
$$;
SELECT ok(EXISTS (SELECT 1 FROM pg_temp.hash_plan() l WHERE l LIKE '%HashAggregate%'),
          'a million groups use hash aggregation');
SELECT ok(EXISTS (SELECT 1 FROM pg_temp.hash_plan() l WHERE l ~ 'Batches: ([2-9]|[1-9][0-9]+)'),
          'with 4MB of work_mem the hash aggregation spills to disk');
SELECT is(
    (SELECT count(*) FROM (
        SELECT grp, ytd_trade(period, value) AS y, yoy_growth(period, value) AS g
        FROM many GROUP BY grp) h
     FULL JOIN sorted_answers s USING (grp)
     WHERE h.y IS DISTINCT FROM s.y OR h.g IS DISTINCT FROM s.g),
    0::bigint,
    'spilled hash aggregation gives the sorted plan''s answers for all 1M groups');

-- 3. The memory of hash aggregation grows by a state per group, not by a
-- memory context per group (a context costs 1 kB or more, and PostgreSQL
-- sums every child context of the hash table's for each new group, which
-- would make a million groups quadratic): 200,000 groups of one row cost
-- less than 400 bytes each over count(*)'s. Memory is counted by the server
-- (Peak Memory Usage), not timed.
RESET work_mem;
SET LOCAL work_mem = '1GB';
CREATE FUNCTION pg_temp.hash_peak_kb(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || q INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Peak Memory Usage')::numeric;
END
$$;
SELECT cmp_ok(
    (pg_temp.hash_peak_kb('SELECT g, cumulative_trade(g::float8) FROM generate_series(1, 200000) g GROUP BY g')
     - pg_temp.hash_peak_kb('SELECT g, count(*) FROM generate_series(1, 200000) g GROUP BY g'))
    * 1024 / 200000,
    '<', 400::numeric,
    'hash aggregation: under 400 bytes per group for a state (one shared context, not one per group)');

SELECT * FROM finish();
ROLLBACK;
