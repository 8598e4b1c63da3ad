-- Window use: every aggregate over a running frame, sliding frames (ROWS,
-- RANGE with an interval, ROWS spanning years) and frames that empty out, compared
-- with a slow per-frame recomputation (a correlated subquery aggregating
-- exactly the frame's rows). Sliding frames go through the inverse
-- transition function; the last tests show that it is really used.
BEGIN;
SELECT plan(136);

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

SELECT results_eq(
    $$SELECT id, cumulative_trade(value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT cumulative_trade(w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): cumulative_trade(value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(period, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): ytd_trade(period, value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(yr, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): ytd_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(period, value, 4) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): ytd_trade(period, value, 4)');
SELECT results_eq(
    $$SELECT id, ytd_trade(yr, value, 4) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): ytd_trade(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, ttm_trade(period, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ttm_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): ttm_trade(period, value)');
SELECT results_eq(
    $$SELECT id, ttm_trade(yr, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ttm_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): ttm_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, yoy_growth(period, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT yoy_growth(w2.period, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): yoy_growth(period, value)');
SELECT results_eq(
    $$SELECT id, yoy_growth(yr, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT yoy_growth(w2.yr, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): yoy_growth(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(period, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.period, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): ytd_yoy_growth(period, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(yr, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.yr, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): ytd_yoy_growth(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(period, value, 7) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.period, w2.value, 7) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): ytd_yoy_growth(period, value, 7)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(yr, value, 7) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.yr, w2.value, 7) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): ytd_yoy_growth(yr, value, 7)');
SELECT results_eq(
    $$SELECT id, target_attainment(value, 100) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_attainment(w2.value, 100) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): target_attainment(value, 100)');
SELECT results_eq(
    $$SELECT id, target_reached_at(period, value, 100) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_reached_at(w2.period, w2.value, 100) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): target_reached_at(period, value, 100)');
SELECT results_eq(
    $$SELECT id, target_reached_at(yr, value, 100) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_reached_at(w2.yr, w2.value, 100) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): target_reached_at(yr, value, 100)');
SELECT results_eq(
    $$SELECT id, projected_trade(period, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): projected_trade(period, value)');
SELECT results_eq(
    $$SELECT id, projected_trade(yr, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): projected_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, projected_trade(period, value, 4) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): projected_trade(period, value, 4)');
SELECT results_eq(
    $$SELECT id, projected_trade(yr, value, 4) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): projected_trade(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(period, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.period, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): period_from_ytd(period, value)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(yr, value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.yr, w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): period_from_ytd(yr, value)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(period, value, 4) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): period_from_ytd(period, value, 4)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(yr, value, 4) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): period_from_ytd(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, share_of(value, part) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT share_of(w2.value, w2.part) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): share_of(value, part)');
SELECT results_eq(
    $$SELECT id, hhi(value) OVER (ORDER BY period) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT hhi(w2.value) FROM w AS w2 WHERE w2.period <= w.period) FROM w ORDER BY id$$,
    'running (ORDER BY period): hhi(value)');
SELECT results_eq(
    $$SELECT id, cumulative_trade(value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT cumulative_trade(w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: cumulative_trade(value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(period, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: ytd_trade(period, value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: ytd_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(period, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: ytd_trade(period, value, 4)');
SELECT results_eq(
    $$SELECT id, ytd_trade(yr, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: ytd_trade(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, ttm_trade(period, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ttm_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: ttm_trade(period, value)');
SELECT results_eq(
    $$SELECT id, ttm_trade(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ttm_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: ttm_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, yoy_growth(period, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT yoy_growth(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: yoy_growth(period, value)');
SELECT results_eq(
    $$SELECT id, yoy_growth(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT yoy_growth(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: yoy_growth(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(period, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: ytd_yoy_growth(period, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: ytd_yoy_growth(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(period, value, 7) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.period, w2.value, 7) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: ytd_yoy_growth(period, value, 7)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(yr, value, 7) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.yr, w2.value, 7) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: ytd_yoy_growth(yr, value, 7)');
SELECT results_eq(
    $$SELECT id, target_attainment(value, 100) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_attainment(w2.value, 100) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: target_attainment(value, 100)');
SELECT results_eq(
    $$SELECT id, target_reached_at(period, value, 100) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_reached_at(w2.period, w2.value, 100) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: target_reached_at(period, value, 100)');
SELECT results_eq(
    $$SELECT id, target_reached_at(yr, value, 100) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_reached_at(w2.yr, w2.value, 100) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: target_reached_at(yr, value, 100)');
SELECT results_eq(
    $$SELECT id, projected_trade(period, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: projected_trade(period, value)');
SELECT results_eq(
    $$SELECT id, projected_trade(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: projected_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, projected_trade(period, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: projected_trade(period, value, 4)');
SELECT results_eq(
    $$SELECT id, projected_trade(yr, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: projected_trade(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(period, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: period_from_ytd(period, value)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: period_from_ytd(yr, value)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(period, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: period_from_ytd(period, value, 4)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(yr, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: period_from_ytd(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, share_of(value, part) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT share_of(w2.value, w2.part) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: share_of(value, part)');
SELECT results_eq(
    $$SELECT id, hhi(value) OVER (ORDER BY period, id ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT hhi(w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 11 AND w.rn) FROM w ORDER BY id$$,
    'sliding ROWS 11 PRECEDING: hhi(value)');
SELECT results_eq(
    $$SELECT id, cumulative_trade(value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT cumulative_trade(w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: cumulative_trade(value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: ytd_trade(period, value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: ytd_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(period, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: ytd_trade(period, value, 4)');
SELECT results_eq(
    $$SELECT id, ytd_trade(yr, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: ytd_trade(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, ttm_trade(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ttm_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: ttm_trade(period, value)');
SELECT results_eq(
    $$SELECT id, ttm_trade(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ttm_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: ttm_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, yoy_growth(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT yoy_growth(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: yoy_growth(period, value)');
SELECT results_eq(
    $$SELECT id, yoy_growth(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT yoy_growth(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: yoy_growth(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: ytd_yoy_growth(period, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: ytd_yoy_growth(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(period, value, 7) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.period, w2.value, 7) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: ytd_yoy_growth(period, value, 7)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(yr, value, 7) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.yr, w2.value, 7) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: ytd_yoy_growth(yr, value, 7)');
SELECT results_eq(
    $$SELECT id, target_attainment(value, 100) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_attainment(w2.value, 100) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: target_attainment(value, 100)');
SELECT results_eq(
    $$SELECT id, target_reached_at(period, value, 100) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_reached_at(w2.period, w2.value, 100) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: target_reached_at(period, value, 100)');
SELECT results_eq(
    $$SELECT id, target_reached_at(yr, value, 100) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_reached_at(w2.yr, w2.value, 100) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: target_reached_at(yr, value, 100)');
SELECT results_eq(
    $$SELECT id, projected_trade(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: projected_trade(period, value)');
SELECT results_eq(
    $$SELECT id, projected_trade(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: projected_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, projected_trade(period, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: projected_trade(period, value, 4)');
SELECT results_eq(
    $$SELECT id, projected_trade(yr, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: projected_trade(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: period_from_ytd(period, value)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: period_from_ytd(yr, value)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(period, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: period_from_ytd(period, value, 4)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(yr, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: period_from_ytd(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, share_of(value, part) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT share_of(w2.value, w2.part) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: share_of(value, part)');
SELECT results_eq(
    $$SELECT id, hhi(value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT hhi(w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '11 months' AND w2.period <= w.period) FROM w ORDER BY id$$,
    'sliding RANGE 11 months: hhi(value)');
SELECT results_eq(
    $$SELECT id, cumulative_trade(value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT cumulative_trade(w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): cumulative_trade(value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): ytd_trade(period, value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): ytd_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(period, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): ytd_trade(period, value, 4)');
SELECT results_eq(
    $$SELECT id, ytd_trade(yr, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): ytd_trade(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, ttm_trade(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ttm_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): ttm_trade(period, value)');
SELECT results_eq(
    $$SELECT id, ttm_trade(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ttm_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): ttm_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, yoy_growth(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT yoy_growth(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): yoy_growth(period, value)');
SELECT results_eq(
    $$SELECT id, yoy_growth(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT yoy_growth(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): yoy_growth(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): ytd_yoy_growth(period, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): ytd_yoy_growth(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(period, value, 7) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.period, w2.value, 7) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): ytd_yoy_growth(period, value, 7)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(yr, value, 7) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.yr, w2.value, 7) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): ytd_yoy_growth(yr, value, 7)');
SELECT results_eq(
    $$SELECT id, target_attainment(value, 100) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_attainment(w2.value, 100) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): target_attainment(value, 100)');
SELECT results_eq(
    $$SELECT id, target_reached_at(period, value, 100) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_reached_at(w2.period, w2.value, 100) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): target_reached_at(period, value, 100)');
SELECT results_eq(
    $$SELECT id, target_reached_at(yr, value, 100) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_reached_at(w2.yr, w2.value, 100) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): target_reached_at(yr, value, 100)');
SELECT results_eq(
    $$SELECT id, projected_trade(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): projected_trade(period, value)');
SELECT results_eq(
    $$SELECT id, projected_trade(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): projected_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, projected_trade(period, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): projected_trade(period, value, 4)');
SELECT results_eq(
    $$SELECT id, projected_trade(yr, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): projected_trade(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(period, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.period, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): period_from_ytd(period, value)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(yr, value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.yr, w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): period_from_ytd(yr, value)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(period, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): period_from_ytd(period, value, 4)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(yr, value, 4) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): period_from_ytd(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, share_of(value, part) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT share_of(w2.value, w2.part) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): share_of(value, part)');
SELECT results_eq(
    $$SELECT id, hhi(value) OVER (ORDER BY period RANGE BETWEEN INTERVAL '2 months' PRECEDING AND INTERVAL '1 month' PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT hhi(w2.value) FROM w AS w2 WHERE w2.period >= w.period - INTERVAL '2 months' AND w2.period <= w.period - INTERVAL '1 month') FROM w ORDER BY id$$,
    'RANGE 2 to 1 months before (empty frames): hhi(value)');

SELECT results_eq(
    $$SELECT id, cumulative_trade(value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT cumulative_trade(w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): cumulative_trade(value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(period, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): ytd_trade(period, value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): ytd_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_trade(period, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): ytd_trade(period, value, 4)');
SELECT results_eq(
    $$SELECT id, ytd_trade(yr, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_trade(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): ytd_trade(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, ttm_trade(period, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ttm_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): ttm_trade(period, value)');
SELECT results_eq(
    $$SELECT id, ttm_trade(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ttm_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): ttm_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, yoy_growth(period, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT yoy_growth(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): yoy_growth(period, value)');
SELECT results_eq(
    $$SELECT id, yoy_growth(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT yoy_growth(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): yoy_growth(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(period, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): ytd_yoy_growth(period, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): ytd_yoy_growth(yr, value)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(period, value, 7) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.period, w2.value, 7) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): ytd_yoy_growth(period, value, 7)');
SELECT results_eq(
    $$SELECT id, ytd_yoy_growth(yr, value, 7) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT ytd_yoy_growth(w2.yr, w2.value, 7) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): ytd_yoy_growth(yr, value, 7)');
SELECT results_eq(
    $$SELECT id, target_attainment(value, 100) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_attainment(w2.value, 100) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): target_attainment(value, 100)');
SELECT results_eq(
    $$SELECT id, target_reached_at(period, value, 100) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_reached_at(w2.period, w2.value, 100) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): target_reached_at(period, value, 100)');
SELECT results_eq(
    $$SELECT id, target_reached_at(yr, value, 100) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT target_reached_at(w2.yr, w2.value, 100) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): target_reached_at(yr, value, 100)');
SELECT results_eq(
    $$SELECT id, projected_trade(period, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): projected_trade(period, value)');
SELECT results_eq(
    $$SELECT id, projected_trade(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): projected_trade(yr, value)');
SELECT results_eq(
    $$SELECT id, projected_trade(period, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): projected_trade(period, value, 4)');
SELECT results_eq(
    $$SELECT id, projected_trade(yr, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT projected_trade(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): projected_trade(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(period, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.period, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): period_from_ytd(period, value)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(yr, value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.yr, w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): period_from_ytd(yr, value)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(period, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.period, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): period_from_ytd(period, value, 4)');
SELECT results_eq(
    $$SELECT id, period_from_ytd(yr, value, 4) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT period_from_ytd(w2.yr, w2.value, 4) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): period_from_ytd(yr, value, 4)');
SELECT results_eq(
    $$SELECT id, share_of(value, part) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT share_of(w2.value, w2.part) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): share_of(value, part)');
SELECT results_eq(
    $$SELECT id, hhi(value) OVER (ORDER BY period, id ROWS BETWEEN 24 PRECEDING AND 2 PRECEDING) FROM w ORDER BY id$$,
    $$SELECT id, (SELECT hhi(w2.value) FROM w AS w2 WHERE w2.rn BETWEEN w.rn - 24 AND w.rn - 2) FROM w ORDER BY id$$,
    'sliding ROWS 24 to 2 PRECEDING (spans years): hhi(value)');

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
