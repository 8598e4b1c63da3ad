// The series in DuckDB 1.5.
import * as api from '@duckdb/node-api';
import { seriesTests } from './series.mjs';

seriesTests(api);
