#!/usr/bin/env bash
# The pgTAP suite on every PostgreSQL major version Debian ships: each runs in
# a minbase Debian chroot of the suite that packages it, built with
# debootstrap from the host's own Debian mirror.
#
#   bash tests/pg/matrix.sh            (make test-pg-matrix)
#   bash tests/pg/matrix.sh --check    only say whether it can run here
#   bash tests/pg/matrix.sh --prepare  only build the missing chroots
#   TA_PG_MATRIX="13:bullseye"         only some versions (major:suite ...)
#   TA_CHROOT_CACHE=/var/cache/tradeagg where the chroots are kept
#   TA_DEBIAN_MIRROR=http://...        the mirror, if the host's is not wanted
#
# The host (bookworm, PostgreSQL 15) runs the same suite in tests/pg/run.sh.
# A chroot is built once and reused: it is complete only when its stamp file
# names the same suite and packages; anything else (an interrupted build, a
# changed package list) is removed and built again. The source tree is copied
# into the chroot (tracked and untracked files, never build/), where
# tests/pg/run.sh builds the extension and runs the suite on a throwaway
# cluster. Every mount is undone on any exit, and a chroot with something
# still mounted in it is never deleted.
#
# Needs root, debootstrap and, for each chroot still to build, about 2 GB
# (8 GB free is required before building any).
set -euo pipefail
cd "$(dirname "$0")/../.."
TOP=$PWD

MATRIX=${TA_PG_MATRIX:-"13:bullseye 17:trixie 18:forky"}
CACHE=${TA_CHROOT_CACHE:-/var/cache/tradeagg}
MIN_FREE_GB=8
STAMP=.tradeagg-chroot-stamp
LOGDIR=$TOP/build/pg-matrix

die() { echo "pg-matrix: $*" >&2; exit 1; }

packages_for() { # major
  echo "postgresql-$1 postgresql-server-dev-$1 postgresql-$1-pgtap" \
       "libtap-parser-sourcehandler-pgtap-perl make gcc libc6-dev perl"
}

stamp_for() { # major suite
  printf 'suite=%s\npackages=%s\nformat=1\n' "$2" "$(packages_for "$1")"
}

# The host's Debian archive URI: the first source of a "main" Debian suite
# that is not the security archive, from deb822 .sources or one-line .list.
host_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/ && $i ~ /debian\/?$/) { print $i; exit } }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1 == "deb" { u = ($2 ~ /^\[/) ? $3 : $2; if (u !~ /security/ && u ~ /debian\/?$/) { print u; exit } }' "$f"
  done
}

# ---- mounts ----------------------------------------------------------------

MOUNTED=()   # mount points, in mount order

mount_chroot() { # root
  local r=$1
  mount -t proc proc "$r/proc" && MOUNTED+=("$r/proc")
  mount --bind /dev "$r/dev" && MOUNTED+=("$r/dev")
  mount --bind /dev/pts "$r/dev/pts" && MOUNTED+=("$r/dev/pts")
  mount -t tmpfs -o mode=1777 shm "$r/dev/shm" && MOUNTED+=("$r/dev/shm")
}

umount_all() {
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}" 2>/dev/null || true
  done
  MOUNTED=()
}

# True when anything is mounted at or below the directory.
has_mounts() { # dir
  awk -v d="$(realpath -m "$1")" '$5 == d || index($5, d "/") == 1 { found = 1 } END { exit !found }' \
    /proc/self/mountinfo
}

cleanup() {
  local rc=$?
  umount_all
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

in_chroot() { # root command...
  local r=$1; shift
  chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}

# ---- building a chroot -------------------------------------------------------

build_chroot() { # major suite root log
  local major=$1 suite=$2 r=$3 log=$4 script=
  if has_mounts "$r"; then die "$r has mounts; unmount them first"; fi
  rm -rf "$r"
  mkdir -p "$r"
  # A debootstrap too old to know the suite builds it as sid.
  [ -e "/usr/share/debootstrap/scripts/$suite" ] || script=/usr/share/debootstrap/scripts/sid
  echo "pg-matrix: debootstrap $suite from $MIRROR" >>"$log"
  debootstrap --variant=minbase "$suite" "$r" "$MIRROR" $script >>"$log" 2>&1

  # No service starts inside; no cluster is created on install; the
  # archive's Release files may be past their Valid-Until date.
  printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
  chmod 755 "$r/usr/sbin/policy-rc.d"
  echo 'Acquire::Check-Valid-Until "false";' >"$r/etc/apt/apt.conf.d/99tradeagg"
  echo 'APT::Install-Recommends "false";' >>"$r/etc/apt/apt.conf.d/99tradeagg"
  echo "deb $MIRROR $suite main" >"$r/etc/apt/sources.list"
  cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true

  mount_chroot "$r"
  {
    in_chroot "$r" apt-get update -qq
    in_chroot "$r" apt-get install -y -qq postgresql-common
    sed -i 's/^#* *create_main_cluster *=.*/create_main_cluster = false/' \
      "$r/etc/postgresql-common/createcluster.conf"
    grep -q '^create_main_cluster = false' "$r/etc/postgresql-common/createcluster.conf"
    # shellcheck disable=SC2046
    in_chroot "$r" apt-get install -y -qq $(packages_for "$major")
    in_chroot "$r" apt-get clean
  } >>"$log" 2>&1
  umount_all
  stamp_for "$major" "$suite" >"$r/$STAMP"
}

chroot_ready() { # major suite root
  [ -f "$3/$STAMP" ] && [ "$(cat "$3/$STAMP")" = "$(stamp_for "$1" "$2")" ]
}

# ---- running the suite in one -------------------------------------------------

copy_source() { # root
  local dst=$1/root/tradeagg
  rm -rf "$dst"
  mkdir -p "$dst"
  if git -C "$TOP" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$TOP" ls-files -z --cached --others --exclude-standard \
      | (cd "$TOP" && xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) \
      | tar -C "$TOP" --null -T - -cf - | tar -C "$dst" -xf -
  else
    tar -C "$TOP" --exclude=./build --exclude=./.git -cf - . | tar -C "$dst" -xf -
  fi
}

run_suite() { # major root log
  local major=$1 r=$2 log=$3
  mount_chroot "$r"
  local rc=0
  in_chroot "$r" bash -c "cd /root/tradeagg && PG_CONFIG=/usr/lib/postgresql/$major/bin/pg_config bash tests/pg/run.sh" \
    >"$log" 2>&1 || rc=$?
  umount_all
  return "$rc"
}

# ---- main ---------------------------------------------------------------------

# Whether the matrix can run here; fills to_build with the chroots to make.
preflight() {
  local how="leave it out with: make test PG_MATRIX=0"
  [ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount); $how"
  command -v debootstrap >/dev/null || die "debootstrap is not installed (tests/deps.sh installs it as root); $how"
  MIRROR=${TA_DEBIAN_MIRROR:-$(host_mirror | head -1)}
  [ -n "$MIRROR" ] || die "no Debian mirror in /etc/apt/sources.list*; set TA_DEBIAN_MIRROR or $how"
  mkdir -p "$CACHE" || die "cannot create $CACHE; set TA_CHROOT_CACHE or $how"
  to_build=()
  local mv major suite
  for mv in $MATRIX; do
    major=${mv%%:*} suite=${mv#*:}
    chroot_ready "$major" "$suite" "$CACHE/$suite" || to_build+=("$mv")
  done
  if [ ${#to_build[@]} -gt 0 ]; then
    local free_kb
    free_kb=$(df -Pk "$CACHE" | awk 'NR == 2 { print $4 }')
    if [ "$free_kb" -lt $((MIN_FREE_GB * 1024 * 1024)) ]; then
      die "$CACHE has $((free_kb / 1024 / 1024)) GB free, under the ${MIN_FREE_GB} GB needed to build the chroots (${to_build[*]}); $how"
    fi
  fi
}

preflight
case "${1:-}" in
  --check)
    echo "pg-matrix: can run (PostgreSQL ${MATRIX}; from $MIRROR; chroots in $CACHE${to_build[0]:+, to build: ${to_build[*]}})"
    exit 0 ;;
  --prepare|'') ;;
  *) die "usage: $0 [--check | --prepare]" ;;
esac

# One build at a time: `make test` starts `--prepare` in the background
# while the host's suites run, and the run proper waits for it here.
mkdir -p "$LOGDIR"
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
  echo "pg-matrix: waiting for the chroot build already under way (log: ${LOGDIR#"$TOP"/}/prepare.log)"
  flock 9
  preflight
fi

if [ ${#to_build[@]} -gt 0 ]; then
  # The chroots are built side by side (network and disk bound).
  pids=()
  for mv in "${to_build[@]}"; do
    major=${mv%%:*} suite=${mv#*:}
    echo "pg-matrix: building the $suite chroot (PostgreSQL $major) in $CACHE/$suite"
    : >"$LOGDIR/chroot-$suite.log"
    ( MOUNTED=(); trap umount_all EXIT; trap 'exit 130' INT TERM HUP
      build_chroot "$major" "$suite" "$CACHE/$suite" "$LOGDIR/chroot-$suite.log" ) &
    pids+=("$!:$suite")
  done
  failed=0
  for p in "${pids[@]}"; do
    if ! wait "${p%%:*}"; then
      echo "pg-matrix: building the ${p#*:} chroot failed; last lines of $LOGDIR/chroot-${p#*:}.log:" >&2
      tail -20 "$LOGDIR/chroot-${p#*:}.log" >&2
      failed=1
    fi
  done
  [ "$failed" -eq 0 ] || exit 1
fi
if [ "${1:-}" = --prepare ]; then
  echo "pg-matrix: chroots ready (${MATRIX})"
  exit 0
fi

# One snapshot of the tree for every version, taken before any runs.
for mv in $MATRIX; do copy_source "$CACHE/${mv#*:}"; done

summary=()
failed=0
for mv in $MATRIX; do
  major=${mv%%:*} suite=${mv#*:}
  log=$LOGDIR/pg$major.log
  echo "pg-matrix: PostgreSQL $major ($suite): building and running the pgTAP suite"
  if run_suite "$major" "$CACHE/$suite" "$log"; then status=PASS; else status=FAIL; failed=1; fi
  [ "$status" = PASS ] || tail -40 "$log" >&2
  tests=$(sed -n 's/^Files=[0-9]*, Tests=\([0-9]*\),.*/\1/p' "$log" | tail -1)
  summary+=("$(printf 'pg-matrix: PostgreSQL %-3s %-9s %s, %s tests (log: %s)' \
    "$major" "$suite" "$status" "${tests:-no}" "${log#"$TOP"/}")")
done
printf '%s\n' "${summary[@]}"
exit "$failed"
