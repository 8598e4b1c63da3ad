# tests/pg/cluster.sh — a throwaway PostgreSQL cluster for tests and benchmarks.
#
# Source this file, then:
#
#   trap pg_cluster_stop EXIT
#   pg_cluster_start ["setting = value" ...]   # extra postgresql.conf lines
#   psql -d postgres -c 'SELECT 1'             # PGHOST, PGPORT, PGUSER are set
#
# The cluster lives in a fresh mktemp directory, listens only on a Unix
# socket in that directory (no TCP), and trusts local connections. initdb
# refuses to run as root, so as root the server runs as the `postgres`
# system user. pg_cluster_stop stops it (immediate) and removes the
# directory; it is safe to call more than once.
#
# Uses PG_CONFIG (default pg_config) to find the server binaries.

pg_cluster_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "${PG_CLUSTER_OS_USER:-postgres}" -- "$@"
  else
    "$@"
  fi
}

pg_cluster_start() {
  local bindir
  bindir=$("${PG_CONFIG:-pg_config}" --bindir)
  PG_CLUSTER_BIN=$bindir
  PG_CLUSTER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tradeagg-pg.XXXXXX")
  chmod 755 "$PG_CLUSTER_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown "${PG_CLUSTER_OS_USER:-postgres}:" "$PG_CLUSTER_DIR"
  fi

  if ! pg_cluster_as_owner "$bindir/initdb" -D "$PG_CLUSTER_DIR/data" \
      --username=postgres --auth=trust --encoding=UTF8 --locale=C \
      --no-sync >"$PG_CLUSTER_DIR/initdb.log" 2>&1; then
    cat "$PG_CLUSTER_DIR/initdb.log" >&2
    return 1
  fi

  {
    echo "listen_addresses = ''"
    echo "unix_socket_directories = '$PG_CLUSTER_DIR'"
    echo "port = ${PG_CLUSTER_PORT:-5432}"
    echo "fsync = off"
    echo "synchronous_commit = off"
    echo "full_page_writes = off"
    echo "shared_buffers = 128MB"
    echo "work_mem = 32MB"
    echo "max_worker_processes = 16"
    echo "max_parallel_workers = 8"
    echo "max_parallel_workers_per_gather = 4"
    echo "log_min_messages = warning"
    echo "log_min_error_statement = panic"
    local line
    for line in "$@"; do echo "$line"; done
  } | pg_cluster_as_owner tee -a "$PG_CLUSTER_DIR/data/postgresql.conf" >/dev/null

  if ! pg_cluster_as_owner "$bindir/pg_ctl" -D "$PG_CLUSTER_DIR/data" \
      -l "$PG_CLUSTER_DIR/server.log" -w -t 60 start >/dev/null; then
    cat "$PG_CLUSTER_DIR/server.log" >&2 || true
    return 1
  fi

  export PGHOST=$PG_CLUSTER_DIR
  export PGPORT=${PG_CLUSTER_PORT:-5432}
  export PGUSER=postgres
  unset PGPASSWORD PGSERVICE PGHOSTADDR
}

pg_cluster_stop() {
  [ -n "${PG_CLUSTER_DIR:-}" ] || return 0
  if [ -f "$PG_CLUSTER_DIR/data/postmaster.pid" ]; then
    pg_cluster_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" \
      -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_CLUSTER_DIR"
  PG_CLUSTER_DIR=
}
