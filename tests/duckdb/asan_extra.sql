-- Statements for asan_driver beyond the shared cases: the paths where
-- DuckDB creates, merges, moves and destroys many states.
SET threads = 2;
CREATE TABLE asan_big AS SELECT i, i % 300 AS s,
    CAST(DATE '2015-01-01' + to_months(CAST(hash(i) % 120 AS INTEGER)) AS DATE) AS d,
    (hash(i * 3) % 2000000) / 1024.0 - 300 AS v, hash(i) % 7 = 0 AS f
  FROM range(400000) r(i);
-- grouped, in parallel, every aggregate
SELECT count(*) = 300 FROM (SELECT s, cumulative_trade(v), ytd_trade(d, v), ytd_trade(d, v, 4),
    ttm_trade(d, v), yoy_growth(d, v), ytd_yoy_growth(d, v), target_attainment(v, 5000),
    target_reached_at(d, v, 100000), projected_trade(d, v), period_from_ytd(d, v),
    share_of(v, f), hhi(abs(v)), ytd_trade(year(d), v), target_reached_at(year(d), v, 1e5)
  FROM asan_big GROUP BY s);
-- many groups: states spill through DuckDB's partitioned hash table
SELECT count(*) = 200000 FROM (SELECT i % 200000 AS g, ytd_trade(d, v) FROM asan_big GROUP BY g);
-- moving, running and constant frames (on 40,020 rows: window frames are
-- built from O(log N) merges per row); FILTER; ORDER BY inside the aggregate
SELECT count(*) = 40020 FROM (SELECT ytd_trade(d, v) OVER (PARTITION BY s ORDER BY d, i
    ROWS BETWEEN 20 PRECEDING AND CURRENT ROW) FROM asan_big WHERE s < 30);
SELECT count(*) = 40020 FROM (SELECT yoy_growth(d, v) OVER (PARTITION BY s ORDER BY d) FROM asan_big WHERE s < 30);
SELECT count(*) = 400000 FROM (SELECT ytd_trade(d, v) OVER (), hhi(abs(v)) OVER (PARTITION BY s),
    ytd_trade(d, v) FILTER (WHERE f) OVER (PARTITION BY i % 150000) FROM asan_big);
SELECT count(*) = 300 FROM (SELECT s, ytd_trade(d, v ORDER BY i DESC) FROM asan_big GROUP BY s);
SELECT list_aggr([1.5, 2.25, NULL, 4], 'cumulative_trade') = 7.75;
-- errors while many states are alive, in parallel, grouped and windowed
-- error: Invalid Input Error: hhi: invalid value -1 (expected a number >= 0)
SELECT i % 100000, hhi(CASE WHEN i = 345678 THEN -1 ELSE 1 END) FROM asan_big GROUP BY i % 100000;
-- error: Invalid Input Error: ytd_trade: fy_start_month must be the same in every row of a group (1 and 2)
SELECT ytd_trade(d, v, CASE WHEN i = 39905 THEN 2 ELSE 1 END) OVER (PARTITION BY s ORDER BY i) FROM asan_big WHERE s < 30;
-- error: Invalid Input Error: target_reached_at: target must not be NULL
SELECT s, target_reached_at(d, v, CASE WHEN i = 7 THEN NULL ELSE 5 END) FROM asan_big GROUP BY s;
SELECT tradeagg_version() IS NOT NULL;
-- the series: made in parallel, stored, rolled up, over frames, read back
CREATE TABLE asan_series AS SELECT s, trade_series(d, v) AS x, trade_series(CAST(year(d) AS INTEGER), v) AS y
  FROM asan_big GROUP BY s;
SELECT rollup(x) = (SELECT trade_series(d, v) FROM asan_big) FROM asan_series;
SELECT rollup(y) = (SELECT trade_series(CAST(year(d) AS INTEGER), v) FROM asan_big) FROM asan_series;
SELECT count(*) = 300 FROM (SELECT s, series_total(x), series_ytd(x, 4), series_ttm(x), series_yoy(x),
    series_ytd_yoy(x), series_projected(x), series_from_ytd(x), series_reached_at(x, 1e5),
    series_attainment(x, 5000), series_period_growth(x, 3), series_trailing(x, 6), series_prior_year(x),
    series_prior_ytd(x), series_index(x, DATE '2016-01-01'), series_ytd_period_count(x),
    series_reached_at_year(y, 1e5), series_index(y, 2016), series_text(x), len(series_periods(x)),
    len(series_periods_annual(y)) FROM asan_series);
SELECT bool_and(series_from_text(series_text(x)) = x) FROM asan_series;
SELECT sum(p.rows) = 400000 FROM (SELECT unnest(series_periods(x)) AS p FROM asan_series);
SELECT count(*) = 40020 FROM (SELECT series_ytd(trade_series(d, v) OVER (PARTITION BY s ORDER BY d, i
    ROWS BETWEEN 20 PRECEDING AND CURRENT ROW)) FROM asan_big WHERE s < 30);
SELECT count(*) = 300 FROM (SELECT rollup(x) OVER (ORDER BY s ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) FROM asan_series);
SELECT count(*) = 400000 FROM (SELECT trade_series(d, v) OVER (PARTITION BY i % 100000) FROM asan_big);
-- hostile series and text, and a rollup failing with many states alive
CREATE TABLE asan_hostile AS SELECT b, from_hex(substr(hex(x), 1, b * 2)) AS cut,
    from_hex(substr(hex(x), 1, b * 2) || '0F' || substr(hex(x), b * 2 + 3)) AS flip
  FROM (SELECT x FROM asan_series WHERE s = 7), range(0, 200) r(b);
-- error: Invalid Input Error: series_ytd: invalid series (truncated)
SELECT series_ytd(cut) FROM asan_hostile WHERE b < 8;
-- error: Invalid Input Error: series_ytd: invalid series (bad period table)
SELECT series_ytd(cut) FROM asan_hostile WHERE b >= 8;
-- error: Invalid Input Error: rollup: invalid series (bad period table)
SELECT rollup(cut) FROM asan_hostile WHERE b >= 8;
-- error: Invalid Input Error: series_periods: invalid series (bad period table)
SELECT series_periods(cut) FROM asan_hostile WHERE b >= 8;
-- error: Invalid Input Error: series_text: invalid series (truncated)
SELECT series_text(cut) FROM asan_hostile WHERE b < 8;
SELECT count(*) >= 0 FROM (SELECT b, TRY(series_ytd(flip)), TRY(series_text(flip)), TRY(len(series_periods(flip)))
  FROM asan_hostile);
-- error: Invalid Input Error: series_from_text: invalid series text (bad sum at character 23)
SELECT series_from_text('v1 date; 2023-01-01 1 1e999');
-- error: Invalid Input Error: series_from_text: invalid series text (expected 'v1 ' (format version 1) at character 1)
SELECT series_from_text(substr(series_text(x), 2)) FROM asan_series;
-- error: Invalid Input Error: rollup: mixed period kinds: dated and annual series
SELECT rollup(z) FROM (SELECT x AS z FROM asan_series UNION ALL SELECT y FROM asan_series);
