# The SQLite loadable extension: the core and the glue in one shared object.
#
#   make install-sqlite [PREFIX=/usr/local]   install it for `.load tradeagg`
#   make uninstall-sqlite [PREFIX=...]
#
# Its soname is tradeagg.so. SQLite's `.load tradeagg` (and Python's
# load_extension("tradeagg")) dlopen()s "tradeagg.so" by name; the dynamic
# loader finds a name outside /lib and /usr/lib only through ldconfig's
# cache, and ldconfig only looks at files named lib*. So the file goes in as
# $(SQLITE_LIBDIR)/libtradeagg.so.<version>, and ldconfig adds the cache
# entry and the tradeagg.so link for its soname. The link is also made
# here, so loading by absolute path works without ldconfig.
PREFIX        ?= /usr/local
SQLITE_LIBDIR ?= $(PREFIX)/lib

sqlite_ext/tradeagg.so: sqlite_ext/tradeagg.c $(CORE_SRC) $(CORE_HDR)
	$(CC) $(CFLAGS_TA) -shared -Wl,-soname,tradeagg.so -o $@ sqlite_ext/tradeagg.c $(CORE_SRC) -lm

.PHONY: demo install-sqlite uninstall-sqlite
demo: sqlite_ext/tradeagg.so
	sqlite3 -bail :memory: < sql/demo.sql

# ldconfig runs for a real install (no DESTDIR) as root; for a PREFIX the
# loader is not configured to search, it only refreshes the system cache.
SQLITE_LDCONFIG = $(if $(DESTDIR),@:,@if [ "$$(id -u)" -eq 0 ]; then ldconfig; \
    else echo "not root: run ldconfig as root so that .load tradeagg finds it"; fi)

install-sqlite: sqlite_ext/tradeagg.so
	install -d '$(DESTDIR)$(SQLITE_LIBDIR)'
	install -m 755 sqlite_ext/tradeagg.so '$(DESTDIR)$(SQLITE_LIBDIR)/libtradeagg.so.$(TA_VERSION)'
	ln -sf libtradeagg.so.$(TA_VERSION) '$(DESTDIR)$(SQLITE_LIBDIR)/tradeagg.so'
	$(SQLITE_LDCONFIG)

uninstall-sqlite:
	rm -f '$(DESTDIR)$(SQLITE_LIBDIR)/tradeagg.so' '$(DESTDIR)$(SQLITE_LIBDIR)'/libtradeagg.so.*
	$(SQLITE_LDCONFIG)
