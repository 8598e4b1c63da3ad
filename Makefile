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
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L
OPT     ?= -O2 -g
CFLAGS_TA = $(CSTD) $(OPT) $(WARN) -fPIC -Isrc

CORE_SRC := $(sort $(wildcard src/*.c))
CORE_HDR := $(sort $(wildcard src/*.h))

.PHONY: all
all: sqlite_ext/tradeagg.so

include mk/sqlite.mk
include mk/core.mk
include mk/pg.mk
include mk/test.mk

.PHONY: clean
clean:
	rm -rf $(BUILD) sqlite_ext/tradeagg.so
	-$(MAKE) -C pg_ext clean PG_CONFIG=$(PG_CONFIG) >/dev/null 2>&1 || true
