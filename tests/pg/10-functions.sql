-- The functions as a PostgreSQL user sees them: the spec's examples with
-- `date` and `integer` periods, result types, NULL rules, fiscal years.
-- (The shared cases in build/pg/cases.sql cover the same contract as the
-- SQLite suite; these are the PostgreSQL-specific angles.)
BEGIN;
SELECT plan(34);

-- China–Russia monthly flows, USD billions (January–February combined).
CREATE TEMP TABLE cr_flows(period date, value double precision);
INSERT INTO cr_flows VALUES
    ('2022-02-01', 26.43), ('2022-03-01', 11.74), ('2022-04-01', 12.92), ('2022-05-01', 14.23),
    ('2022-06-01', 15.36), ('2022-07-01', 17.03), ('2022-08-01', 19.49), ('2022-09-01', 19.10),
    ('2022-10-01', 17.60), ('2022-11-01', 18.50), ('2022-12-01', 17.87),
    ('2023-02-01', 33.69), ('2023-03-01', 20.16), ('2023-04-01', 19.30), ('2023-05-01', 20.65),
    ('2023-06-01', 20.74), ('2023-07-01', 19.52), ('2023-08-01', 21.02), ('2023-09-01', 21.32),
    ('2023-10-01', 20.08), ('2023-11-01', 21.70);
-- The published year-to-date figures for 2023.
CREATE TEMP TABLE cr_ytd(period date, value double precision);
INSERT INTO cr_ytd VALUES
    ('2023-02-01', 33.69), ('2023-03-01', 53.85), ('2023-04-01', 73.15), ('2023-05-01', 93.80),
    ('2023-06-01', 114.54), ('2023-07-01', 134.06), ('2023-08-01', 155.08), ('2023-09-01', 176.40),
    ('2023-10-01', 196.48), ('2023-11-01', 218.18);
-- Annual totals, integer periods.
CREATE TEMP TABLE cr_annual(yr integer, value double precision);
INSERT INTO cr_annual VALUES (2021, 146.88), (2022, 190.27), (2023, 240.11);

-- Scalars (spec examples).
SELECT is(round(growth_rate(190.27, 146.88)::numeric, 4), 0.2954, 'growth_rate(190.27, 146.88) = 0.2954…');
SELECT is(attainment_ratio(218.18, 200), 1.0909::float8, 'attainment_ratio(218.18, 200) = 1.0909');
SELECT is(round(share_ratio(218.2, 5410)::numeric, 4), 0.0403, 'share_ratio(218.2, 5410) = 0.0403…');
SELECT is(round(cagr(100, 121, 2)::numeric, 10), 0.1, 'cagr(100, 121, 2) = 0.1');
SELECT is(growth_rate(5, 0), NULL, 'growth_rate with previous = 0 is NULL');
SELECT is(share_ratio(5, 0), NULL, 'share_ratio with total = 0 is NULL');
SELECT ok(growth_rate(NULL, 1) IS NULL AND attainment_ratio(1, NULL) IS NULL
          AND share_ratio(NULL, NULL) IS NULL AND cagr(1, NULL, 2) IS NULL,
          'scalars return NULL for a NULL argument');
SELECT is(tradeagg_version(), '1.1.0', 'tradeagg_version()');

-- Aggregates over dates (spec examples).
SELECT is((SELECT target_reached_at(period, value, 200) FROM cr_flows WHERE period >= '2023-01-01'),
          date '2023-11-01', 'target_reached_at over 2023 flows passes $200B in November');
SELECT is((SELECT pg_typeof(target_reached_at(period, value, 200)) FROM cr_flows),
          'date'::regtype, 'target_reached_at over dates returns a date');
SELECT is((SELECT round(ytd_trade(period, value)::numeric, 6) FROM cr_flows), 218.18,
          'ytd_trade over Jan–Nov 2023 = 218.18');
SELECT is((SELECT round(projected_trade(period, value)::numeric, 2) FROM cr_flows), 238.01,
          'projected_trade over Jan–Nov 2023 = 238.01…');
SELECT is((SELECT round(period_from_ytd(period, value)::numeric, 6) FROM cr_ytd), 21.70,
          'period_from_ytd recovers November 2023 from the YTD figures');
SELECT is((SELECT round(period_from_ytd(period, value)::numeric, 6) FROM cr_ytd WHERE period <= '2023-02-01'),
          33.69, 'period_from_ytd of the year''s first figure is the figure itself');
SELECT is((SELECT target_reached_at(period, value, 10000) FROM cr_flows), NULL,
          'target_reached_at is NULL when the target is never reached');
SELECT ok((SELECT abs(ytd_yoy_growth(period, value) - growth_rate(218.18, 172.40)) < 1e-12 FROM cr_flows),
          'ytd_yoy_growth: Jan–Nov 2023 against Jan–Nov 2022');
SELECT ok((SELECT abs(yoy_growth(period, value) - growth_rate(21.70, 18.50)) < 1e-12 FROM cr_flows),
          'yoy_growth: November 2023 against November 2022');

-- Fiscal years (fy_start_month).
SELECT is((SELECT ytd_trade(period, value, 4)
           FROM (VALUES (date '2023-03-01', 1.0::float8), ('2023-04-01', 2), ('2023-05-01', 4)) AS t(period, value)),
          6::float8, 'ytd_trade with an April fiscal year starts counting in April');
SELECT is((SELECT projected_trade(period, value, 4)
           FROM (VALUES (date '2023-04-01', 1.0::float8), ('2023-05-01', 2)) AS t(period, value)),
          18::float8, 'projected_trade with an April fiscal year: two months elapsed');

-- Integer (annual) periods.
SELECT is((SELECT target_reached_at(yr, value, 300) FROM cr_annual), 2022,
          'target_reached_at over years returns the year');
SELECT is((SELECT pg_typeof(target_reached_at(yr, value, 300)) FROM cr_annual),
          'integer'::regtype, 'target_reached_at over years returns an integer');
SELECT is((SELECT yoy_growth(yr, value) FROM cr_annual), growth_rate(240.11, 190.27),
          'yoy_growth over years: 2023 against 2022');
SELECT is((SELECT projected_trade(yr, value) FROM cr_annual), 240.11::float8,
          'projected_trade over years is the latest year''s total');
SELECT is((SELECT ytd_trade(yr, value, 4) FROM cr_annual), 240.11::float8,
          'annual periods ignore fy_start_month');

-- NULL rules.
SELECT is((SELECT cumulative_trade(v) FROM (VALUES (1.0::float8), (NULL), (2)) AS t(v)), 3::float8,
          'rows with a NULL value are skipped');
SELECT is((SELECT ytd_trade(p, v) FROM (VALUES (date '2023-01-01', 1.0::float8), (NULL, 5), ('2023-02-01', 2)) AS t(p, v)),
          3::float8, 'rows with a NULL period are skipped');
SELECT is((SELECT ytd_trade(p, v) FROM (VALUES (date '2023-01-01', NULL::float8)) AS t(p, v)), NULL,
          'a group with no usable row gives NULL');
SELECT is((SELECT hhi(v) FROM (VALUES (1.0::float8)) AS t(v) WHERE false), NULL,
          'an empty group gives NULL');
SELECT is((SELECT share_of(v, p) FROM (VALUES (1.0::float8, true), (1, NULL), (2, false)) AS t(v, p)), 0.25::float8,
          'share_of: is_part NULL counts as false');
SELECT is((SELECT hhi(v) FROM (VALUES (0.0::float8), (0)) AS t(v)), NULL, 'hhi of a zero total is NULL');
SELECT is((SELECT hhi(v) FROM (VALUES (1.0::float8), (1), (2)) AS t(v)), 0.375::float8, 'hhi of 1, 1, 2 = 0.375');

-- Compensated summation.
SELECT is((SELECT cumulative_trade(v) FROM (VALUES (1e16::float8), (1), (-1e16)) AS t(v)), 1::float8,
          'cumulative_trade(1e16, 1, -1e16) = 1 (compensated)');
SELECT is((SELECT target_attainment(v, 4) FROM (VALUES (1.0::float8), (1)) AS t(v)), 0.5::float8,
          'target_attainment = sum / target');

-- Results do not depend on row order.
SELECT is((SELECT ytd_trade(period, value) FROM (SELECT * FROM cr_flows ORDER BY value) s),
          (SELECT ytd_trade(period, value) FROM (SELECT * FROM cr_flows ORDER BY period DESC) s),
          'row order does not change the answer');

SELECT * FROM finish();
ROLLBACK;
