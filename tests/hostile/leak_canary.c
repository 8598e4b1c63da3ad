/*
 * leak_canary.c — a tiny SQLite extension that leaks on purpose.
 *
 * `make check-sanitize` loads it into the sanitized sqlite3 wrapper and
 * requires LeakSanitizer to report the leak: proof that a leak in a loaded
 * extension is seen, and that the suppressions for the sqlite3 shell's own
 * exit-time allocations do not hide it.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <stdlib.h>
#include <string.h>

/* Volatile, so the compiler cannot drop the allocation as unused. */
void *volatile leak_canary_lost;

static void leak_canary(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    char *p = malloc(64);
    if (p)
        memset(p, 0x5a, 64);
    leak_canary_lost = p;
    leak_canary_lost = NULL; /* the only pointer is gone */
    sqlite3_result_int(ctx, 1);
}

int sqlite3_leakcanary_init(sqlite3 *db, char **err, const sqlite3_api_routines *api);
int sqlite3_leakcanary_init(sqlite3 *db, char **err, const sqlite3_api_routines *api)
{
    (void)err;
    SQLITE_EXTENSION_INIT2(api);
    return sqlite3_create_function(db, "leak_canary", 0, SQLITE_UTF8, NULL, leak_canary, NULL,
                                   NULL);
}
