/*
 * caller_test.c — duckdb_ext/tadk_caller.c outside DuckDB.
 *
 * Inside DuckDB every path it knows is exercised by the node suite; what
 * no DuckDB path reaches is the refusal: an update call whose caller is
 * not one it knows. Called here from a plain program (no DuckDB frame on
 * the stack), a call of two or more rows must be refused and one of a
 * single row accepted. Prints TAP.
 */
#include "tadk.h"

#include <stdio.h>
#include <string.h>

int main(void)
{
    char where[128] = "";
    int failed = 0;

    printf("1..3\n");
    failed += tadk_update_states(1, where, sizeof where) != TADK_STATES_PER_ROW;
    printf("%sok 1 - one row: its own state\n", failed ? "not " : "");
    int f2 = tadk_update_states(2048, where, sizeof where) != TADK_STATES_UNKNOWN;
    printf("%sok 2 - 2048 rows from outside DuckDB: refused\n", f2 ? "not " : "");
    int f3 = strcmp(where, "outside DuckDB's C API wrapper") != 0;
    printf("%sok 3 - the refusal says where: '%s'\n", f3 ? "not " : "", where);
    return failed + f2 + f3 ? 1 : 0;
}
