# Unit tests of the core, in C, printing TAP (run through tests/core.t).
TEST_SUPPORT := $(filter-out tests/core/test_%.c,$(wildcard tests/core/*.c))
CORE_TESTS := $(patsubst tests/core/%.c,$(BUILD)/core/%,$(sort $(wildcard tests/core/test_*.c)))

$(BUILD)/core/%: tests/core/%.c $(TEST_SUPPORT) $(wildcard tests/core/*.h) $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TA) -Itests/core -o $@ $< $(TEST_SUPPORT) $(CORE_SRC) $(TEST_LIBS) -lm

# The exact-sum test checks against GMP rationals rounded by MPFR.
$(BUILD)/core/test_exact $(BUILD)/asan/core/test_exact: TEST_LIBS = -lmpfr -lgmp

.PHONY: core-tests
core-tests: $(CORE_TESTS)

# clang-format for the C outside pg_ext/ (which keeps PostgreSQL's layout).
FORMAT_FILES = $(wildcard src/*.[ch] sqlite_ext/*.c tests/core/*.[ch] tests/fuzz/*.[ch] tests/oom/*.c \
                           duckdb_ext/*.[ch] tests/duckdb/*.c)
.PHONY: format
format:
	clang-format -i $(FORMAT_FILES)
