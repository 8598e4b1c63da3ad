// What is particular to DuckDB: the catalog, NULL handling through special
// NULL handling, argument types and casts, FILTER and DISTINCT, window frames
// built from merged states, and threads (the constant-frame path is in
// constant.mjs).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { openDuckDB, rows, one, errorOf, sameBits } from './lib.mjs';

let con;
before(async () => {
  ({ con } = await openDuckDB());
  // 1,200 rows in 4 series over 2020-2024, dated and annual, some NULLs.
  await con.run(`CREATE TABLE t AS SELECT i, i % 4 AS k,
      DATE '2020-01-01' + CAST((i * 37) % 1800 AS INTEGER) AS d,
      CAST(2016 + i % 9 AS INTEGER) AS y,
      CASE WHEN i % 53 = 0 THEN NULL ELSE round(((i * 7919) % 2000) * 0.37 - 100, 2) END AS v,
      i % 3 = 0 AS f
    FROM range(1200) r(i)`);
});

// ---- catalog ----------------------------------------------------------------

// Written out by hand from the SPEC: name, argument types -> result type.
const SIGNATURES = `
cumulative_trade(DOUBLE) DOUBLE
ytd_trade(DATE, DOUBLE) DOUBLE
ytd_trade(INTEGER, DOUBLE) DOUBLE
ytd_trade(BIGINT, DOUBLE) DOUBLE
ytd_trade(DATE, DOUBLE, BIGINT) DOUBLE
ytd_trade(INTEGER, DOUBLE, BIGINT) DOUBLE
ytd_trade(BIGINT, DOUBLE, BIGINT) DOUBLE
ttm_trade(DATE, DOUBLE) DOUBLE
ttm_trade(INTEGER, DOUBLE) DOUBLE
ttm_trade(BIGINT, DOUBLE) DOUBLE
yoy_growth(DATE, DOUBLE) DOUBLE
yoy_growth(INTEGER, DOUBLE) DOUBLE
yoy_growth(BIGINT, DOUBLE) DOUBLE
ytd_yoy_growth(DATE, DOUBLE) DOUBLE
ytd_yoy_growth(INTEGER, DOUBLE) DOUBLE
ytd_yoy_growth(BIGINT, DOUBLE) DOUBLE
ytd_yoy_growth(DATE, DOUBLE, BIGINT) DOUBLE
ytd_yoy_growth(INTEGER, DOUBLE, BIGINT) DOUBLE
ytd_yoy_growth(BIGINT, DOUBLE, BIGINT) DOUBLE
target_attainment(DOUBLE, DOUBLE) DOUBLE
target_reached_at(DATE, DOUBLE, DOUBLE) DATE
target_reached_at(INTEGER, DOUBLE, DOUBLE) INTEGER
target_reached_at(BIGINT, DOUBLE, DOUBLE) INTEGER
projected_trade(DATE, DOUBLE) DOUBLE
projected_trade(INTEGER, DOUBLE) DOUBLE
projected_trade(BIGINT, DOUBLE) DOUBLE
projected_trade(DATE, DOUBLE, BIGINT) DOUBLE
projected_trade(INTEGER, DOUBLE, BIGINT) DOUBLE
projected_trade(BIGINT, DOUBLE, BIGINT) DOUBLE
period_from_ytd(DATE, DOUBLE) DOUBLE
period_from_ytd(INTEGER, DOUBLE) DOUBLE
period_from_ytd(BIGINT, DOUBLE) DOUBLE
period_from_ytd(DATE, DOUBLE, BIGINT) DOUBLE
period_from_ytd(INTEGER, DOUBLE, BIGINT) DOUBLE
period_from_ytd(BIGINT, DOUBLE, BIGINT) DOUBLE
share_of(DOUBLE, BOOLEAN) DOUBLE
hhi(DOUBLE) DOUBLE
hhi(VARCHAR, DOUBLE) DOUBLE
hhi(BIGINT, DOUBLE) DOUBLE
period_growth(DATE, DOUBLE, BIGINT) DOUBLE
period_growth(INTEGER, DOUBLE, BIGINT) DOUBLE
period_growth(BIGINT, DOUBLE, BIGINT) DOUBLE
trailing_trade(DATE, DOUBLE, BIGINT) DOUBLE
trailing_trade(INTEGER, DOUBLE, BIGINT) DOUBLE
trailing_trade(BIGINT, DOUBLE, BIGINT) DOUBLE
prior_year_trade(DATE, DOUBLE) DOUBLE
prior_year_trade(INTEGER, DOUBLE) DOUBLE
prior_year_trade(BIGINT, DOUBLE) DOUBLE
prior_ytd_trade(DATE, DOUBLE) DOUBLE
prior_ytd_trade(INTEGER, DOUBLE) DOUBLE
prior_ytd_trade(BIGINT, DOUBLE) DOUBLE
prior_ytd_trade(DATE, DOUBLE, BIGINT) DOUBLE
prior_ytd_trade(INTEGER, DOUBLE, BIGINT) DOUBLE
prior_ytd_trade(BIGINT, DOUBLE, BIGINT) DOUBLE
ytd_contribution(DATE, DOUBLE, BOOLEAN) DOUBLE
ytd_contribution(INTEGER, DOUBLE, BOOLEAN) DOUBLE
ytd_contribution(BIGINT, DOUBLE, BOOLEAN) DOUBLE
ytd_contribution(DATE, DOUBLE, BOOLEAN, BIGINT) DOUBLE
ytd_contribution(INTEGER, DOUBLE, BOOLEAN, BIGINT) DOUBLE
ytd_contribution(BIGINT, DOUBLE, BOOLEAN, BIGINT) DOUBLE
trade_balance(DOUBLE, BOOLEAN) DOUBLE
coverage_ratio(DOUBLE, BOOLEAN) DOUBLE
index_number(DATE, DOUBLE, DATE) DOUBLE
index_number(DATE, DOUBLE, VARCHAR) DOUBLE
index_number(INTEGER, DOUBLE, INTEGER) DOUBLE
index_number(INTEGER, DOUBLE, VARCHAR) DOUBLE
index_number(BIGINT, DOUBLE, BIGINT) DOUBLE
index_number(BIGINT, DOUBLE, VARCHAR) DOUBLE
ytd_period_count(DATE, DOUBLE) INTEGER
ytd_period_count(INTEGER, DOUBLE) INTEGER
ytd_period_count(BIGINT, DOUBLE) INTEGER
ytd_period_count(DATE, DOUBLE, BIGINT) INTEGER
ytd_period_count(INTEGER, DOUBLE, BIGINT) INTEGER
ytd_period_count(BIGINT, DOUBLE, BIGINT) INTEGER
trade_series(DATE, DOUBLE) BLOB
trade_series(INTEGER, DOUBLE) BLOB
trade_series(BIGINT, DOUBLE) BLOB
rollup(BLOB) BLOB
series_total(BLOB) DOUBLE
series_ytd(BLOB) DOUBLE
series_ytd(BLOB, BIGINT) DOUBLE
series_ttm(BLOB) DOUBLE
series_yoy(BLOB) DOUBLE
series_ytd_yoy(BLOB) DOUBLE
series_ytd_yoy(BLOB, BIGINT) DOUBLE
series_projected(BLOB) DOUBLE
series_projected(BLOB, BIGINT) DOUBLE
series_from_ytd(BLOB) DOUBLE
series_from_ytd(BLOB, BIGINT) DOUBLE
series_reached_at(BLOB, DOUBLE) DATE
series_reached_at_year(BLOB, DOUBLE) INTEGER
series_attainment(BLOB, DOUBLE) DOUBLE
series_period_growth(BLOB, BIGINT) DOUBLE
series_trailing(BLOB, BIGINT) DOUBLE
series_prior_year(BLOB) DOUBLE
series_prior_ytd(BLOB) DOUBLE
series_prior_ytd(BLOB, BIGINT) DOUBLE
series_index(BLOB, DATE) DOUBLE
series_index(BLOB, INTEGER) DOUBLE
series_index(BLOB, BIGINT) DOUBLE
series_index(BLOB, VARCHAR) DOUBLE
series_ytd_period_count(BLOB) INTEGER
series_ytd_period_count(BLOB, BIGINT) INTEGER
series_text(BLOB) VARCHAR
series_from_text(VARCHAR) BLOB
series_periods(BLOB) STRUCT(period DATE, "value" DOUBLE, "rows" BIGINT)[]
series_periods_annual(BLOB) STRUCT(period INTEGER, "value" DOUBLE, "rows" BIGINT)[]
growth_rate(DOUBLE, DOUBLE) DOUBLE
attainment_ratio(DOUBLE, DOUBLE) DOUBLE
share_ratio(DOUBLE, DOUBLE) DOUBLE
cagr(DOUBLE, DOUBLE, DOUBLE) DOUBLE
tradeagg_version() VARCHAR`.trim().split('\n');

test('catalog: every function with its DuckDB signatures', async () => {
  const names = [...new Set(SIGNATURES.map((s) => s.slice(0, s.indexOf('('))))];
  const got = await rows(con, `SELECT function_name || '(' || array_to_string(parameter_types, ', ')
      || ') ' || return_type, function_type FROM duckdb_functions()
    WHERE function_name IN (${names.map((n) => `'${n}'`).join(', ')})`);
  assert.deepEqual(got.map((r) => r[0]).sort(), [...SIGNATURES].sort());
  for (const [sig, type] of got) {
    const scalar = /^(growth_rate|attainment_ratio|share_ratio|cagr|tradeagg_version|series_)/.test(sig);
    assert.equal(type, scalar ? 'scalar' : 'aggregate', sig);
  }
});

// ---- NULLs and empty input ----------------------------------------------------

test('NULL handling reaches the core: a NULL target is an error in any row', async () => {
  assert.equal(await errorOf(con, 'SELECT target_reached_at(d, v, NULL) FROM t'),
    'target_reached_at: target must not be NULL');
  assert.equal(await errorOf(con,
    'SELECT target_attainment(v, CASE WHEN i = 700 THEN NULL ELSE 100 END) FROM t'),
  'target_attainment: target must not be NULL');
  assert.equal(await errorOf(con, 'SELECT k, ytd_trade(d, v, NULL) FROM t GROUP BY k'),
    'ytd_trade: fy_start_month must not be NULL');
});

test('NULL handling: rows with a NULL period or value are skipped, not the group', async () => {
  const withNulls = await one(con, `SELECT ytd_trade(CASE WHEN i % 5 = 0 THEN NULL ELSE d END, v)
    FROM t WHERE d >= DATE '2024-01-01'`);
  const without = await one(con, `SELECT ytd_trade(d, v) FROM t
    WHERE d >= DATE '2024-01-01' AND i % 5 <> 0`);
  assert.ok(sameBits(withNulls, without));
  assert.equal(await one(con, 'SELECT ytd_trade(d, NULL::DOUBLE) FROM t'), null);
  assert.equal(await one(con, 'SELECT share_of(v, NULL) FROM t WHERE v IS NOT NULL AND v <> 0'), 0);
});

test('empty input and empty groups give NULL', async () => {
  for (const call of ['cumulative_trade(v)', 'ytd_trade(d, v)', 'target_reached_at(d, v, 5)',
    'target_reached_at(y, v, 5)', 'hhi(abs(v))', 'share_of(v, f)', 'yoy_growth(y, v)']) {
    assert.equal(await one(con, `SELECT ${call} FROM t WHERE false`), null, call);
    const g = await rows(con, `SELECT k, ${call} FILTER (WHERE k = 2) FROM t GROUP BY k ORDER BY k`);
    assert.deepEqual(g.map((r) => r[1] === null), [true, true, false, true], call);
  }
});

// ---- argument types ---------------------------------------------------------------

test('periods: DATE gives DATE, INTEGER and BIGINT (year()) give INTEGER years', async () => {
  const r = await con.runAndReadAll(`SELECT target_reached_at(d, v, 500), target_reached_at(year(d), v, 500),
      target_reached_at(CAST(year(d) AS INTEGER), v, 500), target_reached_at(CAST(year(d) AS SMALLINT), v, 500)
    FROM t WHERE k = 1`);
  assert.deepEqual(r.columnTypes().map(String), ['DATE', 'INTEGER', 'INTEGER', 'INTEGER']);
  const [date, y1, y2, y3] = r.getRows()[0].map(String);
  assert.equal(y1, date.slice(0, 4));
  assert.deepEqual([y2, y3], [y1, y1]);
});

test('values: DECIMAL and integer columns are cast to DOUBLE', async () => {
  const dec = await one(con, 'SELECT ytd_trade(d, CAST(v AS DECIMAL(10, 2))) FROM t WHERE year(d) = 2022');
  const dbl = await one(con, 'SELECT ytd_trade(d, v) FROM t WHERE year(d) = 2022');
  assert.ok(sameBits(dec, dbl));
  assert.equal(await one(con, 'SELECT cumulative_trade(i) FROM t'), (1199 * 1200) / 2);
  assert.equal(await one(con, 'SELECT cumulative_trade(CAST(i AS HUGEINT)) FROM t'), (1199 * 1200) / 2);
});

test('infinite dates are refused, naming the value', async () => {
  assert.equal(await errorOf(con, "SELECT ytd_trade(DATE 'infinity', 1)"),
    "ytd_trade: invalid period 'infinity' (expected YYYY-MM-DD, YYYY-MM or a year)");
  assert.equal(await errorOf(con, "SELECT ttm_trade(DATE '-infinity', 1)"),
    "ttm_trade: invalid period '-infinity' (expected YYYY-MM-DD, YYYY-MM or a year)");
  assert.equal(await errorOf(con, "SELECT ytd_trade(CAST(DATE '0044-03-15' - INTERVAL 100 YEAR AS DATE), 1)"),
    "ytd_trade: invalid period '0057-03-15 BC' (expected YYYY-MM-DD, YYYY-MM or a year)");
});

// ---- FILTER, DISTINCT -----------------------------------------------------------------

test('FILTER and DISTINCT give what the filtered or distinct rows give', async () => {
  const filtered = await rows(con, 'SELECT k, ytd_yoy_growth(d, v) FILTER (WHERE f) FROM t GROUP BY k ORDER BY k');
  const sub = await rows(con, 'SELECT k, ytd_yoy_growth(d, v) FROM t WHERE f GROUP BY k ORDER BY k');
  assert.deepEqual(filtered, sub);
  assert.equal(await one(con, 'SELECT cumulative_trade(DISTINCT k) FROM t'), 6);
  const distinct = await one(con, 'SELECT hhi(DISTINCT abs(v)) FROM t');
  const ref = await one(con, 'SELECT hhi(a) FROM (SELECT DISTINCT abs(v) AS a FROM t)');
  assert.ok(Math.abs(distinct - ref) <= 1e-15 * ref);
});

// ---- window frames ----------------------------------------------------------------------

// Each frame's answer, computed as a grouped aggregate over the frame's rows.
async function perFrame(call, lo, hi) {
  return rows(con, `WITH o AS (SELECT *, row_number() OVER (PARTITION BY k ORDER BY d, i) AS rn FROM t)
    SELECT o.i, (SELECT ${call.replace(/\b([dvyf])\b/g, 'o2.$1')} FROM o AS o2
      WHERE o2.k = o.k AND o2.rn BETWEEN o.rn - ${lo} AND o.rn + ${hi}) FROM o ORDER BY o.i`);
}

const WINDOW_CALLS = ['cumulative_trade(v)', 'ytd_trade(d, v)', 'ytd_trade(d, v, 4)', 'ttm_trade(d, v)',
  'yoy_growth(d, v)', 'ytd_yoy_growth(y, v)', 'target_reached_at(d, v, 2000)', 'projected_trade(d, v)',
  'period_from_ytd(d, v)', 'share_of(v, f)', 'hhi(abs(v))', 'target_attainment(v, 150)'];

for (const call of WINDOW_CALLS) {
  test(`window ROWS frames (moving, centred, running) of ${call} = each frame grouped`, async () => {
    for (const [lo, hi, frame] of [[9, 0, '9 PRECEDING AND CURRENT ROW'],
      [4, 3, '4 PRECEDING AND 3 FOLLOWING'], [100000, 0, 'UNBOUNDED PRECEDING AND CURRENT ROW']]) {
      const w = await rows(con, `SELECT i, ${call} OVER (PARTITION BY k ORDER BY d, i ROWS BETWEEN ${frame})
        FROM t ORDER BY i`);
      const ref = await perFrame(call, lo, hi);
      assert.equal(w.length, 1200);
      for (let j = 0; j < w.length; j++) {
        assert.ok(sameBits(w[j][1], ref[j][1]), `${frame}: row ${w[j][0]}: ${w[j][1]} vs ${ref[j][1]}`);
      }
    }
  });
}

test('window RANGE frames over dates: the trailing 90 days', async () => {
  const w = await rows(con, `SELECT i, ttm_trade(d, v) OVER (PARTITION BY k ORDER BY d
      RANGE BETWEEN INTERVAL 90 DAY PRECEDING AND CURRENT ROW) FROM t ORDER BY i`);
  const ref = await rows(con, `SELECT a.i, (SELECT ttm_trade(b.d, b.v) FROM t AS b
      WHERE b.k = a.k AND b.d BETWEEN a.d - INTERVAL 90 DAY AND a.d) FROM t AS a ORDER BY a.i`);
  assert.equal(w.length, ref.length);
  w.forEach((r, j) => assert.ok(sameBits(r[1], ref[j][1]), `row ${r[0]}`));
});

test('window FILTER: only the filtered rows of each frame count', async () => {
  const w = await rows(con, `SELECT i, ytd_trade(d, v) FILTER (WHERE f) OVER (PARTITION BY k ORDER BY d, i
      ROWS BETWEEN 20 PRECEDING AND CURRENT ROW) FROM t ORDER BY i`);
  const ref = await perFrame('ytd_trade(d, CASE WHEN f THEN v END)', 20, 0);
  w.forEach((r, j) => assert.ok(sameBits(r[1], ref[j][1]), `row ${r[0]}: ${r[1]} vs ${ref[j][1]}`));
});

// ---- threads ----------------------------------------------------------------------------------

test('threads: 2 threads give the bits 1 thread gives (600,000 rows in 5 row groups)', async () => {
  await con.run(`CREATE TABLE big AS SELECT i, i % 500 AS s,
      CAST(DATE '2015-01-01' + to_months(CAST(hash(i) % 120 AS INTEGER)) AS DATE) AS d,
      CAST(hash(i * 3) % 1099511627776 AS DOUBLE) / pow(2, hash(i * 5) % 41) AS v, hash(i) % 7 = 0 AS f
    FROM range(600000) r(i)`);
  const queries = [
    'SELECT s, ytd_trade(d, v), yoy_growth(d, v), target_reached_at(d, v, 100000), hhi(abs(v)), share_of(v, f) FROM big GROUP BY s ORDER BY s',
    'SELECT ytd_trade(d, v), ttm_trade(d, v), ytd_yoy_growth(d, v, 4), projected_trade(d, v), cumulative_trade(v) FROM big',
    'SELECT i, ytd_trade(d, v) OVER (PARTITION BY s ORDER BY d, i ROWS BETWEEN 50 PRECEDING AND CURRENT ROW) FROM big WHERE s < 20 ORDER BY i',
  ];
  const run = async (threads) => {
    await con.run(`SET threads = ${threads}`);
    const out = [];
    for (const q of queries) out.push(await rows(con, q));
    return out;
  };
  const one_ = await run(1);
  const two = await run(2);
  await con.run('RESET threads');
  for (let q = 0; q < queries.length; q++) {
    assert.equal(two[q].length, one_[q].length);
    two[q].forEach((r, j) => r.forEach((v, c) => assert.ok(sameBits(v, one_[q][j][c]), `query ${q} row ${j} col ${c}: ${v} vs ${one_[q][j][c]}`)));
  }
});

test('threads: an error in one row of 600,000 stops the query with its message', async () => {
  await con.run('SET threads = 2');
  assert.equal(await errorOf(con,
    'SELECT s, hhi(CASE WHEN i = 543210 THEN -2.5 ELSE abs(v) END) FROM big GROUP BY s'),
  'hhi: invalid value -2.5 (expected a number >= 0)');
  await con.run('RESET threads');
});

// ---- aggregates with an ORDER BY of their own ------------------------------------------------
// DuckDB feeds these through a wrapper that sorts each group, then calls
// update with one state for many rows (duckdb_ext/tadk_caller.c).

test('ORDER BY inside the aggregate: grouped, and over constant and moving frames', async () => {
  const plain = await rows(con, 'SELECT k, ytd_trade(d, v), target_reached_at(d, v, 3000) FROM t GROUP BY k ORDER BY k');
  const ordered = await rows(con, `SELECT k, ytd_trade(d, v ORDER BY i DESC),
      target_reached_at(d, v, 3000 ORDER BY v) FROM t GROUP BY k ORDER BY k`);
  plain.forEach((r, j) => r.forEach((v, c) => assert.ok(sameBits(v, ordered[j][c]), `group ${j} col ${c}`)));
  const w = await rows(con, 'SELECT DISTINCT k, ytd_trade(d, v ORDER BY i) OVER (PARTITION BY k) FROM t ORDER BY k');
  w.forEach((r, j) => assert.ok(sameBits(r[1], plain[j][1]), `partition ${j}: ${r[1]} vs ${plain[j][1]}`));
  const all = await rows(con, 'SELECT ytd_trade(d, v ORDER BY i DESC), ytd_trade(d, v) FROM t');
  assert.ok(sameBits(all[0][0], all[0][1]), `ungrouped: ${all[0][0]} vs ${all[0][1]}`);
  const frame = 'PARTITION BY k ORDER BY d, i ROWS BETWEEN 3 PRECEDING AND CURRENT ROW';
  const m = await rows(con, `SELECT i, ytd_trade(d, v ORDER BY v) OVER (${frame}), ytd_trade(d, v) OVER (${frame})
      FROM t ORDER BY i`);
  m.forEach((r) => assert.ok(sameBits(r[1], r[2]), `moving frame, row ${r[0]}: ${r[1]} vs ${r[2]}`));
  assert.equal(await one(con, "SELECT list_aggr([1.5, 2.25, NULL, 4], 'cumulative_trade')"), 7.75);
  // list_aggr fills one state per list: 3 lists of 1,000 values each, in one update call
  const lists = await rows(con, `SELECT k, list_aggr(list(v), 'cumulative_trade'), cumulative_trade(v)
      FROM (SELECT i % 3 AS k, i * 0.25 AS v FROM range(3000) r(i)) GROUP BY k ORDER BY k`);
  assert.deepEqual(lists.map((r) => [r[1], r[2]]), [[374625, 374625], [374875, 374875], [375125, 375125]]);
});
