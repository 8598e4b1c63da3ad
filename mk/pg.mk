# The PostgreSQL extension (PGXS, in pg_ext/).
#
#   make pg                  build it (needs pg_config and the server headers)
#   make install             build and install it into the server pg_config names
#   make uninstall           remove it again
#   make installcheck        the pgTAP suite against the running server that
#                            libpq's environment names (PGHOST, PGPORT,
#                            PGUSER...), in a scratch database it creates and
#                            drops (tradeagg_installcheck); needs tradeagg
#                            installed there (make install) and pgTAP.
#                            `pgxn check` runs this.
#
# A plain `make` builds only the SQLite extension, so it works on a machine
# without PostgreSQL. When PG_CONFIG is given on the command line, as
# `pgxn install` does (`make PG_CONFIG=... all`, then `install`), `all`
# builds the PostgreSQL extension too.
PG_EXT_MAKE = $(MAKE) -C pg_ext PG_CONFIG=$(PG_CONFIG)

.PHONY: pg install uninstall installcheck
pg:
	$(PG_EXT_MAKE)
install: pg
	$(PG_EXT_MAKE) install
uninstall:
	$(PG_EXT_MAKE) uninstall

ifeq ($(origin PG_CONFIG),command line)
all: pg
endif
installcheck:
	TA_PG_TEST_DB=$${TA_PG_TEST_DB:-tradeagg_installcheck} bash tests/pg/suite.sh
