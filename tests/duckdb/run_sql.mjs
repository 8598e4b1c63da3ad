// Runs a SQL script in DuckDB (this directory's @duckdb/node-api) with the
// tradeagg extension loaded, printing each query's rows as a table; used by
// make demo-duckdb.
//
//   node tests/duckdb/run_sql.mjs EXTENSION SCRIPT
//
// Statements end with ';' at the end of a line; a line "-- print: text"
// prints text. The first error stops the script (exit status 1).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [ext, script] = process.argv.slice(2);
if (!ext || !script) {
  console.error('usage: node tests/duckdb/run_sql.mjs EXTENSION SCRIPT');
  process.exit(2);
}

function table(reader) {
  const names = reader.columnNames();
  const rows = reader.getRows().map((r) => r.map((v) => (v === null ? '' : String(v))));
  const width = names.map((n, c) => Math.max([...n].length, ...rows.map((r) => [...r[c]].length)));
  const line = (cells) => '│ ' + cells.map((s, c) => s + ' '.repeat(width[c] - [...s].length)).join(' │ ') + ' │';
  const rule = (l, m, r) => l + width.map((w) => '─'.repeat(w + 2)).join(m) + r;
  return [rule('┌', '┬', '┐'), line(names), rule('├', '┼', '┤'), ...rows.map(line), rule('└', '┴', '┘')].join('\n');
}

const instance = await DuckDBInstance.create(':memory:', { allow_unsigned_extensions: 'true' });
const con = await instance.connect();
await con.run(`LOAD '${path.resolve(ext).replaceAll("'", "''")}'`);
let stmt = [];
for (const line of readFileSync(script, 'utf8').split('\n')) {
  if (line.startsWith('-- print: ')) {
    console.log('\n' + line.slice(10));
    continue;
  }
  if (line.startsWith('--') || (stmt.length === 0 && line.trim() === '')) continue;
  stmt.push(line);
  if (!line.trimEnd().endsWith(';')) continue;
  const sql = stmt.join('\n');
  stmt = [];
  try {
    const reader = await con.runAndReadAll(sql);
    if (reader.columnCount > 0 && /^\s*(SELECT|WITH)\b/i.test(sql)) console.log(table(reader));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
