-- Parallel aggregation: with a forced parallel plan every aggregate runs as
-- Partial Aggregate in workers, ships its state through serialize and
-- deserialize, and is merged by the combine function. The answers must equal
-- the serial ones exactly: values are multiples of 0.25, so every sum is
-- exact whatever order the rows are added in.
BEGIN;
SELECT plan(135);

\ir lib/aggregates.sql
\ir lib/plans.sql

-- 300,000 rows over 96 months (three days a month), seven groups; a few
-- NULL values and periods that must be skipped.
CREATE TABLE par_data AS
SELECT i AS id,
       i % 7 AS grp,
       i % 1000 AS g1000,
       CASE WHEN i % 1009 = 0 THEN NULL
            ELSE make_date(2016 + (i % 96) / 12, (i % 96) % 12 + 1, 1 + (i % 3) * 9) END AS period,
       CASE WHEN i % 1009 = 0 THEN NULL ELSE 2016 + (i % 96) / 12 END AS yr,
       CASE WHEN i % 997 = 0 THEN NULL ELSE ((i % 1000) * 0.25)::float8 END AS value,
       (i % 5 = 0) AS part
FROM generate_series(1, 300000) AS i;
ANALYZE par_data;

-- Serial answers: every aggregate of lib/aggregates.sql (columns a01 .. a40),
-- ungrouped and grouped.
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT 'CREATE TABLE par_serial AS ' || pg_temp.aggregates_query('par_data') \gexec
SELECT 'CREATE TABLE par_serial_g AS ' || pg_temp.aggregates_query('par_data', 'grp') \gexec

SELECT ok((SELECT bool_and(col.value <> 'null'::jsonb)
           FROM par_serial AS s, jsonb_each(to_jsonb(s)) AS col),
          'every aggregate has a (non-NULL) serial answer');

-- Force parallel plans.
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 4;
SET LOCAL parallel_leader_participation = off;
DO $$
BEGIN
    PERFORM set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                            THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END,
                       'on', true);
END
$$;

-- The same statements in parallel, with the plans they ran with.
CREATE TEMP TABLE par_plans(name text, plan text);
INSERT INTO par_plans
SELECT 'ungrouped', pg_temp.explain_output('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE par_parallel AS ' || pg_temp.aggregates_query('par_data'));
INSERT INTO par_plans
SELECT 'grouped', pg_temp.explain_output('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE par_parallel_g AS ' || pg_temp.aggregates_query('par_data', 'grp'));

SELECT matches((SELECT plan FROM par_plans WHERE name = 'ungrouped'),
               'Partial Aggregate', 'ungrouped: the plan has a Partial Aggregate');
SELECT matches((SELECT plan FROM par_plans WHERE name = 'ungrouped'),
               'Workers Launched: [1-9]', 'ungrouped: parallel workers ran');
SELECT matches((SELECT plan FROM par_plans WHERE name = 'grouped'),
               'Partial (Hash|Group)?Aggregate', 'grouped: the plan has a Partial Aggregate');
SELECT matches((SELECT plan FROM par_plans WHERE name = 'grouped'),
               'Workers Launched: [1-9]', 'grouped: parallel workers ran');

-- Each aggregate alone: parallel = serial, ungrouped and grouped.
SELECT results_eq(format('SELECT %s FROM par_serial', col),
                  format('SELECT %s FROM par_parallel', col),
                  'parallel = serial, ungrouped: ' || call)
FROM pg_temp.aggregate_calls() ORDER BY n;
SELECT results_eq(format('SELECT grp, %s FROM par_serial_g ORDER BY grp', col),
                  format('SELECT grp, %s FROM par_parallel_g ORDER BY grp', col),
                  'parallel = serial, grouped: ' || call)
FROM pg_temp.aggregate_calls() ORDER BY n;

-- Each aggregate alone is split: a Finalize Aggregate above the Gather, a
-- Partial Aggregate in the workers.
SELECT matches(pg_temp.plan_of(format('SELECT grp, %s FROM par_data GROUP BY grp', call)),
               'Finalize (Hash|Group)?Aggregate.*Gather.*Partial (Hash|Group)?Aggregate',
               'Finalize and Partial Aggregate: ' || call)
FROM pg_temp.aggregate_calls() ORDER BY n;

-- Hash aggregation in the workers with the least work_mem: a thousand
-- groups of 26 states each spill to disk, and every answer is the serial one.
SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL enable_hashagg = off;
SELECT 'CREATE TABLE par_spill_serial AS ' || pg_temp.aggregates_query('par_data', 'g1000') \gexec
SET LOCAL enable_hashagg = on;
SET LOCAL enable_sort = off;
SET LOCAL work_mem = '64kB';
SET LOCAL max_parallel_workers_per_gather = 4;
INSERT INTO par_plans
SELECT 'spill', pg_temp.explain_output('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE par_spill_hash AS ' || pg_temp.aggregates_query('par_data', 'g1000'));
SELECT matches((SELECT plan FROM par_plans WHERE name = 'spill'),
               'Partial HashAggregate', '1000 groups, 64kB: the workers aggregate by hashing');
SELECT matches((SELECT plan FROM par_plans WHERE name = 'spill'),
               'Batches: ([2-9]|[1-9][0-9]+)', '1000 groups, 64kB: the hash aggregation spills to disk');
SELECT results_eq('SELECT * FROM par_spill_serial ORDER BY g1000',
                  'SELECT * FROM par_spill_hash ORDER BY g1000',
                  '1000 groups, spilled parallel hash aggregation = serial, all 26 aggregates');
RESET enable_sort;
RESET enable_hashagg;
RESET work_mem;

-- Many small groups: a thousand partial states per worker.
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE par_many_serial AS
SELECT g1000 AS g, ytd_trade(period, value) AS ytd,
       target_reached_at(period, value, 2000) AS reached, hhi(value) AS hhi
FROM par_data GROUP BY g1000;
SET LOCAL max_parallel_workers_per_gather = 4;
SELECT matches(pg_temp.explain_output($q$EXPLAIN (COSTS OFF)
    SELECT g1000 AS g, ytd_trade(period, value) FROM par_data GROUP BY g1000$q$),
    'Partial', '1000 groups: the plan is partial');
CREATE TABLE par_many_parallel AS
SELECT g1000 AS g, ytd_trade(period, value) AS ytd,
       target_reached_at(period, value, 2000) AS reached, hhi(value) AS hhi
FROM par_data GROUP BY g1000;
SELECT results_eq('SELECT * FROM par_many_serial ORDER BY g',
                  'SELECT * FROM par_many_parallel ORDER BY g',
                  '1000 groups: parallel = serial');

-- Workers whose states are empty (every value NULL) or NULL (no row at all):
-- combine must take either side NULL or empty.
SELECT results_eq(
    $$SELECT cumulative_trade(CASE WHEN id = 12345 THEN value END),
             ytd_trade(period, CASE WHEN id = 12345 THEN value END),
             target_reached_at(period, CASE WHEN id = 12345 THEN value END, 1),
             hhi(CASE WHEN id = 12345 THEN value END)
      FROM par_data$$,
    $$VALUES (86.25::float8, 86.25::float8, date '2020-10-01', 1::float8)$$,
    'parallel: one usable row among 300,000 (the other states are empty)');
SELECT results_eq(
    $$SELECT cumulative_trade(value), ytd_trade(period, value), target_reached_at(yr, value, 1),
             share_of(value, part), hhi(value)
      FROM par_data WHERE id > 300000$$,
    $$VALUES (NULL::float8, NULL::float8, NULL::integer, NULL::float8, NULL::float8)$$,
    'parallel: no row at all gives NULL');
SELECT results_eq(
    $$SELECT grp, cumulative_trade(CASE WHEN grp = 3 THEN value END),
             ytd_trade(CASE WHEN grp = 3 THEN period END, value)
      FROM par_data GROUP BY grp ORDER BY grp$$,
    $$SELECT grp, CASE WHEN grp = 3 THEN a01 END, CASE WHEN grp = 3 THEN a02 END FROM par_serial_g ORDER BY grp$$,
    'parallel, grouped: groups with only empty states give NULL');

-- A parameter that is not the same in every row is an error, also when the
-- rows with different values sit in different workers' states.
SELECT throws_ok(
    $$SELECT target_attainment(value, CASE WHEN id <= 150000 THEN 1000000 ELSE 2000000 END) FROM par_data$$,
    '22023', NULL, 'parallel: target that changes between rows is an error');
SELECT throws_ok(
    $$SELECT ytd_trade(period, value, CASE WHEN id <= 150000 THEN 1 ELSE 4 END) FROM par_data$$,
    '22023', NULL, 'parallel: fy_start_month that changes between rows is an error');

SELECT * FROM finish();
ROLLBACK;
