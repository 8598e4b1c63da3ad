# The PostgreSQL extension (PGXS, in pg_ext/).
#
#   make pg                  build it (needs pg_config and the server headers)
#   make install             build and install it into the server pg_config names
#   make uninstall           remove it again
#
# A plain `make` builds only the SQLite extension, so it works on a machine
# without PostgreSQL. When PG_CONFIG is given on the command line, as
# `pgxn install` does (`make PG_CONFIG=... all`, then `install`), `all`
# builds the PostgreSQL extension too.
PG_EXT_MAKE = $(MAKE) -C pg_ext PG_CONFIG=$(PG_CONFIG)

.PHONY: pg install uninstall
pg:
	$(PG_EXT_MAKE)
install: pg
	$(PG_EXT_MAKE) install
uninstall:
	$(PG_EXT_MAKE) uninstall

ifeq ($(origin PG_CONFIG),command line)
all: pg
endif
