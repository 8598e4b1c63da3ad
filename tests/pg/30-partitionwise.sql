-- Partitionwise aggregation: each partition is aggregated on its own and,
-- when the grouping does not follow the partitions, the partial states are
-- merged by the combine function. The answers must equal the plain ones.
BEGIN;
SELECT plan(15);

\ir lib/aggregates.sql
\ir lib/plans.sql

CREATE TABLE pw (id int, grp int, period date, yr int, value float8, part boolean)
    PARTITION BY LIST (grp);
CREATE TABLE pw_0 PARTITION OF pw FOR VALUES IN (0);
CREATE TABLE pw_1 PARTITION OF pw FOR VALUES IN (1);
CREATE TABLE pw_2 PARTITION OF pw FOR VALUES IN (2);
CREATE TABLE pw_3 PARTITION OF pw FOR VALUES IN (3);
INSERT INTO pw
SELECT i, i % 4,
       make_date(2018 + (i % 72) / 12, (i % 72) % 12 + 1, 1 + (i % 2) * 14),
       2018 + (i % 72) / 12,
       CASE WHEN i % 499 = 0 THEN NULL ELSE ((i % 800) * 0.5)::float8 END,
       i % 3 = 0
FROM generate_series(1, 100000) AS i;
ANALYZE pw;

SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL enable_partitionwise_aggregate = off;

-- Every aggregate of lib/aggregates.sql (columns a01 .. a40): ungrouped,
-- grouped by the partition key, and grouped across partitions.
SELECT 'CREATE TABLE pw_plain AS ' || pg_temp.aggregates_query('pw') \gexec
SELECT 'CREATE TABLE pw_plain_grp AS ' || pg_temp.aggregates_query('pw', 'grp') \gexec
SELECT 'CREATE TABLE pw_plain_part AS ' || pg_temp.aggregates_query('pw', 'part') \gexec

SET LOCAL enable_partitionwise_aggregate = on;

SELECT matches(pg_temp.plan_of('SELECT part, ytd_trade(period, value) FROM pw GROUP BY part'),
               'Finalize(.|\n)*Partial', 'grouped by a non-key column: partial aggregation per partition');
SELECT doesnt_match(pg_temp.plan_of('SELECT grp, ytd_trade(period, value) FROM pw GROUP BY grp'),
              'Finalize', 'grouped by the partition key: full aggregation per partition');
SELECT matches(pg_temp.plan_of('SELECT grp, ytd_trade(period, value) FROM pw GROUP BY grp'),
               'Append', 'grouped by the partition key: one aggregate per partition');

SELECT 'CREATE TABLE pw_wise AS ' || pg_temp.aggregates_query('pw') \gexec
SELECT 'CREATE TABLE pw_wise_grp AS ' || pg_temp.aggregates_query('pw', 'grp') \gexec
SELECT 'CREATE TABLE pw_wise_part AS ' || pg_temp.aggregates_query('pw', 'part') \gexec

SELECT ok((SELECT count(*) = 1 FROM pw_plain), 'plain answer computed');
SELECT results_eq('SELECT * FROM pw_wise', 'SELECT * FROM pw_plain',
                  'partitionwise = plain, ungrouped, every aggregate');
SELECT results_eq('SELECT * FROM pw_wise_grp ORDER BY grp', 'SELECT * FROM pw_plain_grp ORDER BY grp',
                  'partitionwise = plain, grouped by the partition key, every aggregate');
SELECT results_eq('SELECT * FROM pw_wise_part ORDER BY part', 'SELECT * FROM pw_plain_part ORDER BY part',
                  'partitionwise = plain, grouped across partitions (combine), every aggregate');

-- Partitionwise together with parallel workers.
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 4;
SELECT matches(pg_temp.plan_of('SELECT part, ytd_trade(period, value) FROM pw GROUP BY part'),
               'Partial', 'partitionwise and parallel: partial aggregation');
SELECT 'CREATE TABLE pw_par_part AS ' || pg_temp.aggregates_query('pw', 'part') \gexec
SELECT results_eq('SELECT * FROM pw_par_part ORDER BY part', 'SELECT * FROM pw_plain_part ORDER BY part',
                  'partitionwise and parallel = plain, every aggregate');
-- Every worker's state belongs to one partition, so one target: only the
-- merge in the leader sees two.
SELECT matches(pg_temp.plan_of($$SELECT part, target_attainment(value, CASE WHEN grp = 0 THEN 1000 ELSE 2000 END)
                                 FROM pw GROUP BY part$$),
               'Gather(.|\n)*Partial', 'partitionwise and parallel: per-partition partial states in workers');
SELECT throws_like(
    $$SELECT part, target_attainment(value, CASE WHEN grp = 0 THEN 1000 ELSE 2000 END)
      FROM pw GROUP BY part$$,
    'target_attainment: cannot merge states with different target (% and %)',
    'parallel: merging worker states with different targets is an error');
SET LOCAL max_parallel_workers_per_gather = 0;

-- Each partition alone has one target (or fiscal year), so only merging the
-- partitions' states can notice that they differ: that is an error.
SELECT throws_ok(
    $$SELECT part, target_attainment(value, CASE WHEN grp = 0 THEN 1000 ELSE 2000 END)
      FROM pw GROUP BY part$$,
    '22023', NULL, 'merging states with different targets is an error (SQLSTATE)');
SELECT throws_like(
    $$SELECT part, target_attainment(value, CASE WHEN grp = 0 THEN 1000 ELSE 2000 END)
      FROM pw GROUP BY part$$,
    'target_attainment: cannot merge states with different target (% and %)',
    'merging states with different targets is an error (message)');
SELECT throws_ok(
    $$SELECT part, projected_trade(period, value, CASE WHEN grp = 2 THEN 4 ELSE 1 END)
      FROM pw GROUP BY part$$,
    '22023', NULL, 'merging states with different fy_start_month is an error (SQLSTATE)');
SELECT throws_like(
    $$SELECT part, projected_trade(period, value, CASE WHEN grp = 2 THEN 4 ELSE 1 END)
      FROM pw GROUP BY part$$,
    'projected_trade: cannot merge states with different fy_start_month (% and %)',
    'merging states with different fy_start_month is an error (message)');

SELECT * FROM finish();
ROLLBACK;
