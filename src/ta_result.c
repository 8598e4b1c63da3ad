/*
 * ta_result.c — what each aggregate answers, read from its state.
 *
 * Nothing here changes the state: engines call the final function once per
 * window row, on the same state.
 */
#include "ta_internal.h"

static int fy_of(const ta_agg *a) { return a->fy ? a->fy : 1; }

static int32_t latest(const ta_agg *a) { return a->ent[a->hi - 1].key; }

/* growth_rate(current, previous): NULL when previous is 0. */
static ta_status growth(ta_result *r, double cur, double prev, const char *fn, ta_error *e)
{
    if (prev == 0) {
        ta_result_null(r);
        return TA_OK;
    }
    return ta_result_real(r, (cur - prev) / fabs(prev), fn, e);
}

/* The sum over lo <= period <= hi. Its overflow is the sum's, whether the
 * rows share a period or not. */
static ta_status range(const ta_agg *a, int32_t lo, int32_t hi, double *out, uint64_t *rows,
                       const char *fn, ta_error *e)
{
    *out = ta_ksum_value(ta_pt_range_sum(a, lo, hi, rows));
    return isfinite(*out) ? TA_OK : ta_fail(e, TA_ERR_RANGE, "%s: sum out of range", fn);
}

/* Sum over the (fiscal) year of the latest period, up to it. */
static ta_status ytd(const ta_agg *a, double *out, const char *fn, ta_error *e)
{
    int32_t last = latest(a);
    return range(a, ta_key_fy_start((ta_pkind)a->pkind, last, fy_of(a)), last, out, NULL, fn, e);
}

static ta_status ttm(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = latest(a), after;
    double v;
    /* (after, last]: keys are integers, so the open end is after + 1. A
     * window that starts before year 1 covers every period up to last. */
    if (!ta_key_shift((ta_pkind)a->pkind, last, 12, &after))
        after = 0;
    ta_status st = range(a, after + 1, last, &v, NULL, fn, e);
    return st != TA_OK ? st : ta_result_real(r, v, fn, e);
}

static ta_status yoy(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    int32_t last = latest(a), before;
    uint64_t rows;
    double prev;
    if (!ta_key_shift((ta_pkind)a->pkind, last, 12, &before))
        return TA_OK; /* before year 1: no rows */
    ta_status st = range(a, before, before, &prev, &rows, fn, e);
    if (st != TA_OK || rows == 0)
        return st;
    ta_pentry cur = a->ent[a->hi - 1];
    return growth(r, cur.s + cur.c, prev, fn, e);
}

static ta_status ytd_yoy(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    ta_pkind pk = (ta_pkind)a->pkind;
    int32_t last = latest(a);
    int32_t start = ta_key_fy_start(pk, last, fy_of(a)), prev_start, prev_last;
    uint64_t rows;
    double prev, cur;
    if (!ta_key_shift(pk, last, 12, &prev_last))
        return TA_OK; /* the previous year is before year 1: no rows */
    if (!ta_key_shift(pk, start, 12, &prev_start))
        prev_start = 0;
    ta_status st = range(a, prev_start, prev_last, &prev, &rows, fn, e);
    if (st != TA_OK || rows == 0)
        return st;
    if ((st = ytd(a, &cur, fn, e)) != TA_OK)
        return st;
    return growth(r, cur, prev, fn, e);
}

static ta_status projected(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    double v;
    ta_status st = ytd(a, &v, fn, e);
    if (st != TA_OK)
        return st;
    return ta_result_real(r, v * 12 / ta_months_elapsed((ta_pkind)a->pkind, latest(a), fy_of(a)),
                          fn, e);
}

static ta_status reached_at(const ta_agg *a, ta_result *r)
{
    ta_ksum run = {0, 0};
    for (uint32_t i = a->lo; i < a->hi; i++) {
        ta_ksum_merge(&run, (ta_ksum){a->ent[i].s, a->ent[i].c});
        if (ta_ksum_value(run) >= a->target) {
            r->type = TA_R_PERIOD;
            r->period.kind = (ta_pkind)a->pkind;
            r->period.key = a->ent[i].key;
            return TA_OK;
        }
    }
    ta_result_null(r);
    return TA_OK;
}

static ta_status from_ytd(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    ta_pentry cur = a->ent[a->hi - 1];
    double v = cur.s + cur.c;
    if (a->hi - a->lo >= 2) {
        ta_pentry prev = a->ent[a->hi - 2];
        if (prev.key >= ta_key_fy_start((ta_pkind)a->pkind, cur.key, fy_of(a))) {
            ta_ksum k = {cur.s, cur.c};
            ta_ksum_merge(&k, (ta_ksum){-prev.s, -prev.c});
            v = ta_ksum_value(k);
        }
    }
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
    case TA_AGG_TARGET_REACHED_AT: return reached_at(a, r);
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

ta_status ta_agg_compute(const ta_agg *a, ta_result *r, ta_error *e)
{
    const char *fn = ta_desc(a)->name;
    double sum = ta_ksum_value(a->sum);

    ta_result_null(r);
    if (a->nrows == 0)
        return TA_OK;
    switch ((ta_agg_kind)a->kind) {
    case TA_AGG_CUMULATIVE: return ta_result_real(r, sum, fn, e);
    case TA_AGG_TARGET_ATTAINMENT: return ta_result_real(r, sum / a->target, fn, e);
    case TA_AGG_SHARE_OF:
        return sum == 0 ? TA_OK : ta_result_real(r, ta_ksum_value(a->aux) / sum, fn, e);
    case TA_AGG_HHI:
        if (sum == 0)
            return TA_OK;
        /* Squares below the normal range have lost their precision: say so
         * rather than answer 0, which an index in (0, 1] can never be. */
        if (ta_ksum_value(a->aux) < TA_HHI_MIN_SQUARES)
            return ta_fail(e, TA_ERR_RANGE, "%s: values too small to square", fn);
        return ta_result_real(r, ta_ksum_value(a->aux) / sum / sum, fn, e);
    case TA_AGG_TRADE_BALANCE:
    case TA_AGG_COVERAGE:
    case TA_AGG_HHI_COMPETITOR: return ta_extra_result(a, r, e);
    default: return periodic(a, r, fn, e);
    }
}

ta_status ta_agg_result(const ta_agg *a, ta_result *out, ta_error *e)
{
    if (a == NULL || a->kind == 0 || a->kind >= TA_AGG_END) {
        ta_result_null(out);
        return TA_OK;
    }
    return ta_agg_compute(a, out, e);
}
