-- Window use: every aggregate over a running frame, sliding frames (ROWS,
-- RANGE with an interval, ROWS spanning years) and frames that empty out, compared
-- with a slow per-frame recomputation (a correlated subquery aggregating
-- exactly the frame's rows). Sliding frames go through the inverse
-- transition function; the last tests show that it is really used.
BEGIN;
SELECT plan(206);

\ir lib/aggregates.sql

-- Five years of monthly rows: some months missing, some with two rows, one
-- NULL value; values are multiples of 0.5, so every sum is exact.
CREATE TABLE w AS
WITH months AS (
    SELECT k, (date '2019-01-01' + make_interval(months => k))::date AS period
    FROM generate_series(0, 59) AS k
    WHERE k % 7 <> 3
)
SELECT row_number() OVER (ORDER BY period, copy) AS id, period,
       extract(year FROM period)::int AS yr,
       CASE WHEN k = 20 AND copy = 1 THEN NULL ELSE ((k * 37 + copy * 11) % 64) * 0.5 + 1 END::float8 AS value,
       (k + copy) % 3 = 0 AS part
FROM months, generate_series(0, 1) AS copy
WHERE copy = 0 OR k % 5 = 0;
ALTER TABLE w ADD COLUMN rn bigint;
UPDATE w SET rn = id;

-- Every aggregate of lib/aggregates.sql (with target 100) over each frame,
-- against the same aggregate over exactly the frame's rows (w2) of each row
-- (w). rn numbers the rows in (period, id) order.
CREATE TEMP TABLE w_frames(k int, label text, frame text, frame_rows text);
INSERT INTO w_frames VALUES
    (1, 'running (ORDER BY period)',
        $$ORDER BY period$$,
        $$w2.period <= w.period$$),
    (2, 'sliding ROWS 11 PRECEDING',
        $$ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW$$,
        $$w2.rn BETWEEN w.rn - 11 AND w.rn$$),
    (3, 'sliding RANGE 11 months',
        $$ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW$$,
        $$w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period$$),
    (4, 'RANGE 2 to 1 months before (empty frames)',
        $$ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING$$,
        $$w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month'$$),
    (5, 'sliding ROWS 24 to 2 PRECEDING (spans years)',
        $$ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING$$,
        $$w2.rn BETWEEN w.rn - 24 AND w.rn - 2$$);

-- An aggregate call with its columns taken from the row alias w2:
-- ytd_trade(period, value) becomes ytd_trade(w2.period, w2.value).
CREATE FUNCTION pg_temp.over_w2(call text) RETURNS text LANGUAGE sql AS $$
    SELECT regexp_replace(call, '\m(period|yr|value|part)\M', 'w2.\1', 'g')
$$;

SELECT results_eq(
    format('SELECT id, %s OVER (%s) FROM w ORDER BY id', a.call, f.frame),
    format('SELECT id, (SELECT %s FROM w AS w2 WHERE %s) FROM w ORDER BY id',
           pg_temp.over_w2(a.call), f.frame_rows),
    f.label || ': ' || a.call)
FROM w_frames AS f CROSS JOIN pg_temp.aggregate_calls('100') AS a
ORDER BY f.k, a.n;

-- Frames that are empty give NULL.
SELECT results_eq(
    $$SELECT cumulative_trade(value) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING),
             ytd_trade(period, value) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING),
             hhi(value) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING)
      FROM w WHERE id = 1$$,
    $$VALUES (NULL::float8, NULL::float8, NULL::float8)$$,
    'an empty frame gives NULL');

-- Is the inverse used? A probe aggregate built like the real ones but whose
-- "inverse" adds the row again: wherever the executor takes a row out of a
-- frame with the inverse, its answer goes wrong.
CREATE AGGREGATE pg_temp.inverse_probe(double precision) (
    SFUNC = tradeagg_cumulative_trade_sfunc, STYPE = internal,
    FINALFUNC = tradeagg_final_float8, FINALFUNC_MODIFY = READ_ONLY,
    MSFUNC = tradeagg_cumulative_trade_sfunc, MINVFUNC = tradeagg_cumulative_trade_sfunc,
    MSTYPE = internal, MFINALFUNC = tradeagg_final_float8, MFINALFUNC_MODIFY = READ_ONLY);
SELECT isnt_empty(
    $$SELECT 1 FROM (SELECT cumulative_trade(value) OVER f AS real,
                            pg_temp.inverse_probe(value) OVER f AS probe
                     FROM w WINDOW f AS (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)) s
      WHERE real IS DISTINCT FROM probe$$,
    'sliding ROWS frame: rows leave through the inverse transition function');
SELECT isnt_empty(
    $$SELECT 1 FROM (SELECT cumulative_trade(value) OVER f AS real,
                            pg_temp.inverse_probe(value) OVER f AS probe
                     FROM w WINDOW f AS (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW)) s
      WHERE real IS DISTINCT FROM probe$$,
    'sliding RANGE frame: rows leave through the inverse transition function');
SELECT is_empty(
    $$SELECT 1 FROM (SELECT cumulative_trade(value) OVER f AS real,
                            pg_temp.inverse_probe(value) OVER f AS probe
                     FROM w WINDOW f AS (ORDER BY period)) s
      WHERE real IS DISTINCT FROM probe$$,
    'running frame: nothing leaves, the inverse is not called');

-- And the real aggregate slides in linear time: over 3,000-row frames it is
-- far faster than the same aggregate without an inverse, which re-adds every
-- frame from scratch.
CREATE AGGREGATE pg_temp.cumulative_no_inverse(double precision) (
    SFUNC = tradeagg_cumulative_trade_sfunc, STYPE = internal,
    FINALFUNC = tradeagg_final_float8, FINALFUNC_MODIFY = READ_ONLY);
CREATE TABLE wl AS
SELECT i AS id, ((i % 1000) * 0.25)::float8 AS value FROM generate_series(1, 6000) AS i;
CREATE FUNCTION pg_temp.ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := clock_timestamp();
BEGIN
    EXECUTE q;
    RETURN 1000 * extract(epoch FROM clock_timestamp() - t0);
END
$$;
CREATE TEMP TABLE wl_times AS
SELECT pg_temp.ms($$SELECT count(x) FROM (SELECT cumulative_trade(value) OVER (ORDER BY id ROWS BETWEEN 3000 PRECEDING AND CURRENT ROW) AS x FROM wl) s$$) AS with_inverse,
       pg_temp.ms($$SELECT count(x) FROM (SELECT pg_temp.cumulative_no_inverse(value) OVER (ORDER BY id ROWS BETWEEN 3000 PRECEDING AND CURRENT ROW) AS x FROM wl) s$$) AS without_inverse;
SELECT cmp_ok((SELECT without_inverse / greatest(with_inverse, 0.001) FROM wl_times), '>', 5::float8,
              'sliding 3,000-row frames: the inverse makes it more than 5 times faster');
SELECT results_eq(
    $$SELECT cumulative_trade(value) OVER (ORDER BY id ROWS BETWEEN 3000 PRECEDING AND CURRENT ROW) FROM wl ORDER BY id$$,
    $$SELECT pg_temp.cumulative_no_inverse(value) OVER (ORDER BY id ROWS BETWEEN 3000 PRECEDING AND CURRENT ROW) FROM wl ORDER BY id$$,
    'sliding 3,000-row frames: same answers with and without the inverse');

SELECT * FROM finish();
ROLLBACK;
