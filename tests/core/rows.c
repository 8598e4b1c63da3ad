/* rows.c — see rows.h. */
#include "rows.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *t_alloc(void *ud, size_t n)
{
    (void)ud;
    return malloc(n);
}
static void t_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}
const ta_allocator test_allocator = {t_alloc, t_free, NULL};

bool row_typed = false;

/* v as INTEGER when it is a whole number of that range, else as REAL. */
static ta_value number(double v)
{
    if (row_typed && v == trunc(v) && fabs(v) < 1e15)
        return (ta_value){TA_V_INT, (int64_t)v, 0, NULL, 0};
    return (ta_value){TA_V_REAL, 0, v, NULL, 0};
}

int row_args(ta_agg_kind kind, const ref_row *r, const ref_set *params, bool with_fy, char buf[48],
             ta_value argv[TA_MAX_ARGS])
{
    bool annual = params->annual;
    int fy = params->fy;
    double target = params->target;
    const ta_agg_desc *d = &ta_aggs[kind];
    int argc = with_fy ? d->max_args : d->min_args;
    for (int i = 0; i < argc; i++) {
        ta_value v = {0};
        switch (d->roles[i]) {
        case TA_ROLE_SERIES: break; /* series have their own tests */
        case TA_ROLE_PERIOD:
            if (annual) {
                v.type = TA_V_INT;
                v.i = r->y;
            } else if (row_typed) {
                v.type = TA_V_DATE;
                v.i = ta_key_to_days(r->y * 10000 + r->m * 100 + r->d);
            } else {
                snprintf(buf, 12, "%04d-%02d-%02d", r->y, r->m, r->d);
                v.type = TA_V_TEXT;
                v.p = buf;
                v.n = 10;
            }
            break;
        case TA_ROLE_VALUE:
            if (!isnan(r->value))
                v = number(r->value);
            break;
        case TA_ROLE_TARGET: v = number(target); break;
        case TA_ROLE_FY:
            v.type = TA_V_INT;
            v.i = fy;
            break;
        case TA_ROLE_FLAG:
            v.type = row_typed ? TA_V_INT : TA_V_BOOL;
            v.i = r->part;
            break;
        case TA_ROLE_MONTHS:
            v.type = TA_V_INT;
            v.i = params->months;
            break;
        case TA_ROLE_BASE:
            /* as 'YYYY-MM' when it is a 1st: normalized to the same period */
            if (annual) {
                v.type = TA_V_INT;
                v.i = params->base_y;
            } else {
                v.type = TA_V_TEXT;
                v.p = buf + 12;
                v.n = (size_t)snprintf(buf + 12, 12,
                                       params->base_d == 1 ? "%04d-%02d" : "%04d-%02d-%02d",
                                       params->base_y, params->base_m, params->base_d);
            }
            break;
        case TA_ROLE_EXPORT:
            if (r->is_export >= 0) {
                v.type = row_typed ? TA_V_INT : TA_V_BOOL;
                v.i = r->is_export;
            }
            break;
        case TA_ROLE_COMPETITOR:
            if (r->comp_type == 1) {
                v.type = TA_V_INT;
                v.i = r->comp;
            } else if (r->comp_type == 2) {
                v.type = TA_V_TEXT;
                v.p = buf + 24;
                v.n = (size_t)snprintf(buf + 24, 24, "%d", r->comp);
            }
            break;
        }
        argv[i] = v;
    }
    return argc;
}

void row_apply(ta_agg *a, const ref_row *r, const ref_set *params, bool remove)
{
    char buf[48];
    ta_value argv[TA_MAX_ARGS];
    ta_error e;
    int argc = row_args((ta_agg_kind)a->kind, r, params, params->fy != 1, buf, argv);
    ta_status st = remove ? ta_agg_remove(a, argv, argc, &e) : ta_agg_add(a, argv, argc, &e);
    if (st != TA_OK) {
        printf("Bail out! unexpected error: %s\n", e.msg);
        exit(2);
    }
}

bool same_result(ta_result x, ta_result y)
{
    if (x.type != y.type)
        return false;
    if (x.type == TA_R_REAL)
        return memcmp(&x.d, &y.d, sizeof x.d) == 0;
    if (x.type == TA_R_PERIOD)
        return x.period.kind == y.period.kind && x.period.key == y.period.key;
    if (x.type == TA_R_INT)
        return x.i == y.i;
    return true;
}

void describe(ta_result r, char out[64])
{
    if (r.type == TA_R_NULL)
        snprintf(out, 64, "NULL");
    else if (r.type == TA_R_REAL)
        snprintf(out, 64, "%.17g", r.d);
    else if (r.type == TA_R_INT)
        snprintf(out, 64, "count %lld", (long long)r.i);
    else
        snprintf(out, 64, "period %d", (int)r.period.key);
}

static uint64_t state = 0x9E3779B97F4A7C15u;

uint64_t rnd(void)
{
    /* xorshift64*: deterministic, so a failure reproduces. */
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717u;
}

int rnd_int(int lo, int hi) { return lo + (int)(rnd() % (uint64_t)(hi - lo + 1)); }
