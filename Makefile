# tradeagg — top-level build.
#
#   make            build the SQLite extension (sqlite_ext/tradeagg.so)
#   make demo       run the China–Russia analysis through sqlite3
#   make test       install missing packages, build, run every suite
#   make install    build and install the PostgreSQL extension (PGXS)
#
# The pieces live in mk/*.mk, one file per concern.

CC      ?= cc
PG_CONFIG ?= pg_config
BUILD   := build
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
# The release comes from one place, default_version in pg_ext/tradeagg.control.
TA_VERSION := $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" pg_ext/tradeagg.control)
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -DTA_VERSION='"$(TA_VERSION)"'
OPT     ?= -O2 -g
# Results are defined to the IEEE-754 operation (SPEC "Values"): never fuse
# a multiply and an add.
FPFLAGS := -ffp-contract=off
CFLAGS_TA = $(CSTD) $(OPT) $(WARN) $(FPFLAGS) -fPIC -Isrc

CORE_SRC := $(sort $(wildcard src/*.c))
# (the control file holds the version every object is built with)
CORE_HDR := $(sort $(wildcard src/*.h)) pg_ext/tradeagg.control

# `make` builds the SQLite extension where SQLite's headers are installed;
# on a PostgreSQL-only machine (as under `pgxn install`) it says so instead.
HASH := \#
HAVE_SQLITE_H := $(shell echo '$(HASH)include <sqlite3ext.h>' | $(CC) -E -x c - >/dev/null 2>&1 && echo yes)

.PHONY: all
ifeq ($(HAVE_SQLITE_H),yes)
all: sqlite_ext/tradeagg.so
else
all:
	@echo "sqlite3ext.h not found: SQLite extension not built (apt-get install libsqlite3-dev)"
endif

include mk/sqlite.mk
include mk/core.mk
include mk/pg.mk
include mk/test.mk
include mk/harden.mk
include mk/sql.mk
include mk/bench.mk
include mk/coverage.mk
include mk/duckdb.mk

.PHONY: clean
clean:
	rm -rf $(BUILD) sqlite_ext/tradeagg.so
	-$(MAKE) -C pg_ext clean PG_CONFIG=$(PG_CONFIG) >/dev/null 2>&1 || true
