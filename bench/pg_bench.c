/*
 * pg_bench.c — tradeagg against PostgreSQL's builtin aggregates and plain
 * SQL; serial against parallel; rolling frames against sum() OVER; state
 * memory under hash aggregation.
 *
 *   pg_bench [--rows N] [--runs R] [--md FILE] [--only NAMES] [--sections LIST]
 *            [--conninfo S] [--keep]
 *
 * LIST is a comma-separated subset of agg,parallel,rolling,memory,orders,
 * magnitude,series (default all); NAMES restricts the aggregates. --keep
 * leaves the tables in place (and reuses them), for profiling a backend
 * with perf.
 *
 * Connects with libpq's defaults (PGHOST, PGPORT, PGUSER, PGDATABASE) unless
 * --conninfo is given; the database must have the extension created.
 */
#include "bench.h"

#include <libpq-fe.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define YS(x) "date_trunc('year', " x ")::date"
#define YE(x) "(" x " - interval '1 year')::date"
#define MON(x) "extract(month FROM " x ")::int"
#define PART "part"
#define SUM0(x) "coalesce(sum(" x "), 0)"
#define SHIFTM(x, n) "(" x " - interval '" n " months')::date"
#define BASEP "DATE '2021-01-01'"
#include "suite.h"
#include "orders.h"

static int pg_query(void *h, const char *sql, bench_rs *rs, char *err, size_t n)
{
    PGresult *r = PQexec(h, sql);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        snprintf(err, n, "%s", PQresultErrorMessage(r));
        PQclear(r);
        return -1;
    }
    if (rs && st == PGRES_TUPLES_OK) {
        int nr = PQntuples(r), nc = PQnfields(r);
        for (int i = 0; i < nr; i++) {
            bench_cell *c = bench_rs_add_row(rs, nc);
            for (int j = 0; j < nc; j++) {
                if (PQgetisnull(r, i, j)) {
                    c[j].null = true;
                    continue;
                }
                const char *s = PQgetvalue(r, i, j);
                char *end;
                double d = strtod(s, &end);
                if (*s && *end == '\0') {
                    c[j].num = true;
                    c[j].d = d;
                } else {
                    snprintf(c[j].s, sizeof c[j].s, "%s", s);
                }
            }
        }
    }
    PQclear(r);
    return 0;
}

/* ---- loading: COPY from the generator ---------------------------------------- */

typedef struct copier {
    PGconn *conn;
    char buf[1 << 20];
    size_t len;
    int64_t n;
} copier;

static int flush_copy(copier *c)
{
    if (c->len && PQputCopyData(c->conn, c->buf, (int)c->len) != 1)
        return 1;
    c->len = 0;
    return 0;
}

static int copy_row(void *ud, const bench_row *r)
{
    copier *c = ud;
    char v[32];
    if (r->v_null)
        snprintf(v, sizeof v, "\\N");
    else
        snprintf(v, sizeof v, "%.2f", r->v);
    if (sizeof c->buf - c->len < 128 && flush_copy(c))
        return 1;
    c->len += (size_t)snprintf(c->buf + c->len, sizeof c->buf - c->len,
                               "%d\t%04d-%02d-01\t%lld\t%s\t%s\n", r->series, r->year, r->month,
                               (long long)r->id, v, r->part ? "t" : "f");
    c->n++;
    return 0;
}

/* ---- serial against parallel ------------------------------------------------ */

static void parallel_suite(bench_engine *e, const suite_opts *o, const char *only)
{
    char tbuf[64], plan[256];
    snprintf(tbuf, sizeof tbuf, "%.17g", o->target[1]);
    /* At 10M rows the planner goes parallel by itself; the costs are zeroed
     * so that a small BENCH_ROWS still gets a parallel plan to compare. */
    const char *setup[2] = {"SET max_parallel_workers_per_gather = 0",
                            "SET max_parallel_workers_per_gather = 2; "
                            "SET min_parallel_table_scan_size = 0; "
                            "SET parallel_setup_cost = 0"};
    for (int k = -1; k < N_AGG_CASES; k++) {
        const char *name = k < 0 ? "sum (builtin)" : AGG_CASES[k].name;
        if (k >= 0 && only && !strstr(only, name))
            continue;
        const char *keys[] = {"G", "GB", "T", "TBL", "CALL"};
        const char *vals[] = {"0", "", tbuf, "trade",
                              k < 0 ? "sum(v), max(period)" : AGG_CASES[k].call};
        char *call = bench_subst(vals[4], keys, vals, 4);
        vals[4] = call;
        char *sql = bench_subst(OURS_SQL, keys, vals, 5);
        const char *sqls[2] = {sql, sql};
        /* The parallel plan must really be parallel. */
        bench_exec(e, setup[1]);
        snprintf(plan, sizeof plan, "%s", "");
        {
            char *ex = malloc(strlen(sql) + 32), err[256];
            bench_rs rs = {0};
            sprintf(ex, "EXPLAIN %s", sql);
            e->query(e->h, ex, &rs, err, sizeof err);
            for (int i = 0; i < rs.nrows; i++)
                if (strstr(rs.c[i].s, "Workers Planned"))
                    snprintf(plan, sizeof plan, "%s", strstr(rs.c[i].s, "Workers Planned"));
            bench_rs_free(&rs);
            free(ex);
        }
        double *t[2] = {calloc((size_t)o->rounds, sizeof(double)),
                        calloc((size_t)o->rounds, sizeof(double))};
        bench_rs rs[2];
        memset(rs, 0, sizeof rs);
        bench_rounds(e, 2, sqls, setup, o->rounds, 1, t, rs);
        char buf[256];
        const char *chk = check_results(&rs[1], &rs[0], buf, sizeof buf);
        if (!*plan)
            chk = "FAILED: no parallel plan";
        if (strncmp(chk, "FAIL", 4) == 0)
            fprintf(stderr, "bench pg: %s parallel: %s\n", name, chk);
        bench_report("pg", "parallel", name, "one", "serial (speed-up, 2 workers)", t[1], t[0],
                     o->rounds, true, k < 0 ? TGT_NONE : TGT_MIN, 1.6, chk);
        for (int q = 0; q < 2; q++) {
            free(t[q]);
            bench_rs_free(&rs[q]);
        }
        free(sql);
        free(call);
    }
    bench_exec(e, "SET max_parallel_workers_per_gather = 0; RESET min_parallel_table_scan_size; "
                  "RESET parallel_setup_cost");
}

/* ---- rolling frames ------------------------------------------------------------ */

/* On the first million rows: both sides grow linearly with the rows, and
 * sum(float8) OVER a 120-row frame re-adds the frame for every row, which
 * on 10M rows alone takes minutes. */
#define ROLLING_ROWS 1000000

static void rolling_suite(bench_engine *e, const suite_opts *o)
{
    static const int frames[2] = {11, 119};
    char src[96];
    /* A table of its own, so that scanning the rest of trade does not
     * dilute the figure. */
    snprintf(src, sizeof src,
             "CREATE TABLE rolling_src AS SELECT period, v FROM trade WHERE id <= %d",
             ROLLING_ROWS);
    bench_exec(e, "DROP TABLE IF EXISTS rolling_src");
    bench_exec(e, src);
    bench_exec(e, "VACUUM ANALYZE rolling_src");
    snprintf(src, sizeof src, "rolling_src");
    for (int f = 0; f < 2; f++) {
        char w[160], sql[3][400], mode[32], chk[500];
        snprintf(w, sizeof w, "WINDOW w AS (ORDER BY period ROWS BETWEEN %d PRECEDING AND "
                              "CURRENT ROW)", frames[f]);
        const char *fn[3] = {"cumulative_trade(v)", "sum(v)", "count(v)"};
        for (int q = 0; q < 3; q++)
            snprintf(sql[q], sizeof sql[q], "SELECT sum(x) FROM (SELECT %s OVER w AS x FROM %s %s) s",
                     fn[q], src, w);
        /* Both in one window, so both see the same frames. */
        snprintf(chk, sizeof chk,
                 "SELECT count(*) FROM (SELECT cumulative_trade(v) OVER w AS a, sum(v) OVER w AS b "
                 "FROM %s %s) s WHERE (a IS NULL) <> (b IS NULL) "
                 "OR abs(a - b) > 1e-9 * greatest(1, abs(a), abs(b))", src, w);
        double bad = bench_query_number(e, chk);
        const char *check = bad == 0 ? "equal (tol 1e-9)" : "FAILED: frames differ";
        if (bad != 0)
            fprintf(stderr, "bench pg: rolling %d: %.0f rows differ\n", frames[f] + 1, bad);
        const char *sqls[3] = {sql[0], sql[1], sql[2]};
        double *t[3];
        for (int q = 0; q < 3; q++)
            t[q] = calloc((size_t)o->rounds, sizeof(double));
        bench_rounds(e, 3, sqls, NULL, o->rounds, 1, t, NULL);
        snprintf(mode, sizeof mode, "%d-row frame", frames[f] + 1);
        bench_report("pg", "rolling", "cumulative_trade", mode, "sum(float8) OVER (speed-up)",
                     t[0], t[1], o->rounds, true, frames[f] == 119 ? TGT_MIN : TGT_NONE, 5,
                     check);
        bench_report("pg", "rolling", "cumulative_trade", mode, "count(v) OVER (has inverse)",
                     t[0], t[2], o->rounds, false, TGT_NONE, 0, "");
        /* The ceiling: count(v) has an inverse and next to no per-row work,
         * so no aggregate beats sum(float8) OVER by more than this here. */
        bench_report("pg", "rolling", "count(v) (ceiling)", mode, "sum(float8) OVER (speed-up)",
                     t[2], t[1], o->rounds, true, TGT_NONE, 0, "");
        for (int q = 0; q < 3; q++)
            free(t[q]);
    }
    bench_exec(e, "DROP TABLE rolling_src");
}

/* ---- memory under hash aggregation ----------------------------------------------- */

static double peak_kb(bench_engine *e, const char *sql)
{
    char *ex = malloc(strlen(sql) + 64), err[512];
    bench_rs rs = {0};
    sprintf(ex, "EXPLAIN (ANALYZE, FORMAT JSON) %s", sql);
    if (e->query(e->h, ex, &rs, err, sizeof err) != 0) {
        fprintf(stderr, "bench pg: %s\n", err);
        exit(2);
    }
    free(ex);
    bench_rs_free(&rs);
    /* The JSON does not fit a cell: ask again for the text and parse. */
    PGresult *r;
    ex = malloc(strlen(sql) + 64);
    sprintf(ex, "EXPLAIN (ANALYZE, FORMAT JSON) %s", sql);
    r = PQexec(e->h, ex);
    free(ex);
    double kb = -1, batches = -1;
    if (PQresultStatus(r) == PGRES_TUPLES_OK) {
        const char *j = PQgetvalue(r, 0, 0), *p;
        if ((p = strstr(j, "\"Peak Memory Usage\":")))
            kb = atof(p + 20);
        if ((p = strstr(j, "\"HashAgg Batches\":")))
            batches = atof(p + 18);
    }
    PQclear(r);
    if (batches > 1)
        fprintf(stderr, "bench pg: hash aggregation spilled (%g batches)\n", batches);
    return kb;
}

/* Memory per group of groups of 1, 10 and 120 periods (one row each),
 * rows interleaved across groups so that every group grows at once, the
 * periods of a group in a scattered order: yoy_growth against count(*),
 * whose groups hold no state of their own (sum and max keep by-value
 * states, but their hash table was seen to take more memory than
 * count(*)'s for the same groups). */
static void memory_by_periods(bench_engine *e)
{
    static const int spec[3][2] = {{400000, 1}, {200000, 10}, {20000, 120}};
    char sql[512], mode[48], buf[96];
    bench_exec(e, "SET max_parallel_workers_per_gather = 0");
    for (int k = 0; k < 3; k++) {
        int g = spec[k][0], np = spec[k][1];
        bench_exec(e, "DROP TABLE IF EXISTS mem_groups");
        snprintf(sql, sizeof sql,
                 "CREATE UNLOGGED TABLE mem_groups AS SELECT g, (DATE '2004-01-01' + "
                 "make_interval(months => ((r * 97 + g) %% 240)::int))::date AS period, "
                 "(g %% 1000) * 0.25 + r AS v FROM generate_series(0, %d) r, "
                 "generate_series(0, %d) g ORDER BY r, g",
                 np - 1, g - 1);
        bench_exec(e, sql);
        bench_exec(e, "VACUUM ANALYZE mem_groups");
        double kb0 = peak_kb(e, "SELECT g, yoy_growth(period, v) FROM mem_groups GROUP BY 1");
        double kb1 = peak_kb(e, "SELECT g, count(*) FROM mem_groups GROUP BY 1");
        snprintf(mode, sizeof mode, "%d groups x %d period%s", g, np, np > 1 ? "s" : "");
        snprintf(buf, sizeof buf, "%.0f B/group", (kb0 - kb1) * 1024 / g);
        bench_note("pg", "memory", "yoy state over count(*)", mode, buf, "", "");
    }
    bench_exec(e, "DROP TABLE mem_groups");
    bench_exec(e, "RESET max_parallel_workers_per_gather");
}

static void memory_suite(bench_engine *e, int64_t rows)
{
    int64_t groups = rows >= 4000000 ? 1000000 : rows / 4;
    char sql[2][256], mode[48], buf[96];
    bench_exec(e, "SET work_mem = '4GB'");
    bench_exec(e, "SET enable_sort = off");
    snprintf(sql[0], sizeof sql[0],
             "SELECT id %% %lld, yoy_growth(period, v) FROM trade GROUP BY 1", (long long)groups);
    snprintf(sql[1], sizeof sql[1],
             "SELECT id %% %lld, sum(v), max(period) FROM trade GROUP BY 1", (long long)groups);
    double kb0 = peak_kb(e, sql[0]), kb1 = peak_kb(e, sql[1]);
    snprintf(mode, sizeof mode, "%lld groups", (long long)groups);
    snprintf(buf, sizeof buf, "%.0f / %.0f MB", kb0 / 1024, kb1 / 1024);
    bench_note("pg", "memory", "hash agg peak, yoy vs sum", mode, buf, "", "");
    snprintf(buf, sizeof buf, "%.0f B/group", (kb0 - kb1) * 1024 / groups);
    bench_note("pg", "memory", "yoy state over sum", mode, buf, "", "");
    double per = (double)rows / groups;
    snprintf(buf, sizeof buf, "%.1f rows/group", per);
    bench_note("pg", "memory", "group size", mode, buf, "", "");
    memory_by_periods(e);
    bench_exec(e, "RESET enable_sort");
    bench_exec(e, "RESET work_mem");
}

/* ---- the series: stored size, rollup of stored series, memory per group ----------- */

/* Stored per-series yearly series (the first step of the two-step pattern),
 * SERIES_ROLLUP_MAX of them at most: rolled up by a non-key column against
 * trade_series over the same rows (the one-step way). Also the bytes of a
 * stored series of 240 monthly periods, and the hash-aggregation memory per
 * group of trade_series and of yoy_growth over 10-period groups. */
#define SERIES_ROLLUP_MAX 1000000

static int cmp_ms(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void series_suite(bench_engine *e, const suite_opts *o, int64_t rows)
{
    char buf[160], mode[64], sql[2][320];
    /* Bytes of one stored series of 240 monthly periods: one_series. */
    double months = bench_query_number(e, "SELECT count(DISTINCT period) FROM one_series");
    double bytes = bench_query_number(e, "SELECT pg_column_size(trade_series(period, v)) FROM one_series");
    double raw = bench_query_number(e, "SELECT octet_length(trade_series(period, v)::bytea) FROM one_series");
    snprintf(mode, sizeof mode, "%.0f monthly periods", months);
    snprintf(buf, sizeof buf, "%.0f B stored (%.0f B of bytes, %.1f B/period)", bytes, raw,
             raw / months);
    bench_note("pg", "series", "stored series size", mode, buf, "", "");
    /* Exactly 240 months, one row each, values that are not binary fractions. */
    raw = bench_query_number(e, "SELECT octet_length(trade_series(d::date, (i % 997) * 0.01)::bytea) "
                                "FROM generate_series(0, 239) AS i, "
                                "LATERAL (SELECT date '2005-01-01' + make_interval(months => i)) AS m(d)");
    snprintf(buf, sizeof buf, "%.0f B of bytes, %.1f B/period", raw, raw / 240);
    bench_note("pg", "series", "stored series size", "240 months, 1 row each", buf, "", "");

    /* The stored series: one per series and year, at most SERIES_ROLLUP_MAX. */
    bench_exec(e, "DROP TABLE IF EXISTS stored_series");
    bench_exec(e, "DROP TABLE IF EXISTS stored_rows");
    double nyears = bench_query_number(e, "SELECT count(DISTINCT date_trunc('year', period)) FROM trade");
    double nser = bench_query_number(e, "SELECT max(series) FROM trade");
    int64_t keep = (int64_t)nser;
    if (nser * nyears > SERIES_ROLLUP_MAX)
        keep = (int64_t)(SERIES_ROLLUP_MAX / nyears);
    snprintf(buf, sizeof buf,
             "CREATE UNLOGGED TABLE stored_rows AS SELECT series, period, v FROM trade "
             "WHERE series <= %lld", (long long)keep);
    bench_exec(e, buf);
    bench_exec(e, "CREATE UNLOGGED TABLE stored_series AS "
                  "SELECT series, date_trunc('year', period) AS yr, trade_series(period, v) AS s "
                  "FROM stored_rows GROUP BY 1, 2");
    bench_exec(e, "VACUUM ANALYZE stored_rows");
    bench_exec(e, "VACUUM ANALYZE stored_series");
    double nstored = bench_query_number(e, "SELECT count(*) FROM stored_series");
    double nrows_used = bench_query_number(e, "SELECT count(*) FROM stored_rows");
    snprintf(sql[0], sizeof sql[0],
             "SELECT series %% 10, series_ytd(rollup(s)) FROM stored_series GROUP BY 1");
    snprintf(sql[1], sizeof sql[1],
             "SELECT series %% 10, series_ytd(trade_series(period, v)) FROM stored_rows GROUP BY 1");
    double bad = bench_query_number(e,
        "SELECT count(*) FROM (SELECT series % 10 AS g, rollup(s)::bytea AS b FROM stored_series GROUP BY 1) a "
        "FULL JOIN (SELECT series % 10 AS g, trade_series(period, v)::bytea AS b FROM stored_rows GROUP BY 1) r "
        "USING (g) WHERE a.b IS DISTINCT FROM r.b");
    const char *check = bad == 0 ? "equal bytes" : "FAILED: series differ";
    if (bad != 0)
        fprintf(stderr, "bench pg: series: %.0f rolled-up series differ\n", bad);
    const char *sqls[2] = {sql[0], sql[1]};
    double *t[2];
    for (int q = 0; q < 2; q++)
        t[q] = calloc((size_t)o->rounds, sizeof(double));
    bench_rounds(e, 2, sqls, NULL, o->rounds, 1, t, NULL);
    snprintf(mode, sizeof mode, "%.0f stored series", nstored);
    snprintf(buf, sizeof buf, "trade_series of the %.0f rows", nrows_used);
    bench_report("pg", "series", "rollup by group", mode, buf, t[0], t[1], o->rounds, true,
                 TGT_NONE, 0, check);
    for (int q = 0; q < 2; q++)
        free(t[q]);

    /* SERIES_ROLLUP_MAX stored series (the stored ones repeated), rolled up. */
    snprintf(buf, sizeof buf,
             "CREATE UNLOGGED TABLE stored_many AS SELECT series, s FROM stored_series, "
             "generate_series(1, %lld) LIMIT %d", (long long)(SERIES_ROLLUP_MAX / nstored + 1),
             SERIES_ROLLUP_MAX);
    bench_exec(e, "DROP TABLE IF EXISTS stored_many");
    bench_exec(e, buf);
    bench_exec(e, "VACUUM ANALYZE stored_many");
    const char *many[1] = {"SELECT series % 10, series_ytd(rollup(s)) FROM stored_many GROUP BY 1"};
    double *tm = calloc((size_t)o->rounds, sizeof(double));
    bench_rounds(e, 1, many, NULL, o->rounds, 1, &tm, NULL);
    qsort(tm, (size_t)o->rounds, sizeof(double), cmp_ms);
    snprintf(mode, sizeof mode, "%d stored series", SERIES_ROLLUP_MAX);
    snprintf(buf, sizeof buf, "%.0f ms, %.2f M series/s", tm[o->rounds / 2],
             SERIES_ROLLUP_MAX / tm[o->rounds / 2] / 1e3);
    bench_note("pg", "series", "rollup by group", mode, buf, "", "");
    free(tm);
    bench_exec(e, "DROP TABLE stored_many");
    bench_exec(e, "DROP TABLE stored_series");
    bench_exec(e, "DROP TABLE stored_rows");

    /* Hash-aggregation memory per 10-period group of a series (and of
     * yoy_growth, for comparison), over sum(v), max(period). */
    int64_t groups = rows >= 4000000 ? 400000 : rows / 10;
    bench_exec(e, "SET work_mem = '4GB'");
    bench_exec(e, "SET enable_sort = off");
    const char *agg[3] = {"trade_series(period, v)", "yoy_growth(period, v)", "sum(v), max(period)"};
    double kb[3];
    for (int q = 0; q < 3; q++) {
        char m[256];
        snprintf(m, sizeof m, "SELECT id %% %lld, %s FROM trade WHERE id <= %lld GROUP BY 1",
                 (long long)groups, agg[q], (long long)groups * 10);
        kb[q] = peak_kb(e, m);
    }
    snprintf(mode, sizeof mode, "%lld groups x 10 rows", (long long)groups);
    for (int q = 0; q < 2; q++) {
        snprintf(buf, sizeof buf, "%.0f B/group", (kb[q] - kb[2]) * 1024 / groups);
        bench_note("pg", "series", q == 0 ? "trade_series state over sum" : "yoy state over sum",
                   mode, buf, "", "");
    }
    bench_exec(e, "RESET enable_sort");
    bench_exec(e, "RESET work_mem");
}

/* The trade table from the generator, and one_series, its series 1. */
static int64_t load(bench_engine *e, int64_t rows, int32_t *nseries)
{
    PGconn *conn = e->h;
    bench_exec(e, "DROP TABLE IF EXISTS trade");
    bench_exec(e, "DROP TABLE IF EXISTS one_series");
    bench_exec(e, "CREATE UNLOGGED TABLE trade (series int NOT NULL, period date NOT NULL, "
                  "id bigint NOT NULL, v float8, part boolean NOT NULL)");
    copier *c = calloc(1, sizeof *c);
    c->conn = conn;
    PGresult *r = PQexec(conn, "COPY trade FROM STDIN");
    if (PQresultStatus(r) != PGRES_COPY_IN) {
        fprintf(stderr, "bench pg: %s", PQerrorMessage(conn));
        exit(2);
    }
    PQclear(r);
    if (bench_generate(rows, copy_row, c, nseries) < 0 || flush_copy(c) ||
        PQputCopyEnd(conn, NULL) != 1) {
        fprintf(stderr, "bench pg: COPY failed: %s", PQerrorMessage(conn));
        exit(2);
    }
    r = PQgetResult(conn);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        fprintf(stderr, "bench pg: COPY failed: %s", PQerrorMessage(conn));
        exit(2);
    }
    PQclear(r);
    while ((r = PQgetResult(conn)))
        PQclear(r);
    int64_t n = c->n;
    free(c);
    bench_exec(e, "VACUUM ANALYZE trade");
    bench_exec(e, "CREATE TABLE one_series AS SELECT * FROM trade WHERE series = 1");
    bench_exec(e, "VACUUM ANALYZE one_series");
    return n;
}

/* One million distinct days in three scan orders (bench/orders.h). */
static void orders_suite(bench_engine *e, int runs)
{
    static const char *order[] = {"days_sorted", "n", "days_shuffled", "hashint4(n)",
                                  "days_desc", "n DESC"};
    char sql[256];
    for (int i = 0; i < 6; i += 2) {
        snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS %s", order[i]);
        bench_exec(e, sql);
        snprintf(sql, sizeof sql,
                 "CREATE UNLOGGED TABLE %s AS SELECT n, DATE '2000-01-01' + n AS d "
                 "FROM generate_series(0, %d) n ORDER BY %s",
                 order[i], ORDERS_DAYS - 1, order[i + 1]);
        bench_exec(e, sql);
        snprintf(sql, sizeof sql, "VACUUM ANALYZE %s", order[i]);
        bench_exec(e, sql);
    }
    run_orders_suite(e, "pg", runs);
    for (int i = 0; i < 6; i += 2) {
        snprintf(sql, sizeof sql, "DROP TABLE %s", order[i]);
        bench_exec(e, sql);
    }
}

int main(int argc, char **argv)
{
    int64_t rows = 10000000;
    int runs = 5;
    const char *md = NULL, *only = NULL, *conninfo = "",
               *sections = "agg,parallel,rolling,memory,orders,magnitude,series";
    bool keep = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rows") && i + 1 < argc)
            rows = atoll(argv[++i]);
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--md") && i + 1 < argc)
            md = argv[++i];
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--sections") && i + 1 < argc)
            sections = argv[++i];
        else if (!strcmp(argv[i], "--conninfo") && i + 1 < argc)
            conninfo = argv[++i];
        else if (!strcmp(argv[i], "--keep"))
            keep = true;
        else {
            fprintf(stderr, "usage: %s [--rows N] [--runs R] [--md FILE] [--only NAMES] "
                            "[--sections LIST] [--conninfo S] [--keep]\n", argv[0]);
            return 2;
        }
    }
    if (runs < 1)
        runs = 1;

    PGconn *conn = PQconnectdb(conninfo);
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "bench pg: %s", PQerrorMessage(conn));
        return 2;
    }
    bench_engine e = {"pg", conn, pg_query};
    bench_exec(&e, "SET client_min_messages = warning");
    double t0 = bench_now();
    int32_t nseries = 0;
    int64_t nrows;
    if (keep && bench_query_number(&e, "SELECT count(*) FROM pg_class "
                                       "WHERE relname = 'one_series'") > 0) {
        nrows = (int64_t)bench_query_number(&e, "SELECT count(*) FROM trade");
        nseries = (int32_t)bench_query_number(&e, "SELECT max(series) FROM trade");
    } else {
        nrows = load(&e, rows, &nseries);
    }
    bench_exec(&e, "SELECT count(*), sum(v), max(period), bool_or(part) FROM trade");
    fprintf(stderr, "pg: loaded %lld rows, %d series in %.1f s\n", (long long)nrows, nseries,
            (bench_now() - t0) / 1e3);

    /* Serial unless a section says otherwise: on a small, shared machine a
     * serial plan compares per-row cost; the parallel section measures
     * scaling. JIT off: its compile time is noise at these sizes. */
    bench_exec(&e, "SET max_parallel_workers_per_gather = 0");
    bench_exec(&e, "SET jit = off");
    bench_exec(&e, "SET work_mem = '256MB'");

    bench_rs ver = {0};
    char err[256];
    e.query(conn, "SELECT current_setting('server_version')", &ver, err, sizeof err);
    char version[32];
    snprintf(version, sizeof version, "%s", ver.nrows ? (ver.c[0].num ? "?" : ver.c[0].s) : "?");
    if (ver.nrows && ver.c[0].num)
        snprintf(version, sizeof version, "%g", ver.c[0].d);
    bench_rs_free(&ver);

    double total = bench_query_number(&e, "SELECT sum(v) FROM trade");
    double total_one = bench_query_number(&e, "SELECT sum(v) FROM one_series");
    printf("PostgreSQL %s, %lld rows, %d series x %d months, median of %d alternating runs\n", version,
           (long long)nrows, nseries, BENCH_MONTHS, runs);
    printf("%-7s %-9s %-18s %-13s %-28s %9s %20s %8s %-6s %s\n", "engine", "section",
           "aggregate", "mode", "compared with", "figure", "ms ours / base", "target",
           "verdict", "results");

    suite_opts o = {"pg", runs, 300,
                    {round(total_one / 2), round(total / 2), round(total / nseries / 2)}, NULL};
    if (strstr(sections, "agg"))
        run_agg_suite(&e, &o, only);
    if (strstr(sections, "parallel"))
        parallel_suite(&e, &o, only);
    if (strstr(sections, "rolling"))
        rolling_suite(&e, &o);
    if (strstr(sections, "memory"))
        memory_suite(&e, nrows);
    if (strstr(sections, "orders"))
        orders_suite(&e, runs);
    if (strstr(sections, "magnitude")) {
        bench_exec(&e, "DROP TABLE IF EXISTS mag");
        bench_exec(&e, "CREATE UNLOGGED TABLE mag AS SELECT series, period, v, " MAG_SCALE " AS w "
                       "FROM trade ORDER BY series, period");
        bench_exec(&e, "VACUUM ANALYZE mag");
        run_magnitude_suite(&e, "pg", runs);
        bench_exec(&e, "DROP TABLE mag");
    }
    if (strstr(sections, "series"))
        series_suite(&e, &o, nrows);

    if (md) {
        char head[256];
        snprintf(head, sizeof head,
                 "PostgreSQL %s — %lld rows, %d series × %d months, median of %d alternating runs",
                 version, (long long)nrows, nseries, BENCH_MONTHS, runs);
        bench_write_markdown(md, head);
    }
    if (!keep) {
        bench_exec(&e, "DROP TABLE trade");
        bench_exec(&e, "DROP TABLE one_series");
    }
    PQfinish(conn);
    if (bench_failures()) {
        fprintf(stderr, "pg: %d result check(s) failed\n", bench_failures());
        return 1;
    }
    return 0;
}
