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
#include "ta_internal.h"

static int fy_of(const ta_agg *a) { return a->fy ? a->fy : 1; }

static int32_t latest(const ta_agg *a) { return a->ent[a->hi - 1].key; }

/* The sum over lo <= period <= hi, its rows and its periods. */
static ta_status range(const ta_agg *a, int32_t lo, int32_t hi, double *out, uint64_t *rows,
                       uint32_t *periods, const char *fn, ta_error *e)
{
    uint32_t first = ta_pt_lower_bound(a, lo), end = ta_pt_lower_bound(a, hi + 1);
    if (periods)
        *periods = end - first;
    *out = ta_ksum_value(ta_pt_range_sum(a, lo, hi, rows));
    return isfinite(*out) ? TA_OK : ta_fail(e, TA_ERR_RANGE, "%s: sum out of range", fn);
}

/* growth_rate(c, p) = (c - p) / |p|; NULL when p is 0. */
static ta_status growth(ta_result *r, double c, double p, const char *fn, ta_error *e)
{
    return p == 0 ? TA_OK : ta_result_real(r, (c - p) / fabs(p), fn, e);
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
    return range(a, key, key, out, rows, NULL, fn, e);
}

static ta_status period_growth(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = latest(a);
    uint64_t rows;
    double cur, prev;
    ta_status st = shifted_total(a, a->months, &prev, &rows, fn, e);
    if (st != TA_OK || rows == 0)
        return st;
    if ((st = range(a, last, last, &cur, NULL, NULL, fn, e)) != TA_OK)
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
    ta_status st = range(a, after + 1, last, &v, NULL, NULL, fn, e);
    return st != TA_OK ? st : ta_result_real(r, v, fn, e);
}

static ta_status prior_year(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    uint64_t rows;
    double v;
    ta_status st = shifted_total(a, 12, &v, &rows, fn, e);
    return st != TA_OK || rows == 0 ? st : ta_result_real(r, v, fn, e);
}

/* The previous (fiscal) year's sum through Shift(L, 12): [Shift(start, 12),
 * Shift(L, 12)], start the first day of L's (fiscal) year. */
static ta_status prior_ytd(const ta_agg *a, double *out, uint64_t *rows, const char *fn,
                           ta_error *e)
{
    ta_pkind pk = (ta_pkind)a->pkind;
    int32_t last = latest(a), start = ta_key_fy_start(pk, last, fy_of(a)), lo, hi;
    *rows = 0;
    if (!ta_key_shift(pk, last, 12, &hi))
        return TA_OK;
    if (!ta_key_shift(pk, start, 12, &lo))
        lo = 0;
    return range(a, lo, hi, out, rows, NULL, fn, e);
}

static ta_status index_number(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = latest(a);
    uint64_t rows;
    double cur, base;
    ta_status st = range(a, a->base, a->base, &base, &rows, NULL, fn, e);
    if (st != TA_OK || rows == 0 || base == 0)
        return st;
    if ((st = range(a, last, last, &cur, NULL, NULL, fn, e)) != TA_OK)
        return st;
    return ta_result_real(r, 100 * (cur / base), fn, e);
}

static ta_status ytd_period_count(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = latest(a);
    uint32_t periods;
    double v;
    ta_status st = range(a, ta_key_fy_start((ta_pkind)a->pkind, last, fy_of(a)), last, &v, NULL,
                         &periods, fn, e);
    (void)st; /* a count needs no sum: an overflowing one does not matter */
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
    default: return ta_fail(e, TA_ERR_INTERNAL, "%s: not written yet", fn);
    }
}
