// The series in DuckDB 1.4 (this directory's @duckdb/node-api).
import * as api from '@duckdb/node-api';
import { seriesTests } from '../series.mjs';

seriesTests(api);
