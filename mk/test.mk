# make test: install what is missing, build, run the suites.
.PHONY: test
test: core-tests sqlite_ext/tradeagg.so
	prove tests/core.t tests/sqlite/
	bash tests/pg/run.sh

# `make test` first installs the packages the suites need (tests/deps.sh),
# before anything is compiled; a plain `make` never touches the system.
.PHONY: deps
deps:
	bash tests/deps.sh
ifneq ($(filter test,$(MAKECMDGOALS)),)
$(CORE_TESTS) sqlite_ext/tradeagg.so: | deps
endif
