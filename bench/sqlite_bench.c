/*
 * sqlite_bench.c — tradeagg against SQLite's builtin aggregates and plain
 * SQL, in a file database in a temporary directory.
 *
 *   sqlite_bench [--rows N] [--runs R] [--ext PATH] [--md FILE] [--only NAMES]
 *                [--db FILE]
 *
 * --db keeps the database in FILE (and reuses it when it already holds the
 * table), for profiling with the sqlite3 shell; by default it lives in a
 * temporary directory that is removed at the end.
 */
#include "bench.h"

#include <sqlite3.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define YS(x) "substr(" x ", 1, 4) || '-01-01'"
#define YE(x) "date(" x ", '-1 year')"
#define MON(x) "CAST(substr(" x ", 6, 2) AS INTEGER)"
#define PART "part <> 0"
#define SUM0(x) "total(" x ")"
#include "suite.h"
#include "orders.h"

#include "tradeagg.h"

static int sq_query(void *h, const char *sql, bench_rs *rs, char *err, size_t n)
{
    sqlite3 *db = h;
    sqlite3_stmt *st;
    int rc;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(err, n, "%s", sqlite3_errmsg(db));
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!rs)
            continue;
        int nc = sqlite3_column_count(st);
        bench_cell *c = bench_rs_add_row(rs, nc);
        for (int i = 0; i < nc; i++) {
            switch (sqlite3_column_type(st, i)) {
            case SQLITE_NULL: c[i].null = true; break;
            case SQLITE_INTEGER:
            case SQLITE_FLOAT:
                c[i].num = true;
                c[i].d = sqlite3_column_double(st, i);
                break;
            default:
                snprintf(c[i].s, sizeof c[i].s, "%s", (const char *)sqlite3_column_text(st, i));
            }
        }
    }
    if (rc != SQLITE_DONE) {
        snprintf(err, n, "%s", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return -1;
    }
    sqlite3_finalize(st);
    return 0;
}

typedef struct loader {
    sqlite3_stmt *ins;
    int64_t n;
} loader;

static int load_row(void *ud, const bench_row *r)
{
    loader *l = ud;
    char period[24];
    snprintf(period, sizeof period, "%04d-%02d-01", r->year, r->month);
    sqlite3_bind_int(l->ins, 1, r->series);
    sqlite3_bind_text(l->ins, 2, period, 10, SQLITE_TRANSIENT);
    sqlite3_bind_int64(l->ins, 3, r->id);
    if (r->v_null)
        sqlite3_bind_null(l->ins, 4);
    else
        sqlite3_bind_double(l->ins, 4, r->v);
    sqlite3_bind_int(l->ins, 5, r->part);
    if (sqlite3_step(l->ins) != SQLITE_DONE)
        return 1;
    sqlite3_reset(l->ins);
    l->n++;
    return 0;
}

/* ---- state memory, measured on the core itself ---------------------------- */

static void *std_alloc(void *ud, size_t n)
{
    (void)ud;
    return malloc(n);
}
static void std_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}

/* A yoy_growth state fed nper periods of rpp rows each: in period order
 * (0), a scrambled order (1) or descending (2). */
static size_t state_bytes(int nper, int rpp, int order)
{
    ta_allocator al = {std_alloc, std_free, NULL};
    ta_agg a;
    ta_error e;
    ta_agg_init(&a, TA_AGG_YOY, &al);
    for (int i = 0; i < nper; i++) {
        int m = order == 1 ? (int)((i * 7919L) % nper) : order == 2 ? nper - 1 - i : i;
        for (int k = 0; k < rpp; k++) {
            ta_value argv[2];
            memset(argv, 0, sizeof argv);
            argv[0].type = TA_V_INT; /* annual keys keep the arithmetic trivial */
            argv[0].i = 1000 + m;
            argv[1].type = TA_V_REAL;
            argv[1].d = 1.5;
            if (ta_agg_add(&a, argv, 2, &e) != TA_OK) {
                fprintf(stderr, "bench: %s\n", e.msg);
                exit(2);
            }
        }
    }
    size_t n = ta_agg_mem_size(&a);
    ta_agg_free(&a);
    return n;
}

static void memory_core(void)
{
    char buf[64];
    size_t empty = state_bytes(0, 0, 0);
    struct {
        int nper, rpp, order;
        const char *label;
    } cases[] = {{240, 4, 0, "240 periods x 4 rows"},
                 {240, 40, 0, "240 periods x 40 rows"},
                 {240, 4, 1, "240 periods, shuffled"},
                 {12, 4, 0, "12 periods"},
                 {1, 1, 0, "1 period"},
                 {9000, 1, 0, "9000 periods"},
                 {9000, 1, 1, "9000 periods, shuffled"},
                 {9000, 1, 2, "9000 periods, descending"}};
    snprintf(buf, sizeof buf, "%zu B", empty);
    bench_note("core", "memory", "state, empty", "ta_agg_mem_size", buf, "", "");
    snprintf(buf, sizeof buf, "%.1f B",
             (double)(state_bytes(9000, 1, 0) - state_bytes(4500, 1, 0)) / 4500);
    bench_note("core", "memory", "per period", "4500 more periods", buf, "", "");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t b = state_bytes(cases[i].nper, cases[i].rpp, cases[i].order);
        snprintf(buf, sizeof buf, "%zu B, %.1f B/period", b,
                 (double)(b - empty) / cases[i].nper);
        bench_note("core", "memory", "yoy_growth state", cases[i].label, buf, "O(periods)", "");
    }
}

/* SQLite's GROUP BY sorts and streams, so only one state is live at a time:
 * the high-water mark of SQLite's allocator shows what states add. */
static void memory_sqlite(bench_engine *e, sqlite3 *db, int64_t rows)
{
    int64_t groups = rows >= 4000000 ? 1000000 : rows / 4;
    char sql[2][256], buf[96], mode[32];
    sqlite3_int64 cur, hw[2];
    double ms[2];
    snprintf(sql[0], sizeof sql[0],
             "SELECT count(*), max(x) FROM (SELECT yoy_growth(period, v) AS x FROM trade "
             "GROUP BY id %% %lld)",
             (long long)groups);
    snprintf(sql[1], sizeof sql[1],
             "SELECT count(*), max(x) FROM (SELECT sum(v) AS x, max(period) FROM trade "
             "GROUP BY id %% %lld)",
             (long long)groups);
    for (int q = 0; q < 2; q++) {
        sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &cur, &hw[q], 1);
        double t0 = bench_now();
        bench_exec(e, sql[q]);
        ms[q] = bench_now() - t0;
        sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &cur, &hw[q], 1);
    }
    (void)db;
    snprintf(mode, sizeof mode, "%lld groups", (long long)groups);
    snprintf(buf, sizeof buf, "%.1f / %.1f MB", hw[0] / 1048576.0, hw[1] / 1048576.0);
    bench_note("sqlite", "memory", "peak, yoy vs sum", mode, buf, "", "");
    snprintf(buf, sizeof buf, "%.2f", ms[0] / ms[1]);
    bench_note("sqlite", "memory", "time, yoy vs sum", mode, buf, "", "");
}

/* One million distinct days in three scan (rowid) orders (bench/orders.h). */
static void orders_sqlite(bench_engine *e, int runs)
{
    static const char *order[] = {"days_sorted", "n", "days_shuffled",
                                  "(n * 2654435761) % 4294967296", "days_desc", "-n"};
    char sql[400];
    for (int i = 0; i < 6; i += 2) {
        snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS %s", order[i]);
        bench_exec(e, sql);
        snprintf(sql, sizeof sql, "CREATE TABLE %s (k INTEGER PRIMARY KEY, n INTEGER, d TEXT)",
                 order[i]);
        bench_exec(e, sql);
        snprintf(sql, sizeof sql,
                 "INSERT INTO %s WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c "
                 "WHERE n < %d) SELECT %s, n, date(2451544.5 + n) FROM c",
                 order[i], ORDERS_DAYS - 1, order[i + 1]);
        bench_exec(e, sql);
    }
    run_orders_suite(e, "sqlite", runs);
    for (int i = 0; i < 6; i += 2) {
        snprintf(sql, sizeof sql, "DROP TABLE %s", order[i]);
        bench_exec(e, sql);
    }
}

int main(int argc, char **argv)
{
    int64_t rows = 10000000;
    int runs = 5;
    const char *ext = "sqlite_ext/tradeagg", *md = NULL, *only = NULL, *keep = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rows") && i + 1 < argc)
            rows = atoll(argv[++i]);
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--ext") && i + 1 < argc)
            ext = argv[++i];
        else if (!strcmp(argv[i], "--md") && i + 1 < argc)
            md = argv[++i];
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--db") && i + 1 < argc)
            keep = argv[++i];
        else {
            fprintf(stderr, "usage: %s [--rows N] [--runs R] [--ext PATH] [--md FILE] "
                            "[--only NAMES] [--db FILE]\n", argv[0]);
            return 2;
        }
    }
    if (runs < 1)
        runs = 1;

    const char *tmp = getenv("TMPDIR");
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/tradeagg-bench.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (keep)
        snprintf(path, sizeof path, "%s", keep);
    else if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    } else
        snprintf(path, sizeof path, "%s/bench.db", dir);

    sqlite3 *db;
    char *err = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        fprintf(stderr, "bench: cannot open %s\n", path);
        return 2;
    }
    sqlite3_enable_load_extension(db, 1);
    if (sqlite3_load_extension(db, ext, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "bench: cannot load %s: %s\n", ext, err);
        return 2;
    }
    bench_engine e = {"sqlite", db, sq_query};
    bench_exec(&e, "PRAGMA journal_mode = OFF");
    bench_exec(&e, "PRAGMA synchronous = OFF");
    bench_exec(&e, "PRAGMA cache_size = -1048576"); /* 1 GiB: the table stays cached */
    bench_exec(&e, "PRAGMA temp_store = MEMORY");
    /* A trade table clustered by (series, period), as a customs database
     * keeps it: grouping by series streams without a sort. */
    bool reuse = keep && bench_query_number(&e, "SELECT count(*) FROM sqlite_schema "
                                                "WHERE name = 'trade'") > 0;
    if (!reuse)
        bench_exec(&e, "CREATE TABLE trade (series INTEGER NOT NULL, period TEXT NOT NULL, "
                   "id INTEGER NOT NULL, v REAL, part INTEGER NOT NULL, "
                   "PRIMARY KEY (series, period, id)) WITHOUT ROWID");

    double t0 = bench_now();
    loader l = {0};
    int32_t nseries = 0;
    if (reuse) {
        l.n = (int64_t)bench_query_number(&e, "SELECT count(*) FROM trade");
        nseries = (int32_t)bench_query_number(&e, "SELECT max(series) FROM trade");
    } else {
    bench_exec(&e, "BEGIN");
    sqlite3_prepare_v2(db, "INSERT INTO trade VALUES (?, ?, ?, ?, ?)", -1, &l.ins, NULL);
    if (bench_generate(rows, load_row, &l, &nseries) < 0) {
        fprintf(stderr, "bench: insert failed: %s\n", sqlite3_errmsg(db));
        return 2;
    }
    sqlite3_finalize(l.ins);
    bench_exec(&e, "COMMIT");
    bench_exec(&e, "ANALYZE");
    }
    bench_exec(&e, "DROP TABLE IF EXISTS one_series");
    bench_exec(&e, "CREATE TABLE one_series AS SELECT * FROM trade WHERE series = 1");
    double total = bench_query_number(&e, "SELECT sum(v) FROM trade");
    double total_one = bench_query_number(&e, "SELECT sum(v) FROM one_series");
    /* Warm the cache. */
    bench_exec(&e, "SELECT count(*), sum(v), max(period), max(part) FROM trade");
    fprintf(stderr, "sqlite: loaded %lld rows, %d series in %.1f s (%s)\n", (long long)l.n,
            nseries, (bench_now() - t0) / 1e3, path);

    printf("SQLite %s, %lld rows, %d series x %d months, median of %d alternating runs\n",
           sqlite3_libversion(), (long long)l.n, nseries, BENCH_MONTHS, runs);
    printf("%-7s %-9s %-18s %-13s %-28s %9s %20s %8s %-6s %s\n", "engine", "section",
           "aggregate", "mode", "compared with", "figure", "ms ours / base", "target",
           "verdict", "results");

    suite_opts o = {"sqlite", runs, 300,
                    {round(total_one / 2), round(total / 2), round(total / nseries / 2)}, NULL};
    run_agg_suite(&e, &o, only);
    memory_core();
    if (!only) {
        memory_sqlite(&e, db, l.n);
        orders_sqlite(&e, runs);
    }

    if (md) {
        char head[256];
        snprintf(head, sizeof head, "SQLite %s — %lld rows, %d series × %d months, median of %d alternating runs",
                 sqlite3_libversion(), (long long)l.n, nseries, BENCH_MONTHS, runs);
        bench_write_markdown(md, head);
    }
    sqlite3_close(db);
    if (!keep) {
        unlink(path);
        rmdir(dir);
    }
    if (bench_failures()) {
        fprintf(stderr, "sqlite: %d result check(s) failed\n", bench_failures());
        return 1;
    }
    return 0;
}
