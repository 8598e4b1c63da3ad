-- The extension as a whole: trusted (a non-superuser with CREATE on the
-- database installs it and uses every path, parallel and windowed,
-- although the support functions are not executable by PUBLIC), and
-- relocatable (ALTER EXTENSION ... SET SCHEMA).
BEGIN;
SELECT plan(10);

DROP EXTENSION tradeagg;
CREATE ROLE tradeagg_analyst;
DO $$
BEGIN
    EXECUTE format('GRANT CREATE ON DATABASE %I TO tradeagg_analyst', current_database());
END
$$;
CREATE SCHEMA ta_home AUTHORIZATION tradeagg_analyst;

SET LOCAL ROLE tradeagg_analyst;
SELECT lives_ok('CREATE EXTENSION tradeagg SCHEMA ta_home',
                'a non-superuser with CREATE on the database installs the trusted extension');
SELECT is((SELECT extowner::regrole::text FROM pg_extension WHERE extname = 'tradeagg'),
          'tradeagg_analyst', 'the extension belongs to the user who created it');

CREATE TABLE ta_home.flows AS
SELECT i AS id, (date '2020-01-01' + make_interval(months => i % 48))::date AS period,
       ((i % 400) * 0.25)::float8 AS value
FROM generate_series(1, 40000) AS i;
ANALYZE ta_home.flows;

SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_answer AS
SELECT ta_home.ytd_trade(period, value) AS ytd, ta_home.target_reached_at(period, value, 5000) AS reached,
       ta_home.hhi(value) AS hhi
FROM ta_home.flows;

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT results_eq(
    $$SELECT ta_home.ytd_trade(period, value), ta_home.target_reached_at(period, value, 5000),
             ta_home.hhi(value) FROM ta_home.flows$$,
    'SELECT * FROM serial_answer',
    'a non-superuser gets the same answers from a parallel plan');
SELECT results_eq(
    $$SELECT ta_home.cumulative_trade(value) OVER (ORDER BY id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)
      FROM ta_home.flows WHERE id <= 100 ORDER BY id$$,
    $$SELECT (SELECT sum(f2.value) FROM ta_home.flows f2 WHERE f2.id BETWEEN f.id - 11 AND f.id)
      FROM ta_home.flows f WHERE id <= 100 ORDER BY id$$,
    'a non-superuser slides a window (inverse transition)');
SELECT is(ta_home.growth_rate(110, 100), 0.1::float8, 'a non-superuser calls the scalar functions');
RESET ROLE;

-- Relocation.
CREATE SCHEMA ta_moved;
SELECT lives_ok('ALTER EXTENSION tradeagg SET SCHEMA ta_moved', 'the extension can be moved to another schema');
SELECT hasnt_function('ta_home', 'ytd_trade', ARRAY['date', 'double precision'], 'nothing is left behind');
SELECT has_function('ta_moved', 'ytd_trade', ARRAY['date', 'double precision'], 'the aggregates moved');
SELECT is((SELECT ta_moved.ytd_trade(period, value) FROM ta_home.flows),
          (SELECT ytd FROM serial_answer), 'a moved aggregate gives the same answer');
SELECT is((SELECT ta_moved.ytd_trade(period, value) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)
           FROM ta_home.flows WHERE id <= 13 ORDER BY id DESC LIMIT 1),
          (SELECT ta_moved.ytd_trade(period, value) FROM ta_home.flows WHERE id BETWEEN 10 AND 13),
          'a moved aggregate still slides with its inverse');

SELECT * FROM finish();
ROLLBACK;
