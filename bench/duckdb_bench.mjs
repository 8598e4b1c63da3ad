// bench/duckdb_bench.mjs — the DuckDB half of make bench (bench/run.sh).
//
//   node bench/duckdb_bench.mjs --rows N --runs R --md FILE [--only TEXT]
//
// Builds, in an in-memory DuckDB with the extension loaded, a trade table
// shaped like bench/common.c's (series x 240 months, 1-7 rows per
// series-month, 2% NULL values, whole cents, part true for a third), then
// times each aggregate against DuckDB's floor (fsum(v), with max(period)
// for period aggregates) and against the plain-SQL formulation, at
// threads = 1 and 2. Every figure is the median of R runs; timing is
// reported, never asserted. The run fails when tradeagg and the plain SQL
// disagree. Appends a Markdown section to FILE.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'tests/duckdb/package.json'));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const ROWS = Number(arg('rows', 10000000));
const RUNS = Number(arg('runs', 3));
const MD = arg('md', null);
const ONLY = arg('only', ''); // run only the measures whose name contains this
const EXT = path.join(ROOT, 'duckdb_ext/tradeagg.duckdb_extension');

const instance = await DuckDBInstance.create(':memory:', { allow_unsigned_extensions: 'true' });
const con = await instance.connect();
await con.run(`LOAD '${EXT}'`);

// ~4 rows per series-month, 240 months: ROWS / 960 series.
const SERIES = Math.max(1, Math.ceil(ROWS / 960));
await con.run(`CREATE TABLE trade AS
  WITH sm AS (SELECT s AS series, m FROM range(${SERIES}) a(s), range(240) b(m)
              WHERE hash(s, m) % 64 <> 0)
  SELECT series, CAST(DATE '2004-01-01' + to_months(CAST(m AS INTEGER)) AS DATE) AS period, r AS id,
         CASE WHEN hash(series, m, r, 1) % 50 = 0 THEN NULL
              ELSE CAST(hash(series, m, r, 2) % 1000000 AS DOUBLE) / 100 END AS v,
         hash(series, m, r, 3) % 3 = 0 AS part
  FROM sm, range(CAST(1 + hash(series, m) % 7 AS BIGINT)) c(r)
  ORDER BY series, period, id`);
const nrows = Number((await con.runAndReadAll('SELECT count(*) FROM trade')).getRows()[0][0]);
// Daily data for the running YTD window: ROWS / 500,000 series (at least
// 1) x 10 years of days, 2014-2023.
const DAILY = Math.max(1, Math.ceil(ROWS / 500000));
await con.run(`CREATE TABLE daily AS
  SELECT s AS series, CAST(DATE '2014-01-01' + CAST(d AS INTEGER) AS DATE) AS day,
         CAST(hash(s, d) % 1000000 AS DOUBLE) / 100 AS v
  FROM range(${DAILY}) a(s), range(3652) b(d) ORDER BY series, day`);

async function time(sql) {
  const t0 = process.hrtime.bigint();
  const r = await con.runAndReadAll(sql);
  return [Number(process.hrtime.bigint() - t0) / 1e6, r.getRows()];
}

// [name, tradeagg query, floor or plain-SQL query, compare results?]
const P = 'period, v';
const BENCH = [
  ['cumulative_trade vs fsum(v)', 'SELECT cumulative_trade(v) FROM trade', 'SELECT fsum(v) FROM trade', false],
  ...['ytd_trade', 'ttm_trade', 'yoy_growth', 'ytd_yoy_growth', 'projected_trade', 'period_from_ytd'].map((f) =>
    [`${f} by series vs fsum(v), max(period)`, `SELECT series, ${f}(${P}) FROM trade GROUP BY series`,
      'SELECT series, fsum(v), max(period) FROM trade GROUP BY series', false]),
  ['target_reached_at by series vs fsum(v), max(period)', 'SELECT series, target_reached_at(period, v, 50000) FROM trade GROUP BY series',
    'SELECT series, fsum(v), max(period) FROM trade GROUP BY series', false],
  ['share_of vs fsum(v)', 'SELECT share_of(v, part) FROM trade', 'SELECT fsum(v) FROM trade', false],
  ['hhi vs fsum(v)', 'SELECT hhi(v) FROM trade', 'SELECT fsum(v) FROM trade', false],
  ['yoy_growth, one series, vs plain SQL (self-join on the year-earlier period)',
    'SELECT yoy_growth(period, v) FROM trade',
    `WITH p AS (SELECT period, fsum(v) AS s, count(v) AS n FROM trade GROUP BY period),
          last AS (SELECT max(period) AS lp FROM p WHERE n > 0)
     SELECT c.s / NULLIF(pr.s, 0) - 1 FROM last JOIN p AS c ON c.period = last.lp
       LEFT JOIN p AS pr ON pr.period = last.lp - INTERVAL 1 YEAR`, true],
  ['yoy_growth by series vs plain SQL (self-join on the year-earlier period)',
    'SELECT series, yoy_growth(period, v) FROM trade GROUP BY series ORDER BY series',
    `WITH p AS (SELECT series, period, fsum(v) AS s, count(v) AS n FROM trade GROUP BY series, period),
          last AS (SELECT series, max(period) AS lp FROM p WHERE n > 0 GROUP BY series)
     SELECT last.series, c.s / NULLIF(pr.s, 0) - 1 FROM last JOIN p AS c ON c.series = last.series AND c.period = last.lp
       LEFT JOIN p AS pr ON pr.series = last.series AND pr.period = last.lp - INTERVAL 1 YEAR ORDER BY last.series`, true],
  ['target_reached_at by series vs plain SQL (running sum() OVER, min() FILTER)',
    'SELECT series, target_reached_at(period, v, 50000) FROM trade GROUP BY series ORDER BY series',
    `WITH p AS (SELECT series, period, fsum(v) AS s FROM trade GROUP BY series, period),
          run AS (SELECT series, period, sum(s) OVER (PARTITION BY series ORDER BY period) AS cum FROM p)
     SELECT series, min(period) FILTER (WHERE cum >= 50000) FROM run GROUP BY series ORDER BY series`, true],
  ['running ytd_trade window by series vs sum() OVER (PARTITION BY series, year)',
    `SELECT count(y) FROM (SELECT ytd_trade(period, v) OVER (PARTITION BY series ORDER BY period, id) AS y FROM trade)`,
    `SELECT count(y) FROM (SELECT sum(v) OVER (PARTITION BY series, year(period) ORDER BY period, id) AS y FROM trade)`, false],
  [`running ytd_trade window over daily data (${DAILY} series x 3652 days), each series and year a partition, vs sum() OVER`,
    `SELECT count(y) FROM (SELECT ytd_trade(day, v) OVER (PARTITION BY series, year(day) ORDER BY day) AS y FROM daily)`,
    `SELECT count(y) FROM (SELECT sum(v) OVER (PARTITION BY series, year(day) ORDER BY day) AS y FROM daily)`, false],
];

const near = (a, b) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
function same(x, y) {
  if (x.length !== y.length) return false;
  return x.every((r, i) => r.every((v, j) => near(typeof v === 'object' && v !== null ? String(v) : v,
    typeof y[i][j] === 'object' && y[i][j] !== null ? String(y[i][j]) : y[i][j])));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let status = 0;
const lines = [];
for (const threads of [1, 2]) {
  await con.run(`SET threads = ${threads}`);
  for (const [name, ours, other, check] of BENCH.filter(([n]) => n.includes(ONLY))) {
    const a = [], b = [];
    let ra, rb;
    for (let i = 0; i < RUNS; i++) {
      let t;
      [t, ra] = await time(ours); a.push(t);
      [t, rb] = await time(other); b.push(t);
    }
    if (check && !same(ra, rb)) {
      console.error(`bench: ${name}: tradeagg and plain SQL disagree`);
      status = 1;
    }
    const [ma, mb] = [median(a), median(b)];
    lines.push(`| ${threads} | ${name} | ${ma.toFixed(0)} | ${mb.toFixed(0)} | ${(ma / mb).toFixed(2)}× |`);
    console.log(`duckdb threads=${threads}: ${name}: ${ma.toFixed(0)} ms vs ${mb.toFixed(0)} ms`);
  }
}

if (MD) {
  appendFileSync(MD, `\n## DuckDB (${nrows} rows, ${SERIES} series)\n\n`
    + 'In-memory DuckDB 1.5 (`@duckdb/node-api`), the table generated in SQL with the shape of '
    + '`bench/common.c` (not the same rows), stored in (series, period, id) order. '
    + 'Ratio: tradeagg over the other query; below 1 is faster. The plain-SQL results are '
    + 'checked against tradeagg\'s.\n\n'
    + '| threads | measure | tradeagg ms | other ms | ratio |\n|---|---|---|---|---|\n'
    + lines.join('\n') + '\n');
}
process.exit(status);
