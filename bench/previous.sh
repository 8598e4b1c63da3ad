#!/usr/bin/env bash
# bench/previous.sh — run by `make bench-previous`: the previous release's
# floor ratios beside this tree's, in SQLite and PostgreSQL, both measured
# on this machine in one run. Ratios taken on different machines do not compare: the
# floor's cost per row, and what fresh memory costs a backend, vary with
# the CPU and the host.
#
# The previous release is built from git (BENCH_PREVIOUS, default the last
# commit of release 1.0.0). SQLite: build/bench/sqlite_bench loads its
# extension, then ours, each over the same generated table. PostgreSQL: its
# library is installed for the run as tradeagg_previous.so beside ours, its
# install script loaded into a second database of the same throwaway
# cluster, without CREATE EXTENSION, and build/bench/pg_bench measures each
# database in turn. Only the aggregates both releases have are measured,
# against the same floor queries.
#
#   BENCH_PREVIOUS (e886423)   git revision of the previous release
#   BENCH_ROWS (10000000), BENCH_RUNS (3) as for make bench
#   BENCH_ONLY                 some of the aggregates (comma-separated)
#
# Needs the git history and write access to PostgreSQL's library directory.
set -euo pipefail
cd "$(dirname "$0")/.."

REV=${BENCH_PREVIOUS:-e886423}
ROWS=${BENCH_ROWS:-10000000}
RUNS=${BENCH_RUNS:-3}
export PG_CONFIG=${PG_CONFIG:-pg_config}
AGGS=cumulative_trade,ytd_trade,ttm_trade,yoy_growth,ytd_yoy_growth,target_attainment
AGGS=${BENCH_ONLY:-$AGGS,target_reached_at,projected_trade,period_from_ytd,share_of,hhi}
OUT=build/bench/previous.md
LIB=$("$PG_CONFIG" --pkglibdir)/tradeagg_previous.so
mkdir -p build/bench

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tradeagg-previous.XXXXXX")
cleanup() {
  if declare -F pg_cluster_stop >/dev/null; then pg_cluster_stop; fi
  rm -f "$LIB"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

git archive "$REV" | tar -x -C "$WORK"
{ make -s -C "$WORK/pg_ext" PG_CONFIG="$PG_CONFIG" && make -s -C "$WORK" sqlite_ext/tradeagg.so; } \
  >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
install -m 755 "$WORK/pg_ext/tradeagg.so" "$LIB"
make --no-print-directory install PG_CONFIG="$PG_CONFIG" >build/bench/install.log 2>&1 ||
  { cat build/bench/install.log >&2; exit 1; }

. tests/pg/cluster.sh
pg_cluster_start "shared_buffers = 1GB" "max_wal_size = 4GB" "autovacuum = off"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE bench_previous" \
  -c "CREATE DATABASE bench_this"
sed "s|MODULE_PATHNAME|\$libdir/tradeagg_previous|g" "$WORK"/sql/tradeagg--1.0.0.sql |
  grep -v '^\\echo' | psql -X -q -v ON_ERROR_STOP=1 -d bench_previous >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d bench_this -c "CREATE EXTENSION tradeagg"

echo "bench-previous: $REV and this tree, $ROWS rows, $RUNS runs per figure"
for ext in "$WORK/sqlite_ext/tradeagg" sqlite_ext/tradeagg; do
  md=$WORK/sqlite_this.md
  [ "$ext" = sqlite_ext/tradeagg ] || md=$WORK/sqlite_previous.md
  TMPDIR=$WORK build/bench/sqlite_bench --rows "$ROWS" --runs "$RUNS" --ext "$ext" \
    --only "$AGGS" --md "$md" >/dev/null
done
for db in bench_previous bench_this; do
  PGDATABASE=$db build/bench/pg_bench --rows "$ROWS" --runs "$RUNS" --sections agg \
    --only "$AGGS" --md "$WORK/$db.md" >/dev/null
done

# One line per engine, aggregate and shape: the two floor ratios and their
# change.
{
  echo "| engine | aggregate | mode | previous release ($REV) | this tree | change |"
  echo "|---|---|---|---:|---:|---:|"
  for engine in sqlite pg; do
    prev=$WORK/${engine}_previous.md this=$WORK/${engine}_this.md
    [ $engine = pg ] && prev=$WORK/bench_previous.md this=$WORK/bench_this.md
    awk -F'|' -v engine=$engine '
      function trim(s) { gsub(/^ +| +$/, "", s); return s }
      FNR == 1 { file++ }
      trim($2) == "floor" {
        k = trim($3) "|" trim($4)
        if (file == 1) { prev[k] = trim($6); order[++n] = k } else cur[k] = trim($6)
      }
      END {
        for (i = 1; i <= n; i++) {
          k = order[i]; split(k, p, "|")
          printf "| %s | %s | %s | %s | %s | %+.0f%% |\n", engine, p[1], p[2], prev[k], cur[k],
                 100 * (cur[k] / prev[k] - 1)
        }
      }' "$prev" "$this"
  done
} | tee "$OUT"
echo "bench-previous: written to $OUT"
