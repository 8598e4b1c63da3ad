// The same random data and the same queries in SQLite (with the SQLite
// extension, through build/duckdb/sqlite_bits) and in DuckDB: every result
// must be the same bits, and every error the same message. Grouped
// aggregates, and window frames, which SQLite computes with its inverse
// step and DuckDB from merged segment-tree states.
//
// Values are m / 2^k (m an integer, |m| < 2^40, 0 <= k <= 40): exact in
// both engines' SQL, spread over 24 orders of magnitude so that sums round.
// TA_RANDOM_SEED picks another data set.
//
// The series too: its bytes grouped, rolled up and over frames, its text,
// periods and accessors, and hostile bytes and text (the same message).
//
// One exception: hhi over moving frames. Its sum of squares is compensated
// but not exact, so when SQLite removes a large value with its inverse step
// the rest loses bits to cancellation, which DuckDB, merging fresh partial
// states, never meets. There DuckDB is compared with SQLite computing each
// frame afresh (a correlated subquery), to 1e-12 relative, until the core's
// sums are exact.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, openDuckDB, ERROR_PREFIX } from './lib.mjs';

const SEED = Number(process.env.TA_RANDOM_SEED ?? 20261203);
const ROWS = 3000;
const SQLITE_BITS = path.join(ROOT, 'build/duckdb/sqlite_bits');
const SQLITE_EXT = path.join(ROOT, 'sqlite_ext/tradeagg');

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRows() {
  const r = prng(SEED);
  const int = (n) => Math.floor(r() * n);
  const out = [];
  for (let id = 1; id <= ROWS; id++) {
    const day = new Date(Date.UTC(2018, 0, 1) + int(7 * 365) * 86400000);
    const m = int(2 ** 40) - (r() < 0.15 ? 2 ** 39 : 0);
    const k = int(41);
    out.push({
      id,
      s: int(6),
      d: day.toISOString().slice(0, 10),
      y: 2015 + int(10),
      v: r() < 0.03 ? null : { m, k },
      f: r() < 0.4,
    });
  }
  return out;
}

function insertSql(rows, engine) {
  const value = (v) => {
    if (v === null) return 'NULL';
    return engine === 'duckdb'
      ? `CAST('${String(v.m / 2 ** v.k)}' AS DOUBLE)`
      : `${v.m} / ${2 ** v.k}.0`;
  };
  const types = engine === 'duckdb' ? ['DATE', 'BOOLEAN'] : ['TEXT', 'INTEGER'];
  const lines = rows.map((x) =>
    `(${x.id}, ${x.s}, '${x.d}', ${x.y}, ${value(x.v)}, ${engine === 'duckdb' ? x.f : Number(x.f)})`);
  return `CREATE TABLE r (id INTEGER, s INTEGER, d ${types[0]}, y INTEGER, v DOUBLE, f ${types[1]});\n`
    + `INSERT INTO r VALUES\n${lines.join(',\n')};\n`;
}

// Aggregate calls, run grouped by series and as window functions.
const CALLS = [
  'cumulative_trade(v)', 'ytd_trade(d, v)', 'ytd_trade(d, v, 4)', 'ytd_trade(y, v)',
  'ttm_trade(d, v)', 'ttm_trade(y, v)', 'yoy_growth(d, v)', 'yoy_growth(y, v)',
  'ytd_yoy_growth(d, v)', 'ytd_yoy_growth(d, v, 7)', 'target_attainment(v, 1000.5)',
  'target_reached_at(d, v, 5e9)', 'target_reached_at(y, v, 5e9)', 'projected_trade(d, v)',
  'projected_trade(d, v, 10)', 'period_from_ytd(d, v)', 'period_from_ytd(d, v, 4)',
  'share_of(v, f)', 'hhi(abs(v))',
];
const FRAMES = {
  running: 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW',
  moving: 'ROWS BETWEEN 6 PRECEDING AND CURRENT ROW',
  centred: 'ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING',
};

// The window query for SQLite with each ROWS frame aggregated afresh.
function freshFrames(call, frame) {
  const [, lo, hi] = frame.match(/BETWEEN (\d+) PRECEDING AND (?:(\d+) FOLLOWING|CURRENT ROW)/);
  const arg = call.replace(/\bv\b/g, 'o2.v');
  return 'WITH o AS (SELECT *, row_number() OVER (PARTITION BY s ORDER BY d, id) AS rn FROM r) '
    + `SELECT id, (SELECT ${arg} FROM o AS o2 WHERE o2.s = o.s `
    + `AND o2.rn BETWEEN o.rn - ${lo} AND o.rn + ${hi ?? 0}) FROM o ORDER BY id`;
}

// The series: its bytes grouped, whole, rolled up and over moving frames
// (SQLite's inverse step against DuckDB's merged states), its text, its
// periods, and every accessor over the series of each group.
const ACCESSORS = {
  'trade_series(d, v)': ['series_total(x)', 'series_ytd(x)', 'series_ytd(x, 4)', 'series_ttm(x)',
    'series_yoy(x)', 'series_ytd_yoy(x)', 'series_ytd_yoy(x, 7)', 'series_projected(x)',
    'series_projected(x, 10)', 'series_from_ytd(x)', 'series_from_ytd(x, 2)', 'series_reached_at(x, 5e9)',
    'series_attainment(x, 1000.5)', 'series_period_growth(x, 3)', 'series_trailing(x, 6)',
    'series_prior_year(x)', 'series_prior_ytd(x)', 'series_prior_ytd(x, 3)',
    "series_index(x, '2019-01')", 'series_ytd_period_count(x)', 'series_ytd_period_count(x, 12)'],
  'trade_series(y, v)': ['series_total(x)', 'series_ytd(x)', 'series_yoy(x)', 'series_projected(x)',
    'series_trailing(x, 24)', 'series_index(x, 2019)', 'series_prior_year(x)'],
};
const periodsOf = (p, fn) => [
  `SELECT s, p.period, p.value, p.rows FROM (SELECT s, unnest(${fn}(trade_series(${p}, v))) AS p
    FROM r GROUP BY s) ORDER BY s, p.period`,
  undefined,
  `SELECT g.s, p.period, p.value, p.rows FROM (SELECT s, trade_series(${p}, v) AS x FROM r GROUP BY s) AS g,
    series_periods(g.x) AS p ORDER BY g.s, p.period`];
const SERIES = [
  ['grouped trade_series', 'SELECT s, trade_series(d, v), trade_series(y, v) FROM r GROUP BY s ORDER BY s'],
  ['whole table trade_series', 'SELECT trade_series(d, v), trade_series(y, v) FROM r'],
  ['rollup of series by s and id % 7', 'SELECT rollup(x), rollup(z) FROM (SELECT trade_series(d, v) AS x, '
    + 'trade_series(y, v) AS z FROM r GROUP BY s, id % 7)'],
  ['moving trade_series', 'SELECT id, trade_series(d, v) OVER (PARTITION BY s ORDER BY d, id '
    + `${FRAMES.moving}) FROM r ORDER BY id`],
  ['running series_ytd(trade_series)', 'SELECT id, series_ytd(trade_series(d, v) OVER (PARTITION BY s '
    + `ORDER BY d, id ${FRAMES.running})) FROM r ORDER BY id`],
  ['series_text', 'SELECT s, series_text(trade_series(d, v)), series_text(trade_series(y, v)) FROM r GROUP BY s ORDER BY s'],
  ['series_periods', ...periodsOf('d', 'series_periods')],
  ['series_periods_annual', ...periodsOf('y', 'series_periods_annual')],
  ...Object.entries(ACCESSORS).flatMap(([series, calls]) => calls.map((c) => [`grouped ${c.replace('(x', `(${series}`)}`,
    `SELECT s, ${c.replace('(x', `(${series}`)} FROM r GROUP BY s ORDER BY s`])),
];

const QUERIES = [
  ...SERIES,
  ...CALLS.map((c) => [`grouped ${c}`, `SELECT s, ${c} FROM r GROUP BY s ORDER BY s`]),
  ...CALLS.map((c) => [`whole table ${c}`, `SELECT ${c} FROM r`]),
  ...Object.entries(FRAMES).flatMap(([name, frame]) => CALLS.map((c) => [`${name} ${c}`,
    `SELECT id, ${c} OVER (PARTITION BY s ORDER BY d, id ${frame}) FROM r ORDER BY id`,
    ...(name !== 'running' && c.startsWith('hhi(') ? [1e-12, freshFrames(c, frame)] : [])])),
  ['scalars', 'SELECT id, growth_rate(v, v * 0.75 + 1), share_ratio(abs(v), abs(v) + 1), '
    + 'attainment_ratio(v, 12.5), cagr(abs(v) + 1, abs(v) * 2 + 1, id % 9 + 1) FROM r ORDER BY id'],
];

// SQLite's answers: per query, its rows as strings, or an error message.
function sqliteAnswers(rows) {
  const script = insertSql(rows, 'sqlite')
    + QUERIES.map(([, q, , fresh], i) => `SELECT 'query|${i}';\n${fresh ?? q};\n`).join('');
  // One process for the table and every query.
  const answers = [];
  const run = (sql) => execFileSync(SQLITE_BITS, [SQLITE_EXT], { input: sql, encoding: 'utf8', maxBuffer: 256 << 20 });
  let out;
  try {
    out = run(script);
  } catch (e) {
    out = e.stdout;
  }
  let cur = null;
  for (const line of out.split('\n')) {
    if (line.startsWith('t:query|')) {
      cur = Number(line.slice(8));
      answers[cur] = { rows: [] };
    } else if (line.startsWith('error: ') && cur !== null) {
      answers[cur] = { error: line.slice(7) };
    } else if (line !== '' && cur !== null) {
      answers[cur].rows.push(line);
    }
  }
  // sqlite_bits stops at an error: the queries after a failing one run alone
  for (let i = 0; i < QUERIES.length; i++) {
    if (answers[i] !== undefined) continue;
    let alone;
    try {
      alone = run(insertSql(rows, 'sqlite') + (QUERIES[i][3] ?? QUERIES[i][1]) + ';\n');
    } catch (e) {
      alone = e.stdout;
    }
    const lines = alone.split('\n').filter((l) => l !== '');
    const err = lines.find((l) => l.startsWith('error: '));
    answers[i] = err ? { error: err.slice(7) } : { rows: lines };
  }
  return answers;
}


function bitsHex(x) {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return dv.getBigUint64(0).toString(16).padStart(16, '0');
}

function duckRow(row, types) {
  return row.map((v, i) => {
    if (v === null) return 'NULL';
    const t = types[i];
    if (t === 'DOUBLE') return 'r:' + bitsHex(Number(v));
    if (t === 'INTEGER' || t === 'BIGINT') return 'i:' + String(v);
    if (t === 'BLOB') return 'b:' + Buffer.from(v.bytes).toString('hex').toUpperCase();
    return 't:' + String(v);
  }).join('|');
}

let rows, sqlite, duck;
before(async () => {
  rows = randomRows();
  sqlite = sqliteAnswers(rows);
  duck = await openDuckDB();
  await duck.con.run(insertSql(rows, 'duckdb'));
});

// Rows "key|r:<bits>" whose doubles are within tol of each other (relative).
function close(a, b, tol) {
  const [ka, xa] = a.split('|r:');
  const [kb, xb] = b.split('|r:');
  if (ka !== kb || xa === undefined || xb === undefined) return false;
  const [x, y] = [fromHex(xa), fromHex(xb)];
  return Math.abs(x - y) <= tol * Math.max(Math.abs(x), Math.abs(y));
}

function fromHex(h) {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, BigInt('0x' + h));
  return dv.getFloat64(0);
}

QUERIES.forEach(([name, q, tolerance], i) => {
  test(`same bits as SQLite: ${name}`, async () => {
    const want = sqlite[i];
    let got;
    try {
      const reader = await duck.con.runAndReadAll(q);
      const types = reader.columnTypes().map(String);
      got = { rows: reader.getRows().map((r) => duckRow(r, types)) };
    } catch (e) {
      assert.ok(e.message.startsWith(ERROR_PREFIX), e.message);
      got = { error: e.message.slice(ERROR_PREFIX.length) };
    }
    if (want.error !== undefined) {
      assert.equal(got.error, want.error, `${q}: SQLite fails`);
      return;
    }
    assert.equal(got.error, undefined, `${q}: DuckDB fails: ${got.error}`);
    assert.equal(got.rows.length, want.rows.length, `${q}: row count`);
    for (let j = 0; j < want.rows.length; j++) {
      if (tolerance && got.rows[j] !== want.rows[j]) {
        assert.ok(close(got.rows[j], want.rows[j], tolerance), `${q}: row ${j + 1}: ${got.rows[j]} vs ${want.rows[j]}`);
        continue;
      }
      assert.equal(got.rows[j], want.rows[j], `${q}: row ${j + 1}`);
    }
  });
});

test('the random data exercise what they should', async () => {
  const n = (sql) => duck.con.runAndReadAll(sql).then((r) => Number(r.getRows()[0][0]));
  assert.equal(await n('SELECT count(*) FROM r'), ROWS);
  assert.ok(await n('SELECT count(*) FROM r WHERE v IS NULL') > 0, 'some NULL values');
  assert.ok(await n('SELECT count(*) FROM r WHERE v < 0') > 0, 'some negative values');
  assert.ok(await n('SELECT count(DISTINCT d) FROM r') < ROWS, 'repeated periods');
});

test('errors are compared too: the same message from both engines', async () => {
  const q = 'SELECT s, target_attainment(v, CASE WHEN id = 2500 THEN 2 ELSE 1 END) FROM r GROUP BY s';
  let out;
  try {
    out = execFileSync(SQLITE_BITS, [SQLITE_EXT], { input: insertSql(rows, 'sqlite') + q + ';', encoding: 'utf8' });
  } catch (e) {
    out = e.stdout;
  }
  const want = out.split('\n').find((l) => l.startsWith('error: '));
  assert.ok(want, 'SQLite fails');
  await assert.rejects(duck.con.run(q), (e) => e.message === ERROR_PREFIX + want.slice(7));
});

// Hostile series: a small series made here, every truncation and bit flip
// of it, random bytes (some behind a series header), and edits of its text.
// Each goes to a few functions in both engines, which must give the same
// bytes, value or error message (the core's), and never crash.
function hostileInputs(bytes, text) {
  const r = prng(SEED ^ 0x5eed);
  const blobs = [];
  for (let n = 0; n < bytes.length; n++) blobs.push(bytes.subarray(0, n));
  for (let bit = 0; bit < bytes.length * 8; bit++) {
    const b = Buffer.from(bytes);
    b[bit >> 3] ^= 1 << (bit & 7);
    blobs.push(b);
  }
  for (let k = 0; k < 40; k++) {
    const b = Buffer.alloc(Math.floor(r() * 48), 0).map(() => Math.floor(r() * 256));
    if (k % 2 && b.length >= 4) b.set([0x54, 0x53, 1, 1 + (k % 4 === 1)], 0);
    blobs.push(b);
  }
  const texts = [];
  for (let n = 0; n < text.length; n++) {
    texts.push(text.slice(0, n));
    for (const c of [' ', ';', '0', '9', 'e', '-', '+', '*', '.', 'x']) texts.push(text.slice(0, n) + c + text.slice(n + 1));
  }
  return { blobs, texts };
}

test('hostile series bytes and text: the same error or answer as SQLite', async (t) => {
  const src = 'SELECT trade_series(d, v) FROM (SELECT * FROM r WHERE s = 1 AND v IS NOT NULL ORDER BY d, id LIMIT 4)';
  const reader = await duck.con.runAndReadAll(src);
  const bytes = Buffer.from(reader.getRows()[0][0].bytes);
  const text = (await duck.con.runAndReadAll(`SELECT series_text((${src}))`)).getRows()[0][0];
  const { blobs, texts } = hostileInputs(bytes, text);
  const quote = (t) => `'${t.replaceAll("'", "''")}'`;
  const queries = [];
  for (const b of blobs) {
    const h = b.toString('hex');
    for (const fn of ['series_ytd(?)', 'series_text(?)', 'rollup(?)', 'series_reached_at(?, 1e6)']) {
      queries.push([fn.replace('?', `from_hex('${h}')`), fn.replace('?', `x'${h}'`)]);
    }
  }
  for (const t of texts) queries.push([`series_from_text(${quote(t)})`, `series_from_text(${quote(t)})`]);
  const script = queries.map(([, q], i) => `SELECT 'h|${i}';\nSELECT ${q};\n`).join('');
  const out = execFileSync(SQLITE_BITS, ['-k', SQLITE_EXT], { input: script, encoding: 'utf8', maxBuffer: 64 << 20 });
  const want = [];
  let cur = -1;
  for (const line of out.split('\n')) {
    if (line.startsWith('t:h|')) cur = Number(line.slice(4));
    else if (line !== '') want[cur] = line.startsWith('error: ') ? { error: line.slice(7) } : { row: line };
  }
  let refused = 0;
  for (let i = 0; i < queries.length; i++) {
    let got;
    try {
      const res = await duck.con.runAndReadAll(`SELECT ${queries[i][0]}`);
      got = { row: duckRow(res.getRows()[0], res.columnTypes().map(String)) };
    } catch (e) {
      assert.ok(e.message.startsWith(ERROR_PREFIX), e.message);
      got = { error: e.message.slice(ERROR_PREFIX.length) };
      refused++;
    }
    assert.deepEqual(got, want[i], queries[i][0]);
  }
  assert.ok(refused > blobs.length && refused < queries.length, `${refused} of ${queries.length} refused`);
  t.diagnostic(`${refused} of ${queries.length} refused`);
});
