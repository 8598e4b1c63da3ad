# Hardening: sanitizers, valgrind, fuzzing, out-of-memory injection and the
# hostile-input matrix (tests/fuzz, tests/oom, tests/hostile).
#
#   make check-sanitize   core tests, SQLite suite, OOM test and hostile matrix
#                         with clang -fsanitize=address,undefined (build/asan)
#   make check-valgrind   SQLite suite and hostile matrix with every sqlite3
#                         process under valgrind memcheck
#   make fuzz             each libFuzzer target for FUZZ_SECONDS (default 30)
#                         on a copy of its seed corpus in build/fuzz
#   make fuzz-replay      the committed seeds through each target, once
#   make fuzz-coverage    line coverage of src/ reached by each corpus
#   make check-hostile    the hostile-input matrix against the normal build
#   make check-harden     check-sanitize + fuzz smoke (20 s each) + matrix
#
# Needs clang (with libclang_rt: clang-14 and libclang-rt-14-dev), llvm
# (llvm-cov, llvm-profdata, for fuzz-coverage only), valgrind, sqlite3 and
# libsqlite3-dev. Nothing here writes outside build/: sanitized objects go to build/asan, so
# the normal sqlite_ext/tradeagg.so and build/core stay as they are.

CLANG         ?= clang
SAN_FLAGS     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_FLAGS    := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
ASAN_DIR      := $(BUILD)/asan
FUZZ_DIR      := $(BUILD)/fuzz
VG_DIR        := $(BUILD)/valgrind
SAN_CFLAGS     = $(CSTD) -O1 -g $(WARN) $(FPFLAGS) -fPIC -Isrc $(SAN_FLAGS)
FUZZ_SECONDS  ?= 30
FUZZ_TARGETS  := fuzz_period fuzz_deserialize fuzz_differential
REAL_SQLITE3  := $(shell command -v sqlite3 2>/dev/null)
ASAN_RT        = $(shell $(CLANG) -print-file-name=libclang_rt.asan-x86_64.so)

# Runtime options for sanitized test programs (reports on stderr).
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1 \
          UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

HARDEN_SAN_TESTS := $(patsubst tests/core/%.c,$(ASAN_DIR)/core/%,$(sort $(wildcard tests/core/test_*.c)))

# ---- sanitizers ---------------------------------------------------------------

$(ASAN_DIR)/core/%: tests/core/%.c $(TEST_SUPPORT) $(wildcard tests/core/*.h) $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CLANG) $(SAN_CFLAGS) -Itests/core -o $@ $< $(TEST_SUPPORT) $(CORE_SRC) $(TEST_LIBS) -lm

$(ASAN_DIR)/tradeagg.so: sqlite_ext/tradeagg.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CLANG) $(SAN_CFLAGS) -shared -o $@ sqlite_ext/tradeagg.c $(CORE_SRC) -lm

# A deliberately leaking extension: proves LeakSanitizer sees a leak made by
# a loaded extension in the sqlite3 shell.
$(ASAN_DIR)/leak_canary.so: tests/hostile/leak_canary.c
	@mkdir -p $(dir $@)
	$(CLANG) $(SAN_CFLAGS) -shared -o $@ $<

# sqlite3 with the ASan runtime preloaded (the shell itself is not
# instrumented; the extension it loads is). The runtime goes into sqlite3
# only, never into perl or make. Every report, leaks included, is written to
# $(ASAN_DIR)/log/sqlite3.<pid> whatever the test does with stderr, and the
# process exits 86; check-sanitize fails if any report file appears.
$(ASAN_DIR)/bin/sqlite3: mk/harden.mk
	@mkdir -p $(dir $@)
	@test -n "$(REAL_SQLITE3)" || { echo "sqlite3 not found" >&2; exit 1; }
	@printf '#!/bin/sh\nexport LD_PRELOAD="%s"\nexport ASAN_OPTIONS="%s"\nexport UBSAN_OPTIONS="%s"\nexec %s "$$@"\n' \
	    '$(ASAN_RT)' \
	    'detect_leaks=1:exitcode=86:strict_string_checks=1:log_path=$(abspath $(ASAN_DIR))/log/sqlite3' \
	    'print_stacktrace=1:halt_on_error=1:log_path=$(abspath $(ASAN_DIR))/log/sqlite3' \
	    '$(REAL_SQLITE3)' > $@
	@chmod +x $@

$(ASAN_DIR)/oom: tests/oom/oom.c sqlite_ext/tradeagg.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CLANG) $(SAN_CFLAGS) -DSQLITE_CORE -o $@ tests/oom/oom.c sqlite_ext/tradeagg.c $(CORE_SRC) -lsqlite3 -lm

$(BUILD)/oom: tests/oom/oom.c sqlite_ext/tradeagg.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TA) -DSQLITE_CORE -o $@ tests/oom/oom.c sqlite_ext/tradeagg.c $(CORE_SRC) -lsqlite3 -lm

# How the SQLite suites are pointed at a sqlite3 and an extension:
# tests/hostile/matrix.t reads TA_SQLITE3 and TA_SQLITE_EXT; tests/sqlite/
# reads SQLITE3 (and TA_SQLITE_EXT, see tests/hostile/README.md).
SAN_SQLITE_ENV = PATH="$(abspath $(ASAN_DIR)/bin):$$PATH" \
                 SQLITE3="$(abspath $(ASAN_DIR)/bin/sqlite3)" \
                 TA_SQLITE3="$(abspath $(ASAN_DIR)/bin/sqlite3)" \
                 TA_SQLITE_EXT="$(abspath $(ASAN_DIR)/tradeagg)"

# Fails when a sanitized sqlite3 left a report.
define san_logs_clean
	@n=$$(ls $(ASAN_DIR)/log 2>/dev/null | wc -l); \
	if [ "$$n" -ne 0 ]; then echo "sanitizer reports from sqlite3 ($$n):" >&2; \
	    ls $(ASAN_DIR)/log/* | head -3 | xargs cat >&2; exit 1; fi; \
	echo "sanitizers: no report from any sqlite3 process ($(1))"
endef

.PHONY: check-sanitize sanitize-build check-leak-canary check-sanitize-core \
        check-sanitize-oom check-sanitize-sqlite
sanitize-build: $(HARDEN_SAN_TESTS) $(ASAN_DIR)/tradeagg.so $(ASAN_DIR)/leak_canary.so \
                $(ASAN_DIR)/bin/sqlite3 $(ASAN_DIR)/oom

check-leak-canary: $(ASAN_DIR)/leak_canary.so $(ASAN_DIR)/bin/sqlite3
	@rm -rf $(ASAN_DIR)/log; mkdir -p $(ASAN_DIR)/log
	@printf '.load %s\nSELECT leak_canary();\n' '$(abspath $(ASAN_DIR)/leak_canary)' \
	    | $(ASAN_DIR)/bin/sqlite3 :memory: >/dev/null 2>&1; rc=$$?; \
	if [ $$rc -eq 86 ] && cat $(ASAN_DIR)/log/* 2>/dev/null | grep -q 'Direct leak of 64 byte'; then \
	    echo "leak canary: LeakSanitizer reports the leak of a loaded extension (exit $$rc)"; \
	else echo "leak canary: the leak went unnoticed (exit $$rc)" >&2; exit 1; fi
	@rm -rf $(ASAN_DIR)/log

check-sanitize-core: $(HARDEN_SAN_TESTS)
	$(SAN_ENV) TA_CORE_BUILD=$(ASAN_DIR)/core prove tests/core.t

check-sanitize-oom: $(ASAN_DIR)/oom
	$(SAN_ENV) prove tests/oom/oom.t :: $(ASAN_DIR)/oom

check-sanitize-sqlite: $(ASAN_DIR)/tradeagg.so $(ASAN_DIR)/bin/sqlite3 check-leak-canary
	@rm -rf $(ASAN_DIR)/log; mkdir -p $(ASAN_DIR)/log
	$(SAN_SQLITE_ENV) prove tests/hostile/matrix.t
	$(call san_logs_clean,hostile matrix)
	@if [ -d tests/sqlite ]; then \
	    echo '$(SAN_SQLITE_ENV) prove tests/sqlite/'; \
	    $(SAN_SQLITE_ENV) prove tests/sqlite/ || exit 1; \
	else echo "tests/sqlite/ not present: SQLite suite skipped"; fi
	$(call san_logs_clean,SQLite suite)

check-sanitize: sanitize-build
	$(MAKE) --no-print-directory check-sanitize-core check-sanitize-oom check-sanitize-sqlite

# ---- valgrind -------------------------------------------------------------------

# (add --track-origins=yes through VG_EXTRA to find where an uninitialised
# value came from; it doubles the run time)
VG_OPTS := --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
           --show-leak-kinds=definite $(VG_EXTRA)

# sqlite3 under memcheck. Each process logs to $(VG_DIR)/log/<pid>.log, which
# stays empty unless memcheck reports something; check-valgrind fails on any
# non-empty log, whatever the test does with exit codes and stderr.
$(VG_DIR)/bin/sqlite3: mk/harden.mk
	@mkdir -p $(dir $@)
	@test -n "$(REAL_SQLITE3)" || { echo "sqlite3 not found" >&2; exit 1; }
	@printf '#!/bin/sh\nexec valgrind -q %s --log-file=%s/log/%%p.log %s "$$@"\n' \
	    '$(VG_OPTS)' '$(abspath $(VG_DIR))' '$(REAL_SQLITE3)' > $@
	@chmod +x $@

VG_SQLITE_ENV = PATH="$(abspath $(VG_DIR)/bin):$$PATH" \
                SQLITE3="$(abspath $(VG_DIR)/bin/sqlite3)" \
                TA_SQLITE3="$(abspath $(VG_DIR)/bin/sqlite3)" \
                TA_SQLITE_EXT="$(abspath sqlite_ext/tradeagg)"

.PHONY: check-valgrind
check-valgrind: sqlite_ext/tradeagg.so $(VG_DIR)/bin/sqlite3
	@command -v valgrind >/dev/null || { echo "valgrind not found" >&2; exit 1; }
	rm -rf $(VG_DIR)/log && mkdir -p $(VG_DIR)/log
	$(VG_SQLITE_ENV) prove tests/hostile/matrix.t
	@if [ -d tests/sqlite ]; then \
	    echo '$(VG_SQLITE_ENV) prove tests/sqlite/'; \
	    $(VG_SQLITE_ENV) prove tests/sqlite/ || exit 1; \
	else echo "tests/sqlite/ not present: SQLite suite skipped"; fi
	@n=$$(ls $(VG_DIR)/log | wc -l); bad=$$(find $(VG_DIR)/log -name '*.log' -size +0 | wc -l); \
	echo "valgrind: $$n sqlite3 processes under memcheck, $$bad with reports"; \
	if [ "$$n" -eq 0 ]; then echo "valgrind: no sqlite3 process ran under valgrind" >&2; exit 1; fi; \
	if [ "$$bad" -ne 0 ]; then find $(VG_DIR)/log -name '*.log' -size +0 | head -3 | xargs cat >&2; exit 1; fi

# ---- fuzzing ----------------------------------------------------------------------

$(FUZZ_DIR)/fuzz_period: tests/fuzz/fuzz_period.c tests/fuzz/fuzz.h $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CLANG) $(CSTD) -O1 -g $(WARN) $(FPFLAGS) -Isrc $(FUZZ_FLAGS) -o $@ $< $(CORE_SRC) -lm

$(FUZZ_DIR)/fuzz_deserialize: tests/fuzz/fuzz_deserialize.c tests/fuzz/fuzz.h $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CLANG) $(CSTD) -O1 -g $(WARN) $(FPFLAGS) -Isrc $(FUZZ_FLAGS) -o $@ $< $(CORE_SRC) -lm

$(FUZZ_DIR)/fuzz_differential: tests/fuzz/fuzz_differential.c tests/fuzz/fuzz.h tests/core/ref.c tests/core/ref_exact.c tests/core/rows.c \
                               tests/core/ref.h tests/core/ref_exact.h tests/core/rows.h $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CLANG) $(CSTD) -O1 -g $(WARN) $(FPFLAGS) -Isrc -Itests/core $(FUZZ_FLAGS) -o $@ $< \
	    tests/core/ref.c tests/core/ref_exact.c tests/core/rows.c $(CORE_SRC) -lm

.PHONY: fuzz-build fuzz fuzz-replay
fuzz-build: $(addprefix $(FUZZ_DIR)/,$(FUZZ_TARGETS))

# Each target runs on a copy of its corpus, so new inputs stay in build/.
fuzz: fuzz-build
	@set -e; for t in $(FUZZ_TARGETS); do \
	    rm -rf $(FUZZ_DIR)/corpus/$$t; mkdir -p $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/crash; \
	    cp tests/fuzz/corpus/$$t/* $(FUZZ_DIR)/corpus/$$t/; \
	    echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	    if ! $(FUZZ_DIR)/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	         -max_len=4096 -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/crash/$$t- \
	         $(FUZZ_DIR)/corpus/$$t > $(FUZZ_DIR)/$$t.log 2>&1; then \
	        tail -60 $(FUZZ_DIR)/$$t.log; echo "fuzz: $$t FAILED (log: $(FUZZ_DIR)/$$t.log)"; exit 1; \
	    fi; \
	    grep -E '^(stat::number_of_executed_units|#[0-9]+.*DONE)' $(FUZZ_DIR)/$$t.log | sed "s/^/  $$t: /"; \
	done

# Every committed seed through every target once (no mutation).
fuzz-replay: fuzz-build
	@set -e; for t in $(FUZZ_TARGETS); do \
	    $(FUZZ_DIR)/$$t -runs=0 tests/fuzz/corpus/$$t > $(FUZZ_DIR)/$$t.replay.log 2>&1 || \
	        { tail -40 $(FUZZ_DIR)/$$t.replay.log; exit 1; }; \
	    echo "fuzz-replay: $$t ok ($$(ls tests/fuzz/corpus/$$t | wc -l) seeds)"; \
	done

# Line coverage of the core reached by each target's corpus (the one grown by
# the last `make fuzz` when there is one, else the committed seeds).
LLVM_PROFDATA ?= llvm-profdata
LLVM_COV      ?= llvm-cov
FUZZ_COV_FLAGS := -fsanitize=fuzzer -fprofile-instr-generate -fcoverage-mapping

$(FUZZ_DIR)/cov/fuzz_differential: FUZZ_COV_EXTRA = -Itests/core tests/core/ref.c tests/core/ref_exact.c tests/core/rows.c
$(FUZZ_DIR)/cov/%: tests/fuzz/%.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CLANG) $(CSTD) -O1 -g $(FPFLAGS) -Isrc $(FUZZ_COV_FLAGS) -o $@ $< $(FUZZ_COV_EXTRA) $(CORE_SRC) -lm

.PHONY: fuzz-coverage
fuzz-coverage: $(addprefix $(FUZZ_DIR)/cov/,$(FUZZ_TARGETS))
	@set -e; for t in $(FUZZ_TARGETS); do \
	    c=$(FUZZ_DIR)/corpus/$$t; [ -d $$c ] || c=tests/fuzz/corpus/$$t; \
	    LLVM_PROFILE_FILE=$(FUZZ_DIR)/cov/$$t.profraw $(FUZZ_DIR)/cov/$$t -runs=0 -artifact_prefix=$(FUZZ_DIR)/cov/$$t- $$c >/dev/null 2>&1 || echo "$$t: a corpus input crashes (see build/fuzz/cov)"; \
	    $(LLVM_PROFDATA) merge -sparse -o $(FUZZ_DIR)/cov/$$t.profdata $(FUZZ_DIR)/cov/$$t.profraw; \
	    echo "== $$t ($$c, $$(ls $$c | wc -l) inputs)"; \
	    $(LLVM_COV) report $(FUZZ_DIR)/cov/$$t -instr-profile=$(FUZZ_DIR)/cov/$$t.profdata $(CORE_SRC) \
	        | sed -n '1p;$$p'; \
	done

# ---- hostile inputs and the whole set -------------------------------------------------

.PHONY: check-hostile check-harden
check-hostile: sqlite_ext/tradeagg.so
	prove tests/hostile/matrix.t

check-harden: check-sanitize check-hostile
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=20

# Regenerates the committed serialized-state seeds after a format change.
.PHONY: fuzz-seeds
fuzz-seeds: $(CORE_SRC) $(CORE_HDR) tests/fuzz/gen_seeds.c
	@mkdir -p $(BUILD)/fuzz
	$(CC) $(CFLAGS_TA) -o $(BUILD)/fuzz/gen_seeds tests/fuzz/gen_seeds.c $(CORE_SRC) -lm
	find tests/fuzz/corpus/fuzz_deserialize -type f ! -name 'regress-*' -delete
	$(BUILD)/fuzz/gen_seeds tests/fuzz/corpus/fuzz_deserialize
