/*
 * ptable_bench.c — the core's period table alone, without an engine:
 *
 *   orders  ytd_trade states fed one million distinct days (value 1 each)
 *           in period order, shuffled and descending, then read once;
 *           time of each order against sorted.
 *   memory  bytes per group when many groups grow at once, as in a
 *           PostgreSQL hash aggregation: an allocator that models AllocSet
 *           (requests rounded up to a power of two, a 16-byte chunk header,
 *           a freed chunk reused only by a request of its own size class;
 *           nothing is given back), with each state's expanded-object header
 *           (48 bytes) in front of its ta_agg. Groups of 1, 10 and 120
 *           periods, rows interleaved across groups, periods of a group in
 *           a scattered order.
 *   rows    nanoseconds per row of ta_agg_add in the shape of `make
 *           bench`'s "by series": states of 240 months, 4 rows a month in
 *           period order, values in whole cents; each state is made, fed,
 *           read and freed. The engine's own per-row cost is not in it.
 *
 * Usage: ptable_bench [orders|memory|rows]... (default: all). Prints a table.
 */
#include "tradeagg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- orders ------------------------------------------------------------------------ */

#define DAYS 1000000

static void *sys_alloc(void *ud, size_t n)
{
    (void)ud;
    return malloc(n);
}

static void sys_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}

static double feed(const int32_t *days, int n, double *out)
{
    ta_allocator al = {sys_alloc, sys_free, NULL};
    ta_agg a;
    ta_error e;
    ta_result r;
    ta_value v[2] = {{.type = TA_V_DATE}, {.type = TA_V_REAL, .d = 1}};
    double t0 = now_ms();
    ta_agg_init(&a, TA_AGG_YTD, &al);
    for (int i = 0; i < n; i++) {
        v[0].i = days[i];
        if (ta_agg_add(&a, v, 2, &e) != TA_OK) {
            fprintf(stderr, "ptable_bench: %s\n", e.msg);
            exit(2);
        }
    }
    if (ta_agg_result(&a, &r, &e) != TA_OK) {
        fprintf(stderr, "ptable_bench: %s\n", e.msg);
        exit(2);
    }
    *out = r.d;
    double t = now_ms() - t0;
    ta_agg_free(&a);
    return t;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void orders(int runs)
{
    int32_t *d[3];
    const char *name[3] = {"sorted", "shuffled", "descending"};
    for (int k = 0; k < 3; k++)
        d[k] = malloc(DAYS * sizeof(int32_t));
    for (int i = 0; i < DAYS; i++) {
        d[0][i] = i;
        d[1][i] = i;
        d[2][i] = DAYS - 1 - i;
    }
    for (int i = DAYS - 1; i > 0; i--) {
        int j = (int)(rng() % (uint64_t)(i + 1));
        int32_t x = d[1][i];
        d[1][i] = d[1][j];
        d[1][j] = x;
    }
    double *t[3], res[3];
    for (int k = 0; k < 3; k++)
        t[k] = calloc((size_t)runs, sizeof(double));
    for (int r = 0; r < runs; r++)
        for (int k = 0; k < 3; k++)
            t[(k + r) % 3][r] = feed(d[(k + r) % 3], DAYS, &res[(k + r) % 3]);
    for (int k = 0; k < 3; k++)
        qsort(t[k], (size_t)runs, sizeof(double), cmp_d);
    printf("| orders | ytd_trade, core only | 1M distinct days | %-10s | %7.1f ms | %5.2f x sorted "
           "|%s\n",
           name[0], t[0][runs / 2], 1.0, "");
    for (int k = 1; k < 3; k++)
        printf("| orders | ytd_trade, core only | 1M distinct days | %-10s | %7.1f ms | %5.2f x "
               "sorted |%s\n",
               name[k], t[k][runs / 2], t[k][runs / 2] / t[0][runs / 2],
               res[k] == res[0] ? "" : " RESULTS DIFFER");
    for (int k = 0; k < 3; k++) {
        free(d[k]);
        free(t[k]);
    }
}

/* ---- memory ------------------------------------------------------------------------ */

/* AllocSet as PostgreSQL 15 has it, for chunks under 8 KiB. */
#define CLASSES 12
typedef struct aset {
    void *freelist[CLASSES];
    size_t held; /* bytes of every chunk ever made, with its header */
} aset;

static int size_class(size_t n)
{
    int c = 0;
    while (((size_t)8 << c) < n)
        c++;
    return c;
}

static void *aset_alloc(void *ud, size_t n)
{
    aset *s = ud;
    int c = size_class(n);
    if (c >= CLASSES) {
        s->held += n + 16;
        return (char *)malloc(n + 16) + 16;
    }
    char *p = s->freelist[c];
    if (p) {
        s->freelist[c] = *(void **)p;
        return p;
    }
    s->held += ((size_t)8 << c) + 16;
    p = (char *)malloc(((size_t)8 << c) + 16) + 16;
    ((int *)(void *)(p - 16))[0] = c;
    return p;
}

static void aset_free(void *ud, void *p)
{
    aset *s = ud;
    int c = ((int *)(void *)((char *)p - 16))[0];
    *(void **)p = s->freelist[c];
    s->freelist[c] = p;
}

#define EOH_HEADER 48

static double per_group(int groups, int periods)
{
    aset s = {{0}, 0};
    ta_allocator al = {aset_alloc, aset_free, &s};
    ta_agg **g = malloc((size_t)groups * sizeof *g);
    ta_value v[2] = {{.type = TA_V_TEXT, .n = 10}, {.type = TA_V_REAL}};
    ta_error e;
    char text[11];
    for (int i = 0; i < groups; i++) {
        char *obj = aset_alloc(&s, EOH_HEADER + sizeof(ta_agg));
        g[i] = (ta_agg *)(void *)(obj + EOH_HEADER);
        ta_agg_init(g[i], TA_AGG_YOY, &al);
    }
    for (int r = 0; r < periods; r++)
        for (int i = 0; i < groups; i++) {
            int m = (r * 97 + i) % 240; /* distinct for r < 240, scattered */
            snprintf(text, sizeof text, "%04d-%02d-01", 2004 + m / 12, m % 12 + 1);
            v[0].p = text;
            v[1].d = (i % 1000) * 0.25 + r;
            if (ta_agg_add(g[i], v, 2, &e) != TA_OK) {
                fprintf(stderr, "ptable_bench: %s\n", e.msg);
                exit(2);
            }
        }
    double b = (double)s.held / groups;
    /* The chunks are not freed one by one: the run ends here. */
    free(g);
    return b;
}

static void memory(void)
{
    static const int periods[] = {1, 10, 12, 24, 36, 120, 240};
    printf("| memory | yoy_growth, AllocSet model | sizeof(ta_agg) | %zu B |\n", sizeof(ta_agg));
    for (int k = 0; k < 7; k++)
        printf("| memory | yoy_growth, AllocSet model | %3d periods/group | %.0f B/group |\n",
               periods[k], per_group(periods[k] >= 100 ? 20000 : 100000, periods[k]));
}

/* ---- rows ---------------------------------------------------------------------------- */

#define ROW_SERIES 2000
#define ROW_MONTHS 240
#define ROW_PER_MONTH 4

/* Feeds ROW_SERIES states of kind; nanoseconds per row. */
static double per_row(ta_agg_kind kind, bool periodic)
{
    ta_allocator al = {sys_alloc, sys_free, NULL};
    ta_value v[2] = {{.type = periodic ? TA_V_DATE : TA_V_REAL}, {.type = TA_V_REAL}};
    ta_value *val = periodic ? &v[1] : &v[0];
    double t0 = now_ms(), check = 0;
    ta_error e;
    ta_result r;
    for (int s = 0; s < ROW_SERIES; s++) {
        ta_agg a;
        ta_agg_init(&a, kind, &al);
        for (int m = 0; m < ROW_MONTHS; m++) {
            /* the 1st of each month from 2004-01 (days since 2000-01-01) */
            v[0].i = 1461 + (m / 12) * 365 + (m / 12 + 3) / 4 + (int)(m % 12 * 30.44);
            for (int k = 0; k < ROW_PER_MONTH; k++) {
                val->d = (double)(rng() % 10000000) / 100;
                if (ta_agg_add(&a, v, periodic ? 2 : 1, &e) != TA_OK) {
                    fprintf(stderr, "ptable_bench: %s\n", e.msg);
                    exit(2);
                }
            }
        }
        if (ta_agg_result(&a, &r, &e) != TA_OK) {
            fprintf(stderr, "ptable_bench: %s\n", e.msg);
            exit(2);
        }
        check += r.d;
        ta_agg_free(&a);
    }
    double ns = (now_ms() - t0) * 1e6 / ((double)ROW_SERIES * ROW_MONTHS * ROW_PER_MONTH);
    return check == check ? ns : -1; /* keeps the results live */
}

static void rows(int runs)
{
    static const struct {
        ta_agg_kind kind;
        bool periodic;
        const char *name;
    } k[] = {{TA_AGG_CUMULATIVE, false, "cumulative_trade(v)"},
             {TA_AGG_YTD, true, "ytd_trade(period, v)"},
             {TA_AGG_YOY, true, "yoy_growth(period, v)"},
             {TA_AGG_HHI, false, "hhi(v)"}};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
        double best = 1e300;
        for (int r = 0; r < runs; r++) {
            double ns = per_row(k[i].kind, k[i].periodic);
            best = ns < best ? ns : best;
        }
        printf("| rows | %s | %d states x %d rows | %.1f ns/row (best of %d) |\n", k[i].name,
               ROW_SERIES, ROW_MONTHS * ROW_PER_MONTH, best, runs);
    }
}

int main(int argc, char **argv)
{
    int runs = getenv("BENCH_RUNS") ? atoi(getenv("BENCH_RUNS")) : 3;
    bool all = argc < 2;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "orders") && strcmp(argv[i], "memory") && strcmp(argv[i], "rows")) {
            fprintf(stderr, "usage: ptable_bench [orders|memory|rows]...\n");
            return 2;
        }
    for (int i = all ? 0 : 1; i < (all ? 1 : argc); i++) {
        if (all || !strcmp(argv[i], "memory"))
            memory();
        if (all || !strcmp(argv[i], "orders"))
            orders(runs > 0 ? runs : 1);
        if (all || !strcmp(argv[i], "rows"))
            rows(runs > 0 ? runs : 1);
    }
    return 0;
}
