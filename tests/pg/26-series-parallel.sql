-- The two-step aggregates trade_series and rollup are split like every
-- aggregate: Partial Aggregate in parallel workers and per partition,
-- Finalize Aggregate above; hash aggregation that spills to disk. Their
-- results (series, compared as bytes) equal the serial ones bit for bit:
-- a series holds exact sums, so any order of rows gives the same bytes.
BEGIN;
SELECT plan(19);

\ir lib/plans.sql

-- 200,000 rows over 96 months, NULL values and periods to skip; values
-- that are not binary fractions, so only exact sums make the bytes agree.
CREATE TABLE sp_data AS
SELECT i AS id, i % 7 AS grp, i % 1000 AS g1000, i % 3000 AS partner,
       CASE WHEN i % 1009 = 0 THEN NULL
            ELSE make_date(2016 + (i % 96) / 12, (i % 96) % 12 + 1, 1 + (i % 3) * 9) END AS period,
       2016 + (i % 96) / 12 AS yr,
       CASE WHEN i % 997 = 0 THEN NULL ELSE (i % 1000) * 0.1 + 1e-7 * (i % 13) END AS value
FROM generate_series(1, 200000) AS i;
ANALYZE sp_data;

-- The serial answers.
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE sp_serial AS
SELECT trade_series(period, value)::bytea AS dated, trade_series(yr, value)::bytea AS annual FROM sp_data;
CREATE TABLE sp_serial_g AS
SELECT grp, trade_series(period, value)::bytea AS s FROM sp_data GROUP BY grp;
-- Stored per-partner monthly series, the first step of the two-step pattern.
CREATE TABLE sp_stored AS
SELECT partner, grp, trade_series(period, value) AS s FROM sp_data GROUP BY partner, grp;
ANALYZE sp_stored;
CREATE TABLE sp_rollup_serial AS
SELECT grp, rollup(s)::bytea AS s FROM sp_stored GROUP BY grp;
SELECT is((SELECT rollup(s)::bytea FROM sp_stored), (SELECT dated FROM sp_serial),
          'rollup of the stored per-partner series = the series of all rows, byte for byte');

-- Forced parallel plans.
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

SELECT matches(pg_temp.plan_of('SELECT grp, trade_series(period, value) FROM sp_data GROUP BY grp'),
               'Finalize (Hash|Group)?Aggregate(.|\n)*Gather(.|\n)*Partial (Hash|Group)?Aggregate',
               'trade_series: Finalize and Partial Aggregate');
SELECT matches(pg_temp.plan_of('SELECT trade_series(yr, value) FROM sp_data'),
               'Finalize Aggregate(.|\n)*Gather(.|\n)*Partial Aggregate',
               'trade_series over years, ungrouped: Finalize and Partial Aggregate');
SELECT matches(pg_temp.plan_of('SELECT grp, rollup(s) FROM sp_stored GROUP BY grp'),
               'Finalize (Hash|Group)?Aggregate(.|\n)*Gather(.|\n)*Partial (Hash|Group)?Aggregate',
               'rollup: Finalize and Partial Aggregate');
SELECT matches(pg_temp.plan_of('SELECT grp, series_ytd(rollup(s)) FROM sp_stored GROUP BY grp'),
               'Finalize (Hash|Group)?Aggregate(.|\n)*Gather(.|\n)*Partial (Hash|Group)?Aggregate',
               'an accessor over rollup: Finalize and Partial Aggregate');

CREATE TEMP TABLE sp_plans(name text, plan text);
INSERT INTO sp_plans SELECT 'ungrouped', pg_temp.explain_output('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE sp_parallel AS
SELECT trade_series(period, value)::bytea AS dated, trade_series(yr, value)::bytea AS annual FROM sp_data');
INSERT INTO sp_plans SELECT 'grouped', pg_temp.explain_output('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE sp_parallel_g AS SELECT grp, trade_series(period, value)::bytea AS s FROM sp_data GROUP BY grp');
INSERT INTO sp_plans SELECT 'rollup', pg_temp.explain_output('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE sp_rollup_parallel AS SELECT grp, rollup(s)::bytea AS s FROM sp_stored GROUP BY grp');
SELECT matches(plan, 'Workers Launched: [1-9]', name || ': parallel workers ran')
FROM sp_plans ORDER BY name;
SELECT results_eq('SELECT * FROM sp_parallel', 'SELECT * FROM sp_serial',
                  'trade_series: parallel = serial, byte for byte (dated and annual)');
SELECT results_eq('SELECT * FROM sp_parallel_g ORDER BY grp', 'SELECT * FROM sp_serial_g ORDER BY grp',
                  'trade_series grouped: parallel = serial, byte for byte');
SELECT results_eq('SELECT * FROM sp_rollup_parallel ORDER BY grp', 'SELECT * FROM sp_rollup_serial ORDER BY grp',
                  'rollup grouped: parallel = serial, byte for byte');

-- Hash aggregation with the least work_mem: a thousand series spill to disk.
SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL enable_hashagg = off;
CREATE TABLE sp_spill_serial AS
SELECT g1000, trade_series(period, value)::bytea AS s FROM sp_data GROUP BY g1000;
SET LOCAL enable_hashagg = on;
SET LOCAL enable_sort = off;
SET LOCAL work_mem = '64kB';
SET LOCAL max_parallel_workers_per_gather = 4;
INSERT INTO sp_plans SELECT 'spill', pg_temp.explain_output('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE sp_spill_hash AS SELECT g1000, trade_series(period, value)::bytea AS s FROM sp_data GROUP BY g1000');
SELECT matches((SELECT plan FROM sp_plans WHERE name = 'spill'),
               'Batches: ([2-9]|[1-9][0-9]+)', 'trade_series, 1000 groups, 64kB: the hash aggregation spills to disk');
SELECT results_eq('SELECT * FROM sp_spill_hash ORDER BY g1000', 'SELECT * FROM sp_spill_serial ORDER BY g1000',
                  'trade_series: spilled parallel hash aggregation = serial, byte for byte');
SET LOCAL max_parallel_workers_per_gather = 0;
INSERT INTO sp_plans SELECT 'spill_rollup', pg_temp.explain_output('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE sp_spill_rollup AS SELECT partner, rollup(s)::bytea AS s FROM sp_stored GROUP BY partner');
SELECT matches((SELECT plan FROM sp_plans WHERE name = 'spill_rollup'),
               'Batches: ([2-9]|[1-9][0-9]+)', 'rollup, 3000 groups, 64kB: the hash aggregation spills to disk');
SELECT results_eq('SELECT * FROM sp_spill_rollup ORDER BY partner',
                  'SELECT partner, trade_series(period, value)::bytea FROM sp_data GROUP BY partner ORDER BY partner',
                  'rollup: spilled hash aggregation = the series of each partner''s rows, byte for byte');
RESET enable_sort;
RESET work_mem;

-- Partitionwise: per partition, merged across partitions.
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE sp_pw (grp int, partner int, period date, value float8) PARTITION BY LIST (grp);
SELECT format('CREATE TABLE sp_pw_%s PARTITION OF sp_pw FOR VALUES IN (%s)', g, g)
FROM generate_series(0, 6) AS g \gexec
INSERT INTO sp_pw SELECT grp, partner, period, value FROM sp_data;
CREATE TABLE sp_pws (grp int, partner int, s tradeseries) PARTITION BY LIST (grp);
SELECT format('CREATE TABLE sp_pws_%s PARTITION OF sp_pws FOR VALUES IN (%s)', g, g)
FROM generate_series(0, 6) AS g \gexec
-- (Five copies of each stored series: enough rows for the planner to split.)
INSERT INTO sp_pws SELECT grp, partner, s FROM sp_stored, generate_series(1, 5);
SET LOCAL enable_partitionwise_aggregate = off;
CREATE TABLE sp_pws_plain AS SELECT partner % 5 AS k, rollup(s)::bytea AS s FROM sp_pws GROUP BY 1;
ANALYZE sp_pw;
ANALYZE sp_pws;
SET LOCAL enable_partitionwise_aggregate = on;
SELECT matches(pg_temp.plan_of('SELECT partner % 5, trade_series(period, value) FROM sp_pw GROUP BY 1'),
               'Finalize(.|\n)*Partial', 'trade_series across partitions: partial aggregation per partition');
SELECT matches(pg_temp.plan_of('SELECT partner % 5, rollup(s) FROM sp_pws GROUP BY 1'),
               'Finalize(.|\n)*Partial', 'rollup across partitions: partial aggregation per partition');
SELECT results_eq('SELECT partner % 5, trade_series(period, value)::bytea FROM sp_pw GROUP BY 1 ORDER BY 1',
                  'SELECT partner % 5, trade_series(period, value)::bytea FROM sp_data GROUP BY 1 ORDER BY 1',
                  'trade_series: partitionwise = plain, byte for byte');
SELECT results_eq('SELECT partner % 5, rollup(s)::bytea FROM sp_pws GROUP BY 1 ORDER BY 1',
                  'SELECT * FROM sp_pws_plain ORDER BY 1',
                  'rollup: partitionwise = plain, byte for byte');

SELECT * FROM finish();
ROLLBACK;
