// duckdb_ext/tadk_caller.c outside DuckDB (build/duckdb/caller_test, TAP):
// an update call of many rows from a caller it does not know is refused,
// naming where it came from; one row is always its own state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib.mjs';

test('update calls from an unknown caller are refused, not guessed', () => {
  const out = execFileSync(path.join(ROOT, 'build/duckdb/caller_test'), { encoding: 'utf8' });
  assert.equal(out, [
    '1..3',
    'ok 1 - one row: its own state',
    'ok 2 - 2048 rows from outside DuckDB: refused',
    "ok 3 - the refusal says where: 'outside DuckDB's C API wrapper'",
    '',
  ].join('\n'));
});
