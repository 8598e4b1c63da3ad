// The series in DuckDB (SPEC "Two-step aggregates: the series type"): a BLOB
// of the core's bytes. Rollup of per-group series has the bytes of the
// series of all rows, accessors answer as their one-step aggregates bit for
// bit, threads and window frames change no byte, series_periods lists what
// plain SQL counts and sums, and hostile bytes or text give the core's error.
// Run in DuckDB 1.5 and 1.4.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { openDuckDB, rows, one, errorOf, sameBits } from './lib.mjs';

// Every accessor of the SPEC with the one-step aggregate it answers as;
// `p` is the period column, `s` the series of (p, v).
const ACCESSORS = [
  ['series_total(s)', 'cumulative_trade(v)'],
  ['series_ytd(s)', 'ytd_trade(p, v)'],
  ['series_ytd(s, 4)', 'ytd_trade(p, v, 4)'],
  ['series_ttm(s)', 'ttm_trade(p, v)'],
  ['series_yoy(s)', 'yoy_growth(p, v)'],
  ['series_ytd_yoy(s)', 'ytd_yoy_growth(p, v)'],
  ['series_ytd_yoy(s, 7)', 'ytd_yoy_growth(p, v, 7)'],
  ['series_projected(s)', 'projected_trade(p, v)'],
  ['series_projected(s, 10)', 'projected_trade(p, v, 10)'],
  ['series_from_ytd(s)', 'period_from_ytd(p, v)'],
  ['series_from_ytd(s, 2)', 'period_from_ytd(p, v, 2)'],
  ['series_attainment(s, 700)', 'target_attainment(v, 700)'],
  ['series_trailing(s, 24)', 'trailing_trade(p, v, 24)'],
  ['series_period_growth(s, 12)', 'period_growth(p, v, 12)'],
  ['series_prior_year(s)', 'prior_year_trade(p, v)'],
  ['series_prior_ytd(s)', 'prior_ytd_trade(p, v)'],
  ['series_prior_ytd(s, 3)', 'prior_ytd_trade(p, v, 3)'],
  ['series_ytd_period_count(s)', 'ytd_period_count(p, v)'],
  ['series_ytd_period_count(s, 12)', 'ytd_period_count(p, v, 12)'],
];
const DATED = [...ACCESSORS,
  ['series_reached_at(s, 30000)', 'target_reached_at(p, v, 30000)'],
  ['series_index(s, DATE \'2021-01-01\')', 'index_number(p, v, DATE \'2021-01-01\')'],
  ['series_index(s, \'2021-01\')', 'index_number(p, v, \'2021-01\')'],
  ['series_period_growth(s, 4)', 'period_growth(p, v, 4)'],
];
const ANNUAL = [...ACCESSORS,
  ['series_reached_at_year(s, 30000)', 'target_reached_at(p, v, 30000)'],
  ['series_index(s, 2019)', 'index_number(p, v, 2019)'],
];

const hexOf = (con, sql) => one(con, sql);

export function seriesTests(api) {
  let con;
  before(async () => {
    ({ con } = await openDuckDB(api));
    // 1,200 rows in 4 groups over 2020-2024 (dated, first of the month, and
    // annual), some NULL values; w holds whole numbers, so plain SQL sums
    // them exactly.
    await con.run(`CREATE TABLE t AS SELECT i, i % 4 AS k,
        CAST(DATE '2020-01-01' + to_months(CAST((i * 37) % 60 AS INTEGER)) AS DATE) AS d,
        CAST(2016 + i % 9 AS INTEGER) AS y,
        CASE WHEN i % 53 = 0 THEN NULL ELSE round(((i * 7919) % 2000) * 0.37 - 100, 2) END AS v,
        CAST((i * 7919) % 2000 - 300 AS DOUBLE) AS w
      FROM range(1200) r(i)`);
  });

  test('rollup of per-group series has the bytes of the series of all rows', async () => {
    for (const p of ['d', 'y']) {
      const all = await hexOf(con, `SELECT trade_series(${p}, v) FROM t`);
      assert.match(all, /^545301/);
      for (const by of ['k', 'i % 37', 'i']) {
        assert.equal(await hexOf(con, `SELECT rollup(s) FROM (SELECT trade_series(${p}, v) AS s
          FROM t GROUP BY ${by})`), all, `${p} by ${by}`);
      }
      assert.equal(await hexOf(con, `SELECT rollup(r) FROM (SELECT rollup(s) AS r FROM
        (SELECT k, trade_series(${p}, v) AS s FROM t GROUP BY k, i % 5) GROUP BY k)`), all,
      `${p}: rollup of rollups`);
    }
  });

  test('a series stored in a BLOB column reads back to the same bytes and answers', async () => {
    await con.run(`CREATE TABLE st AS SELECT k, trade_series(d, v) AS s, trade_series(y, v) AS a
      FROM t GROUP BY k`);
    const r = await con.runAndReadAll('SELECT s, a FROM st');
    assert.deepEqual(r.columnTypes().map(String), ['BLOB', 'BLOB']);
    const stored = await rows(con, 'SELECT k, s, a FROM st ORDER BY k');
    const fresh = await rows(con, 'SELECT k, trade_series(d, v), trade_series(y, v) FROM t GROUP BY k ORDER BY k');
    assert.deepEqual(stored, fresh);
  });

  for (const [kind, p, list] of [['dated', 'd', DATED], ['annual', 'y', ANNUAL]]) {
    test(`every accessor of a ${kind} series = its one-step aggregate, bit for bit`, async () => {
      const s = `trade_series(${p}, v)`;
      const acc = list.map(([a]) => a.replaceAll(/\bs\b(?=[,)])/g, s));
      const agg = list.map(([, g]) => g.replaceAll(/\bp\b/g, p));
      const got = await rows(con, `SELECT k, ${acc.join(', ')} FROM t GROUP BY k ORDER BY k`);
      const want = await rows(con, `SELECT k, ${agg.join(', ')} FROM t GROUP BY k ORDER BY k`);
      assert.equal(got.length, 4);
      got.forEach((r, j) => r.forEach((x, c) => assert.ok(sameBits(x, want[j][c]),
        `group ${j}: ${c ? list[c - 1][0] : 'k'}: ${x} vs ${want[j][c]}`)));
      assert.ok(got.some((r) => r.slice(1).every((x) => x !== null)), 'some group has every answer');
    });
  }

  test('NULLs: no usable row gives NULL; a NULL series gives NULL; a NULL parameter is an error', async () => {
    assert.equal(await one(con, 'SELECT trade_series(d, v) FROM t WHERE v IS NULL'), null);
    assert.equal(await one(con, 'SELECT rollup(s) FROM (SELECT trade_series(d, v) AS s FROM t WHERE false)'), null);
    assert.equal(await one(con, 'SELECT series_text(trade_series(d, v)) FROM t WHERE false'), null);
    assert.equal(await one(con, 'SELECT series_reached_at(NULL, 5)'), null);
    assert.equal(await errorOf(con, 'SELECT series_ytd(s, CASE WHEN k = 2 THEN NULL ELSE 1 END) FROM st'),
      'series_ytd: fy_start_month must not be NULL');
    assert.equal(await errorOf(con, 'SELECT series_reached_at(s, NULL) FROM st'),
      'series_reached_at: target must not be NULL');
    assert.equal(await errorOf(con, 'SELECT series_index(s, CAST(NULL AS DATE)) FROM st'),
      'series_index: base_period must not be NULL');
    const g = await rows(con, 'SELECT k, series_total(trade_series(d, v) FILTER (WHERE k = 2)) FROM t GROUP BY k ORDER BY k');
    assert.deepEqual(g.map((r) => r[1] === null), [true, true, false, true]);
  });

  test('series_periods lists what plain SQL counts and sums, in period order', async () => {
    for (const [p, fn] of [['d', 'series_periods'], ['y', 'series_periods_annual']]) {
      const got = await rows(con, `SELECT k, x.period, x.value, x.rows FROM (SELECT k,
          unnest(${fn}(trade_series(${p}, w))) AS x FROM t GROUP BY k) ORDER BY k`);
      const want = await rows(con, `SELECT k, ${p}, sum(w), count(*) FROM t GROUP BY k, ${p} ORDER BY k, ${p}`);
      assert.deepEqual(got, want, fn);
    }
    const listed = await one(con, `SELECT list_transform(series_periods(s), x -> x.period)
      = list_sort(list_transform(series_periods(s), x -> x.period)) FROM st WHERE k = 3`);
    assert.equal(listed, true);
  });

  test('the text form reads back to the same bytes, for every group', async () => {
    const r = await rows(con, `SELECT k, series_from_text(series_text(s)) = s,
        series_from_text(series_text(a)) = a FROM st ORDER BY k`);
    assert.deepEqual(r, [[0, true, true], [1, true, true], [2, true, true], [3, true, true]]);
  });

  test('threads: 2 threads make the bytes 1 thread makes (300,000 rows in 5 row groups)', async () => {
    await con.run(`CREATE TABLE bigs AS SELECT i, i % 300 AS g,
        CAST(DATE '2015-01-01' + to_months(CAST(hash(i) % 120 AS INTEGER)) AS DATE) AS d,
        CAST(hash(i * 3) % 1099511627776 AS DOUBLE) / pow(2, hash(i * 5) % 41) AS v
      FROM range(300000) r(i)`);
    const queries = [
      'SELECT g, trade_series(d, v) FROM bigs GROUP BY g ORDER BY g',
      'SELECT trade_series(d, v), trade_series(CAST(year(d) AS INTEGER), v) FROM bigs',
      'SELECT rollup(s) FROM (SELECT trade_series(d, v) AS s FROM bigs GROUP BY g)',
      'SELECT i, series_ytd(trade_series(d, v) OVER (PARTITION BY g ORDER BY d, i ROWS BETWEEN 30 PRECEDING AND CURRENT ROW)) FROM bigs WHERE g < 10 ORDER BY i',
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
    for (let q = 0; q < queries.length; q++) assert.deepEqual(two[q], one_[q], queries[q]);
    assert.equal(one_[2][0][0], one_[1][0][0], 'rollup of the groups = the series of all rows');
  });

  test('window frames: each frame\'s series = the series of the frame\'s rows', async () => {
    const w = await rows(con, `SELECT i, trade_series(d, v) OVER (PARTITION BY k ORDER BY d, i
        ROWS BETWEEN 5 PRECEDING AND 2 FOLLOWING) FROM t ORDER BY i`);
    const ref = await rows(con, `WITH o AS (SELECT *, row_number() OVER (PARTITION BY k ORDER BY d, i) AS rn FROM t)
      SELECT o.i, (SELECT trade_series(o2.d, o2.v) FROM o AS o2 WHERE o2.k = o.k
        AND o2.rn BETWEEN o.rn - 5 AND o.rn + 2) FROM o ORDER BY o.i`);
    assert.deepEqual(w, ref);
    const run = await rows(con, `SELECT k, last(r ORDER BY d, i) FROM (SELECT k, d, i, rollup(s) OVER
        (PARTITION BY k ORDER BY d, i) AS r FROM (SELECT k, d, i, trade_series(d, v) OVER (PARTITION BY i) AS s
        FROM t)) GROUP BY k ORDER BY k`);
    const whole = await rows(con, 'SELECT k, trade_series(d, v) FROM t GROUP BY k ORDER BY k');
    assert.deepEqual(run, whole);
  });

  test('hostile bytes: every truncation and bit flip is refused with the core\'s message or valid', async () => {
    const hex = await hexOf(con, "SELECT trade_series(d, v) FROM t WHERE k = 1 AND d < DATE '2020-05-01'");
    const bytes = Buffer.from(hex, 'hex');
    const inputs = [];
    for (let n = 0; n < bytes.length; n++) inputs.push([`truncated to ${n}`, bytes.subarray(0, n), true]);
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const b = Buffer.from(bytes);
      b[bit >> 3] ^= 1 << (bit & 7);
      inputs.push([`bit ${bit} flipped`, b, false]);
    }
    let refused = 0;
    for (const [what, b, mustFail] of inputs) {
      for (const fn of ['series_ytd', 'series_text', 'series_periods', 'rollup']) {
        const q = `SELECT ${fn}(from_hex('${b.toString('hex')}'))`;
        try {
          await con.run(q);
          assert.ok(!mustFail, `${what}: ${fn} accepted it`);
        } catch (e) {
          assert.match(e.message, new RegExp(`^Invalid Input Error: ${fn}: (invalid series \\(|sum out of range|the series is annual)`),
            `${what}: ${fn}`);
          refused += fn === 'series_ytd';
        }
      }
    }
    assert.ok(refused > bytes.length, `${refused} refused`);
  });

  test('bad text: every truncation and many edits are refused with the core\'s message or read', async () => {
    const text = await one(con, "SELECT series_text(trade_series(d, v)) FROM t WHERE k = 2 AND d < DATE '2020-04-01'");
    let refused = 0;
    const edits = [];
    for (let n = 0; n < text.length; n++) {
      edits.push(text.slice(0, n));
      for (const c of [' ', ';', '0', '9', 'e', '-', 'x', '*', '.']) edits.push(text.slice(0, n) + c + text.slice(n + 1));
    }
    for (const t of edits) {
      try {
        const back = await one(con, `SELECT series_text(series_from_text('${t.replaceAll("'", "''")}'))`);
        assert.equal(typeof back, 'string');
      } catch (e) {
        assert.match(e.message, /^Invalid Input Error: series_from_text: invalid series text \(/, JSON.stringify(t));
        refused++;
      }
    }
    assert.ok(refused > text.length, `${refused} of ${edits.length} refused`);
  });
}
