#!/usr/bin/env bash
# Install, with apt-get, the Debian packages that building and testing
# tradeagg need, and only those that are missing. Run as root (CI does);
# as another user it only lists what is missing.
#
#   PG_MAJOR=15 (default) selects the PostgreSQL packages.
set -euo pipefail

PG_MAJOR=${PG_MAJOR:-15}
pkgs=(
  gcc clang libclang-rt-14-dev make perl debootstrap
  sqlite3 libsqlite3-dev libgmp-dev libmpfr-dev
  "postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR"
  "postgresql-$PG_MAJOR-pgtap" libtap-parser-sourcehandler-pgtap-perl
)
# Node.js and npm run the DuckDB suite (npm also fetches DuckDB's headers);
# any installation of them will do.
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps: not a Debian system; make sure these are installed: ${pkgs[*]}"
  exit 0
fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all present (${pkgs[*]})"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "deps: missing ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
  exit 1
fi

echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "deps: installed ${missing[*]}"
