#!/usr/bin/env bash
# bench/run.sh — run by `make bench` (see mk/bench.mk), with the drivers
# already built. Runs the SQLite driver, then the PostgreSQL driver on a
# throwaway cluster (tests/pg/cluster.sh), and assembles bench/RESULTS.md.
#
#   BENCH_ROWS (10000000)  rows in the trade table
#   BENCH_RUNS (3)         alternating runs per figure (median)
#   BENCH_ENGINES          "sqlite pg duckdb" (default), or some of them
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${BENCH_ROWS:-10000000}
RUNS=${BENCH_RUNS:-3}
ENGINES=${BENCH_ENGINES:-sqlite pg duckdb}
export PG_CONFIG=${PG_CONFIG:-pg_config}
OUT=bench/RESULTS.md
PART=build/bench/results.part.md
mkdir -p build/bench
: >"$PART"
status=0

# The SQLite database lives in a temporary directory removed on every exit
# path, as does the PostgreSQL cluster.
BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/tradeagg-bench.XXXXXX")
cleanup() {
  if declare -F pg_cluster_stop >/dev/null; then pg_cluster_stop; fi
  rm -rf "$BENCH_TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(awk '/^MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || true)
machine="$(nproc) CPUs, ${cpu:-unknown CPU}, ${mem:-unknown memory}, $(uname -sr)"
echo "bench: $machine; $ROWS rows, $RUNS runs per figure"
echo "bench: load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') at start"

if [[ " $ENGINES " == *" sqlite "* ]]; then
  TMPDIR=$BENCH_TMP build/bench/sqlite_bench --rows "$ROWS" --runs "$RUNS" --md "$PART" || status=$?
fi

if [[ " $ENGINES " == *" pg "* ]]; then
  if [ ! -f tests/pg/cluster.sh ]; then
    echo "bench: tests/pg/cluster.sh not found; PostgreSQL half skipped" >&2
    status=1
  else
    if ! make --no-print-directory install PG_CONFIG="$PG_CONFIG" >build/bench/install.log 2>&1; then
      cat build/bench/install.log >&2
      echo "bench: make install failed" >&2
      exit 1
    fi
    . tests/pg/cluster.sh
    # Room for the 10M-row table in shared buffers and for 1M hash groups.
    pg_cluster_start "shared_buffers = 1GB" "max_parallel_workers_per_gather = 2" \
      "max_wal_size = 4GB" "autovacuum = off"
    psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE tradeagg_bench"
    psql -X -q -v ON_ERROR_STOP=1 -d tradeagg_bench -c "CREATE EXTENSION tradeagg"
    PGDATABASE=tradeagg_bench build/bench/pg_bench --rows "$ROWS" --runs "$RUNS" --md "$PART" \
      || status=$?
    pg_cluster_stop
  fi
fi

if [[ " $ENGINES " == *" duckdb "* ]]; then
  node bench/duckdb_bench.mjs --rows "$ROWS" --runs "$RUNS" --md "$PART" || status=$?
fi

{
  echo "# tradeagg benchmark results"
  echo
  echo "Written by \`make bench\` (bench/run.sh); do not edit by hand."
  echo
  echo "- machine: $machine"
  echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
  echo "- rows: $ROWS requested (actual counts in each heading); $RUNS alternating runs per figure"
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  cat bench/NOTES.md
  cat "$PART"
} >"$OUT"
echo "bench: wrote $OUT"
if [ "$status" -ne 0 ]; then
  echo "bench: FAILED (a result check failed or an engine could not run)" >&2
fi
exit "$status"
