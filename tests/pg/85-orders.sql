-- Periods arriving in any order: one million distinct days (2000-01-01 + n,
-- n = 0 .. 999999, value n) shuffled with ORDER BY random() and in
-- descending order, and a running target_reached_at window. The expected
-- values are plain SUMs over the integers n (exact in bigint) and closed
-- forms; the SQLite suite runs the same shapes (tests/cases/orders.cases).
BEGIN;
SELECT plan(11);
SET LOCAL max_parallel_workers_per_gather = 0;

-- A heap table is scanned in the order its rows were written.
CREATE TEMP TABLE shuffled AS
SELECT n, DATE '2000-01-01' + n AS d FROM generate_series(0, 999999) n ORDER BY random();
CREATE TEMP TABLE descending AS
SELECT n, DATE '2000-01-01' + n AS d FROM generate_series(0, 999999) n ORDER BY n DESC;
SELECT ok((SELECT count(*) FROM (SELECT n, lag(n) OVER () AS p FROM shuffled) s WHERE n < p) > 400000,
          'the shuffled table is not in period order');

CREATE TEMP TABLE expected AS
SELECT (SELECT sum(n) FROM generate_series(0, 999999) n
        WHERE DATE '2000-01-01' + n >= DATE '4737-01-01')::float8 AS ytd,
       (SELECT sum(n) FROM generate_series(0, 999999) n
        WHERE DATE '2000-01-01' + n > DATE '4736-11-27')::float8 AS ttm,
       (SELECT n FROM generate_series(0, 999999) n WHERE DATE '2000-01-01' + n = DATE '4736-11-27') AS before;

CREATE TEMP TABLE got AS
SELECT ytd_trade(d, n::float8) AS ytd, ttm_trade(d, n::float8) AS ttm,
       yoy_growth(d, n::float8) AS yoy, period_from_ytd(d, n::float8) AS flow,
       target_reached_at(d, 1, 500000) AS reached
FROM shuffled;

SELECT is((SELECT ytd FROM got), (SELECT ytd FROM expected), 'ytd_trade over 1M shuffled days');
SELECT is((SELECT ytd FROM got), 330945054::float8, 'ytd_trade over 1M shuffled days: closed form');
SELECT is((SELECT ttm FROM got), (SELECT ttm FROM expected), 'ttm_trade over 1M shuffled days');
SELECT is((SELECT yoy FROM got), (SELECT (999999 - before)::float8 / before FROM expected),
          'yoy_growth over 1M shuffled days');
SELECT is((SELECT flow FROM got), 1::float8, 'period_from_ytd over 1M shuffled days');
SELECT is((SELECT reached FROM got), DATE '2000-01-01' + 499999,
          'target_reached_at over 1M shuffled days');

SELECT is((SELECT ytd_trade(d, n::float8) FROM descending), (SELECT ytd FROM expected),
          'ytd_trade over 1M descending days');
SELECT is((SELECT target_reached_at(d, 1, 500000) FROM descending), DATE '3368-12-13',
          'target_reached_at over 1M descending days');

-- A running window (ORDER BY period) over 100000 days of value 1, target
-- 10000: NULL for 9999 rows, then the 10000th day for the 90001 others.
SELECT results_eq(
    $$SELECT r, count(*) FROM (
        SELECT target_reached_at(DATE '2000-01-01' + n, 1, 10000) OVER (ORDER BY n) AS r
        FROM generate_series(0, 99999) n) w GROUP BY r ORDER BY r NULLS FIRST$$,
    $$VALUES (NULL::date, 9999::bigint), (DATE '2027-05-18', 90001)$$,
    'target_reached_at as a running window over 100000 days');
SELECT results_eq(
    $$SELECT r FROM (
        SELECT n, target_reached_at(DATE '2000-01-01' + n, n % 7 - 2, 5) OVER (ORDER BY n) AS r
        FROM generate_series(0, 999) n) w ORDER BY n$$,
    $$SELECT target_reached_at(DATE '2000-01-01' + m, m % 7 - 2, 5)
      FROM generate_series(0, 999) n, generate_series(0, n) m GROUP BY n ORDER BY n$$,
    'a running window of values of both signs gives each frame''s own answer');

SELECT * FROM finish();
ROLLBACK;
