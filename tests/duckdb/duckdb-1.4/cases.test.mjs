// The shared cases in DuckDB 1.4 (this directory's @duckdb/node-api): the
// same extension file loads and answers alike in both releases.
import * as api from '@duckdb/node-api';
import { runSharedCases } from '../cases.mjs';

runSharedCases(api, 'v1.4.');
