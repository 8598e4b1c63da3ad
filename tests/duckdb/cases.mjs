// The shared cases (tests/cases/*.cases) through a real DuckDB: one test per
// case, the same expected values as in SQLite and PostgreSQL. An error case
// passes when the message after DuckDB's "Invalid Input Error: " is the
// expected one exactly (DuckDB has no SQLSTATE).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDuckDB, one, errorOf, sharedCases, projectVersion } from './lib.mjs';

function check(got, expect, where) {
  switch (expect.kind) {
    case 'null':
      assert.equal(got, null, where);
      break;
    case 'number':
      assert.equal(typeof got, 'number', `${where}: not a number: ${got}`);
      assert.equal(got, Number(expect.value), where);
      break;
    case 'approx':
      assert.equal(typeof got, 'number', `${where}: not a number: ${got}`);
      assert.ok(Math.abs(got - Number(expect.value)) <= Number(expect.tol),
        `${where}: ${got} is not ${expect.value} +/- ${expect.tol}`);
      break;
    case 'text':
      assert.equal(got, expect.value, where);
      break;
    default:
      assert.fail(`${where}: unknown expect kind ${expect.kind}`);
  }
}

// api: the imported @duckdb/node-api module to run them in; release: the
// DuckDB release it must be ('v1.5.').
export function runSharedCases(api, release) {
  const { setup, cases } = sharedCases();
  let db;
  before(async () => {
    db = await openDuckDB(api);
    await db.con.run(setup);
  });
  after(() => db?.con.closeSync?.());
  test(`the extension loads in DuckDB ${release}x`, async () => {
    assert.ok((await one(db.con, 'SELECT version()')).startsWith(release));
    assert.equal(await one(db.con, 'SELECT tradeagg_version()'), projectVersion());
  });
  for (const c of cases) {
    test(c.id, async () => {
      if (c.expect.kind === 'error') {
        assert.equal(await errorOf(db.con, c.query), c.expect.message, c.where);
      } else {
        check(await one(db.con, c.query), c.expect, c.where);
      }
    });
  }
}
