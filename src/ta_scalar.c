/*
 * ta_scalar.c — the scalar functions: growth_rate, attainment_ratio,
 * share_ratio, cagr. Any NULL argument gives NULL.
 */
#include "ta_internal.h"
#include "ta_value.h"

static ta_status invalid(ta_error *e, const ta_scalar_desc *d, int arg, const ta_value *v, double x,
                         const char *expected)
{
    char shown[TA_RENDER_MAX];
    if (v->type == TA_V_INT)
        ta_render_value(v, shown);
    else
        ta_render_double(x, shown);
    return ta_fail(e, TA_ERR_PARAM, "%s: invalid %s %s (expected %s)", d->name, d->argnames[arg],
                   shown, expected);
}

ta_status ta_scalar_call(ta_scalar_kind k, const ta_value *argv, int argc, ta_result *out,
                         ta_error *e)
{
    const ta_scalar_desc *d;
    double x[3];
    bool is_null;

    ta_result_null(out);
    if ((int)k < 0 || k >= TA_FN_COUNT)
        return ta_fail(e, TA_ERR_INTERNAL, "tradeagg: unknown function %d", (int)k);
    d = &ta_scalars[k];
    if (argc != d->nargs)
        return ta_fail(e, TA_ERR_INTERNAL, "%s: called with %d arguments", d->name, argc);
    /* NULL in, NULL out, before anything is checked: PostgreSQL's STRICT. */
    for (int i = 0; i < argc; i++)
        if (argv[i].type == TA_V_NULL)
            return TA_OK;
    for (int i = 0; i < argc; i++) {
        ta_status st = ta_arg_number(&argv[i], d->name, d->argnames[i], &x[i], &is_null, e);
        if (st != TA_OK)
            return st;
    }
    switch (k) {
    case TA_FN_GROWTH_RATE: {
        double g;
        return ta_growth(x[0], x[1], &g) ? ta_result_real(out, g, d->name, e) : TA_OK;
    }
    case TA_FN_ATTAINMENT_RATIO:
        if (!(x[1] > 0))
            return invalid(e, d, 1, &argv[1], x[1], "a finite number > 0");
        return ta_result_real(out, ta_ratio(x[0], x[1]), d->name, e);
    case TA_FN_SHARE_RATIO:
        return x[1] == 0 ? TA_OK : ta_result_real(out, ta_ratio(x[0], x[1]), d->name, e);
    case TA_FN_CAGR:
        if (!(x[2] > 0))
            return invalid(e, d, 2, &argv[2], x[2], "a number > 0");
        if (x[0] <= 0 || x[1] < 0)
            return TA_OK;
        return ta_result_real(out, pow(x[1] / x[0], 1 / x[2]) - 1, d->name, e);
    default: break;
    }
    return TA_OK;
}
