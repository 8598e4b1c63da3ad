#!/usr/bin/env bash
# The PostgreSQL suite: build and install the extension, start a throwaway
# cluster (tests/pg/cluster.sh), and run the pgTAP files with pg_prove:
# the shared cases (generated into build/pg/cases.sql) and tests/pg/*.sql.
# The cluster is stopped and removed on every exit path.
set -euo pipefail
cd "$(dirname "$0")/../.."

export PG_CONFIG=${PG_CONFIG:-pg_config}
mkdir -p build/pg

if ! make --no-print-directory install PG_CONFIG="$PG_CONFIG" >build/pg/install.log 2>&1; then
  cat build/pg/install.log >&2
  echo "pg: make install failed" >&2
  exit 1
fi
echo "pg: installed tradeagg into $("$PG_CONFIG" --pkglibdir)"

. tests/pg/cluster.sh
trap pg_cluster_stop EXIT
trap 'exit 130' INT TERM
pg_cluster_start
echo "pg: cluster on socket $PGHOST"

DB=tradeagg_test
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $DB"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" \
  -c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION tradeagg'

files=()
if [ -f tests/pg/gen_cases.pl ]; then
  perl tests/pg/gen_cases.pl build/pg/cases.sql
  files+=(build/pg/cases.sql)
fi
files+=(tests/pg/*.sql)

pg_prove -d "$DB" "${files[@]}"
