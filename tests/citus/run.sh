#!/usr/bin/env bash
# make check-citus: tradeagg on a distributed PostgreSQL (Citus), where
# Citus is installed for the PostgreSQL that PG_CONFIG names. Citus is not
# packaged in Debian, so this is not part of `make test`; without Citus it
# says so and exits 0.
#
# Three throwaway clusters on 127.0.0.1 (tests/pg/cluster.sh): a
# coordinator and two workers, shared_preload_libraries = citus. A table
# distributed by partner, and the same rows in a plain table on the
# coordinator. For every aggregate call of tests/pg/lib/aggregates.sql,
# grouped by a column that is not the distribution column:
#   - EXPLAIN (VERBOSE) shows partial aggregation on the workers
#     (worker_partial_agg in the workers' query) and the combine on the
#     coordinator (coord_combine_agg), not a gather of rows;
#   - run as a role that is not a superuser, the answers equal the
#     single-node answers bit for bit (17 significant digits compared).
# Then, unless CITUS_TIMING_ROWS=0, the distributed and single-node times
# of one query over CITUS_TIMING_ROWS rows (default 2,000,000): printed for
# the record, never asserted.
#
# Output: TAP on stdout; plans and timings in build/citus/.
set -euo pipefail
cd "$(dirname "$0")/../.."

export PG_CONFIG=${PG_CONFIG:-pg_config}
ROWS=${CITUS_ROWS:-300000}
TIMING_ROWS=${CITUS_TIMING_ROWS:-2000000}
PORT_BASE=${CITUS_PORT_BASE:-57630}
OUT=build/citus
mkdir -p "$OUT"

if ! command -v "$PG_CONFIG" >/dev/null 2>&1; then
  echo "1..0 # SKIP citus: no pg_config ($PG_CONFIG)"
  exit 0
fi
if [ ! -f "$("$PG_CONFIG" --sharedir)/extension/citus.control" ]; then
  echo "1..0 # SKIP citus: Citus is not installed for $("$PG_CONFIG" --version) ($("$PG_CONFIG" --sharedir))"
  exit 0
fi

if ! make --no-print-directory install PG_CONFIG="$PG_CONFIG" >"$OUT/install.log" 2>&1; then
  cat "$OUT/install.log" >&2
  echo "citus: make install failed" >&2
  exit 1
fi

# Three free ports in a row from PORT_BASE.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while ! { port_free "$PORT_BASE" && port_free $((PORT_BASE + 1)) && port_free $((PORT_BASE + 2)); }; do
  PORT_BASE=$((PORT_BASE + 3))
done
COORD=$PORT_BASE
WORKERS=($((PORT_BASE + 1)) $((PORT_BASE + 2)))

. tests/pg/cluster.sh
CLUSTERS=()
stop_all() {
  local d
  for d in "${CLUSTERS[@]}"; do
    PG_CLUSTER_DIR=$d
    pg_cluster_stop
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM
for port in "$COORD" "${WORKERS[@]}"; do
  PG_CLUSTER_PORT=$port pg_cluster_start \
    "listen_addresses = '127.0.0.1'" \
    "shared_preload_libraries = 'citus'" \
    "max_connections = 200" \
    "citus.log_remote_commands = off"
  CLUSTERS+=("$PG_CLUSTER_DIR")
  PG_CLUSTER_DIR=
done
export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=postgres
unset PGPORT

q() { # q PORT [psql args...]: run SQL as the superuser, stop on error
  local port=$1
  shift
  psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"
}

for port in "$COORD" "${WORKERS[@]}"; do
  q "$port" -c 'CREATE EXTENSION citus'
done
q "$COORD" -c "SELECT citus_set_coordinator_host('127.0.0.1', $COORD)" >/dev/null
for port in "${WORKERS[@]}"; do
  q "$COORD" -c "SELECT citus_add_node('127.0.0.1', $port)" >/dev/null
done
# Citus creates the extension on the workers too.
q "$COORD" -c 'CREATE EXTENSION tradeagg'
q "$COORD" -c "CREATE ROLE tradeagg_analyst LOGIN"

load() { # load TABLE ROWS: the test rows, exact binary fractions
  q "$COORD" -c "INSERT INTO $1
    SELECT i % 97 AS partner, i % 7 AS region,
           make_date(2015 + (i % 120) / 12, (i % 120) % 12 + 1, 1 + (i % 3) * 9) AS period,
           2015 + (i % 120) / 12 AS yr,
           CASE WHEN i % 1009 = 0 THEN NULL ELSE ((i % 1000) * 0.25)::float8 END AS value,
           i % 5 = 0 AS part
    FROM generate_series(1, $2) AS i"
}
q "$COORD" <<'SQL'
CREATE TABLE trade (partner int, region int, period date, yr int, value float8, part boolean);
CREATE TABLE trade_local (LIKE trade);
SELECT create_distributed_table('trade', 'partner') \gset
GRANT SELECT ON trade, trade_local TO tradeagg_analyst;
SQL
load trade "$ROWS"
load trade_local "$ROWS"
q "$COORD" -c 'ANALYZE trade' -c 'ANALYZE trade_local'

# The aggregate calls, one per line, from the pgTAP suite's list.
mapfile -t CALLS < <(q "$COORD" -At -c '\ir tests/pg/lib/aggregates.sql' \
                        -c "SELECT call FROM pg_temp.aggregate_calls('50000') ORDER BY n")
GROUPINGS=("region" "extract(month FROM period)")
echo "1..$(( ${#CALLS[@]} * ${#GROUPINGS[@]} * 2 + 3 ))"

# Partial aggregation: worker_partial_agg in the workers' query, an
# aggregate node on each side, coord_combine_agg on the coordinator.
split_plan() {
  grep -q 'worker_partial_agg' <<<"$1" && grep -q 'coord_combine_agg' <<<"$1" \
    && [ "$(grep -Ec '^ *(-> +)?(Hash|Group|Mixed)?Aggregate$' <<<"$1")" -ge 2 ]
}

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; FAILED=1; }
FAILED=0

as_analyst() { # the answers of a query as tradeagg_analyst, floats to 17 digits
  psql -X -q -v ON_ERROR_STOP=1 -p "$COORD" -U tradeagg_analyst -At \
       -c 'SET extra_float_digits = 3' -c "$1" 2>&1
}

: >"$OUT/plans.txt"
for g in "${GROUPINGS[@]}"; do
  for call in "${CALLS[@]}"; do
    sql="SELECT $g AS g, $call AS r FROM trade GROUP BY 1"
    plan=$(psql -X -q -p "$COORD" -U tradeagg_analyst -At \
                -c "EXPLAIN (VERBOSE, COSTS OFF) $sql" 2>&1 || true)
    printf '%s\n%s\n\n' "-- $sql" "$plan" >>"$OUT/plans.txt"
    if split_plan "$plan"; then
      ok "partial aggregates on the workers, combine on the coordinator: $call GROUP BY $g"
    else
      not_ok "partial aggregates on the workers, combine on the coordinator: $call GROUP BY $g"
      sed 's/^/# /' <<<"$plan"
    fi
    dist=$(as_analyst "$sql ORDER BY 1")
    local=$(as_analyst "SELECT $g AS g, $call AS r FROM trade_local GROUP BY 1 ORDER BY 1")
    if [ "$dist" = "$local" ] && [ -n "$dist" ] && ! grep -q ERROR <<<"$dist$local"; then
      ok "distributed = single node, bit for bit: $call GROUP BY $g"
    else
      not_ok "distributed = single node, bit for bit: $call GROUP BY $g"
      diff <(echo "$local") <(echo "$dist") | sed 's/^/# /' | head -20
    fi
  done
done

# The check can fail: an aggregate over release 1.0.0's kind of state
# (internal, no combine over a real type) is not split by Citus.
q "$COORD" -c "CREATE AGGREGATE internal_ytd(date, double precision) (
    SFUNC = tradeagg_ytd_trade_sfunc, STYPE = internal, FINALFUNC = tradeagg_final_float8)"
plan=$(q "$COORD" -At -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT region, internal_ytd(period, value) FROM trade GROUP BY 1")
printf '%s\n%s\n\n' "-- an aggregate with an internal state" "$plan" >>"$OUT/plans.txt"
if ! split_plan "$plan" && ! grep -q worker_partial_agg <<<"$plan"; then
  ok "an aggregate with an internal state is not split (rows are gathered): the check can fail"
else
  not_ok "an aggregate with an internal state is not split (rows are gathered): the check can fail"
fi

# Windows and empty groups through the distributed table: a window over the
# distributed rows is computed on the coordinator; NULL-only groups give NULL.
win_sql="SELECT partner, period, ytd_trade(period, value) OVER (PARTITION BY partner ORDER BY period)
         FROM (SELECT partner, period, sum(value) AS value FROM %s GROUP BY 1, 2) m ORDER BY 1, 2"
if [ "$(as_analyst "$(printf "$win_sql" trade)")" = "$(as_analyst "$(printf "$win_sql" trade_local)")" ]; then
  ok "a window over the distributed table = single node"
else
  not_ok "a window over the distributed table = single node"
fi
null_sql="SELECT region, ytd_trade(period, CASE WHEN region = 3 THEN value END), hhi(CASE WHEN partner = 5 THEN value END)
          FROM %s GROUP BY 1 ORDER BY 1"
if [ "$(as_analyst "$(printf "$null_sql" trade)")" = "$(as_analyst "$(printf "$null_sql" trade_local)")" ]; then
  ok "groups whose workers saw only NULLs or nothing = single node"
else
  not_ok "groups whose workers saw only NULLs or nothing = single node"
fi

# Timings, for the record.
if [ "$TIMING_ROWS" -gt 0 ]; then
  q "$COORD" -c 'TRUNCATE trade, trade_local'
  load trade "$TIMING_ROWS"
  load trade_local "$TIMING_ROWS"
  q "$COORD" -c 'VACUUM ANALYZE trade' -c 'VACUUM ANALYZE trade_local'
  best() { # best of 3, in ms
    psql -X -q -p "$COORD" -U tradeagg_analyst -c '\timing on' \
         -c "$1" -c "$1" -c "$1" 2>&1 \
      | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sort -n | head -1
  }
  {
    echo "rows: $TIMING_ROWS, 2 workers on one machine, best of 3"
    for call in 'ytd_trade(period, value)' 'hhi(value)' 'target_reached_at(period, value, 50000)'; do
      sql="SELECT extract(month FROM period), $call FROM %s GROUP BY 1"
      d=$(best "$(printf "$sql" trade)")
      l=$(best "$(printf "$sql" trade_local)")
      echo "$call GROUP BY month: distributed ${d} ms, single node ${l} ms"
    done
    # What Citus does with an aggregate it cannot split: it gathers the rows.
    q "$COORD" -c 'GRANT EXECUTE ON FUNCTION internal_ytd(date, double precision) TO tradeagg_analyst' \
               -c 'GRANT EXECUTE ON FUNCTION tradeagg_ytd_trade_sfunc(internal, date, double precision),
                                        tradeagg_final_float8(internal) TO tradeagg_analyst'
    d=$(best "SELECT extract(month FROM period), internal_ytd(period, value) FROM trade GROUP BY 1")
    echo "the same ytd over an internal state (not split: rows gathered): distributed ${d} ms"
  } | tee "$OUT/timings.txt" | sed 's/^/# /'
fi

exit "$FAILED"
