/*
 * tradeagg.c — the DuckDB face of the tradeagg core: the entry point.
 *
 * DuckDB derives the entry point's name from the file name, so the built
 * file must be called tradeagg.duckdb_extension (mk/duckdb.mk). It uses only
 * DuckDB's stable C extension API (v1.2.0), so one build loads in every
 * DuckDB from 1.2 on that accepts unsigned extensions.
 */
#define DUCKDB_EXTENSION_NAME tradeagg
#include "tadk.h"

/* The one exported symbol (the macro below defines it). */
bool tradeagg_init_c_api(duckdb_extension_info info, struct duckdb_extension_access *access);

DUCKDB_EXTENSION_ENTRYPOINT(duckdb_connection con, duckdb_extension_info info,
                            struct duckdb_extension_access *access)
{
    char msg[256];
    const char *err = tadk_register(con, msg, sizeof msg);
    if (err) {
        access->set_error(info, err);
        return false;
    }
    return true;
}
