# make test: install what is missing, build, run the suites.
.PHONY: test test-pg-matrix test-pg-matrix-check
# The PostgreSQL suites run last, so the output ends with pg_prove's
# summaries: the host's server, then every other major version in a Debian
# chroot (tests/pg/matrix.sh). PG_MATRIX=0 leaves the chroots out; whether
# they can run is checked before anything else, so a machine that cannot
# (not root, no debootstrap, too little disk) stops at once and says so.
# Missing chroots are built in the background while the host's suites run
# (matrix.sh --prepare, log in build/pg-matrix/prepare.log); the matrix
# waits for that build before it runs.
TEST_FUZZ_SECONDS ?= 30
PG_MATRIX ?= 1
test: $(if $(filter 0,$(PG_MATRIX)),,test-pg-matrix-check) core-tests sqlite_ext/tradeagg.so
	$(if $(filter 0,$(PG_MATRIX)),,@mkdir -p build/pg-matrix && \
	    (bash tests/pg/matrix.sh --prepare >build/pg-matrix/prepare.log 2>&1 &))
	prove tests/core.t tests/install_script.t tests/version.t tests/install_sqlite.t tests/readme.t tests/sqlite/ tests/hostile/matrix.t
	$(MAKE) --no-print-directory check-sanitize
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(TEST_FUZZ_SECONDS)
	$(MAKE) --no-print-directory test-duckdb
	$(if $(filter 0,$(PG_MATRIX)),@echo "pg-matrix: left out (PG_MATRIX=0): the host's PostgreSQL only")
	bash tests/pg/run.sh
	$(if $(filter 0,$(PG_MATRIX)),,bash tests/pg/matrix.sh)

test-pg-matrix:
	bash tests/pg/matrix.sh

test-pg-matrix-check: | deps
	@bash tests/pg/matrix.sh --check

# `make test` first installs the packages the suites need (tests/deps.sh),
# before anything is compiled; a plain `make` never touches the system.
.PHONY: deps
deps:
	bash tests/deps.sh
ifneq ($(filter test,$(MAKECMDGOALS)),)
$(CORE_TESTS) sqlite_ext/tradeagg.so: | deps
endif

# Citus: a loopback coordinator and two workers, where Citus is installed
# for PG_CONFIG's PostgreSQL (it is not packaged in Debian, so this is not
# part of `make test`). tests/citus/run.sh says more.
.PHONY: check-citus
check-citus:
	bash tests/citus/run.sh
