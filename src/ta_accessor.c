/*
 * ta_accessor.c — series_ytd(s) and the other accessors (SPEC "Two-step
 * aggregates: the series type").
 *
 * The accessors answer through the one-step aggregates' own code: each
 * builds the state its aggregate would have built from the same rows (the
 * same period table, parameters read by the same functions) and asks that
 * state for its result.
 */
#include "ta_internal.h"

#include <stdio.h>
#include <string.h>

/* The aggregate's code names the aggregate in its errors: the accessor's
 * name replaces it. */
static void rename_error(ta_error *e, const char *agg, const char *fn)
{
    size_t n = strlen(agg);
    char rest[TA_ERRMSG_MAX];
    if (strncmp(e->msg, agg, n) != 0 || e->msg[n] != ':')
        return;
    snprintf(rest, sizeof rest, "%s", e->msg + n);
    snprintf(e->msg, sizeof e->msg, "%s%s", fn, rest);
}

ta_status ta_accessor_call(const ta_accessor_desc *d, const ta_value *argv, int argc,
                           const ta_allocator *al, ta_result *out, ta_error *e)
{
    ta_agg a;
    ta_pkind pk;
    ta_status st = TA_OK;

    ta_result_null(out);
    if (argc < d->min_args || argc > d->max_args)
        return ta_fail(e, TA_ERR_INTERNAL, "%s: called with %d arguments", d->name, argc);
    ta_agg_init(&a, d->agg, al);
    /* Parameters first, as the aggregate reads them even in a row whose
     * value is NULL: a bad target is an error whatever the series. */
    for (int i = 1; st == TA_OK && i < d->max_args; i++)
        st = ta_agg_param(&a, d->roles[i], i < argc ? &argv[i] : NULL, d->name, e);
    if (st == TA_OK)
        st = ta_series_arg(&argv[0], d->name, e);
    if (st != TA_OK || argv[0].type == TA_V_NULL)
        return st;
    st = ta_series_load((const uint8_t *)argv[0].p, argv[0].n, d->name, &a.pt, &pk, al, e);
    if (st != TA_OK)
        return st;
    a.pkind = (uint8_t)pk;
    a.nrows = (int64_t)ta_pt_rows(&a.pt);
    if ((st = ta_agg_check_params(&a, d->name, e)) == TA_OK && !ta_aggs[d->agg].periodic) {
        /* series_total, series_attainment: the exact sum of every row. */
        if (ta_pt_range(&a.pt, INT32_MIN, INT32_MAX, &a.sum, NULL, NULL, al) != TA_OK)
            st = ta_fail(e, TA_ERR_NOMEM, "%s: out of memory", d->name);
    }
    if (st == TA_OK && (st = ta_agg_result(&a, out, e)) != TA_OK)
        rename_error(e, ta_aggs[d->agg].name, d->name);
    ta_agg_free(&a);
    return st;
}

ta_status ta_series_kind_check(ta_pkind got, ta_pkind want, const char *fn, const char *dated_fn,
                               const char *annual_fn, ta_error *e)
{
    if (got == TA_PK_NONE || got == want)
        return TA_OK;
    if (got == TA_PK_YEAR)
        return ta_fail(e, TA_ERR_PARAM, "%s: the series is annual (use %s)", fn, annual_fn);
    return ta_fail(e, TA_ERR_PARAM, "%s: the series is dated (use %s)", fn, dated_fn);
}
