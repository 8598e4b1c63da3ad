#!/usr/bin/env bash
# The PostgreSQL suite: build and install the extension, start a throwaway
# cluster (tests/pg/cluster.sh), and run the pgTAP files on it
# (tests/pg/suite.sh). The cluster is stopped and removed on every exit path.
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

bash tests/pg/suite.sh
