/*
 * orders.h — the cost of period order (SPEC "Cost"), run by both drivers:
 *   - one million distinct days, value 1 each, in period order, shuffled and
 *     descending: ytd_trade over each table against the same rows sorted
 *     (target <= 3);
 *   - target_reached_at(...) OVER (ORDER BY period) over the first N and 2N
 *     days: time(2N) / time(N) (about 2 when a read costs O(log P)).
 * A driver creates the tables days_sorted, days_shuffled and days_desc
 * (n, d) whose scan order is the one their names say, then calls
 * run_orders_suite. Include after suite.h.
 */
#ifndef TA_BENCH_ORDERS_H
#define TA_BENCH_ORDERS_H

#include "bench.h"

#include <stdio.h>
#include <stdlib.h>

#define ORDERS_DAYS    1000000
#define ORDERS_RUNNING 100000 /* N of the running window */

static void run_orders_suite(bench_engine *e, const char *engine, int rounds)
{
    static const char *names[] = {"shuffled", "descending"};
    static const char *tables[] = {"days_shuffled", "days_desc"};
    for (int k = 0; k < 2; k++) {
        char sql[2][160];
        snprintf(sql[0], sizeof sql[0], "SELECT 0, ytd_trade(d, 1), count(*) FROM %s", tables[k]);
        snprintf(sql[1], sizeof sql[1], "SELECT 0, ytd_trade(d, 1), count(*) FROM days_sorted");
        const char *q[2] = {sql[0], sql[1]};
        double *t[2] = {calloc((size_t)rounds, sizeof(double)), calloc((size_t)rounds, sizeof(double))};
        bench_rs rs[2] = {{0}, {0}};
        char buf[256], why[200];
        bench_rounds(e, 2, q, NULL, rounds, 1, t, rs);
        const char *chk = bench_rs_equal(&rs[0], &rs[1], 0, why, sizeof why) ? "equal" : buf;
        if (chk == buf)
            snprintf(buf, sizeof buf, "FAILED: %s", why);
        bench_report(engine, "orders", "ytd_trade", "1M distinct days", names[k], t[0], t[1],
                     rounds, false, TGT_MAX, 3, chk);
        for (int i = 0; i < 2; i++) {
            free(t[i]);
            bench_rs_free(&rs[i]);
        }
    }
    /* The answer is found at the frame's middle, so reads before it scan
     * on and reads after it hit the cached answer. */
    char sql[2][300];
    for (int i = 0; i < 2; i++)
        snprintf(sql[i], sizeof sql[i],
                 "SELECT 0, count(r), min(r) FROM (SELECT target_reached_at(d, 1, %d) "
                 "OVER (ORDER BY d) AS r FROM days_sorted WHERE n < %d) w",
                 ORDERS_RUNNING * (i + 1) / 2, ORDERS_RUNNING * (i + 1));
    const char *q[2] = {sql[1], sql[0]};
    double *t[2] = {calloc((size_t)rounds, sizeof(double)), calloc((size_t)rounds, sizeof(double))};
    char mode[40];
    bench_rounds(e, 2, q, NULL, rounds, 1, t, NULL);
    snprintf(mode, sizeof mode, "window, %dk vs %dk rows", 2 * ORDERS_RUNNING / 1000,
             ORDERS_RUNNING / 1000);
    bench_report(engine, "orders", "target_reached_at", mode, "half the rows", t[0], t[1], rounds,
                 false, TGT_MAX, 2.5, "");
    free(t[0]);
    free(t[1]);
}

#endif
