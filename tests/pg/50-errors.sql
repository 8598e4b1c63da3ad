-- Every error: bad input stops the statement with the SQLSTATE of the spec
-- (22007 invalid period, 22023 bad parameter, 22003 out of range) and a
-- message that names the function and the offending value.
BEGIN;
SELECT plan(62);

-- An infinite date is an invalid period for every aggregate that takes one.
SELECT throws_ok(format($$SELECT %s('infinity'::date, 1%s)$$, fn, more_args),
    '22007', fn || ': invalid period ''infinity'' (expected YYYY-MM-DD, YYYY-MM or a year)',
    fn || ': infinite date is an invalid period')
FROM (VALUES (1, 'ytd_trade', ''),
             (2, 'ttm_trade', ''),
             (3, 'yoy_growth', ''),
             (4, 'ytd_yoy_growth', ''),
             (5, 'projected_trade', ''),
             (6, 'period_from_ytd', ''),
             (7, 'target_reached_at', ', 100')) AS c(k, fn, more_args)
ORDER BY k;

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

-- A value that is not a finite number: SELECT fn(before 'bad' after).
SELECT throws_ok(format('SELECT %s(%s%L%s)', fn, before, bad, after),
    '22003', format('%s: invalid %s %s (expected a finite number)', fn, arg, bad),
    format('%s: %s value is an error', fn, bad))
FROM (VALUES ( 1, 'cumulative_trade',  '',                     'NaN',       '',       'value'),
             ( 2, 'ytd_trade',         $$date '2023-01-01', $$, 'Infinity',  '',       'value'),
             ( 3, 'ttm_trade',         '2023, ',               '-Infinity', '',       'value'),
             ( 4, 'yoy_growth',        $$date '2023-01-01', $$, 'NaN',       '',       'value'),
             ( 5, 'ytd_yoy_growth',    $$date '2023-01-01', $$, 'NaN',       '',       'value'),
             ( 6, 'target_attainment', '',                     'NaN',       ', 100',  'value'),
             ( 7, 'target_reached_at', $$date '2023-01-01', $$, 'Infinity',  ', 100',  'value'),
             ( 8, 'projected_trade',   '2023, ',               'NaN',       '',       'value'),
             ( 9, 'period_from_ytd',   $$date '2023-01-01', $$, 'NaN',       '',       'ytd_value'),
             (10, 'share_of',          '',                     'NaN',       ', true', 'value'),
             (11, 'hhi',               '',                     'Infinity',  '',       'value'))
    AS c(k, fn, before, bad, after, arg)
ORDER BY k;

SELECT throws_ok($$SELECT cumulative_trade(v) FROM (VALUES (1e308::float8), (1e308)) AS t(v)$$,
    '22003', 'cumulative_trade: sum out of range',
    'cumulative_trade: overflow is an error');
SELECT throws_ok($$SELECT hhi(-1)$$,
    '22023', 'hhi: invalid value -1 (expected a number >= 0)',
    'hhi: a negative value is an error');

-- The target must be a finite number > 0 and not NULL, for both aggregates
-- that take one: SELECT fn(args, target).
SELECT throws_ok(format('SELECT %s(%s, %s)', f.fn, f.args, t.target),
    '22023', f.fn || ': ' || t.message, f.fn || ': ' || t.name)
FROM (VALUES (1, 'target_attainment', '1'),
             (2, 'target_reached_at', $$date '2023-01-01', 1$$)) AS f(k, fn, args)
CROSS JOIN
     (VALUES (1, '0',            'invalid target 0 (expected a finite number > 0)',        'target 0 is an error'),
             (2, '-1',           'invalid target -1 (expected a finite number > 0)',       'target -1 is an error'),
             (3, $$'NaN'$$,      'invalid target NaN (expected a finite number > 0)',      'target NaN is an error'),
             (4, $$'Infinity'$$, 'invalid target Infinity (expected a finite number > 0)', 'target Infinity is an error'),
             (5, 'NULL',         'target must not be NULL',                                'NULL target is an error'))
    AS t(k, target, message, name)
ORDER BY f.k, t.k;

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

-- fy_start_month must be an integer from 1 to 12 and not NULL, for every
-- aggregate that takes one: SELECT fn(args).
SELECT throws_ok(format('SELECT %s(%s)', f.fn, c.args),
    '22023', f.fn || ': ' || c.message, f.fn || ': ' || c.name)
FROM (VALUES (1, 'ytd_trade'), (2, 'ytd_yoy_growth'), (3, 'projected_trade'), (4, 'period_from_ytd'))
    AS f(k, fn)
CROSS JOIN
     (VALUES (1, $$date '2023-01-01', 1, 0$$,
                 'invalid fy_start_month 0 (expected an integer from 1 to 12)',
                 'fy_start_month 0 is an error'),
             (2, '2023, 1, 13',
                 'invalid fy_start_month 13 (expected an integer from 1 to 12)',
                 'fy_start_month 13 is an error (annual periods too)'),
             (3, $$date '2023-01-01', 1, NULL$$,
                 'fy_start_month must not be NULL',
                 'NULL fy_start_month is an error'))
    AS c(k, args, message, name)
ORDER BY f.k, c.k;

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
-- PostgreSQL 13 refuses the call when it coerces the NULL to internal
-- (0A000); 15 and later find no function to call (42883). 14 is not tested:
-- any error will do there.
SELECT throws_ok($$SELECT tradeagg_hhi_minvfunc(NULL, 1)$$,
    CASE WHEN current_setting('server_version_num')::int < 140000 THEN '0A000'
         WHEN current_setting('server_version_num')::int < 150000 THEN NULL
         ELSE '42883' END, NULL,
    'support functions over internal cannot be called with a fabricated internal value');
SELECT throws_ok($$SELECT tradeagg_combine(NULL, NULL)$$,
    '0A000', 'tradeagg_combine: called outside an aggregate',
    'the combine function over tradeagg_state refuses to run outside an aggregate');
SELECT throws_ok($$SELECT tradeagg_hhi_sfunc(NULL, 1)$$,
    '0A000', 'hhi: called outside an aggregate',
    'a transition function over tradeagg_state refuses to run outside an aggregate');

SELECT * FROM finish();
ROLLBACK;
