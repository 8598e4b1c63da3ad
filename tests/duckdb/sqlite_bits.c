/*
 * sqlite_bits.c — runs SQL in SQLite with the tradeagg extension loaded and
 * prints every result exactly, for the DuckDB suite's comparison of the two
 * engines on random data (random.test.mjs).
 *
 *   sqlite_bits EXTENSION < script.sql
 *
 * Each result row is printed on one line, its columns separated by '|': a
 * REAL as r: and the 16 hex digits of its IEEE bits (no decimal conversion
 * stands between the two engines' doubles), an INTEGER as i:, TEXT as t:,
 * a BLOB (a series) as b: and its bytes in upper-case hex, NULL as NULL. An
 * error prints "error: <message>" and exits 1; with -k (keep going) it
 * prints the same line and runs the next statement.
 *
 *   sqlite_bits [-k] EXTENSION < script.sql
 */
#include <sqlite3.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_all(FILE *f)
{
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
        }
    }
    if (buf)
        buf[n] = '\0';
    return buf;
}

static void print_row(sqlite3_stmt *st)
{
    int n = sqlite3_column_count(st);
    for (int i = 0; i < n; i++) {
        if (i)
            putchar('|');
        switch (sqlite3_column_type(st, i)) {
        case SQLITE_FLOAT: {
            double d = sqlite3_column_double(st, i);
            uint64_t bits;
            memcpy(&bits, &d, sizeof bits);
            printf("r:%016" PRIx64, bits);
            break;
        }
        case SQLITE_INTEGER: printf("i:%lld", (long long)sqlite3_column_int64(st, i)); break;
        case SQLITE_NULL: fputs("NULL", stdout); break;
        case SQLITE_BLOB: {
            const unsigned char *b = sqlite3_column_blob(st, i);
            int len = sqlite3_column_bytes(st, i);
            fputs("b:", stdout);
            for (int j = 0; j < len; j++)
                printf("%02X", b[j]);
            break;
        }
        default: printf("t:%s", (const char *)sqlite3_column_text(st, i)); break;
        }
    }
    putchar('\n');
}

static int fail(sqlite3 *db, const char *what)
{
    printf("error: %s%s\n", what, db ? sqlite3_errmsg(db) : "");
    sqlite3_close(db);
    return 1;
}

int main(int argc, char **argv)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st;
    char *err = NULL, *sql;
    const char *tail;

    int keep_going = argc == 3 && strcmp(argv[1], "-k") == 0;
    if (argc != 2 + keep_going) {
        fprintf(stderr, "usage: %s [-k] EXTENSION < script.sql\n", argv[0]);
        return 2;
    }
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return fail(db, "open: ");
    sqlite3_enable_load_extension(db, 1);
    if (sqlite3_load_extension(db, argv[1 + keep_going], NULL, &err) != SQLITE_OK) {
        printf("error: load: %s\n", err ? err : "?");
        sqlite3_free(err);
        sqlite3_close(db);
        return 1;
    }
    if (!(sql = read_all(stdin)))
        return fail(NULL, "out of memory");
    for (tail = sql; *tail;) {
        int rc;
        if (sqlite3_prepare_v2(db, tail, -1, &st, &tail) != SQLITE_OK)
            return fail(db, "");
        if (!st)
            break; /* only whitespace or comments left */
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            print_row(st);
        if (rc != SQLITE_DONE && keep_going) {
            printf("error: %s\n", sqlite3_errmsg(db));
            sqlite3_finalize(st);
            continue;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return fail(db, "");
    }
    free(sql);
    sqlite3_close(db);
    return 0;
}
