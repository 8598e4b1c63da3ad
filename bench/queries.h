/*
 * queries.h — the benchmark's SQL, written once for both engines.
 *
 * A driver defines the dialect macros before including this file:
 *   YS(x)    first day of x's year           YE(x)   x one year earlier
 *   MON(x)   x's month as an integer         PART    is_part as a condition
 *   SUM0(x)  sum that is 0 over no rows
 *   SHIFTM(x, n)  x n calendar months earlier (n a string literal; every
 *            bench period is the 1st of its month, so no day clamping)
 *   BASEP    the base period of index_number, 2021-01-01
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

/* The same with the part's share of each period's sum, ps. */
#define CTE_MP                                                                         \
    "WITH src AS (SELECT {G} AS g, period, v, " PART " AS pt FROM {TBL}), "           \
    "m AS (SELECT g, period, sum(v) AS s, sum(CASE WHEN pt THEN v ELSE 0 END) AS ps "  \
    "FROM src WHERE v IS NOT NULL GROUP BY g, period), "                               \
    "l AS (SELECT g, max(period) AS p FROM m GROUP BY g) "

/* The previous year's YTD through one year before L. */
#define PRIOR_YTD_RANGE "m.g = l.g AND m.period >= " YE(YS("l.p")) " AND m.period <= " YE("l.p")

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
    /* Round 2: the plain formulations are self-joins on the shifted period
     * and filtered sums. */
    {"period_growth", "period_growth(period, v, 1)", true, false,
     CTE_M "SELECT l.g, CASE WHEN p.s <> 0 THEN (c.s - p.s) / abs(p.s) END "
           "FROM l JOIN m c ON c.g = l.g AND c.period = l.p "
           "LEFT JOIN m p ON p.g = l.g AND p.period = " SHIFTM("l.p", "1") " ORDER BY 1"},
    {"trailing_trade", "trailing_trade(period, v, 3)", true, false,
     CTE_M "SELECT l.g, sum(m.s) FROM l JOIN m ON m.g = l.g AND m.period > " SHIFTM("l.p", "3")
           " GROUP BY l.g ORDER BY 1"},
    {"prior_year_trade", "prior_year_trade(period, v)", true, false,
     CTE_M "SELECT l.g, p.s FROM l LEFT JOIN m p ON p.g = l.g AND p.period = " YE("l.p")
           " ORDER BY 1"},
    {"prior_ytd_trade", "prior_ytd_trade(period, v)", true, false,
     CTE_M ", p AS (SELECT l.g, sum(m.s) AS s FROM l JOIN m ON " PRIOR_YTD_RANGE " GROUP BY l.g) "
           "SELECT l.g, p.s FROM l LEFT JOIN p ON p.g = l.g ORDER BY 1"},
    {"ytd_contribution", "ytd_contribution(period, v, part)", true, false,
     CTE_MP ", c AS (SELECT l.g, sum(m.ps) AS ps FROM l JOIN m ON m.g = l.g AND m.period >= "
            YS("l.p") " GROUP BY l.g), "
            "p AS (SELECT l.g, sum(m.s) AS s, sum(m.ps) AS ps FROM l JOIN m ON " PRIOR_YTD_RANGE
            " GROUP BY l.g) "
            "SELECT c.g, CASE WHEN p.s <> 0 THEN (c.ps - p.ps) / p.s END "
            "FROM c LEFT JOIN p ON p.g = c.g ORDER BY 1"},
    {"trade_balance", "trade_balance(v, part)", false, false,
     "SELECT {G}, sum(CASE WHEN " PART " THEN v ELSE -v END) FROM {TBL} {GB}"},
    {"coverage_ratio", "coverage_ratio(v, part)", false, false,
     "SELECT {G}, CASE WHEN sum(CASE WHEN NOT (" PART ") THEN v END) <> 0 THEN "
     SUM0("CASE WHEN " PART " THEN v END") " / sum(CASE WHEN NOT (" PART ") THEN v END) END "
     "FROM {TBL} {GB}"},
    {"index_number", "index_number(period, v, " BASEP ")", true, false,
     CTE_M "SELECT l.g, CASE WHEN b.s <> 0 THEN 100 * c.s / b.s END "
           "FROM l JOIN m c ON c.g = l.g AND c.period = l.p "
           "LEFT JOIN m b ON b.g = l.g AND b.period = " BASEP " ORDER BY 1"},
    {"ytd_period_count", "ytd_period_count(period, v)", true, false,
     CTE_M "SELECT l.g, count(*) FROM l JOIN m ON m.g = l.g AND m.period >= " YS("l.p")
           " GROUP BY l.g ORDER BY 1"},
    /* 16 competitors (id % 16) in every group; the plain query sums each
     * competitor first, then squares the shares. */
    {"hhi(competitor, v)", "hhi(id % 16, v)", false, false,
     "SELECT g, CASE WHEN sum(c) <> 0 THEN sum(c * c) / sum(c) / sum(c) END FROM "
     "(SELECT {G} AS g, id % 16 AS k, sum(v) AS c FROM {TBL} WHERE v IS NOT NULL "
     "GROUP BY 1, 2) x GROUP BY g ORDER BY 1"},
};

#define N_AGG_CASES ((int)(sizeof AGG_CASES / sizeof AGG_CASES[0]))

#endif
