# make coverage: line and branch coverage of src/ (gcc --coverage, gcov)
# over the core unit tests, the SQLite suite, the hostile matrix, the OOM
# test and a replay of every committed fuzz seed. Everything is built in
# build/coverage/ (the normal build is not touched): the core is compiled
# once, unoptimized, and every program links those same objects, so the
# counts of all the runs add up in one set of .gcda files. Prints lines %
# and branches % (taken at least once) per file; the annotated sources are
# left in build/coverage/gcov/*.gcov (`#####` lines never ran, `never
# executed` / `taken 0%` branches never went that way). tests/COVERAGE.md
# lists the branches no test can reach and why.

COV_DIR    := $(BUILD)/coverage
COV_CFLAGS := $(CSTD) -O0 -g $(WARN) $(FPFLAGS) -fPIC -Isrc
COV_OBJS   := $(patsubst src/%.c,$(COV_DIR)/obj/src/%.o,$(CORE_SRC))
COV_TESTS  := $(patsubst tests/core/%.c,$(COV_DIR)/core/%,$(sort $(wildcard tests/core/test_*.c)))
COV_FUZZ   := $(addprefix $(COV_DIR)/fuzz/,$(FUZZ_TARGETS))

$(COV_DIR)/obj/src/%.o: src/%.c $(CORE_HDR)
	@mkdir -p $(dir $@)
	gcc $(COV_CFLAGS) --coverage -c -o $@ $<

$(COV_DIR)/core/%: tests/core/%.c $(TEST_SUPPORT) $(wildcard tests/core/*.h) $(COV_OBJS)
	@mkdir -p $(dir $@)
	gcc $(COV_CFLAGS) -Itests/core --coverage -o $@ $< $(TEST_SUPPORT) $(COV_OBJS) $(TEST_LIBS) -lm

$(COV_DIR)/core/test_exact: TEST_LIBS = -lmpfr -lgmp

$(COV_DIR)/tradeagg.so: sqlite_ext/tradeagg.c $(COV_OBJS)
	gcc $(COV_CFLAGS) --coverage -shared -o $@ sqlite_ext/tradeagg.c $(COV_OBJS) -lm

$(COV_DIR)/oom: tests/oom/oom.c sqlite_ext/tradeagg.c $(COV_OBJS)
	gcc $(COV_CFLAGS) --coverage -DSQLITE_CORE -o $@ tests/oom/oom.c sqlite_ext/tradeagg.c \
	    $(COV_OBJS) -lsqlite3 -lm

$(COV_DIR)/fuzz/fuzz_differential: COV_FUZZ_EXTRA = -Itests/core tests/core/ref.c \
    tests/core/ref_exact.c tests/core/rows.c
$(COV_DIR)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h tests/coverage/replay.c $(COV_OBJS)
	@mkdir -p $(dir $@)
	gcc $(COV_CFLAGS) --coverage -o $@ $< tests/coverage/replay.c $(COV_FUZZ_EXTRA) $(COV_OBJS) -lm

.PHONY: coverage
coverage: $(COV_TESTS) $(COV_DIR)/tradeagg.so $(COV_DIR)/oom $(COV_FUZZ)
	@find $(COV_DIR) -name '*.gcda' -delete
	TA_CORE_BUILD=$(COV_DIR)/core prove tests/core.t
	SQLITE3=sqlite3 TA_SQLITE_EXT=$(abspath $(COV_DIR)/tradeagg) prove tests/sqlite/
	TA_SQLITE_EXT=$(abspath $(COV_DIR)/tradeagg) prove tests/hostile/matrix.t
	prove tests/oom/oom.t :: $(COV_DIR)/oom
	@set -e; for t in $(FUZZ_TARGETS); do \
	    find tests/fuzz/corpus/$$t -type f -print0 | xargs -0 -r $(COV_DIR)/fuzz/$$t; \
	    echo "fuzz replay: $$t ($$(ls tests/fuzz/corpus/$$t | wc -l) seeds)"; \
	done
	@rm -rf $(COV_DIR)/gcov; mkdir -p $(COV_DIR)/gcov; ln -s $(CURDIR)/src $(COV_DIR)/gcov/src
	@cd $(COV_DIR)/gcov && gcov -b -c -o ../obj/src $(addprefix $(CURDIR)/,$(CORE_SRC)) >summary.txt
	@perl tests/coverage/summary.pl $(COV_DIR)/gcov/summary.txt
