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
