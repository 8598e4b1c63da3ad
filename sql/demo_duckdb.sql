-- The China–Russia trade story (seed article) told with tradeagg in DuckDB.
-- Run from the repository root:  make demo-duckdb
-- (in any DuckDB client: SET allow_unsigned_extensions = true at startup,
-- LOAD 'duckdb_ext/tradeagg.duckdb_extension', then these statements)
--
-- China's customs office publishes year-to-date figures (January and
-- February combined); period_from_ytd turns them back into monthly flows,
-- and the other functions answer the article's questions from those flows.

CREATE TEMP TABLE customs AS
SELECT CAST(period AS DATE) AS period, series, CAST(value_usd_bn AS DOUBLE) AS value_usd_bn
FROM read_csv('sql/china_russia_trade.csv', header = true, all_varchar = true);

-- Monthly flows, one series at a time; each year restarts at its first release.
CREATE TEMP TABLE flows AS
SELECT period, series, value_usd_bn AS ytd,
       period_from_ytd(period, value_usd_bn)
         OVER (PARTITION BY series ORDER BY period) AS flow
FROM customs
WHERE series = 'china_russia_ytd';

-- Full-year totals (the December releases) as an annual series.
CREATE TEMP TABLE annual AS
SELECT year(period) AS year, value_usd_bn AS total
FROM customs
WHERE series = 'china_russia_ytd' AND month(period) = 12;

-- print: China–Russia goods trade, 2023, month by month (USD billions)
SELECT strftime(period, '%Y-%m') AS month,
       printf('%.2f', ytd) AS "published YTD",
       printf('%.2f', flow) AS "monthly flow",
       printf('%.2f', ytd_trade(period, flow) OVER (ORDER BY period)) AS "YTD from flows",
       coalesce(CAST(target_reached_at(period, flow, 200) OVER (ORDER BY period) AS VARCHAR), '')
         AS "$200B passed at"
FROM flows
WHERE period >= DATE '2023-01-01'
ORDER BY period;

-- print: The article's figures, recomputed
WITH
  jan_nov_2023 AS (SELECT * FROM flows WHERE period BETWEEN DATE '2023-01-01' AND DATE '2023-11-30'),
  jan_nov_2022 AS (SELECT * FROM flows WHERE period BETWEEN DATE '2022-01-01' AND DATE '2022-11-30'),
  upto_nov_2023 AS (SELECT * FROM flows WHERE period BETWEEN DATE '2022-01-01' AND DATE '2023-11-30'),
  total_jan_nov_2023 AS (
    SELECT value_usd_bn AS v FROM customs
    WHERE series = 'china_total_ytd' AND period = DATE '2023-11-01')
SELECT 'Jan–Nov 2023 trade' AS measure,
       printf('$%.2fB', (SELECT ytd_trade(period, flow) FROM jan_nov_2023)) AS value
UNION ALL
SELECT 'Attainment of the $200B target',
       printf('%.1f%%', 100 * (SELECT target_attainment(flow, 200) FROM jan_nov_2023))
UNION ALL
SELECT 'Target passed in the month of',
       CAST((SELECT target_reached_at(period, flow, 200) FROM jan_nov_2023) AS VARCHAR)
UNION ALL
SELECT 'Jan–Nov 2022 trade',
       printf('$%.2fB', (SELECT ytd_trade(period, flow) FROM jan_nov_2022))
UNION ALL
SELECT 'YoY, Jan–Nov 2023 vs Jan–Nov 2022',
       printf('%+.1f%%', 100 * (SELECT ytd_yoy_growth(period, flow) FROM upto_nov_2023))
UNION ALL
SELECT 'Run-rate projection for 2023',
       printf('$%.2fB', (SELECT projected_trade(period, flow) FROM jan_nov_2023))
UNION ALL
SELECT 'Actual full year 2023',
       printf('$%.2fB', (SELECT ytd_trade(period, flow) FROM flows WHERE period >= DATE '2023-01-01'))
UNION ALL
SELECT 'Growth in 2022 (' || (SELECT printf('%.2f', total) FROM annual WHERE year = 2022)
         || ' vs ' || (SELECT printf('%.2f', total) FROM annual WHERE year = 2021) || ')',
       printf('%+.1f%%', 100 * (SELECT yoy_growth(year, total) FROM annual WHERE year <= 2022))
UNION ALL
SELECT 'Share of China''s total trade, Jan–Nov 2023',
       printf('%.1f%%', 100 * share_ratio(
         (SELECT ytd_trade(period, flow) FROM jan_nov_2023),
         (SELECT v FROM total_jan_nov_2023)))
UNION ALL
SELECT 'Two-year CAGR, 2021–2023',
       printf('%+.1f%%', 100 * cagr(
         (SELECT total FROM annual WHERE year = 2021),
         (SELECT total FROM annual WHERE year = 2023), 2));
