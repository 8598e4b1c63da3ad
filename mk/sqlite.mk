# The SQLite loadable extension: the core and the glue in one shared object.
sqlite_ext/tradeagg.so: sqlite_ext/tradeagg.c $(CORE_SRC) $(CORE_HDR)
	$(CC) $(CFLAGS_TA) -shared -o $@ sqlite_ext/tradeagg.c $(CORE_SRC) -lm

.PHONY: demo
demo: sqlite_ext/tradeagg.so
	sqlite3 -bail :memory: < sql/demo.sql
