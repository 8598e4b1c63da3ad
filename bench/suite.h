/*
 * suite.h — the per-aggregate comparisons both drivers run: ours against
 * the floor and against the plain-SQL formulation, ungrouped and grouped by
 * series. Include after queries.h.
 */
#ifndef TA_BENCH_SUITE_H
#define TA_BENCH_SUITE_H

#include "bench.h"
#include "queries.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Relative tolerance for sums: the engines' sum() adds naively, in scan or
 * hash order; ours is compensated. Periods and NULLs compare exactly. */
#define SUM_TOL 1e-9

static const char *check_results(const bench_rs *ours, const bench_rs *plain, char *buf,
                                 size_t n)
{
    char why[200];
    if (bench_rs_equal(ours, plain, 0, why, sizeof why))
        return "equal";
    if (bench_rs_equal(ours, plain, SUM_TOL, why, sizeof why))
        return "equal (tol 1e-9)";
    snprintf(buf, n, "FAILED: %s", why);
    return buf;
}

typedef struct suite_opts {
    const char *engine;
    int rounds;
    int reps_one;          /* executions per sample on the one-series table */
    double target[3];      /* target_* parameter per mode */
    const char *setup;     /* run before every timed query (may be NULL) */
} suite_opts;

/* The three shapes every aggregate is measured in:
 *   one series  the rows of one series (table one_series, ~1k rows);
 *   all rows    the whole table as a single series (every row, 240 periods);
 *   by series   the whole table, GROUP BY series. */
static const struct {
    const char *name, *tbl, *g, *gb;
    double plain_target; /* speed-up over plain SQL, for the three with targets */
} MODES[3] = {
    {"one series", "one_series", "0", "", 3},
    {"all rows", "trade", "0", "", 0},
    {"by series", "trade", "series", "GROUP BY series ORDER BY 1", 1.5},
};

static void run_agg_suite(bench_engine *e, const suite_opts *o, const char *only)
{
    for (int gi = 0; gi < 3; gi++) {
        char tbuf[64];
        int reps = gi == 0 ? o->reps_one : 1;
        snprintf(tbuf, sizeof tbuf, "%.17g", o->target[gi]);
        for (int k = 0; k < N_AGG_CASES; k++) {
            const agg_case *c = &AGG_CASES[k];
            if (only && !strstr(only, c->name))
                continue;
            const char *keys[] = {"G", "GB", "T", "TBL"};
            const char *vals[] = {MODES[gi].g, MODES[gi].gb, tbuf, MODES[gi].tbl};
            char *call = bench_subst(c->call, keys, vals, 4);
            const char *k2[] = {"G", "GB", "T", "TBL", "CALL"};
            const char *v2[] = {vals[0], vals[1], vals[2], vals[3], call};
            char *sql[3];
            sql[0] = bench_subst(OURS_SQL, k2, v2, 5);
            sql[1] = bench_subst(c->periodic ? FLOOR_PERIOD_SQL : FLOOR_SQL, k2, v2, 5);
            sql[2] = bench_subst(c->plain, k2, v2, 5);
            /* The floor and ours alternate in every round; the plain
             * formulation joins them when it carries a speed target, and
             * otherwise runs once (it is there to check the results). */
            bool plain_is_floor = strcmp(sql[1], sql[2]) == 0;
            bool timed = c->plain_target && MODES[gi].plain_target > 0;
            int nq = timed ? 3 : 2, prounds = timed ? o->rounds : 1;
            const char *setup[3] = {o->setup, o->setup, o->setup};
            double *t[3];
            bench_rs rs[3];
            memset(rs, 0, sizeof rs);
            for (int q = 0; q < 3; q++)
                t[q] = calloc((size_t)o->rounds, sizeof(double));
            bench_rounds(e, nq, (const char *const *)sql, setup, o->rounds, reps, t, rs);
            /* All rows, no target: the results are checked on one series
             * and by series already; a full-table plain query costs a
             * minute in SQLite, so it is skipped here. */
            bool skip_plain = nq == 2 && !plain_is_floor && gi == 1 && !c->plain_target;
            if (nq == 2 && !plain_is_floor && !skip_plain)
                bench_rounds(e, 1, (const char *const *)&sql[2], setup, 1, reps, &t[2], &rs[2]);
            char buf[256];
            const bench_rs *ref = plain_is_floor ? &rs[1] : &rs[2];
            const char *chk = skip_plain ? "" : check_results(&rs[0], ref, buf, sizeof buf);
            if (strncmp(chk, "FAIL", 4) == 0)
                fprintf(stderr, "bench %s: %s (%s) differs from plain SQL: %s\n  ours:  %s\n"
                                "  plain: %s\n",
                        e->name, c->name, MODES[gi].name, chk, sql[0], sql[plain_is_floor ? 1 : 2]);
            bench_report(o->engine, "floor", c->name, MODES[gi].name,
                         c->periodic ? "sum(v), max(period)" : "sum(v)", t[0], t[1],
                         o->rounds, false, TGT_MAX, 1.3, plain_is_floor ? chk : "");
            if (!plain_is_floor && !skip_plain) {
                /* With one plain run, compare it with ours' median. */
                double med = bench_median(t[0], o->rounds);
                bench_report(o->engine, "plain SQL", c->name, MODES[gi].name,
                             prounds == 1 ? "plain SQL, 1 run (speed-up)"
                                          : "plain SQL (speed-up)",
                             prounds == 1 ? &med : t[0], t[2], prounds, true,
                             c->plain_target && MODES[gi].plain_target > 0 ? TGT_MIN : TGT_NONE,
                             MODES[gi].plain_target, chk);
            }
            for (int q = 0; q < 3; q++) {
                free(t[q]);
                free(sql[q]);
                bench_rs_free(&rs[q]);
            }
            free(call);
        }
    }
}

/* Pathological magnitudes (issue: exact sums). The driver creates table
 * mag (series, period, v, w): the trade table's rows, w = v scaled by one
 * of 1e290, -1e290, 1e-300, -1e-290, 1e150, -1e-150, 1e100 or 1 by id % 8,
 * so every period's and every series' sum mixes magnitudes from 1e-300 to
 * 1e300 with cancellation. Ours over w against ours over v (money-like),
 * alternating: the cost of the exact path over the fast one. */
#define MAG_SCALE                                                                        \
    "v * CASE id % 8 WHEN 0 THEN 1e290 WHEN 1 THEN -1e290 WHEN 2 THEN 1e-300 "            \
    "WHEN 3 THEN -1e-290 WHEN 4 THEN 1e150 WHEN 5 THEN -1e-150 WHEN 6 THEN 1e100 ELSE 1 END"

static void run_magnitude_suite(bench_engine *e, const char *engine, int rounds)
{
    static const char *calls[][2] = {{"cumulative_trade", "cumulative_trade(%s)"},
                                     {"ytd_trade", "ytd_trade(period, %s)"}};
    static const char *modes[][2] = {{"all rows", ""}, {"by series", "GROUP BY series ORDER BY 1"}};
    for (int m = 0; m < 2; m++)
        for (int k = 0; k < 2; k++) {
            char call[2][64], sql[2][256];
            for (int i = 0; i < 2; i++) {
                snprintf(call[i], sizeof call[i], calls[k][1], i ? "v" : "w");
                snprintf(sql[i], sizeof sql[i], "SELECT %s, %s FROM mag %s",
                         m ? "series" : "0", call[i], modes[m][1]);
            }
            const char *q[2] = {sql[0], sql[1]};
            double *t[2] = {calloc((size_t)rounds, sizeof(double)),
                            calloc((size_t)rounds, sizeof(double))};
            bench_rounds(e, 2, q, NULL, rounds, 1, t, NULL);
            bench_report(engine, "magnitude", calls[k][0], modes[m][0],
                         "same over money-like v", t[0], t[1], rounds, false, TGT_NONE, 0, "");
            free(t[0]);
            free(t[1]);
        }
}

#endif
