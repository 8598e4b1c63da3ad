/*
 * asan_driver.c — the DuckDB extension under AddressSanitizer and
 * UndefinedBehaviorSanitizer, in a real DuckDB (libduckdb.so), without Node.
 *
 *   asan_driver EXTENSION SCRIPT
 *
 * SCRIPT holds statements, each ending with ';' at the end of a line. A
 * statement is run as is and must succeed, and a query returning exactly
 * one BOOLEAN must return true; after a line "-- error: <message>" the next
 * statement must fail with exactly that message (DuckDB's prefix
 * included). After the script, a long query is interrupted from another
 * thread, which must stop it (its states are then destroyed by DuckDB, and
 * LeakSanitizer checks they were freed). Prints "N passed, N failed";
 * exits 1 if any failed.
 */
/* DuckDB's header declares functions with empty parentheses. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include "duckdb.h"
#pragma GCC diagnostic pop

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int passed, failed;

static void report(bool ok, const char *what, const char *detail)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s\n      %s\n", what, detail ? detail : "");
    }
}

static void run_one(duckdb_connection con, const char *sql, const char *want_error)
{
    duckdb_result res;
    duckdb_state st = duckdb_query(con, sql, &res);
    const char *err = st == DuckDBError ? duckdb_result_error(&res) : NULL;

    if (want_error) {
        report(err && strcmp(err, want_error) == 0, sql, err ? err : "no error");
    } else if (err) {
        report(false, sql, err);
    } else if (duckdb_column_count(&res) == 1 && duckdb_row_count(&res) == 1 &&
               duckdb_column_type(&res, 0) == DUCKDB_TYPE_BOOLEAN) {
        report(duckdb_value_boolean(&res, 0, 0), sql, "false");
    } else {
        report(true, sql, NULL);
    }
    duckdb_destroy_result(&res);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) != NULL) {
        buf[fread(buf, 1, (size_t)n, f)] = '\0';
    }
    fclose(f);
    return buf;
}

/* Statements end with ';' at the end of a line; "-- error: " lines set the
 * expected error of the next one; other "--" lines are comments. */
static void run_script(duckdb_connection con, char *text)
{
    char *want_error = NULL, *start = NULL;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        size_t len = strlen(line);
        if (!start && strncmp(line, "-- error: ", 10) == 0) {
            want_error = line + 10;
            continue;
        }
        if (!start && (strncmp(line, "--", 2) == 0 || len == 0))
            continue;
        if (!start)
            start = line;
        else
            line[-1] = ' '; /* join with the previous line */
        if (len && line[len - 1] == ';') {
            run_one(con, start, want_error);
            start = want_error = NULL;
        }
    }
}

struct long_query {
    duckdb_connection con;
    duckdb_state state;
    char error[256];
    atomic_bool done;
};

static void *run_long(void *arg)
{
    struct long_query *q = arg;
    duckdb_result res;
    q->state = duckdb_query(q->con,
                            "SELECT sum(y) FROM (SELECT ytd_trade(d, v) OVER (PARTITION BY i % 7 "
                            "ORDER BY i ROWS BETWEEN 500 PRECEDING AND CURRENT ROW) AS y FROM "
                            "(SELECT i, DATE '2000-01-01' + CAST(i % 9000 AS INTEGER) AS d, "
                            "i * 0.25 AS v FROM range(300000) r(i)))",
                            &res);
    if (q->state == DuckDBError)
        snprintf(q->error, sizeof q->error, "%s", duckdb_result_error(&res));
    duckdb_destroy_result(&res);
    atomic_store(&q->done, true);
    return NULL;
}

/* The interrupt is repeated until the query ends: one sent before the query
 * has started would be lost. The query would take minutes under ASan. */
static void interrupted_query(duckdb_connection con)
{
    struct long_query q = {con, DuckDBSuccess, "", false};
    struct timespec pause = {0, 50 * 1000 * 1000};
    pthread_t t;

    if (pthread_create(&t, NULL, run_long, &q) != 0) {
        report(false, "interrupt", "cannot start a thread");
        return;
    }
    /* a second in, the window's states are being built and merged */
    for (int i = 0; i < 20 && !atomic_load(&q.done); i++)
        nanosleep(&pause, NULL);
    while (!atomic_load(&q.done)) {
        duckdb_interrupt(con);
        nanosleep(&pause, NULL);
    }
    pthread_join(t, NULL);
    report(q.state == DuckDBError && strstr(q.error, "INTERRUPT"),
           "an interrupted window query stops", q.error[0] ? q.error : "it ran to the end");
}

int main(int argc, char **argv)
{
    duckdb_database db;
    duckdb_connection con;
    duckdb_config config;
    char *script, *load;

    setvbuf(stdout, NULL, _IOLBF, 0); /* LeakSanitizer ends the process without flushing */
    if (argc != 3) {
        fprintf(stderr, "usage: %s EXTENSION SCRIPT\n", argv[0]);
        return 2;
    }
    if (!(script = read_file(argv[2]))) {
        fprintf(stderr, "cannot read %s\n", argv[2]);
        return 2;
    }
    if (duckdb_create_config(&config) == DuckDBError ||
        duckdb_set_config(config, "allow_unsigned_extensions", "true") == DuckDBError ||
        duckdb_open_ext(":memory:", &db, config, NULL) == DuckDBError ||
        duckdb_connect(db, &con) == DuckDBError) {
        fprintf(stderr, "cannot open DuckDB\n");
        return 2;
    }
    duckdb_destroy_config(&config);
    if (!(load = malloc(strlen(argv[1]) + 16)))
        return 2;
    sprintf(load, "LOAD '%s'", argv[1]);
    run_one(con, load, NULL);
    free(load);

    run_script(con, script);
    interrupted_query(con);

    free(script);
    duckdb_disconnect(&con);
    duckdb_close(&db);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
