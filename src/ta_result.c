/*
 * ta_result.c — what each aggregate answers, read from its state.
 *
 * Nothing here changes the state: engines call the final function once per
 * window row, on the same state.
 */
#include "ta_internal.h"
#include "ta_xsum.h"

static int fy_of(const ta_agg *a) { return a->fy ? a->fy : 1; }

/* Sum over the (fiscal) year of the latest period, up to it. */
static ta_status ytd(const ta_agg *a, double *out, const char *fn, ta_error *e)
{
    int32_t last = ta_latest(a);
    return ta_range_sum(a, ta_key_fy_start((ta_pkind)a->pkind, last, fy_of(a)), last, out, NULL, fn, e);
}

static ta_status ttm(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = ta_latest(a), after;
    double v;
    /* (after, last]: keys are integers, so the open end is after + 1. A
     * window that starts before year 1 covers every period up to last. */
    if (!ta_key_shift((ta_pkind)a->pkind, last, 12, &after))
        after = 0;
    ta_status st = ta_range_sum(a, after + 1, last, &v, NULL, fn, e);
    return st != TA_OK ? st : ta_result_real(r, v, fn, e);
}

static ta_status yoy(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = ta_latest(a), before;
    uint64_t rows;
    double prev, cur;
    /* Without prior-year rows (or before year 1) the result is NULL and reads no sum. */
    if (!ta_key_shift((ta_pkind)a->pkind, last, 12, &before))
        return TA_OK;
    ta_status st = ta_range_sum(a, before, before, &prev, &rows, fn, e);
    if (st != TA_OK || rows == 0)
        return st;
    if ((st = ta_range_sum(a, last, last, &cur, NULL, fn, e)) != TA_OK)
        return st;
    return ta_growth_result(r, cur, prev, fn, e);
}

static ta_status ytd_yoy(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    ta_pkind pk = (ta_pkind)a->pkind;
    int32_t last = ta_latest(a);
    int32_t start = ta_key_fy_start(pk, last, fy_of(a)), prev_start, prev_last;
    uint64_t rows;
    double prev, cur;
    if (!ta_key_shift(pk, last, 12, &prev_last))
        return TA_OK; /* the previous year is before year 1: no rows */
    if (!ta_key_shift(pk, start, 12, &prev_start))
        prev_start = 0;
    ta_status st = ta_range_sum(a, prev_start, prev_last, &prev, &rows, fn, e);
    if (st != TA_OK || rows == 0)
        return st;
    if ((st = ytd(a, &cur, fn, e)) != TA_OK)
        return st;
    return ta_growth_result(r, cur, prev, fn, e);
}

static ta_status projected(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    double v;
    ta_status st = ytd(a, &v, fn, e);
    if (st != TA_OK)
        return st;
    int m = ta_months_elapsed((ta_pkind)a->pkind, ta_latest(a), fy_of(a));
    return ta_result_real(r, ta_projected(v, m), fn, e);
}

static ta_status reached_at(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    bool found;
    int32_t key;
    ta_status st = ta_pt_reached(&a->pt, a->target, &found, &key, &a->al);
    if (st == TA_ERR_NOMEM)
        return ta_no_memory(fn, e);
    if (st != TA_OK)
        return ta_fail(e, TA_ERR_RANGE, "%s: sum out of range", fn);
    if (found) {
        r->type = TA_R_PERIOD;
        r->period.kind = (ta_pkind)a->pkind;
        r->period.key = key;
    }
    return TA_OK;
}

/* YTD(latest) - YTD(the period before it), or YTD(latest) when that period
 * is in an earlier (fiscal) year: the exact difference, rounded once. */
static ta_status from_ytd(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = ta_latest(a), prev;
    ta_xsum acc = TA_XSUM_ZERO;
    ta_pt_cursor c;
    const ta_xsum *sum;
    double v;
    ta_status st = ta_pt_range(&a->pt, last, last, &acc, NULL, NULL, &a->al);
    if (st == TA_OK && ta_pt_prev(&a->pt, last, &prev) &&
        prev >= ta_key_fy_start((ta_pkind)a->pkind, last, fy_of(a))) {
        ta_pt_seek(&a->pt, prev, &c);
        ta_pt_next(&a->pt, &c, NULL, NULL, &sum);
        st = ta_xsum_merge(&acc, sum, -1, &a->al);
    }
    if (st != TA_OK) {
        ta_xsum_free(&acc, &a->al);
        return ta_no_memory(fn, e);
    }
    if ((st = ta_rounded(a, &acc, &v, fn, e)) != TA_OK)
        return st;
    return ta_result_real(r, v, fn, e);
}

static ta_status periodic(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    switch ((ta_agg_kind)a->kind) {
    case TA_AGG_YTD: {
        double v;
        ta_status st = ytd(a, &v, fn, e);
        return st != TA_OK ? st : ta_result_real(r, v, fn, e);
    }
    case TA_AGG_TTM: return ttm(a, r, fn, e);
    case TA_AGG_YOY: return yoy(a, r, fn, e);
    case TA_AGG_YTD_YOY: return ytd_yoy(a, r, fn, e);
    case TA_AGG_TARGET_REACHED_AT: return reached_at(a, r, fn, e);
    case TA_AGG_PERIOD_FROM_YTD: return from_ytd(a, r, fn, e);
    case TA_AGG_PROJECTED: return projected(a, r, fn, e);
    case TA_AGG_PERIOD_GROWTH:
    case TA_AGG_TRAILING:
    case TA_AGG_PRIOR_YEAR:
    case TA_AGG_PRIOR_YTD:
    case TA_AGG_YTD_CONTRIBUTION:
    case TA_AGG_INDEX:
    case TA_AGG_YTD_PERIOD_COUNT: return ta_compare_result(a, r, e);
    default: return ta_fail(e, TA_ERR_INTERNAL, "%s: not a periodic aggregate", fn);
    }
}

/* An exact sum rounded once, or "sum out of range". */
static ta_status round_sum(const ta_xsum *x, double *out, const char *fn, ta_error *e)
{
    if (ta_xsum_round(x, out) == TA_OK)
        return TA_OK;
    return ta_fail(e, TA_ERR_RANGE, "%s: sum out of range", fn);
}

static ta_status non_periodic(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    double sum, part;
    ta_status st;

    if (a->kind == TA_AGG_HHI) {
        if (ta_xsum_is_zero(&a->sum))
            return TA_OK;
        /* Scaled by a power of two where Q or S * S would leave the normal
         * range, so the index stays in (0, 1] whatever the magnitudes. */
        if (ta_hhi_ratio(&a->aux, &a->sum, &sum) != TA_OK)
            return ta_fail(e, TA_ERR_RANGE, "%s: result out of range", fn);
        return ta_result_real(r, sum, fn, e);
    }
    if (a->kind == TA_AGG_SHARE_OF && ta_xsum_is_zero(&a->sum))
        return TA_OK;
    if ((st = round_sum(&a->sum, &sum, fn, e)) != TA_OK)
        return st;
    switch ((ta_agg_kind)a->kind) {
    case TA_AGG_CUMULATIVE: return ta_result_real(r, sum, fn, e);
    case TA_AGG_TARGET_ATTAINMENT: return ta_result_real(r, ta_ratio(sum, a->target), fn, e);
    default: /* TA_AGG_SHARE_OF */
        if ((st = round_sum(&a->aux, &part, fn, e)) != TA_OK)
            return st;
        return ta_result_real(r, ta_ratio(part, sum), fn, e);
    }
}

ta_status ta_agg_compute(const ta_agg *a, ta_result *r, ta_error *e)
{
    const char *fn = ta_desc(a)->name;

    ta_result_null(r);
    if (a->nrows == 0)
        return TA_OK;
    switch ((ta_agg_kind)a->kind) {
    case TA_AGG_TRADE_BALANCE:
    case TA_AGG_COVERAGE:
    case TA_AGG_HHI_COMPETITOR: return ta_extra_result(a, r, e);
    case TA_AGG_SERIES:
    case TA_AGG_ROLLUP:
        r->type = TA_R_SERIES;
        return TA_OK;
    default: return ta_desc(a)->periodic ? periodic(a, r, fn, e) : non_periodic(a, r, fn, e);
    }
}

ta_status ta_agg_result(const ta_agg *a, ta_result *out, ta_error *e)
{
    if (a == NULL || a->kind == 0 || a->kind >= TA_AGG_END) {
        ta_result_null(out);
        return TA_OK;
    }
    if (ta_agg_settle(a) != TA_OK)
        return ta_no_memory(ta_desc(a)->name, e);
    return ta_agg_compute(a, out, e);
}
