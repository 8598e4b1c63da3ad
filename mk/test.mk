# make test: install what is missing, build, run the suites.
.PHONY: test
# The PostgreSQL suite runs last, so the output ends with pg_prove's summary.
TEST_FUZZ_SECONDS ?= 30
test: core-tests sqlite_ext/tradeagg.so
	prove tests/core.t tests/install_script.t tests/sqlite/ tests/hostile/matrix.t
	$(MAKE) --no-print-directory check-sanitize
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(TEST_FUZZ_SECONDS)
	$(MAKE) --no-print-directory test-duckdb
	bash tests/pg/run.sh

# `make test` first installs the packages the suites need (tests/deps.sh),
# before anything is compiled; a plain `make` never touches the system.
.PHONY: deps
deps:
	bash tests/deps.sh
ifneq ($(filter test,$(MAKECMDGOALS)),)
$(CORE_TESTS) sqlite_ext/tradeagg.so: | deps
endif
