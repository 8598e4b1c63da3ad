/*
 * ta_extra.h — state kept besides the period table and the running sums of
 * ta_agg, by the aggregates that need it (core-internal; ta_extra.c).
 */
#ifndef TA_EXTRA_H
#define TA_EXTRA_H

#include "ta_ctable.h"
#include "ta_internal.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

struct ta_extra {
    ta_xsum exports, imports; /* trade_balance, coverage_ratio */
    int64_t import_rows;
    ta_ctable comp; /* hhi(competitor, value) */
    ta_ptable part; /* ytd_contribution: the part's sums per period (the
                       totals are the state's own table) */
};
typedef struct ta_extra ta_extra;

/* The functions are declared in ta_internal.h. */

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TA_EXTRA_H */
