-- The China–Russia trade story (seed article) told with tradeagg in SQLite.
-- Run from the repository root:  make demo
-- (or: sqlite3 -bail :memory: < sql/demo.sql)
--
-- China's customs office publishes year-to-date figures (January and
-- February combined); period_from_ytd turns them back into monthly flows,
-- and the other functions answer the article's questions from those flows.

.bail on
.load ./sqlite_ext/tradeagg

CREATE TEMP TABLE customs (period TEXT, series TEXT, value_usd_bn REAL);
.import --csv --skip 1 sql/china_russia_trade.csv customs

-- Monthly flows, one series at a time; each year restarts at its first release.
CREATE TEMP TABLE flows AS
SELECT period, series, value_usd_bn AS ytd,
       period_from_ytd(period, value_usd_bn)
         OVER (PARTITION BY series ORDER BY period) AS flow
FROM customs
WHERE series = 'china_russia_ytd';

-- Full-year totals (the December releases) as an annual series.
CREATE TEMP TABLE annual AS
SELECT CAST(substr(period, 1, 4) AS INTEGER) AS year, value_usd_bn AS total
FROM customs
WHERE series = 'china_russia_ytd' AND substr(period, 6, 2) = '12';

.print
.print China–Russia goods trade, 2023, month by month (USD billions)
.mode box
SELECT substr(period, 1, 7) AS month,
       printf('%.2f', ytd) AS "published YTD",
       printf('%.2f', flow) AS "monthly flow",
       printf('%.2f', ytd_trade(period, flow) OVER (ORDER BY period)) AS "YTD from flows",
       coalesce(target_reached_at(period, flow, 200) OVER (ORDER BY period), '')
         AS "$200B passed at"
FROM flows
WHERE period >= '2023-01-01'
ORDER BY period;

.print
.print The article's figures, recomputed
WITH
  jan_nov_2023 AS (SELECT * FROM flows WHERE period BETWEEN '2023-01-01' AND '2023-11-30'),
  jan_nov_2022 AS (SELECT * FROM flows WHERE period BETWEEN '2022-01-01' AND '2022-11-30'),
  upto_nov_2023 AS (SELECT * FROM flows WHERE period BETWEEN '2022-01-01' AND '2023-11-30'),
  total_jan_nov_2023 AS (
    SELECT value_usd_bn AS v FROM customs
    WHERE series = 'china_total_ytd' AND period = '2023-11-01')
SELECT 'Jan–Nov 2023 trade' AS measure,
       printf('$%.2fB', (SELECT ytd_trade(period, flow) FROM jan_nov_2023)) AS value
UNION ALL
SELECT 'Attainment of the $200B target',
       printf('%.1f%%', 100 * (SELECT target_attainment(flow, 200) FROM jan_nov_2023))
UNION ALL
SELECT 'Target passed in the month of',
       (SELECT target_reached_at(period, flow, 200) FROM jan_nov_2023)
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
       printf('$%.2fB', (SELECT ytd_trade(period, flow) FROM flows WHERE period >= '2023-01-01'))
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

.print
.print The bases beside the growth rates
SELECT 'Nov 2023 vs Nov 2022' AS comparison,
       printf('%.2f', trailing_trade(period, flow, 1)) AS "latest",
       printf('%.2f', prior_year_trade(period, flow)) AS "base",
       printf('%+.1f%%', 100 * yoy_growth(period, flow)) AS growth
FROM flows WHERE period <= '2023-11-30'
UNION ALL
SELECT 'Jan–Nov 2023 vs Jan–Nov 2022 (' || ytd_period_count(period, flow) || ' releases)',
       printf('%.2f', ytd_trade(period, flow)), printf('%.2f', prior_ytd_trade(period, flow)),
       printf('%+.1f%%', 100 * ytd_yoy_growth(period, flow))
FROM flows WHERE period <= '2023-11-30';

.print
.print Month on month by the calendar (empty where the month before has no
.print release: January is published with February), 2023
SELECT month, flow, CASE WHEN mom IS NULL THEN '' ELSE printf('%+.1f%%', 100 * mom) END
         AS "vs previous month"
FROM (SELECT substr(period, 1, 7) AS month, printf('%.2f', flow) AS flow,
             period_growth(period, flow, 1) OVER (ORDER BY period) AS mom
      FROM flows WHERE period >= '2022-12-01')
WHERE month >= '2023'
ORDER BY month;

.print
.print Annual totals as an index, 2021 = 100
SELECT year, printf('%.2f', total) AS total,
       printf('%.1f', index_number(year, total, 2021) OVER (ORDER BY year)) AS "index (2021 = 100)"
FROM annual
ORDER BY year;
