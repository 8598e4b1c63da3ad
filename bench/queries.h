/*
 * queries.h — the benchmark's SQL, written once for both engines.
 *
 * A driver defines the dialect macros before including this file:
 *   YS(x)    first day of x's year           YE(x)   x one year earlier
 *   MON(x)   x's month as an integer         PART    is_part as a condition
 *   SUM0(x)  sum that is 0 over no rows
 *
 * Placeholders filled at run time: {TBL} the table (trade, or one_series
 * holding one series), {G} the group key ("0" ungrouped, "series" grouped),
 * {GB} the GROUP BY/ORDER BY clause ("" ungrouped), {T} the target. Every query answers (group key, result ...) in key order, so
 * our aggregate and the plain formulation can be compared row by row.
 *
 * The plain formulations are what an analyst writes without tradeagg:
 * per-period sums (rows of one period are added first, NULL values skipped,
 * as the contract says), then self-joins on the period one year earlier,
 * window sums and lag, and min over a running sum.
 */
#ifndef TA_BENCH_QUERIES_H
#define TA_BENCH_QUERIES_H

#include <stdbool.h>

typedef struct agg_case {
    const char *name;
    const char *call;   /* the call, with {T} for the target */
    bool periodic;      /* the floor reads the period too */
    bool plain_target;  /* yoy/ytd-yoy/target_reached_at: speed target vs plain SQL */
    const char *plain;  /* plain-SQL formulation */
} agg_case;

#define OURS_SQL "SELECT {G}, {CALL} FROM {TBL} {GB}"
#define FLOOR_SQL "SELECT {G}, sum(v) FROM {TBL} {GB}"
#define FLOOR_PERIOD_SQL "SELECT {G}, sum(v), max(period) FROM {TBL} {GB}"

/* Per-period sums m(g, period, s) and the latest period l(g, p) of a group. */
#define CTE_M                                                                          \
    "WITH src AS (SELECT {G} AS g, period, v FROM {TBL}), "                           \
    "m AS (SELECT g, period, sum(v) AS s FROM src WHERE v IS NOT NULL GROUP BY g, period), " \
    "l AS (SELECT g, max(period) AS p FROM m GROUP BY g) "

static const agg_case AGG_CASES[] = {
    {"cumulative_trade", "cumulative_trade(v)", false, false,
     "SELECT {G}, sum(v) FROM {TBL} {GB}"},
    {"ytd_trade", "ytd_trade(period, v)", true, false,
     CTE_M "SELECT l.g, sum(m.s) FROM l JOIN m ON m.g = l.g AND m.period >= " YS("l.p")
           " GROUP BY l.g ORDER BY 1"},
    {"ttm_trade", "ttm_trade(period, v)", true, false,
     CTE_M "SELECT l.g, sum(m.s) FROM l JOIN m ON m.g = l.g AND m.period > " YE("l.p")
           " GROUP BY l.g ORDER BY 1"},
    {"yoy_growth", "yoy_growth(period, v)", true, true,
     CTE_M "SELECT l.g, CASE WHEN p.s <> 0 THEN (c.s - p.s) / abs(p.s) END "
           "FROM l JOIN m c ON c.g = l.g AND c.period = l.p "
           "LEFT JOIN m p ON p.g = l.g AND p.period = " YE("l.p") " ORDER BY 1"},
    {"ytd_yoy_growth", "ytd_yoy_growth(period, v)", true, true,
     CTE_M ", c AS (SELECT l.g, sum(m.s) AS s FROM l JOIN m ON m.g = l.g AND m.period >= "
           YS("l.p") " GROUP BY l.g), "
           "p AS (SELECT l.g, sum(m.s) AS s FROM l JOIN m ON m.g = l.g AND m.period >= "
           YE(YS("l.p")) " AND m.period <= " YE("l.p") " GROUP BY l.g) "
           "SELECT c.g, CASE WHEN p.s <> 0 THEN (c.s - p.s) / abs(p.s) END "
           "FROM c LEFT JOIN p ON p.g = c.g ORDER BY 1"},
    {"target_attainment", "target_attainment(v, {T})", false, false,
     "SELECT {G}, sum(v) / {T} FROM {TBL} {GB}"},
    {"target_reached_at", "target_reached_at(period, v, {T})", true, true,
     CTE_M ", r AS (SELECT g, period, sum(s) OVER (PARTITION BY g ORDER BY period) AS run "
           "FROM m) SELECT g, min(CASE WHEN run >= {T} THEN period END) FROM r "
           "GROUP BY g ORDER BY 1"},
    {"projected_trade", "projected_trade(period, v)", true, false,
     CTE_M "SELECT l.g, sum(m.s) * 12 / " MON("l.p")
           " FROM l JOIN m ON m.g = l.g AND m.period >= " YS("l.p")
           " GROUP BY l.g, l.p ORDER BY 1"},
    {"period_from_ytd", "period_from_ytd(period, v)", true, false,
     CTE_M ", w AS (SELECT g, period, s, lag(s) OVER win AS ps, lag(period) OVER win AS pp, "
           "max(period) OVER (PARTITION BY g) AS lp FROM m "
           "WINDOW win AS (PARTITION BY g ORDER BY period)) "
           "SELECT g, CASE WHEN pp >= " YS("period") " THEN s - ps ELSE s END "
           "FROM w WHERE period = lp ORDER BY 1"},
    {"share_of", "share_of(v, part)", false, false,
     "SELECT {G}, CASE WHEN sum(v) <> 0 THEN " SUM0("CASE WHEN " PART " THEN v ELSE 0 END")
     " / sum(v) END FROM {TBL} {GB}"},
    {"hhi", "hhi(v)", false, false,
     "SELECT {G}, CASE WHEN sum(v) <> 0 THEN sum(v * v) / sum(v) / sum(v) END FROM {TBL} {GB}"},
};

#define N_AGG_CASES ((int)(sizeof AGG_CASES / sizeof AGG_CASES[0]))

#endif
