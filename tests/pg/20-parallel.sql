-- Parallel aggregation: with a forced parallel plan every aggregate runs as
-- Partial Aggregate in workers, ships its state through serialize and
-- deserialize, and is merged by the combine function. The answers must equal
-- the serial ones exactly: values are multiples of 0.25, so every sum is
-- exact whatever order the rows are added in.
BEGIN;
SELECT plan(64);

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

-- The plan (and, with ANALYZE, the execution) of a statement, as text.
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE q LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END
$$;

-- Serial answers.
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE par_serial AS
SELECT
       cumulative_trade(value) AS a01,
       ytd_trade(period, value) AS a02,
       ytd_trade(yr, value) AS a03,
       ytd_trade(period, value, 4) AS a04,
       ytd_trade(yr, value, 4) AS a05,
       ttm_trade(period, value) AS a06,
       ttm_trade(yr, value) AS a07,
       yoy_growth(period, value) AS a08,
       yoy_growth(yr, value) AS a09,
       ytd_yoy_growth(period, value) AS a10,
       ytd_yoy_growth(yr, value) AS a11,
       ytd_yoy_growth(period, value, 7) AS a12,
       ytd_yoy_growth(yr, value, 7) AS a13,
       target_attainment(value, 1000000) AS a14,
       target_reached_at(period, value, 1000000) AS a15,
       target_reached_at(yr, value, 1000000) AS a16,
       projected_trade(period, value) AS a17,
       projected_trade(yr, value) AS a18,
       projected_trade(period, value, 4) AS a19,
       projected_trade(yr, value, 4) AS a20,
       period_from_ytd(period, value) AS a21,
       period_from_ytd(yr, value) AS a22,
       period_from_ytd(period, value, 4) AS a23,
       period_from_ytd(yr, value, 4) AS a24,
       share_of(value, part) AS a25,
       hhi(value) AS a26
FROM par_data;
CREATE TABLE par_serial_g AS
SELECT grp,
       cumulative_trade(value) AS a01,
       ytd_trade(period, value) AS a02,
       ytd_trade(yr, value) AS a03,
       ytd_trade(period, value, 4) AS a04,
       ytd_trade(yr, value, 4) AS a05,
       ttm_trade(period, value) AS a06,
       ttm_trade(yr, value) AS a07,
       yoy_growth(period, value) AS a08,
       yoy_growth(yr, value) AS a09,
       ytd_yoy_growth(period, value) AS a10,
       ytd_yoy_growth(yr, value) AS a11,
       ytd_yoy_growth(period, value, 7) AS a12,
       ytd_yoy_growth(yr, value, 7) AS a13,
       target_attainment(value, 1000000) AS a14,
       target_reached_at(period, value, 1000000) AS a15,
       target_reached_at(yr, value, 1000000) AS a16,
       projected_trade(period, value) AS a17,
       projected_trade(yr, value) AS a18,
       projected_trade(period, value, 4) AS a19,
       projected_trade(yr, value, 4) AS a20,
       period_from_ytd(period, value) AS a21,
       period_from_ytd(yr, value) AS a22,
       period_from_ytd(period, value, 4) AS a23,
       period_from_ytd(yr, value, 4) AS a24,
       share_of(value, part) AS a25,
       hhi(value) AS a26
FROM par_data GROUP BY grp;

SELECT ok((SELECT a01 IS NOT NULL AND a02 IS NOT NULL AND a03 IS NOT NULL AND a04 IS NOT NULL AND a05 IS NOT NULL AND a06 IS NOT NULL AND a07 IS NOT NULL AND a08 IS NOT NULL AND a09 IS NOT NULL AND a10 IS NOT NULL AND a11 IS NOT NULL AND a12 IS NOT NULL AND a13 IS NOT NULL AND a14 IS NOT NULL AND a15 IS NOT NULL AND a16 IS NOT NULL AND a17 IS NOT NULL AND a18 IS NOT NULL AND a19 IS NOT NULL AND a20 IS NOT NULL AND a21 IS NOT NULL AND a22 IS NOT NULL AND a23 IS NOT NULL AND a24 IS NOT NULL AND a25 IS NOT NULL AND a26 IS NOT NULL
           FROM par_serial), 'every aggregate has a (non-NULL) serial answer');

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

CREATE TEMP TABLE par_plans(name text, plan text);
INSERT INTO par_plans
SELECT 'ungrouped', pg_temp.plan_of($q$EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE par_parallel AS
SELECT
       cumulative_trade(value) AS a01,
       ytd_trade(period, value) AS a02,
       ytd_trade(yr, value) AS a03,
       ytd_trade(period, value, 4) AS a04,
       ytd_trade(yr, value, 4) AS a05,
       ttm_trade(period, value) AS a06,
       ttm_trade(yr, value) AS a07,
       yoy_growth(period, value) AS a08,
       yoy_growth(yr, value) AS a09,
       ytd_yoy_growth(period, value) AS a10,
       ytd_yoy_growth(yr, value) AS a11,
       ytd_yoy_growth(period, value, 7) AS a12,
       ytd_yoy_growth(yr, value, 7) AS a13,
       target_attainment(value, 1000000) AS a14,
       target_reached_at(period, value, 1000000) AS a15,
       target_reached_at(yr, value, 1000000) AS a16,
       projected_trade(period, value) AS a17,
       projected_trade(yr, value) AS a18,
       projected_trade(period, value, 4) AS a19,
       projected_trade(yr, value, 4) AS a20,
       period_from_ytd(period, value) AS a21,
       period_from_ytd(yr, value) AS a22,
       period_from_ytd(period, value, 4) AS a23,
       period_from_ytd(yr, value, 4) AS a24,
       share_of(value, part) AS a25,
       hhi(value) AS a26
FROM par_data$q$);
INSERT INTO par_plans
SELECT 'grouped', pg_temp.plan_of($q$EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE par_parallel_g AS
SELECT grp,
       cumulative_trade(value) AS a01,
       ytd_trade(period, value) AS a02,
       ytd_trade(yr, value) AS a03,
       ytd_trade(period, value, 4) AS a04,
       ytd_trade(yr, value, 4) AS a05,
       ttm_trade(period, value) AS a06,
       ttm_trade(yr, value) AS a07,
       yoy_growth(period, value) AS a08,
       yoy_growth(yr, value) AS a09,
       ytd_yoy_growth(period, value) AS a10,
       ytd_yoy_growth(yr, value) AS a11,
       ytd_yoy_growth(period, value, 7) AS a12,
       ytd_yoy_growth(yr, value, 7) AS a13,
       target_attainment(value, 1000000) AS a14,
       target_reached_at(period, value, 1000000) AS a15,
       target_reached_at(yr, value, 1000000) AS a16,
       projected_trade(period, value) AS a17,
       projected_trade(yr, value) AS a18,
       projected_trade(period, value, 4) AS a19,
       projected_trade(yr, value, 4) AS a20,
       period_from_ytd(period, value) AS a21,
       period_from_ytd(yr, value) AS a22,
       period_from_ytd(period, value, 4) AS a23,
       period_from_ytd(yr, value, 4) AS a24,
       share_of(value, part) AS a25,
       hhi(value) AS a26
FROM par_data GROUP BY grp$q$);

SELECT matches((SELECT plan FROM par_plans WHERE name = 'ungrouped'),
               'Partial Aggregate', 'ungrouped: the plan has a Partial Aggregate');
SELECT matches((SELECT plan FROM par_plans WHERE name = 'ungrouped'),
               'Workers Launched: [1-9]', 'ungrouped: parallel workers ran');
SELECT matches((SELECT plan FROM par_plans WHERE name = 'grouped'),
               'Partial (Hash|Group)?Aggregate', 'grouped: the plan has a Partial Aggregate');
SELECT matches((SELECT plan FROM par_plans WHERE name = 'grouped'),
               'Workers Launched: [1-9]', 'grouped: parallel workers ran');

SELECT results_eq('SELECT a01 FROM par_serial', 'SELECT a01 FROM par_parallel',
    'parallel = serial, ungrouped: cumulative_trade(value)');
SELECT results_eq('SELECT a02 FROM par_serial', 'SELECT a02 FROM par_parallel',
    'parallel = serial, ungrouped: ytd_trade(period, value)');
SELECT results_eq('SELECT a03 FROM par_serial', 'SELECT a03 FROM par_parallel',
    'parallel = serial, ungrouped: ytd_trade(yr, value)');
SELECT results_eq('SELECT a04 FROM par_serial', 'SELECT a04 FROM par_parallel',
    'parallel = serial, ungrouped: ytd_trade(period, value, 4)');
SELECT results_eq('SELECT a05 FROM par_serial', 'SELECT a05 FROM par_parallel',
    'parallel = serial, ungrouped: ytd_trade(yr, value, 4)');
SELECT results_eq('SELECT a06 FROM par_serial', 'SELECT a06 FROM par_parallel',
    'parallel = serial, ungrouped: ttm_trade(period, value)');
SELECT results_eq('SELECT a07 FROM par_serial', 'SELECT a07 FROM par_parallel',
    'parallel = serial, ungrouped: ttm_trade(yr, value)');
SELECT results_eq('SELECT a08 FROM par_serial', 'SELECT a08 FROM par_parallel',
    'parallel = serial, ungrouped: yoy_growth(period, value)');
SELECT results_eq('SELECT a09 FROM par_serial', 'SELECT a09 FROM par_parallel',
    'parallel = serial, ungrouped: yoy_growth(yr, value)');
SELECT results_eq('SELECT a10 FROM par_serial', 'SELECT a10 FROM par_parallel',
    'parallel = serial, ungrouped: ytd_yoy_growth(period, value)');
SELECT results_eq('SELECT a11 FROM par_serial', 'SELECT a11 FROM par_parallel',
    'parallel = serial, ungrouped: ytd_yoy_growth(yr, value)');
SELECT results_eq('SELECT a12 FROM par_serial', 'SELECT a12 FROM par_parallel',
    'parallel = serial, ungrouped: ytd_yoy_growth(period, value, 7)');
SELECT results_eq('SELECT a13 FROM par_serial', 'SELECT a13 FROM par_parallel',
    'parallel = serial, ungrouped: ytd_yoy_growth(yr, value, 7)');
SELECT results_eq('SELECT a14 FROM par_serial', 'SELECT a14 FROM par_parallel',
    'parallel = serial, ungrouped: target_attainment(value, 1000000)');
SELECT results_eq('SELECT a15 FROM par_serial', 'SELECT a15 FROM par_parallel',
    'parallel = serial, ungrouped: target_reached_at(period, value, 1000000)');
SELECT results_eq('SELECT a16 FROM par_serial', 'SELECT a16 FROM par_parallel',
    'parallel = serial, ungrouped: target_reached_at(yr, value, 1000000)');
SELECT results_eq('SELECT a17 FROM par_serial', 'SELECT a17 FROM par_parallel',
    'parallel = serial, ungrouped: projected_trade(period, value)');
SELECT results_eq('SELECT a18 FROM par_serial', 'SELECT a18 FROM par_parallel',
    'parallel = serial, ungrouped: projected_trade(yr, value)');
SELECT results_eq('SELECT a19 FROM par_serial', 'SELECT a19 FROM par_parallel',
    'parallel = serial, ungrouped: projected_trade(period, value, 4)');
SELECT results_eq('SELECT a20 FROM par_serial', 'SELECT a20 FROM par_parallel',
    'parallel = serial, ungrouped: projected_trade(yr, value, 4)');
SELECT results_eq('SELECT a21 FROM par_serial', 'SELECT a21 FROM par_parallel',
    'parallel = serial, ungrouped: period_from_ytd(period, value)');
SELECT results_eq('SELECT a22 FROM par_serial', 'SELECT a22 FROM par_parallel',
    'parallel = serial, ungrouped: period_from_ytd(yr, value)');
SELECT results_eq('SELECT a23 FROM par_serial', 'SELECT a23 FROM par_parallel',
    'parallel = serial, ungrouped: period_from_ytd(period, value, 4)');
SELECT results_eq('SELECT a24 FROM par_serial', 'SELECT a24 FROM par_parallel',
    'parallel = serial, ungrouped: period_from_ytd(yr, value, 4)');
SELECT results_eq('SELECT a25 FROM par_serial', 'SELECT a25 FROM par_parallel',
    'parallel = serial, ungrouped: share_of(value, part)');
SELECT results_eq('SELECT a26 FROM par_serial', 'SELECT a26 FROM par_parallel',
    'parallel = serial, ungrouped: hhi(value)');
SELECT results_eq('SELECT grp, a01 FROM par_serial_g ORDER BY grp', 'SELECT grp, a01 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: cumulative_trade(value)');
SELECT results_eq('SELECT grp, a02 FROM par_serial_g ORDER BY grp', 'SELECT grp, a02 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: ytd_trade(period, value)');
SELECT results_eq('SELECT grp, a03 FROM par_serial_g ORDER BY grp', 'SELECT grp, a03 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: ytd_trade(yr, value)');
SELECT results_eq('SELECT grp, a04 FROM par_serial_g ORDER BY grp', 'SELECT grp, a04 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: ytd_trade(period, value, 4)');
SELECT results_eq('SELECT grp, a05 FROM par_serial_g ORDER BY grp', 'SELECT grp, a05 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: ytd_trade(yr, value, 4)');
SELECT results_eq('SELECT grp, a06 FROM par_serial_g ORDER BY grp', 'SELECT grp, a06 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: ttm_trade(period, value)');
SELECT results_eq('SELECT grp, a07 FROM par_serial_g ORDER BY grp', 'SELECT grp, a07 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: ttm_trade(yr, value)');
SELECT results_eq('SELECT grp, a08 FROM par_serial_g ORDER BY grp', 'SELECT grp, a08 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: yoy_growth(period, value)');
SELECT results_eq('SELECT grp, a09 FROM par_serial_g ORDER BY grp', 'SELECT grp, a09 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: yoy_growth(yr, value)');
SELECT results_eq('SELECT grp, a10 FROM par_serial_g ORDER BY grp', 'SELECT grp, a10 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: ytd_yoy_growth(period, value)');
SELECT results_eq('SELECT grp, a11 FROM par_serial_g ORDER BY grp', 'SELECT grp, a11 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: ytd_yoy_growth(yr, value)');
SELECT results_eq('SELECT grp, a12 FROM par_serial_g ORDER BY grp', 'SELECT grp, a12 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: ytd_yoy_growth(period, value, 7)');
SELECT results_eq('SELECT grp, a13 FROM par_serial_g ORDER BY grp', 'SELECT grp, a13 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: ytd_yoy_growth(yr, value, 7)');
SELECT results_eq('SELECT grp, a14 FROM par_serial_g ORDER BY grp', 'SELECT grp, a14 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: target_attainment(value, 1000000)');
SELECT results_eq('SELECT grp, a15 FROM par_serial_g ORDER BY grp', 'SELECT grp, a15 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: target_reached_at(period, value, 1000000)');
SELECT results_eq('SELECT grp, a16 FROM par_serial_g ORDER BY grp', 'SELECT grp, a16 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: target_reached_at(yr, value, 1000000)');
SELECT results_eq('SELECT grp, a17 FROM par_serial_g ORDER BY grp', 'SELECT grp, a17 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: projected_trade(period, value)');
SELECT results_eq('SELECT grp, a18 FROM par_serial_g ORDER BY grp', 'SELECT grp, a18 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: projected_trade(yr, value)');
SELECT results_eq('SELECT grp, a19 FROM par_serial_g ORDER BY grp', 'SELECT grp, a19 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: projected_trade(period, value, 4)');
SELECT results_eq('SELECT grp, a20 FROM par_serial_g ORDER BY grp', 'SELECT grp, a20 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: projected_trade(yr, value, 4)');
SELECT results_eq('SELECT grp, a21 FROM par_serial_g ORDER BY grp', 'SELECT grp, a21 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: period_from_ytd(period, value)');
SELECT results_eq('SELECT grp, a22 FROM par_serial_g ORDER BY grp', 'SELECT grp, a22 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: period_from_ytd(yr, value)');
SELECT results_eq('SELECT grp, a23 FROM par_serial_g ORDER BY grp', 'SELECT grp, a23 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: period_from_ytd(period, value, 4)');
SELECT results_eq('SELECT grp, a24 FROM par_serial_g ORDER BY grp', 'SELECT grp, a24 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: period_from_ytd(yr, value, 4)');
SELECT results_eq('SELECT grp, a25 FROM par_serial_g ORDER BY grp', 'SELECT grp, a25 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: share_of(value, part)');
SELECT results_eq('SELECT grp, a26 FROM par_serial_g ORDER BY grp', 'SELECT grp, a26 FROM par_parallel_g ORDER BY grp',
    'parallel = serial, grouped: hhi(value)');

-- Many small groups: a thousand partial states per worker.
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE par_many_serial AS
SELECT g1000 AS g, ytd_trade(period, value) AS ytd,
       target_reached_at(period, value, 2000) AS reached, hhi(value) AS hhi
FROM par_data GROUP BY g1000;
SET LOCAL max_parallel_workers_per_gather = 4;
SELECT matches(pg_temp.plan_of($q$EXPLAIN (COSTS OFF)
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
