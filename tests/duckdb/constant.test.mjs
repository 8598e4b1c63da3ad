// The constant-frame path in DuckDB 1.5.
import * as api from '@duckdb/node-api';
import { constantFrameTests } from './constant.mjs';

constantFrameTests(api);
