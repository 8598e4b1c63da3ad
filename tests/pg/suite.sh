#!/usr/bin/env bash
# The pgTAP suite against the server libpq's environment points at (PGHOST,
# PGPORT, PGUSER, ...), with tradeagg and pgTAP already installed in it:
# runs the README's psql examples (tests/readme.t), creates a scratch
# database, creates both extensions there, runs the shared cases (generated
# into build/pg/cases.sql) and tests/pg/*.sql with pg_prove, and drops the
# database on every exit path.
#
#   bash tests/pg/suite.sh      (tests/pg/run.sh, make installcheck)
#
# TA_PG_TEST_DB names the scratch database (default tradeagg_test); one of
# that name must not exist yet. The user needs CREATEDB and the right to
# create pgTAP (usually a superuser).
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=${TA_PG_TEST_DB:-tradeagg_test}
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE \"$DB\""
drop_db() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null 2>&1 || true
}
trap drop_db EXIT
trap 'exit 130' INT TERM

psql -X -q -v ON_ERROR_STOP=1 -d "$DB" \
  -c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION tradeagg'

# The README's PostgreSQL examples (each in a database of its own), then
# pgTAP, whose summary ends the output.
TA_README_PG=1 prove tests/readme.t

perl tests/pg/gen_cases.pl build/pg/cases.sql
pg_prove -d "$DB" build/pg/cases.sql tests/pg/*.sql
