/*
 * ta_sums.c — sums read out of a state's period table, rounded once, and
 * the small pieces every result is made of: shared by ta_result.c (the
 * first group of aggregates) and ta_compare.c (the periodic comparisons).
 */
#include "ta_internal.h"
#include "ta_xsum.h"

int32_t ta_latest(const ta_agg *a)
{
    int32_t k = 0;
    ta_pt_last(&a->pt, &k); /* a periodic state with rows has a period */
    return k;
}

ta_status ta_growth_result(ta_result *r, double cur, double prev, const char *fn, ta_error *e)
{
    double g;
    if (!ta_growth(cur, prev, &g))
        return TA_OK; /* r is NULL already */
    return ta_result_real(r, g, fn, e);
}

ta_status ta_no_memory(const char *fn, ta_error *e)
{
    return ta_fail(e, TA_ERR_NOMEM, "%s: out of memory", fn);
}

/* acc rounded once, then released. */
ta_status ta_rounded(const ta_agg *a, ta_xsum *acc, double *out, const char *fn, ta_error *e)
{
    ta_status st = ta_xsum_round(acc, out);
    ta_xsum_free(acc, &a->al);
    return st == TA_OK ? TA_OK : ta_fail(e, TA_ERR_RANGE, "%s: sum out of range", fn);
}

/* The exact sum over lo <= period <= hi, rounded once; *rows (if not NULL)
 * says how many rows it covers. */
ta_status ta_range_sum(const ta_agg *a, int32_t lo, int32_t hi, double *out, uint64_t *rows,
                       const char *fn, ta_error *e)
{
    ta_xsum acc = TA_XSUM_ZERO;
    if (rows)
        *rows = 0;
    if (ta_pt_range(&a->pt, lo, hi, &acc, rows, NULL, &a->al) != TA_OK) {
        ta_xsum_free(&acc, &a->al);
        return ta_no_memory(fn, e);
    }
    return ta_rounded(a, &acc, out, fn, e);
}
