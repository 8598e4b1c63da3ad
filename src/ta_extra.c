/*
 * ta_extra.c — what some aggregates keep besides a period table and the two
 * running sums of ta_agg, allocated on first use:
 *   - trade_balance, coverage_ratio: exact sums of exports and of imports,
 *     and the import rows (no import row gives a NULL coverage);
 *   - hhi(competitor, value): the competitor table (ta_ctable.c);
 *   - ytd_contribution: a second period table, of the part's rows;
 * and the results of trade_balance, coverage_ratio and hhi(competitor, value).
 */
#include "ta_extra.h"

#include <string.h>

static ta_status need(ta_agg *a)
{
    if (a->extra)
        return TA_OK;
    a->extra = a->al.alloc(a->al.ud, sizeof *a->extra);
    if (!a->extra)
        return TA_ERR_NOMEM;
    memset(a->extra, 0, sizeof *a->extra);
    return TA_OK;
}

void ta_extra_free(ta_agg *a)
{
    ta_extra *x = a->extra;
    if (!x)
        return;
    ta_xsum_free(&x->exports, &a->al);
    ta_xsum_free(&x->imports, &a->al);
    ta_ct_free(&x->comp, &a->al);
    ta_pt_free(&x->part, &a->al);
    a->al.free(a->al.ud, x);
    a->extra = NULL;
}

size_t ta_extra_mem_size(const ta_agg *a)
{
    const ta_extra *x = a->extra;
    if (!x)
        return 0;
    return sizeof *x + ta_xsum_mem_size(&x->exports) + ta_xsum_mem_size(&x->imports) +
           ta_ct_mem_size(&x->comp) + ta_pt_mem_size(&x->part);
}

ta_status ta_extra_settle(const ta_agg *a)
{
    return a->extra ? ta_pt_settle(&a->extra->part, &a->al) : TA_OK;
}

ta_status ta_extra_row(ta_agg *a, int32_t key, const ta_value *competitor, double v, bool flag,
                       int sign)
{
    ta_status st = need(a);
    if (st != TA_OK)
        return st;
    ta_extra *x = a->extra;
    switch ((ta_agg_kind)a->kind) {
    case TA_AGG_YTD_CONTRIBUTION:
        if (!flag)
            return TA_OK;
        return sign > 0 ? ta_pt_add(&x->part, key, v, &a->al)
                        : ta_pt_remove(&x->part, key, v, &a->al);
    case TA_AGG_TRADE_BALANCE:
    case TA_AGG_COVERAGE:
        if (flag)
            return ta_xsum_add(&x->exports, sign * v, &a->al);
        if ((st = ta_xsum_add(&x->imports, sign * v, &a->al)) == TA_OK)
            x->import_rows += sign;
        return st;
    case TA_AGG_HHI_COMPETITOR:
        return sign > 0 ? ta_ct_add(&x->comp, competitor, v, &a->al)
                        : ta_ct_remove(&x->comp, competitor, v, &a->al);
    default: return TA_ERR_INTERNAL;
    }
}

ta_status ta_extra_merge(ta_agg *dst, const ta_agg *src)
{
    const ta_extra *s = src->extra;
    if (!s)
        return TA_OK;
    ta_status st = need(dst);
    if (st != TA_OK)
        return st;
    ta_extra *d = dst->extra;
    if ((st = ta_xsum_merge(&d->exports, &s->exports, 1, &dst->al)) != TA_OK ||
        (st = ta_xsum_merge(&d->imports, &s->imports, 1, &dst->al)) != TA_OK)
        return st;
    d->import_rows += s->import_rows;
    if ((st = ta_pt_merge(&d->part, &s->part, &dst->al)) != TA_OK)
        return st;
    return ta_ct_merge(&d->comp, &s->comp, &dst->al);
}

/* ---- results ------------------------------------------------------------ */

static ta_status rounded(const ta_xsum *s, double *out, const char *fn, ta_error *e)
{
    if (ta_xsum_round(s, out) != TA_OK)
        return ta_fail(e, TA_ERR_RANGE, "%s: sum out of range", fn);
    return TA_OK;
}

static ta_status nomem(const char *fn, ta_error *e)
{
    return ta_fail(e, TA_ERR_NOMEM, "%s: out of memory", fn);
}

/* Exports - imports, the exact signed sum rounded once. */
static ta_status balance(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    ta_xsum diff = TA_XSUM_ZERO;
    double d;
    if (ta_xsum_merge(&diff, &a->extra->exports, 1, &a->al) != TA_OK ||
        ta_xsum_merge(&diff, &a->extra->imports, -1, &a->al) != TA_OK) {
        ta_xsum_free(&diff, &a->al);
        return nomem(fn, e);
    }
    ta_status st = rounded(&diff, &d, fn, e);
    ta_xsum_free(&diff, &a->al);
    return st != TA_OK ? st : ta_result_real(r, d, fn, e);
}

static ta_status coverage(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    double ex, im;
    ta_status st;
    if (a->extra->import_rows == 0)
        return TA_OK;
    if ((st = rounded(&a->extra->exports, &ex, fn, e)) != TA_OK ||
        (st = rounded(&a->extra->imports, &im, fn, e)) != TA_OK)
        return st;
    return im == 0 ? TA_OK : ta_result_real(r, ta_ratio(ex, im), fn, e);
}

typedef struct hhi_acc {
    ta_xsum q, s; /* squares of the rounded totals; every value */
    const ta_allocator *al;
    const char *fn;
    ta_error *e;
} hhi_acc;

static ta_status hhi_one(const ta_cnode *n, void *ud)
{
    hhi_acc *h = ud;
    char who[TA_RENDER_MAX], shown[TA_RENDER_MAX];
    double t;
    ta_status st = rounded(&n->sum, &t, h->fn, h->e);
    if (st != TA_OK)
        return st;
    /* A nonzero exact sum never rounds to 0: t < 0 exactly when the total is. */
    if (t < 0) {
        ta_value key = ta_ct_key(n);
        ta_render_value(&key, who);
        ta_render_double(t, shown);
        return ta_fail(h->e, TA_ERR_PARAM,
                       "%s: competitor %s has a negative total %s (expected totals >= 0)", h->fn,
                       who, shown);
    }
    if (ta_xsum_merge(&h->s, &n->sum, 1, h->al) != TA_OK ||
        ta_xsum_add_square(&h->q, t, 1, h->al) != TA_OK)
        return nomem(h->fn, h->e);
    return TA_OK;
}

static ta_status hhi_competitor(const ta_agg *a, ta_result *r, const char *fn, ta_error *e)
{
    hhi_acc h = {TA_XSUM_ZERO, TA_XSUM_ZERO, &a->al, fn, e};
    double d;
    ta_status st = ta_ct_each(&a->extra->comp, hhi_one, &h);
    if (st == TA_OK && !ta_xsum_is_zero(&h.s)) {
        if (ta_hhi_ratio(&h.q, &h.s, &d) != TA_OK)
            st = ta_fail(e, TA_ERR_RANGE, "%s: result out of range", fn);
        else
            st = ta_result_real(r, d, fn, e);
    } else if (st == TA_ERR_INTERNAL) { /* only from a table deeper than any can be */
        st = ta_fail(e, st, "%s: competitor table too deep", fn);
    }
    ta_xsum_free(&h.q, &a->al);
    ta_xsum_free(&h.s, &a->al);
    return st;
}

ta_status ta_extra_result(const ta_agg *a, ta_result *r, ta_error *e)
{
    const char *fn = ta_desc(a)->name;
    if (!a->extra)
        return TA_OK; /* no row: NULL */
    switch ((ta_agg_kind)a->kind) {
    case TA_AGG_TRADE_BALANCE: return balance(a, r, fn, e);
    case TA_AGG_COVERAGE: return coverage(a, r, fn, e);
    case TA_AGG_HHI_COMPETITOR: return hhi_competitor(a, r, fn, e);
    default: return ta_fail(e, TA_ERR_INTERNAL, "%s: no extra result", fn);
    }
}

/* ---- serialized tail -------------------------------------------------------
 * Aggregates from period_growth on write, after the period table:
 *   months u16, base_kind u8, base i32;
 * and those with a ta_extra:
 *   exports, imports (ta_xsum canonical forms), import_rows u64,
 *   the competitor table (ta_ctable.c), the part's period table (ta_ptable.c).
 */

#define TAIL_PARAMS 7

static bool has_tail(const ta_agg *a) { return a->kind >= TA_AGG_PERIOD_GROWTH; }

size_t ta_extra_serial_size(const ta_agg *a)
{
    static const ta_extra empty;
    if (!has_tail(a))
        return 0;
    if (!ta_extra_kind(a->kind))
        return TAIL_PARAMS;
    const ta_extra *x = a->extra ? a->extra : &empty;
    return TAIL_PARAMS + ta_xsum_serial_size(&x->exports) + ta_xsum_serial_size(&x->imports) + 8 +
           ta_ct_serial_size(&x->comp) + ta_pt_serial_size(&x->part);
}

uint8_t *ta_extra_serialize(const ta_agg *a, uint8_t *p)
{
    static const ta_extra empty;
    if (!has_tail(a))
        return p;
    ta_put_le(p, a->months, 2);
    p[2] = a->base_kind;
    ta_put_le(p + 3, (uint32_t)a->base, 4);
    p += TAIL_PARAMS;
    if (!ta_extra_kind(a->kind))
        return p;
    const ta_extra *x = a->extra ? a->extra : &empty;
    p = ta_xsum_serialize(&x->exports, p);
    p = ta_xsum_serialize(&x->imports, p);
    ta_put_le(p, (uint64_t)x->import_rows, 8);
    return ta_pt_serialize(&x->part, ta_ct_serialize(&x->comp, p + 8));
}

static ta_status bad(ta_error *e, const char *why)
{
    return ta_fail(e, TA_ERR_STATE, "tradeagg: invalid serialized state (%s)", why);
}

static bool period_valid(ta_pkind pk, int32_t key)
{
    if (pk == TA_PK_YEAR)
        return key >= TA_YEAR_MIN && key <= TA_YEAR_MAX;
    return pk == TA_PK_DATE && key > 0 &&
           ta_date_valid(ta_key_y(key), ta_key_m(key), ta_key_d(key));
}

/* months and base_period exactly where the aggregate takes them, set once a
 * row has been counted, and consistent with the period kind. */
static ta_status check_params(const ta_agg *a, ta_error *e)
{
    ta_agg_kind k = (ta_agg_kind)a->kind;
    if (ta_has_role(k, TA_ROLE_MONTHS)
            ? (a->nrows > 0 && a->months == 0) || a->months > TA_MONTHS_MAX
            : a->months != 0)
        return bad(e, "bad months");
    if (a->pkind == TA_PK_YEAR && a->months % 12 != 0)
        return bad(e, "bad months");
    if (ta_has_role(k, TA_ROLE_BASE) ? a->nrows > 0 && a->base_kind == 0 : a->base_kind != 0)
        return bad(e, "bad base period");
    if (a->base_kind ? !period_valid((ta_pkind)a->base_kind, a->base) ||
                           (a->pkind != TA_PK_NONE && a->pkind != a->base_kind)
                     : a->base != 0)
        return bad(e, "bad base period");
    return TA_OK;
}

/* Every period of the part has no more rows than the same period of all
 * rows (the state's table). */
static ta_status check_part(const ta_agg *a, ta_error *e)
{
    const ta_ptable *part = &a->extra->part;
    ta_pt_cursor c;
    int32_t key;
    uint32_t count;
    const ta_xsum *sum;
    ta_pt_seek(part, INT32_MIN, &c);
    while (ta_pt_next(part, &c, &key, &count, &sum)) {
        ta_xsum acc = TA_XSUM_ZERO;
        uint64_t rows = 0;
        ta_status st = ta_pt_range(&a->pt, key, key, &acc, &rows, NULL, &a->al);
        ta_xsum_free(&acc, &a->al);
        if (st != TA_OK)
            return ta_fail(e, st, "%s: out of memory", ta_desc(a)->name);
        if (count > rows)
            return bad(e, "part rows outside the periods");
    }
    return TA_OK;
}

/* What add() guarantees of the exports, imports, competitors and part. */
static ta_status check_extra(const ta_agg *a, ta_error *e)
{
    const ta_extra *x = a->extra;
    if (a->kind == TA_AGG_YTD_CONTRIBUTION) {
        if (x->comp.count || x->import_rows || !ta_xsum_is_zero(&x->exports) ||
            !ta_xsum_is_zero(&x->imports))
            return bad(e, "unexpected sums");
        return check_part(a, e);
    }
    if (ta_pt_size(&x->part) != 0)
        return bad(e, "unexpected periods");
    bool trade = a->kind != TA_AGG_HHI_COMPETITOR;
    if (x->import_rows < 0 || x->import_rows > a->nrows)
        return bad(e, "bad import rows");
    if (trade ? x->comp.count != 0
              : !ta_xsum_is_zero(&x->exports) || !ta_xsum_is_zero(&x->imports) || x->import_rows)
        return bad(e, "unexpected sums");
    if (!trade && ta_ct_rows(&x->comp) != (uint64_t)a->nrows)
        return bad(e, "row count does not match the competitors");
    /* No rows: every sum is exactly 0 (an exact sum returns to 0). */
    if (a->nrows == 0 && (!ta_xsum_is_zero(&x->exports) || !ta_xsum_is_zero(&x->imports)))
        return bad(e, "sums without rows");
    if (x->import_rows == 0 && !ta_xsum_is_zero(&x->imports))
        return bad(e, "imports without rows");
    if (a->nrows == x->import_rows && !ta_xsum_is_zero(&x->exports) && trade)
        return bad(e, "exports without rows");
    if (!ta_xsum_within(&x->imports, (uint64_t)x->import_rows, 1024) ||
        !ta_xsum_within(&x->exports, (uint64_t)(a->nrows - x->import_rows), 1024))
        return bad(e, "sums larger than the rows can make");
    return TA_OK;
}

ta_status ta_extra_deserialize(ta_agg *a, const uint8_t **p, const uint8_t *end, ta_error *e)
{
    ta_status st;
    if (!has_tail(a))
        return TA_OK;
    if (end - *p < TAIL_PARAMS)
        return bad(e, "truncated parameters");
    a->months = (uint16_t)ta_get_le(*p, 2);
    a->base_kind = (*p)[2];
    a->base = (int32_t)(uint32_t)ta_get_le(*p + 3, 4);
    *p += TAIL_PARAMS;
    if ((st = check_params(a, e)) != TA_OK || !ta_extra_kind(a->kind))
        return st;
    if (need(a) != TA_OK)
        return ta_fail(e, TA_ERR_NOMEM, "%s: out of memory", ta_desc(a)->name);
    ta_extra *x = a->extra;
    if ((st = ta_xsum_deserialize(&x->exports, p, end, &a->al)) != TA_OK ||
        (st = ta_xsum_deserialize(&x->imports, p, end, &a->al)) != TA_OK)
        return st == TA_ERR_NOMEM ? ta_fail(e, st, "%s: out of memory", ta_desc(a)->name)
                                  : bad(e, "bad sums");
    if (end - *p < 8)
        return bad(e, "truncated import rows");
    x->import_rows = (int64_t)ta_get_le(*p, 8);
    *p += 8;
    if ((st = ta_ct_deserialize(&x->comp, p, end, &a->al)) != TA_OK)
        return st == TA_ERR_NOMEM ? ta_fail(e, st, "%s: out of memory", ta_desc(a)->name)
                                  : bad(e, "bad competitor table");
    if ((st = ta_pt_deserialize(&x->part, (ta_pkind)a->pkind, p, end, &a->al)) != TA_OK)
        return st == TA_ERR_NOMEM ? ta_fail(e, st, "%s: out of memory", ta_desc(a)->name)
                                  : bad(e, "bad part table");
    return check_extra(a, e);
}
