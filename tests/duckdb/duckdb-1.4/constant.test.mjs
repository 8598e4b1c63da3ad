// The constant-frame path in DuckDB 1.4 (this directory's @duckdb/node-api).
import * as api from '@duckdb/node-api';
import { constantFrameTests } from '../constant.mjs';

constantFrameTests(api);
