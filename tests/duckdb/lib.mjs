// Shared helpers of the DuckDB suite: open a real DuckDB with the extension
// loaded, read results as plain values, and check them.
//
// The extension comes from TA_DUCKDB_EXT (default: the built one). One
// process holds one DuckDB release: each release's libduckdb.so has the same
// soname, so a test file uses either this directory's @duckdb/node-api
// (DuckDB 1.5, the default) or the one in duckdb-1.4/, handed to openDuckDB
// as the imported module, never both.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXT = path.resolve(ROOT, process.env.TA_DUCKDB_EXT ?? 'duckdb_ext/tradeagg.duckdb_extension');

export const ERROR_PREFIX = 'Invalid Input Error: ';

export async function openDuckDB(api, options = {}) {
  api ??= await import('@duckdb/node-api');
  const instance = await api.DuckDBInstance.create(':memory:', {
    allow_unsigned_extensions: 'true',
    ...options,
  });
  const con = await instance.connect();
  await con.run(`LOAD '${EXT.replaceAll("'", "''")}'`);
  return { api, instance, con };
}

// A DuckDB value as the tests compare it: numbers stay numbers (BIGINT and
// HUGEINT become Number when exact), DATE becomes 'YYYY-MM-DD', a BLOB (a
// series) its bytes in upper-case hex, as SQLite's hex() writes them.
export function plain(v) {
  if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v.bytes instanceof Uint8Array) return Buffer.from(v.bytes).toString('hex').toUpperCase();
  if (typeof v === 'bigint') {
    if (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
    return v;
  }
  return String(v);
}

export async function rows(con, sql) {
  const reader = await con.runAndReadAll(sql);
  return reader.getRows().map((r) => r.map(plain));
}

export async function one(con, sql) {
  const r = await rows(con, sql);
  assert.equal(r.length, 1, `one row expected from: ${sql}`);
  assert.equal(r[0].length, 1, `one column expected from: ${sql}`);
  return r[0][0];
}

// The error text after DuckDB's prefix, or fails when the query succeeds.
export async function errorOf(con, sql) {
  try {
    await con.run(sql);
  } catch (e) {
    assert.ok(e.message.startsWith(ERROR_PREFIX), `not an invalid-input error: ${e.message}`);
    return e.message.slice(ERROR_PREFIX.length);
  }
  assert.fail(`no error from: ${sql}`);
}

// Two doubles are the same bits (0 and -0 differ, NaN equals NaN).
export function sameBits(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number') return a === b;
  const x = new DataView(new ArrayBuffer(16));
  x.setFloat64(0, a);
  x.setFloat64(8, b);
  return x.getBigUint64(0) === x.getBigUint64(8);
}

export function sharedCases() {
  const out = execFileSync('perl', [path.join(ROOT, 'tests/duckdb/cases_json.pl')], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out);
}

// The project's version, from its one source (pg_ext/tradeagg.control): the
// extension's footer and tradeagg_version() must both say it.
export function projectVersion() {
  const control = readFileSync(path.join(ROOT, 'pg_ext/tradeagg.control'), 'utf8');
  return control.match(/^default_version\s*=\s*'([^']+)'/m)[1];
}
