/*
 * ta_agg.c — the verbs every aggregate state shares: init, add, remove,
 * merge, free.
 *
 * A row goes through read_row() first, which applies the contract's argument
 * rules in one place: every non-NULL argument is validated (so a bad period
 * is reported even when its value is NULL), parameters must be non-NULL and
 * the same in every row, and only then is a row with a NULL period or value
 * skipped.
 */
#include "ta_internal.h"
#include "ta_value.h"
#include "ta_xsum.h"

#include <stdio.h>
#include <string.h>

typedef struct row {
    ta_period period;
    double value;
    bool part;                  /* is_part, or is_export */
    bool skip;                  /* a NULL period, value, competitor or is_export */
    const ta_value *competitor; /* hhi(competitor, value) */
} row;

void ta_agg_init(ta_agg *a, ta_agg_kind kind, const ta_allocator *al)
{
    memset(a, 0, sizeof *a);
    a->al = *al;
    a->kind = (uint8_t)kind;
}

void ta_agg_free(ta_agg *a)
{
    ta_extra_free(a);
    ta_pt_free(&a->pt, &a->al);
    ta_xsum_free(&a->sum, &a->al);
    ta_xsum_free(&a->aux, &a->al);
}

ta_status ta_agg_settle(const ta_agg *a)
{
    ta_status st = ta_pt_settle(&a->pt, &a->al);
    return st == TA_OK ? ta_extra_settle(a) : st;
}

size_t ta_agg_mem_size(const ta_agg *a)
{
    return sizeof *a + ta_pt_mem_size(&a->pt) + ta_extra_mem_size(a) +
           ta_xsum_mem_size(&a->sum) + ta_xsum_mem_size(&a->aux);
}

/* A numeric argument for a message: integers exactly as given (2^53 + 1
 * must not print as 2^53), anything else as the double it became. */
static void render_number(const ta_value *v, double d, char out[TA_RENDER_MAX])
{
    if (v && v->type == TA_V_INT)
        ta_render_value(v, out);
    else
        ta_render_double(d, out);
}

/* A parameter's numeric value: NULL is an error, infinities reach the range
 * check so the message says what a parameter must be. */
static ta_status param_number(const ta_value *v, const char *fn, const char *arg, double *d,
                              ta_error *e)
{
    bool is_null;
    if (v->type == TA_V_NULL)
        return ta_fail(e, TA_ERR_PARAM, "%s: %s must not be NULL", fn, arg);
    if (v->type == TA_V_REAL) {
        *d = v->d;
        return TA_OK;
    }
    return ta_arg_number(v, fn, arg, d, &is_null, e);
}

/* A parameter equal to what the group already holds, or a flag given as a
 * boolean or an integer (*part then set): such a value needs no checks.
 * False for anything else, which the role's reader below checks in full.
 * Every row repeats its parameters, so this is each reader's first test and
 * the straight-line row reader's only one. */
static bool quick_param(const ta_agg *a, ta_role role, const ta_value *v, bool *part)
{
    switch (role) {
    case TA_ROLE_FY: return v ? v->type == TA_V_INT && a->fy && v->i == a->fy : a->fy == 1;
    case TA_ROLE_TARGET:
        return v && a->has_target &&
               ((v->type == TA_V_REAL && v->d == a->target) ||
                (v->type == TA_V_INT && (double)v->i == a->target));
    case TA_ROLE_MONTHS: return v && v->type == TA_V_INT && a->months && v->i == a->months;
    case TA_ROLE_FLAG:
    case TA_ROLE_EXPORT: /* a NULL is_export skips the row: read_row's */
        if (!v || (v->type != TA_V_BOOL && v->type != TA_V_INT))
            return false;
        *part = v->i != 0;
        return true;
    default: return false;
    }
}

static ta_status read_target(ta_agg *a, const ta_value *v, const char *fn, ta_error *e)
{
    char shown[TA_RENDER_MAX], before[TA_RENDER_MAX];
    double t;
    if (quick_param(a, TA_ROLE_TARGET, v, NULL))
        return TA_OK;
    ta_status st = param_number(v, fn, "target", &t, e);
    if (st != TA_OK)
        return st;
    if (!(t > 0) || !isfinite(t)) {
        render_number(v, t, shown);
        return ta_fail(e, TA_ERR_PARAM, "%s: invalid target %s (expected a finite number > 0)", fn,
                       shown);
    }
    if (a->has_target && a->target != t) {
        ta_render_double(a->target, before);
        ta_render_double(t, shown);
        return ta_fail(e, TA_ERR_PARAM,
                       "%s: target must be the same in every row of a group (%s and %s)", fn,
                       before, shown);
    }
    a->target = t;
    a->has_target = 1;
    return TA_OK;
}

static ta_status read_fy(ta_agg *a, const ta_value *v, const char *fn, ta_error *e)
{
    char shown[TA_RENDER_MAX];
    double m = 1; /* fy_start_month omitted: calendar years */
    if (quick_param(a, TA_ROLE_FY, v, NULL))
        return TA_OK;
    if (v) {
        ta_status st = param_number(v, fn, "fy_start_month", &m, e);
        if (st != TA_OK)
            return st;
    }
    if (!(m >= 1 && m <= 12) || m != (int)m) {
        render_number(v, m, shown);
        return ta_fail(e, TA_ERR_PARAM,
                       "%s: invalid fy_start_month %s (expected an integer from 1 to 12)", fn,
                       shown);
    }
    if (a->fy && a->fy != (int)m)
        return ta_fail(e, TA_ERR_PARAM,
                       "%s: fy_start_month must be the same in every row of a group (%d and %d)",
                       fn, a->fy, (int)m);
    a->fy = (uint8_t)m;
    return TA_OK;
}

static ta_status read_months(ta_agg *a, const ta_value *v, const char *fn, ta_error *e)
{
    char shown[TA_RENDER_MAX];
    double m;
    if (quick_param(a, TA_ROLE_MONTHS, v, NULL))
        return TA_OK;
    ta_status st = param_number(v, fn, "months", &m, e);
    if (st != TA_OK)
        return st;
    if (!(m >= 1 && m <= TA_MONTHS_MAX) || m != (int)m) {
        render_number(v, m, shown);
        return ta_fail(e, TA_ERR_PARAM, "%s: invalid months %s (expected an integer from 1 to %d)",
                       fn, shown, TA_MONTHS_MAX);
    }
    if (a->months && a->months != (int)m)
        return ta_fail(e, TA_ERR_PARAM,
                       "%s: months must be the same in every row of a group (%d and %d)", fn,
                       a->months, (int)m);
    a->months = (uint16_t)m;
    return TA_OK;
}

/* A base period for a message: dates quoted, years bare, as users write them. */
static void show_period(int kind, int32_t key, char out[16])
{
    char buf[12];
    ta_period_format((ta_period){(ta_pkind)kind, key}, buf);
    snprintf(out, 16, kind == TA_PK_DATE ? "'%s'" : "%s", buf);
}

static ta_status read_base(ta_agg *a, const ta_value *v, const char *fn, ta_error *e)
{
    char shown[TA_RENDER_MAX], x[16], y[16];
    ta_period p;
    bool is_null;
    if (v->type == TA_V_NULL)
        return ta_fail(e, TA_ERR_PARAM, "%s: base_period must not be NULL", fn);
    if (ta_arg_period(v, fn, &p, &is_null, NULL) != TA_OK) {
        ta_render_value(v, shown);
        return ta_fail(e, TA_ERR_PERIOD,
                       "%s: invalid base_period %s (expected YYYY-MM-DD, YYYY-MM or a year)", fn,
                       shown);
    }
    if (a->base_kind && (a->base != p.key || a->base_kind != p.kind)) {
        show_period(a->base_kind, a->base, x);
        show_period(p.kind, p.key, y);
        return ta_fail(e, TA_ERR_PARAM,
                       "%s: base_period must be the same in every row of a group (%s and %s)", fn,
                       x, y);
    }
    a->base = p.key;
    a->base_kind = (uint8_t)p.kind;
    return TA_OK;
}

/* Parameters that depend on the period kind, once both are known: months on
 * an annual series must be whole years, a base_period of the group's kind. */
static ta_status check_kind_params(const ta_agg *a, const char *fn, ta_error *e)
{
    char shown[16];
    if (a->pkind == TA_PK_YEAR && a->months % 12 != 0)
        return ta_fail(e, TA_ERR_PARAM,
                       "%s: invalid months %d for annual periods (expected a multiple of 12)", fn,
                       a->months);
    if (a->base_kind && a->pkind != TA_PK_NONE && a->base_kind != a->pkind) {
        show_period(a->base_kind, a->base, shown);
        return ta_fail(e, TA_ERR_PARAM,
                       a->base_kind == TA_PK_YEAR
                           ? "%s: base_period %s is annual but the group has dated periods"
                           : "%s: base_period %s is dated but the group has annual periods",
                       fn, shown);
    }
    return TA_OK;
}

ta_status ta_agg_param(ta_agg *a, ta_role role, const ta_value *v, const char *fn, ta_error *e)
{
    switch (role) {
    case TA_ROLE_TARGET: return read_target(a, v, fn, e);
    case TA_ROLE_FY: return read_fy(a, v, fn, e);
    case TA_ROLE_MONTHS: return read_months(a, v, fn, e);
    case TA_ROLE_BASE: return read_base(a, v, fn, e);
    default: return ta_fail(e, TA_ERR_INTERNAL, "%s: bad argument table", fn);
    }
}

ta_status ta_agg_check_params(const ta_agg *a, const char *fn, ta_error *e)
{
    return check_kind_params(a, fn, e);
}

/* hhi(competitor, value): TEXT or INTEGER; NULL skips the row. */
static ta_status read_competitor(const ta_value *v, const char *fn, row *r, ta_error *e)
{
    char shown[TA_RENDER_MAX];
    r->competitor = v;
    if (v->type == TA_V_NULL || v->type == TA_V_TEXT || v->type == TA_V_INT)
        return TA_OK;
    ta_render_value(v, shown);
    return ta_fail(e, TA_ERR_VALUE, "%s: invalid competitor %s (expected text or an integer)", fn,
                   shown);
}

/* Dated and annual periods never meet in one group; v is shown as given. */
static ta_status check_pkind(ta_agg *a, ta_period p, const ta_value *v, const char *fn, ta_error *e)
{
    char shown[TA_RENDER_MAX];
    if (a->pkind == TA_PK_NONE)
        a->pkind = (uint8_t)p.kind;
    if (a->pkind == p.kind)
        return TA_OK;
    ta_render_value(v, shown);
    if (p.kind == TA_PK_YEAR)
        return ta_fail(e, TA_ERR_PERIOD,
                       "%s: mixed period kinds: %s is annual but the group has dated periods", fn,
                       shown);
    return ta_fail(e, TA_ERR_PERIOD,
                   "%s: mixed period kinds: %s is dated but the group has annual periods", fn,
                   shown);
}

/* Rows of one period usually follow each other: the last dated period read
 * is remembered, as it came, so a repeat skips parsing and the calendar. */
static bool memo_hit(const ta_agg *a, const ta_value *v)
{
    if (a->memo_type == 0 || v->type != a->memo_type)
        return false;
    if (v->type == TA_V_DATE)
        return v->i == a->memo_days;
    /* Text past the 10th character is ignored, so 10 bytes decide. */
    size_t n = v->n < 10 ? v->n : 10;
    return n == a->memo_len && memcmp(v->p, a->memo_text, n) == 0;
}

static void memo_store(ta_agg *a, const ta_value *v, int32_t key)
{
    a->memo_key = key;
    a->memo_type = (uint8_t)v->type;
    if (v->type == TA_V_DATE) {
        a->memo_days = v->i;
    } else {
        a->memo_len = (uint8_t)(v->n < 10 ? v->n : 10);
        memcpy(a->memo_text, v->p, a->memo_len);
    }
}

/* A dated period read without parsing or the calendar: the memo's period
 * again, or a day shortly after it (then remembered). Either is what
 * ta_arg_period would give, of the group's kind (the memo's was checked
 * when it was stored). False for anything else. */
static inline bool quick_period(ta_agg *a, const ta_value *v, int32_t *key)
{
    if (memo_hit(a, v)) {
        *key = a->memo_key;
        return true;
    }
    if (v->type != TA_V_DATE || a->memo_type != TA_V_DATE ||
        !ta_key_step(a->memo_key, v->i - a->memo_days, key))
        return false;
    memo_store(a, v, *key);
    return true;
}

static ta_status read_period(ta_agg *a, const ta_value *v, ta_period *p, bool *is_null, ta_error *e)
{
    const char *fn = ta_desc(a)->name;
    if (quick_period(a, v, &p->key)) {
        p->kind = TA_PK_DATE;
        *is_null = false;
        return TA_OK;
    }
    ta_status st = ta_arg_period(v, fn, p, is_null, e);
    if (st != TA_OK || *is_null)
        return st;
    if ((st = check_pkind(a, *p, v, fn, e)) != TA_OK)
        return st;
    if (v->type == TA_V_DATE || v->type == TA_V_TEXT)
        memo_store(a, v, p->key);
    return TA_OK;
}

/* A parameter or flag after the value (v is NULL when an optional
 * fy_start_month was left out). */
static ta_status read_extra(ta_agg *a, int i, const ta_value *v, row *r, ta_error *e)
{
    const ta_agg_desc *d = ta_desc(a);
    switch (d->roles[i]) {
    case TA_ROLE_TARGET: return read_target(a, v, d->name, e);
    case TA_ROLE_FY: return read_fy(a, v, d->name, e);
    case TA_ROLE_FLAG: return ta_arg_flag(v, d->name, d->argnames[i], &r->part, e);
    case TA_ROLE_MONTHS: return read_months(a, v, d->name, e);
    case TA_ROLE_BASE: return read_base(a, v, d->name, e);
    case TA_ROLE_EXPORT:
        if (v->type == TA_V_NULL) {
            r->skip = true; /* neither an export nor an import */
            return TA_OK;
        }
        return ta_arg_flag(v, d->name, d->argnames[i], &r->part, e);
    default: return ta_fail(e, TA_ERR_INTERNAL, "%s: bad argument table", d->name);
    }
}

/* Every aggregate's arguments are [period or competitor,] value [,
 * parameters or flags] (ta_registry.c; test_agg checks the table keeps that
 * shape), so a row is read in a straight line: this runs for every row. */
TA_COLD static ta_status read_row(ta_agg *a, const ta_value *argv, int argc, row *r,
                                  ta_error *e)
{
    const ta_agg_desc *d = ta_desc(a);
    bool null_period = false, null_value;
    ta_status st;
    int i = 0;

    if (argc < d->min_args || argc > d->max_args)
        return ta_fail(e, TA_ERR_INTERNAL, "%s: called with %d arguments", d->name, argc);
    r->part = false;
    r->skip = false;
    if (d->periodic && (st = read_period(a, &argv[i++], &r->period, &null_period, e)) != TA_OK)
        return st;
    if (d->roles[0] == TA_ROLE_COMPETITOR) {
        if ((st = read_competitor(&argv[i++], d->name, r, e)) != TA_OK)
            return st;
        r->skip = r->competitor->type == TA_V_NULL;
    }
    st = ta_arg_number(&argv[i], d->name, d->argnames[i], &r->value, &null_value, e);
    if (st != TA_OK)
        return st;
    for (i++; i < d->max_args; i++)
        if ((st = read_extra(a, i, i < argc ? &argv[i] : NULL, r, e)) != TA_OK)
            return st;
    if ((a->months || a->base_kind) && (st = check_kind_params(a, d->name, e)) != TA_OK)
        return st;
    r->skip = r->skip || null_period || null_value;
    return TA_OK;
}

/* The rows of most calls, read in a straight line: the period is the last
 * one read or shortly after it (quick_period), the value is a finite REAL
 * or an INTEGER, and every parameter equals the group's. Then r is what
 * read_row would give and true is returned; any other row (a NULL, a first
 * row, a text period not seen just before, a base_period) is read_row's. */
static bool quick_row(ta_agg *a, const ta_agg_desc *d, const ta_value *argv, int argc, row *r)
{
    int i = 0;
    if (argc < d->min_args || argc > d->max_args || a->base_kind)
        return false;
    if (d->periodic) {
        if (!quick_period(a, &argv[0], &r->period.key))
            return false;
        r->period.kind = TA_PK_DATE;
        i = 1;
    } else if (d->roles[0] == TA_ROLE_COMPETITOR) {
        return false;
    }
    if (argv[i].type == TA_V_REAL && isfinite(argv[i].d))
        r->value = argv[i].d;
    else if (argv[i].type == TA_V_INT)
        r->value = (double)argv[i].i;
    else
        return false;
    r->part = false;
    r->skip = false;
    for (i++; i < d->max_args; i++)
        if (!quick_param(a, d->roles[i], i < argc ? &argv[i] : NULL, &r->part))
            return false;
    return true;
}

static inline ta_status read_any_row(ta_agg *a, const ta_value *argv, int argc, row *r,
                                    ta_error *e)
{
    return quick_row(a, ta_desc(a), argv, argc, r) ? TA_OK : read_row(a, argv, argc, r, e);
}

/* Adds sign * the row to the exact sums of a non-periodic aggregate. Only
 * memory can fail: a sum out of range is reported when a result is read. */
static inline ta_status add_sums(ta_agg *a, const row *r, int sign, ta_error *e)
{
    ta_status st = ta_xsum_add(&a->sum, sign * r->value, &a->al);
    if (st == TA_OK && a->kind == TA_AGG_SHARE_OF && r->part)
        st = ta_xsum_add(&a->aux, sign * r->value, &a->al);
    else if (st == TA_OK && a->kind == TA_AGG_HHI)
        st = ta_xsum_add_square(&a->aux, r->value, sign, &a->al);
    return st == TA_OK ? TA_OK : ta_fail(e, st, "%s: out of memory", ta_desc(a)->name);
}

TA_COLD static ta_status pt_fail(ta_status st, const char *fn, ta_error *e)
{
    switch (st) {
    case TA_OK: return TA_OK;
    case TA_ERR_NOMEM: return ta_fail(e, st, "%s: out of memory", fn);
    case TA_ERR_RANGE: return ta_fail(e, st, "%s: sum out of range", fn);
    default:
        return ta_fail(e, TA_ERR_INTERNAL, "%s: a row left the window frame that never entered it",
                       fn);
    }
}

static inline ta_status pt_status(ta_status st, const char *fn, ta_error *e)
{
    return st == TA_OK ? TA_OK : pt_fail(st, fn, e);
}

TA_COLD static ta_status hhi_negative(const ta_value *v, double d, ta_error *e)
{
    char shown[TA_RENDER_MAX];
    render_number(v, d, shown);
    return ta_fail(e, TA_ERR_PARAM, "hhi: invalid value %s (expected a number >= 0)", shown);
}

ta_status ta_agg_add(ta_agg *a, const ta_value *argv, int argc, ta_error *e)
{
    const ta_agg_desc *d = ta_desc(a);
    row r;
    if (a->kind == TA_AGG_ROLLUP)
        return ta_series_rollup_row(a, argv, argc, 1, e);
    ta_status st = read_any_row(a, argv, argc, &r, e);
    if (st != TA_OK || r.skip)
        return st;
    if (a->kind == TA_AGG_HHI && r.value < 0)
        return hhi_negative(&argv[0], r.value, e);
    if (d->periodic)
        st = pt_status(ta_pt_add(&a->pt, r.period.key, r.value, &a->al), d->name, e);
    else if (!ta_extra_kind(a->kind))
        st = add_sums(a, &r, 1, e);
    if (st == TA_OK && ta_extra_kind(a->kind))
        st = pt_status(ta_extra_row(a, r.period.key, r.competitor, r.value, r.part, 1), d->name, e);
    if (st == TA_OK)
        a->nrows++;
    return st;
}

ta_status ta_agg_remove(ta_agg *a, const ta_value *argv, int argc, ta_error *e)
{
    const ta_agg_desc *d = ta_desc(a);
    row r;
    if (a->kind == TA_AGG_ROLLUP)
        return ta_series_rollup_row(a, argv, argc, -1, e);
    ta_status st = read_any_row(a, argv, argc, &r, e);
    if (st != TA_OK || r.skip)
        return st;
    if (a->nrows == 0)
        return pt_status(TA_ERR_INTERNAL, d->name, e);
    if (d->periodic)
        st = pt_status(ta_pt_remove(&a->pt, r.period.key, r.value, &a->al), d->name, e);
    else if (!ta_extra_kind(a->kind))
        st = add_sums(a, &r, -1, e);
    if (st == TA_OK && ta_extra_kind(a->kind))
        st =
            pt_status(ta_extra_row(a, r.period.key, r.competitor, r.value, r.part, -1), d->name, e);
    if (st != TA_OK)
        return st;
    if (--a->nrows == 0) { /* the exact sums are 0: drop any accumulator */
        ta_xsum_free(&a->sum, &a->al);
        ta_xsum_free(&a->aux, &a->al);
    }
    return TA_OK;
}

static ta_status merge_params(ta_agg *dst, const ta_agg *src, ta_error *e)
{
    const char *fn = ta_desc(dst)->name;
    char x[TA_RENDER_MAX], y[TA_RENDER_MAX];

    if (dst->has_target && src->has_target && dst->target != src->target) {
        ta_render_double(dst->target, x);
        ta_render_double(src->target, y);
        return ta_fail(e, TA_ERR_PARAM, "%s: cannot merge states with different target (%s and %s)",
                       fn, x, y);
    }
    if (dst->fy && src->fy && dst->fy != src->fy)
        return ta_fail(e, TA_ERR_PARAM,
                       "%s: cannot merge states with different fy_start_month (%d and %d)", fn,
                       dst->fy, src->fy);
    /* rollup's inputs may mix kinds: its error must not depend on whether
     * the engine met them in one state or merged two (threads, UNION ALL). */
    if (dst->pkind && src->pkind && dst->pkind != src->pkind && dst->kind == TA_AGG_ROLLUP)
        return ta_fail(e, TA_ERR_PERIOD, "%s: mixed period kinds: dated and annual series", fn);
    if (dst->pkind && src->pkind && dst->pkind != src->pkind)
        return ta_fail(e, TA_ERR_PERIOD, "%s: cannot merge states with dated and annual periods",
                       fn);
    if (dst->months && src->months && dst->months != src->months)
        return ta_fail(e, TA_ERR_PARAM, "%s: cannot merge states with different months (%d and %d)",
                       fn, dst->months, src->months);
    if (dst->base_kind && src->base_kind &&
        (dst->base != src->base || dst->base_kind != src->base_kind)) {
        show_period(dst->base_kind, dst->base, x);
        show_period(src->base_kind, src->base, y);
        return ta_fail(e, TA_ERR_PARAM,
                       "%s: cannot merge states with different base_period (%s and %s)", fn, x, y);
    }
    if (src->has_target) {
        dst->target = src->target;
        dst->has_target = 1;
    }
    if (src->fy)
        dst->fy = src->fy;
    if (src->pkind)
        dst->pkind = src->pkind;
    if (src->months)
        dst->months = src->months;
    if (src->base_kind) {
        dst->base = src->base;
        dst->base_kind = src->base_kind;
    }
    return check_kind_params(dst, fn, e);
}

ta_status ta_agg_merge(ta_agg *dst, const ta_agg *src, ta_error *e)
{
    if (dst->kind != src->kind || dst->kind == 0 || dst->kind >= TA_AGG_END)
        return ta_fail(e, TA_ERR_INTERNAL, "tradeagg: cannot merge states of different aggregates");
    const char *fn = ta_desc(dst)->name;
    if (src->nrows > INT64_MAX - dst->nrows)
        return ta_fail(e, TA_ERR_RANGE, "%s: too many rows", fn);
    ta_status st = ta_agg_settle(src);
    if (st != TA_OK)
        return ta_fail(e, st, "%s: out of memory", fn);
    if ((st = merge_params(dst, src, e)) != TA_OK)
        return st;
    if (ta_extra_kind(dst->kind) && (st = ta_extra_merge(dst, src)) != TA_OK)
        return pt_status(st, fn, e);
    if (ta_desc(dst)->periodic) {
        if ((st = ta_pt_merge(&dst->pt, &src->pt, &dst->al)) != TA_OK)
            return pt_status(st, fn, e);
    } else {
        if ((st = ta_xsum_merge(&dst->sum, &src->sum, 1, &dst->al)) != TA_OK ||
            (st = ta_xsum_merge(&dst->aux, &src->aux, 1, &dst->al)) != TA_OK)
            return ta_fail(e, st, "%s: out of memory", fn);
    }
    dst->nrows += src->nrows;
    return TA_OK;
}
