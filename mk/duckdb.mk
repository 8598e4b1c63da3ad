# The DuckDB extension (duckdb_ext/), against DuckDB's stable C extension API.
#
#   make duckdb        build duckdb_ext/tradeagg.duckdb_extension
#   make demo-duckdb   run the China–Russia demo in DuckDB
#   make test-duckdb   the DuckDB suite (tests/duckdb/), in DuckDB 1.5 and 1.4
#
# DuckDB's two C headers come from the npm registry at build time: `npm pack`
# downloads the duckdb package's tarball (its install script never runs) and
# only duckdb.h and duckdb_extension.h are taken from it, into build/. The
# tests run the real DuckDB through @duckdb/node-api, pinned in
# tests/duckdb/package-lock.json (1.5) and tests/duckdb/duckdb-1.4/ (1.4) and
# installed there with `npm ci`.
DUCKDB_HEADERS_FROM := duckdb@1.4.4
DUCKDB_INC          := $(BUILD)/duckdb/include
DUCKDB_PLATFORM     ?= linux_amd64
DUCKDB_EXT          := duckdb_ext/tradeagg.duckdb_extension
DUCKDB_GLUE         := $(sort $(wildcard duckdb_ext/*.c))
DUCKDB_CFLAGS        = $(CFLAGS_TA) -fvisibility=hidden -I$(DUCKDB_INC) -Iduckdb_ext
DUCKDB_NODE         := tests/duckdb/node_modules/.package-lock.json \
                       tests/duckdb/duckdb-1.4/node_modules/.package-lock.json

$(DUCKDB_INC)/duckdb_extension.h:
	@mkdir -p $(BUILD)/duckdb/pack $(DUCKDB_INC)
	cd $(BUILD)/duckdb/pack && rm -f duckdb-*.tgz && npm pack --silent --ignore-scripts $(DUCKDB_HEADERS_FROM) >/dev/null
	tar -xzmf $(BUILD)/duckdb/pack/duckdb-*.tgz -C $(DUCKDB_INC) --strip-components=5 \
	    package/src/duckdb/src/include/duckdb.h package/src/duckdb/src/include/duckdb_extension.h
	@test -s $@

# The extension version in the footer is the project's (TA_VERSION, from
# pg_ext/tradeagg.control, mk/sql.mk).
$(DUCKDB_EXT): $(DUCKDB_GLUE) duckdb_ext/tadk.h duckdb_ext/footer.pl $(CORE_SRC) $(CORE_HDR) \
               $(DUCKDB_INC)/duckdb_extension.h pg_ext/tradeagg.control
	$(CC) $(DUCKDB_CFLAGS) -shared -o $@.tmp $(DUCKDB_GLUE) $(CORE_SRC) -lm
	perl duckdb_ext/footer.pl $@.tmp $(TA_VERSION) $(DUCKDB_PLATFORM)
	mv $@.tmp $@

# npm ci installs exactly the lockfile's packages: @duckdb/node-api, its
# bindings and the prebuilt libduckdb.so for this platform, and detect-libc.
%/node_modules/.package-lock.json: %/package.json %/package-lock.json
	cd $* && npm ci --ignore-scripts --no-audit --no-fund

# tadk_caller.c outside DuckDB: the refusal no DuckDB path reaches
# (tests/duckdb/caller.test.mjs runs it).
$(BUILD)/duckdb/caller_test: tests/duckdb/caller_test.c duckdb_ext/tadk_caller.c duckdb_ext/tadk.h \
                             $(DUCKDB_INC)/duckdb_extension.h
	@mkdir -p $(dir $@)
	$(CC) $(DUCKDB_CFLAGS) -o $@ tests/duckdb/caller_test.c duckdb_ext/tadk_caller.c -ldl

# SQLite's side of the random-data comparison (tests/duckdb/random.test.mjs).
$(BUILD)/duckdb/sqlite_bits: tests/duckdb/sqlite_bits.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(OPT) $(WARN) -o $@ $< -lsqlite3

# Under AddressSanitizer and UndefinedBehaviorSanitizer (make check-sanitize):
# the extension built with clang, loaded by a C driver over the libduckdb.so
# that npm installed (DuckDB 1.5), running the shared cases, parallel,
# windowed and failing queries, and an interrupted one; LeakSanitizer checks
# at exit that every state was freed.
DUCKDB_ASAN_DIR := $(ASAN_DIR)/duckdb
# the directory of the libduckdb.so npm installed, found when the recipe runs
DUCKDB_LIBDIR    = $$(dirname $$(ls tests/duckdb/node_modules/@duckdb/node-bindings-*/libduckdb.so | head -n 1))

$(DUCKDB_ASAN_DIR)/tradeagg.duckdb_extension: $(DUCKDB_GLUE) duckdb_ext/tadk.h duckdb_ext/footer.pl \
        $(CORE_SRC) $(CORE_HDR) $(DUCKDB_INC)/duckdb_extension.h pg_ext/tradeagg.control
	@mkdir -p $(dir $@)
	$(CLANG) $(SAN_CFLAGS) -fvisibility=hidden -I$(DUCKDB_INC) -Iduckdb_ext -shared -o $@.tmp \
	    $(DUCKDB_GLUE) $(CORE_SRC) -lm
	perl duckdb_ext/footer.pl $@.tmp $(TA_VERSION) $(DUCKDB_PLATFORM)
	mv $@.tmp $@

$(DUCKDB_ASAN_DIR)/asan_driver: tests/duckdb/asan_driver.c $(DUCKDB_INC)/duckdb_extension.h | $(DUCKDB_NODE)
	@mkdir -p $(dir $@)
	libdir=$(DUCKDB_LIBDIR) && $(CLANG) $(CSTD) -O1 -g $(WARN) $(SAN_FLAGS) -I$(DUCKDB_INC) -o $@ $< \
	    -L"$$libdir" -Wl,-rpath,"$(CURDIR)/$$libdir" -lduckdb -lpthread

.PHONY: check-sanitize-duckdb
check-sanitize-duckdb: $(DUCKDB_ASAN_DIR)/tradeagg.duckdb_extension $(DUCKDB_ASAN_DIR)/asan_driver
	perl tests/duckdb/asan_script.pl > $(DUCKDB_ASAN_DIR)/script.sql
	$(SAN_ENV) $(DUCKDB_ASAN_DIR)/asan_driver $(abspath $(DUCKDB_ASAN_DIR)/tradeagg.duckdb_extension) \
	    $(DUCKDB_ASAN_DIR)/script.sql

check-sanitize: check-sanitize-duckdb

.PHONY: duckdb duckdb-node demo-duckdb test-duckdb clean-duckdb
duckdb: $(DUCKDB_EXT)
duckdb-node: $(DUCKDB_NODE)

demo-duckdb: $(DUCKDB_EXT) $(DUCKDB_NODE)
	node tests/duckdb/run_sql.mjs $(DUCKDB_EXT) sql/demo_duckdb.sql

test-duckdb: $(DUCKDB_EXT) $(DUCKDB_NODE) sqlite_ext/tradeagg.so $(BUILD)/duckdb/sqlite_bits \
             $(BUILD)/duckdb/caller_test
	node --test tests/duckdb/

# make bench's DuckDB half (bench/duckdb_bench.mjs, run by bench/run.sh).
bench: $(if $(filter duckdb,$(BENCH_ENGINES)),$(DUCKDB_EXT) $(DUCKDB_NODE))

clean: clean-duckdb
clean-duckdb:
	rm -f $(DUCKDB_EXT) $(DUCKDB_EXT).tmp
