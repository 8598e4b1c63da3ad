# The PostgreSQL install script, generated from one definition.
#
#   make install-script    regenerate sql/tradeagg--<version>.sql, the
#                          newest release's (earlier releases' scripts are
#                          frozen; upgrade scripts are written by hand:
#                          sql/README.md)
#
# sql/gen_install.pl writes the script from the core's registry
# (src/ta_registry.c), the version in pg_ext/tradeagg.control and its own
# table of SQL types and comments. The output stays committed, because PGXN
# and `make install` use it as is; tests/install_script.t fails when it is
# not the generator's output byte for byte.
SQL_INSTALL_SCRIPT := sql/tradeagg--$(TA_VERSION).sql

.PHONY: install-script
install-script:
	perl sql/gen_install.pl >$(SQL_INSTALL_SCRIPT).tmp || { rm -f $(SQL_INSTALL_SCRIPT).tmp; exit 1; }
	mv $(SQL_INSTALL_SCRIPT).tmp $(SQL_INSTALL_SCRIPT)
