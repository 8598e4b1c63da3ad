// The shared cases in DuckDB 1.5.
import * as api from '@duckdb/node-api';
import { runSharedCases } from './cases.mjs';

runSharedCases(api, 'v1.5.');
