-- Every error: bad input stops the statement with the SQLSTATE of the spec
-- (22007 invalid period, 22023 bad parameter, 22003 out of range) and a
-- message that names the function and the offending value.
BEGIN;
SELECT plan(60);

SELECT throws_ok($$SELECT ytd_trade('infinity'::date, 1)$$,
    '22007', 'ytd_trade: invalid period ''infinity'' (expected YYYY-MM-DD, YYYY-MM or a year)',
    'ytd_trade: infinite date is an invalid period');
SELECT throws_ok($$SELECT ttm_trade('infinity'::date, 1)$$,
    '22007', 'ttm_trade: invalid period ''infinity'' (expected YYYY-MM-DD, YYYY-MM or a year)',
    'ttm_trade: infinite date is an invalid period');
SELECT throws_ok($$SELECT yoy_growth('infinity'::date, 1)$$,
    '22007', 'yoy_growth: invalid period ''infinity'' (expected YYYY-MM-DD, YYYY-MM or a year)',
    'yoy_growth: infinite date is an invalid period');
SELECT throws_ok($$SELECT ytd_yoy_growth('infinity'::date, 1)$$,
    '22007', 'ytd_yoy_growth: invalid period ''infinity'' (expected YYYY-MM-DD, YYYY-MM or a year)',
    'ytd_yoy_growth: infinite date is an invalid period');
SELECT throws_ok($$SELECT projected_trade('infinity'::date, 1)$$,
    '22007', 'projected_trade: invalid period ''infinity'' (expected YYYY-MM-DD, YYYY-MM or a year)',
    'projected_trade: infinite date is an invalid period');
SELECT throws_ok($$SELECT period_from_ytd('infinity'::date, 1)$$,
    '22007', 'period_from_ytd: invalid period ''infinity'' (expected YYYY-MM-DD, YYYY-MM or a year)',
    'period_from_ytd: infinite date is an invalid period');
SELECT throws_ok($$SELECT target_reached_at('infinity'::date, 1, 100)$$,
    '22007', 'target_reached_at: invalid period ''infinity'' (expected YYYY-MM-DD, YYYY-MM or a year)',
    'target_reached_at: infinite date is an invalid period');
SELECT throws_ok($$SELECT ytd_trade('-infinity'::date, 1)$$,
    '22007', 'ytd_trade: invalid period ''-infinity'' (expected YYYY-MM-DD, YYYY-MM or a year)',
    'ytd_trade: -infinity is an invalid period');
SELECT throws_ok($$SELECT ytd_trade(p, 1) FROM (VALUES (date '2023-01-01'), ('infinity')) AS t(p)$$,
    '22007', 'ytd_trade: invalid period ''infinity'' (expected YYYY-MM-DD, YYYY-MM or a year)',
    'ytd_trade: an infinite date among valid ones');
SELECT throws_ok($$SELECT ytd_trade('10000-01-01'::date, 1)$$,
    '22007', NULL,
    'ytd_trade: a date after 9999-12-31 is an invalid period');
SELECT throws_ok($$SELECT ttm_trade('0001-12-31 BC'::date, 1)$$,
    '22007', NULL,
    'ttm_trade: a date before 0001-01-01 is an invalid period');
SELECT throws_ok($$SELECT ytd_trade(0, 1)$$,
    '22007', 'ytd_trade: invalid period 0 (expected YYYY-MM-DD, YYYY-MM or a year)',
    'ytd_trade: year 0 is an invalid period');
SELECT throws_ok($$SELECT yoy_growth(10000, 1)$$,
    '22007', 'yoy_growth: invalid period 10000 (expected YYYY-MM-DD, YYYY-MM or a year)',
    'yoy_growth: year 10000 is an invalid period');
SELECT throws_ok($$SELECT target_reached_at(-5, 1, 10)$$,
    '22007', 'target_reached_at: invalid period -5 (expected YYYY-MM-DD, YYYY-MM or a year)',
    'target_reached_at: a negative year is an invalid period');
SELECT throws_ok($$SELECT ytd_trade(('infinity'::date), 1) OVER ()$$,
    '22007', NULL,
    'invalid period inside a window');
SELECT throws_ok($$SELECT cumulative_trade('NaN')$$,
    '22003', 'cumulative_trade: invalid value NaN (expected a finite number)',
    'cumulative_trade: NaN value is an error');
SELECT throws_ok($$SELECT ytd_trade(date '2023-01-01', 'Infinity')$$,
    '22003', 'ytd_trade: invalid value Infinity (expected a finite number)',
    'ytd_trade: Infinity value is an error');
SELECT throws_ok($$SELECT ttm_trade(2023, '-Infinity')$$,
    '22003', 'ttm_trade: invalid value -Infinity (expected a finite number)',
    'ttm_trade: -Infinity value is an error');
SELECT throws_ok($$SELECT yoy_growth(date '2023-01-01', 'NaN')$$,
    '22003', 'yoy_growth: invalid value NaN (expected a finite number)',
    'yoy_growth: NaN value is an error');
SELECT throws_ok($$SELECT ytd_yoy_growth(date '2023-01-01', 'NaN')$$,
    '22003', 'ytd_yoy_growth: invalid value NaN (expected a finite number)',
    'ytd_yoy_growth: NaN value is an error');
SELECT throws_ok($$SELECT target_attainment('NaN', 100)$$,
    '22003', 'target_attainment: invalid value NaN (expected a finite number)',
    'target_attainment: NaN value is an error');
SELECT throws_ok($$SELECT target_reached_at(date '2023-01-01', 'Infinity', 100)$$,
    '22003', 'target_reached_at: invalid value Infinity (expected a finite number)',
    'target_reached_at: Infinity value is an error');
SELECT throws_ok($$SELECT projected_trade(2023, 'NaN')$$,
    '22003', 'projected_trade: invalid value NaN (expected a finite number)',
    'projected_trade: NaN value is an error');
SELECT throws_ok($$SELECT period_from_ytd(date '2023-01-01', 'NaN')$$,
    '22003', 'period_from_ytd: invalid ytd_value NaN (expected a finite number)',
    'period_from_ytd: NaN value is an error');
SELECT throws_ok($$SELECT share_of('NaN', true)$$,
    '22003', 'share_of: invalid value NaN (expected a finite number)',
    'share_of: NaN value is an error');
SELECT throws_ok($$SELECT hhi('Infinity')$$,
    '22003', 'hhi: invalid value Infinity (expected a finite number)',
    'hhi: Infinity value is an error');
SELECT throws_ok($$SELECT cumulative_trade(v) FROM (VALUES (1e308::float8), (1e308)) AS t(v)$$,
    '22003', 'cumulative_trade: sum out of range',
    'cumulative_trade: overflow is an error');
SELECT throws_ok($$SELECT hhi(-1)$$,
    '22023', 'hhi: invalid value -1 (expected a number >= 0)',
    'hhi: a negative value is an error');
SELECT throws_ok($$SELECT target_attainment(1, 0)$$,
    '22023', 'target_attainment: invalid target 0 (expected a finite number > 0)',
    'target_attainment: target 0 is an error');
SELECT throws_ok($$SELECT target_attainment(1, -1)$$,
    '22023', 'target_attainment: invalid target -1 (expected a finite number > 0)',
    'target_attainment: target -1 is an error');
SELECT throws_ok($$SELECT target_attainment(1, 'NaN')$$,
    '22023', 'target_attainment: invalid target NaN (expected a finite number > 0)',
    'target_attainment: target NaN is an error');
SELECT throws_ok($$SELECT target_attainment(1, 'Infinity')$$,
    '22023', 'target_attainment: invalid target Infinity (expected a finite number > 0)',
    'target_attainment: target Infinity is an error');
SELECT throws_ok($$SELECT target_attainment(1, NULL)$$,
    '22023', 'target_attainment: target must not be NULL',
    'target_attainment: NULL target is an error');
SELECT throws_ok($$SELECT target_reached_at(date '2023-01-01', 1, 0)$$,
    '22023', 'target_reached_at: invalid target 0 (expected a finite number > 0)',
    'target_reached_at: target 0 is an error');
SELECT throws_ok($$SELECT target_reached_at(date '2023-01-01', 1, -1)$$,
    '22023', 'target_reached_at: invalid target -1 (expected a finite number > 0)',
    'target_reached_at: target -1 is an error');
SELECT throws_ok($$SELECT target_reached_at(date '2023-01-01', 1, 'NaN')$$,
    '22023', 'target_reached_at: invalid target NaN (expected a finite number > 0)',
    'target_reached_at: target NaN is an error');
SELECT throws_ok($$SELECT target_reached_at(date '2023-01-01', 1, 'Infinity')$$,
    '22023', 'target_reached_at: invalid target Infinity (expected a finite number > 0)',
    'target_reached_at: target Infinity is an error');
SELECT throws_ok($$SELECT target_reached_at(date '2023-01-01', 1, NULL)$$,
    '22023', 'target_reached_at: target must not be NULL',
    'target_reached_at: NULL target is an error');
SELECT throws_ok($$SELECT target_attainment(1, NULL) FROM generate_series(1, 3)$$,
    '22023', 'target_attainment: target must not be NULL',
    'target_attainment: NULL target is an error even when value is not NULL in other rows');
SELECT throws_ok($$SELECT target_attainment(NULL, NULL)$$,
    '22023', 'target_attainment: target must not be NULL',
    'target_attainment: NULL target is an error even on a skipped row');
SELECT throws_ok($$SELECT target_attainment(v, t) FROM (VALUES (1.0::float8, 100.0::float8), (2, 200)) AS x(v, t)$$,
    '22023', 'target_attainment: target must be the same in every row of a group (100 and 200)',
    'target_attainment: a target that changes is an error');
SELECT throws_ok($$SELECT target_reached_at(p, 1, t) FROM (VALUES (2021, 100.0::float8), (2022, 50)) AS x(p, t)$$,
    '22023', 'target_reached_at: target must be the same in every row of a group (100 and 50)',
    'target_reached_at: a target that changes is an error');
SELECT throws_ok($$SELECT ytd_trade(date '2023-01-01', 1, 0)$$,
    '22023', 'ytd_trade: invalid fy_start_month 0 (expected an integer from 1 to 12)',
    'ytd_trade: fy_start_month 0 is an error');
SELECT throws_ok($$SELECT ytd_trade(2023, 1, 13)$$,
    '22023', 'ytd_trade: invalid fy_start_month 13 (expected an integer from 1 to 12)',
    'ytd_trade: fy_start_month 13 is an error (annual periods too)');
SELECT throws_ok($$SELECT ytd_trade(date '2023-01-01', 1, NULL)$$,
    '22023', 'ytd_trade: fy_start_month must not be NULL',
    'ytd_trade: NULL fy_start_month is an error');
SELECT throws_ok($$SELECT ytd_yoy_growth(date '2023-01-01', 1, 0)$$,
    '22023', 'ytd_yoy_growth: invalid fy_start_month 0 (expected an integer from 1 to 12)',
    'ytd_yoy_growth: fy_start_month 0 is an error');
SELECT throws_ok($$SELECT ytd_yoy_growth(2023, 1, 13)$$,
    '22023', 'ytd_yoy_growth: invalid fy_start_month 13 (expected an integer from 1 to 12)',
    'ytd_yoy_growth: fy_start_month 13 is an error (annual periods too)');
SELECT throws_ok($$SELECT ytd_yoy_growth(date '2023-01-01', 1, NULL)$$,
    '22023', 'ytd_yoy_growth: fy_start_month must not be NULL',
    'ytd_yoy_growth: NULL fy_start_month is an error');
SELECT throws_ok($$SELECT projected_trade(date '2023-01-01', 1, 0)$$,
    '22023', 'projected_trade: invalid fy_start_month 0 (expected an integer from 1 to 12)',
    'projected_trade: fy_start_month 0 is an error');
SELECT throws_ok($$SELECT projected_trade(2023, 1, 13)$$,
    '22023', 'projected_trade: invalid fy_start_month 13 (expected an integer from 1 to 12)',
    'projected_trade: fy_start_month 13 is an error (annual periods too)');
SELECT throws_ok($$SELECT projected_trade(date '2023-01-01', 1, NULL)$$,
    '22023', 'projected_trade: fy_start_month must not be NULL',
    'projected_trade: NULL fy_start_month is an error');
SELECT throws_ok($$SELECT period_from_ytd(date '2023-01-01', 1, 0)$$,
    '22023', 'period_from_ytd: invalid fy_start_month 0 (expected an integer from 1 to 12)',
    'period_from_ytd: fy_start_month 0 is an error');
SELECT throws_ok($$SELECT period_from_ytd(2023, 1, 13)$$,
    '22023', 'period_from_ytd: invalid fy_start_month 13 (expected an integer from 1 to 12)',
    'period_from_ytd: fy_start_month 13 is an error (annual periods too)');
SELECT throws_ok($$SELECT period_from_ytd(date '2023-01-01', 1, NULL)$$,
    '22023', 'period_from_ytd: fy_start_month must not be NULL',
    'period_from_ytd: NULL fy_start_month is an error');
SELECT throws_ok($$SELECT ytd_trade(date '2023-01-01', v, m) FROM (VALUES (1.0::float8, 1), (2, 4)) AS x(v, m)$$,
    '22023', 'ytd_trade: fy_start_month must be the same in every row of a group (1 and 4)',
    'ytd_trade: a fy_start_month that changes is an error');
SELECT throws_ok($$SELECT attainment_ratio(1, 0)$$,
    '22023', 'attainment_ratio: invalid target 0 (expected a finite number > 0)',
    'attainment_ratio: target 0 is an error');
SELECT throws_ok($$SELECT cagr(1, 2, 0)$$,
    '22023', 'cagr: invalid years 0 (expected a number > 0)',
    'cagr: years 0 is an error');
SELECT throws_ok($$SELECT growth_rate('NaN', 1)$$,
    '22003', 'growth_rate: invalid current NaN (expected a finite number)',
    'growth_rate: NaN is an error');
SELECT throws_ok($$SELECT share_ratio(1, 'Infinity')$$,
    '22003', 'share_ratio: invalid total Infinity (expected a finite number)',
    'share_ratio: Infinity is an error');
SELECT throws_ok($$SELECT tradeagg_combine(NULL, NULL)$$,
    '42883', NULL,
    'support functions cannot be called with a fabricated internal value');

SELECT * FROM finish();
ROLLBACK;
