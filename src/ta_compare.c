/*
 * ta_compare.c — results that compare the latest period with others found by
 * calendar arithmetic (SPEC "Round 2 aggregates"): period_growth,
 * trailing_trade, prior_year_trade, prior_ytd_trade, index_number,
 * ytd_period_count and ytd_contribution. L is the group's latest period,
 * Shift(L, k) the date k calendar months before it (ta_key_shift).
 *
 * Every sum is read over a range of the period table and rounded once;
 * nothing here changes the state.
 */
#include "ta_extra.h"

static int fy_of(const ta_agg *a) { return a->fy ? a->fy : 1; }

static int32_t latest(const ta_agg *a)
{
    int32_t k = 0;
    ta_pt_last(&a->pt, &k); /* a periodic state with rows has a period */
    return k;
}

static ta_status nomem(const char *fn, ta_error *e)
{
    return ta_fail(e, TA_ERR_NOMEM, "%s: out of memory", fn);
}

/* acc rounded once, then released. */
static ta_status rounded(const ta_agg *a, ta_xsum *acc, double *out, const char *fn, ta_error *e)
{
    ta_status st = ta_xsum_round(acc, out);
    ta_xsum_free(acc, &a->al);
    return st == TA_OK ? TA_OK : ta_fail(e, TA_ERR_RANGE, "%s: sum out of range", fn);
}

/* The exact sum over lo <= period <= hi rounded once, its rows (if rows is
 * not NULL); a range with no rows reads no sum. */
static ta_status range(const ta_agg *a, int32_t lo, int32_t hi, double *out, uint64_t *rows,
                       const char *fn, ta_error *e)
{
    ta_xsum acc = TA_XSUM_ZERO;
    uint64_t n = 0;
    if (ta_pt_range(&a->pt, lo, hi, &acc, &n, NULL, &a->al) != TA_OK) {
        ta_xsum_free(&acc, &a->al);
        return nomem(fn, e);
    }
    if (rows)
        *rows = n;
    *out = 0;
    if (n == 0 && rows)
        return TA_OK;
    return rounded(a, &acc, out, fn, e);
}

/* growth_rate(c, p) = (c - p) / |p|; NULL when p is 0. */
static ta_status growth(ta_result *r, double c, double p, const char *fn, ta_error *e)
{
    double g;
    return ta_growth(c, p, &g) ? ta_result_real(r, g, fn, e) : TA_OK;
}

/* total(Shift(L, months)); *rows 0 when that period has none (a period
 * before year 1 has none). */
static ta_status shifted_total(const ta_agg *a, int months, double *out, uint64_t *rows,
                               const char *fn, ta_error *e)
{
    int32_t key;
    *rows = 0;
    if (!ta_key_shift((ta_pkind)a->pkind, latest(a), months, &key))
        return TA_OK;
    return range(a, key, key, out, rows, fn, e);
}

static ta_status period_growth(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = latest(a);
    uint64_t rows;
    double cur, prev;
    ta_status st = shifted_total(a, a->months, &prev, &rows, fn, e);
    if (st != TA_OK || rows == 0)
        return st;
    if ((st = range(a, last, last, &cur, NULL, fn, e)) != TA_OK)
        return st;
    return growth(r, cur, prev, fn, e);
}

/* Periods P with Shift(L, months) < P <= L; a window reaching before year 1
 * covers every period up to L. */
static ta_status trailing(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = latest(a), after;
    double v;
    if (!ta_key_shift((ta_pkind)a->pkind, last, a->months, &after))
        after = 0;
    ta_status st = range(a, after + 1, last, &v, NULL, fn, e);
    return st != TA_OK ? st : ta_result_real(r, v, fn, e);
}

static ta_status prior_year(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    uint64_t rows;
    double v;
    ta_status st = shifted_total(a, 12, &v, &rows, fn, e);
    return st != TA_OK || rows == 0 ? st : ta_result_real(r, v, fn, e);
}

/* The previous (fiscal) year through Shift(L, 12): [Shift(start, 12),
 * Shift(L, 12)], start the first day of L's (fiscal) year. False when that
 * lies before year 1. */
static bool prior_ytd_range(const ta_agg *a, int32_t *lo, int32_t *hi)
{
    ta_pkind pk = (ta_pkind)a->pkind;
    int32_t last = latest(a), start = ta_key_fy_start(pk, last, fy_of(a));
    if (!ta_key_shift(pk, last, 12, hi))
        return false;
    if (!ta_key_shift(pk, start, 12, lo))
        *lo = 0;
    return true;
}

static ta_status prior_ytd(const ta_agg *a, double *out, uint64_t *rows, const char *fn,
                           ta_error *e)
{
    int32_t lo, hi;
    *rows = 0;
    return prior_ytd_range(a, &lo, &hi) ? range(a, lo, hi, out, rows, fn, e) : TA_OK;
}

/* (YTD of the part - prior YTD of the part) / prior YTD of all rows: the
 * numerator is the exact signed sum rounded once. */
static ta_status ytd_contribution(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    const ta_ptable *part = &a->extra->part;
    ta_pkind pk = (ta_pkind)a->pkind;
    int32_t last = latest(a), lo, hi;
    ta_xsum num = TA_XSUM_ZERO, prev_part = TA_XSUM_ZERO;
    uint64_t rows;
    double prev, d;
    ta_status st = prior_ytd(a, &prev, &rows, fn, e);
    if (st != TA_OK || rows == 0 || prev == 0)
        return st;
    prior_ytd_range(a, &lo, &hi);
    if (ta_pt_range(part, ta_key_fy_start(pk, last, fy_of(a)), last, &num, NULL, NULL, &a->al) !=
            TA_OK ||
        ta_pt_range(part, lo, hi, &prev_part, NULL, NULL, &a->al) != TA_OK ||
        ta_xsum_merge(&num, &prev_part, -1, &a->al) != TA_OK) {
        ta_xsum_free(&num, &a->al);
        ta_xsum_free(&prev_part, &a->al);
        return nomem(fn, e);
    }
    ta_xsum_free(&prev_part, &a->al);
    if ((st = rounded(a, &num, &d, fn, e)) != TA_OK)
        return st;
    return ta_result_real(r, ta_ratio(d, prev), fn, e);
}

static ta_status index_number(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = latest(a);
    uint64_t rows;
    double cur, base;
    ta_status st = range(a, a->base, a->base, &base, &rows, fn, e);
    if (st != TA_OK || rows == 0 || base == 0)
        return st;
    if ((st = range(a, last, last, &cur, NULL, fn, e)) != TA_OK)
        return st;
    return ta_result_real(r, ta_index(cur, base), fn, e);
}

static ta_status ytd_period_count(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = latest(a);
    uint32_t periods = 0;
    ta_xsum acc = TA_XSUM_ZERO;
    /* A count reads no sum: acc is passed only because the call takes one. */
    ta_status st = ta_pt_range(&a->pt, ta_key_fy_start((ta_pkind)a->pkind, last, fy_of(a)), last,
                               &acc, NULL, &periods, &a->al);
    ta_xsum_free(&acc, &a->al);
    if (st != TA_OK)
        return nomem(fn, e);
    r->type = TA_R_INT;
    r->i = periods;
    return TA_OK;
}

ta_status ta_compare_result(const ta_agg *a, ta_result *r, ta_error *e)
{
    const char *fn = ta_desc(a)->name;
    switch ((ta_agg_kind)a->kind) {
    case TA_AGG_PERIOD_GROWTH: return period_growth(a, r, fn, e);
    case TA_AGG_TRAILING: return trailing(a, r, fn, e);
    case TA_AGG_PRIOR_YEAR: return prior_year(a, r, fn, e);
    case TA_AGG_PRIOR_YTD: {
        uint64_t rows;
        double v;
        ta_status st = prior_ytd(a, &v, &rows, fn, e);
        return st != TA_OK || rows == 0 ? st : ta_result_real(r, v, fn, e);
    }
    case TA_AGG_INDEX: return index_number(a, r, fn, e);
    case TA_AGG_YTD_PERIOD_COUNT: return ytd_period_count(a, r, fn, e);
    case TA_AGG_YTD_CONTRIBUTION: return ytd_contribution(a, r, fn, e);
    default: return ta_fail(e, TA_ERR_INTERNAL, "%s: not written yet", fn);
    }
}
