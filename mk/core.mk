# Unit tests of the core, in C, printing TAP.
CORE_TESTS := $(patsubst tests/core/%.c,$(BUILD)/core/%,$(filter-out tests/core/tap.c,$(sort $(wildcard tests/core/test_*.c))))

$(BUILD)/core/%: tests/core/%.c tests/core/tap.c tests/core/tap.h $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TA) -Itests/core -o $@ $< tests/core/tap.c $(CORE_SRC) -lm

.PHONY: core-tests
core-tests: $(CORE_TESTS)
