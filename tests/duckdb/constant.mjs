// Frames spanning the whole partition (OVER (), OVER (PARTITION BY ...),
// UNBOUNDED on both sides) go through DuckDB's constant-frame aggregator,
// whose update calls carry one state for many rows (duckdb_ext/tadk_caller.c): every row must get its
// partition's grouped answer, whatever the partition sizes and however many
// such windows one query holds. Run in DuckDB 1.5 and 1.4.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { openDuckDB, rows, sameBits } from './lib.mjs';

export function constantFrameTests(api) {
  let con;
  before(async () => {
    ({ con } = await openDuckDB(api));
    // 1,200 rows in 4 series over 2020-2024, dated and annual, some NULLs.
    await con.run(`CREATE TABLE t AS SELECT i, i % 4 AS k,
        DATE '2020-01-01' + CAST((i * 37) % 1800 AS INTEGER) AS d,
        CAST(2016 + i % 9 AS INTEGER) AS y,
        CASE WHEN i % 53 = 0 THEN NULL ELSE round(((i * 7919) % 2000) * 0.37 - 100, 2) END AS v,
        i % 3 = 0 AS f
      FROM range(1200) r(i)`);
  });

  for (const [name, over, by] of [
    ['OVER ()', 'OVER ()', null],
    ['OVER (PARTITION BY k)', 'OVER (PARTITION BY k)', 'k'],
    ['UNBOUNDED frame', 'OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)', 'k'],
    ['many small partitions', 'OVER (PARTITION BY i % 300)', 'i % 300'],
    ['partitions of 2 and 3 rows', 'OVER (PARTITION BY i % 500)', 'i % 500'],
  ]) {
    test(`constant frames, ${name}: each row gets its partition's grouped answer`, async () => {
      const calls = ['ytd_trade(d, v)', 'hhi(abs(v))', 'target_reached_at(y, v, 900)', 'share_of(v, f)',
        'ytd_trade(d, v) FILTER (WHERE f)'];
      for (const table of ['t', "(SELECT * FROM t, range(8) AS copies(c))"]) {
        const w = await rows(con, `SELECT i, ${calls.map((c) => `${c} ${over}`).join(', ')}
          FROM ${table} AS x ORDER BY i, 2`);
        const g = await rows(con, `SELECT i, ${calls.map((_, n) => `g.a${n}`).join(', ')} FROM ${table} AS x
          ${by ? `JOIN (SELECT ${by} AS key, ${calls.map((c, n) => `${c} AS a${n}`).join(', ')} FROM ${table} AS x
            GROUP BY ${by}) AS g ON g.key = ${by.replace('i', 'x.i').replace(/^k$/, 'x.k')}`
          : `, (SELECT ${calls.map((c, n) => `${c} AS a${n}`).join(', ')} FROM ${table} AS x) AS g`}
          ORDER BY i, 2`);
        assert.equal(w.length, g.length);
        w.forEach((r, j) => r.forEach((v, c) => assert.ok(sameBits(v, g[j][c]), `${table} row ${j} col ${c}: ${v} vs ${g[j][c]}`)));
      }
    });
  }
}
