# make bench: tradeagg against the engines' builtin aggregates and plain SQL,
# in SQLite and in a throwaway PostgreSQL cluster. Prints a table and writes
# bench/RESULTS.md. Timing is reported, never asserted; the run fails only
# when a result differs from the plain-SQL formulation.
#
#   make bench                       10M rows, 3 alternating runs per figure
#   make bench BENCH_ROWS=1000000    or: make bench-quick
#   make bench BENCH_ENGINES=sqlite  one engine only (sqlite, pg, duckdb)
BENCH_ROWS    ?= 10000000
BENCH_RUNS    ?= 3
BENCH_ENGINES ?= sqlite pg duckdb
BENCH_CFLAGS   = $(CSTD) $(OPT) $(WARN) $(FPFLAGS) -Isrc -Ibench
BENCH_COMMON  := bench/common.c $(wildcard bench/*.h)

$(BUILD)/bench/sqlite_bench: bench/sqlite_bench.c $(BENCH_COMMON) $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) -o $@ bench/sqlite_bench.c bench/common.c $(CORE_SRC) -lsqlite3 -lm

$(BUILD)/bench/pg_bench: bench/pg_bench.c $(BENCH_COMMON)
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) -I$(shell $(PG_CONFIG) --includedir) -o $@ bench/pg_bench.c \
		bench/common.c -L$(shell $(PG_CONFIG) --libdir) -lpq -lm

# The period table alone (bench/ptable_bench.c): insertion orders, and
# memory per group under an AllocSet model. Not part of `make bench`'s table.
$(BUILD)/bench/ptable_bench: bench/ptable_bench.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) -o $@ bench/ptable_bench.c $(CORE_SRC) -lm

.PHONY: bench-ptable
bench-ptable: $(BUILD)/bench/ptable_bench
	$(BUILD)/bench/ptable_bench

BENCH_BINS := $(if $(filter sqlite,$(BENCH_ENGINES)),sqlite_ext/tradeagg.so $(BUILD)/bench/sqlite_bench) \
              $(if $(filter pg,$(BENCH_ENGINES)),$(BUILD)/bench/pg_bench)

.PHONY: bench bench-quick
bench: $(BENCH_BINS)
	BENCH_ROWS=$(BENCH_ROWS) BENCH_RUNS=$(BENCH_RUNS) BENCH_ENGINES="$(BENCH_ENGINES)" \
		PG_CONFIG=$(PG_CONFIG) bash bench/run.sh

bench-quick:
	$(MAKE) --no-print-directory bench BENCH_ROWS=1000000

# The previous release's floor ratios beside this tree's (SQLite, PostgreSQL) on this
# machine (bench/previous.sh); needs the git history. Not part of make bench.
.PHONY: bench-previous
bench-previous: $(BUILD)/bench/pg_bench $(BUILD)/bench/sqlite_bench sqlite_ext/tradeagg.so
	BENCH_ROWS=$(BENCH_ROWS) BENCH_RUNS=$(BENCH_RUNS) PG_CONFIG=$(PG_CONFIG) bash bench/previous.sh
