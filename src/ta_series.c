/*
 * ta_series.c — the series: a group's per-period row counts and exact sums
 * as a value (SPEC "Two-step aggregates: the series type").
 *
 * Byte form, format version 1 (little-endian):
 *   0  'T' 'S'  format version (1)  period kind (1 dated, 2 annual)
 *   4  the period table as ta_pt_serialize writes it: uint32 P >= 1, then
 *      P x {key int32, row count uint32 > 0, exact sum in ta_xsum's
 *      canonical form}, keys strictly increasing and valid for the kind
 * Nothing follows. The bytes depend only on the multiset of rows, so a
 * rollup of partial series has the bytes of the series of all their rows.
 * A group without rows has no series (NULL), so P is never 0.
 *
 * Once released, a format version is read by every later release: a new
 * layout takes a new version number and this file keeps reading the old.
 *
 * The accessors that answer from a series are in ta_accessor.c.
 */
#include "ta_internal.h"
#include "ta_xsum.h"

#include <stdio.h>
#include <string.h>

#define SERIES_VERSION 1
#define SERIES_HEADER  4

size_t ta_series_size(const ta_agg *a)
{
    return ta_pt_settle(&a->pt, &a->al) == TA_OK ? SERIES_HEADER + ta_pt_serial_size(&a->pt) : 0;
}

void ta_series_write(const ta_agg *a, uint8_t *b)
{
    b[0] = 'T';
    b[1] = 'S';
    b[2] = SERIES_VERSION;
    b[3] = a->pkind;
    ta_pt_serialize(&a->pt, b + SERIES_HEADER);
}

static ta_status bad(ta_error *e, const char *fn, const char *why)
{
    return ta_fail(e, TA_ERR_STATE, "%s: invalid series (%s)", fn, why);
}

static ta_status check_header(const uint8_t *b, size_t n, const char *fn, ta_error *e)
{
    if (n < SERIES_HEADER + 4)
        return bad(e, fn, n >= 2 && (b[0] != 'T' || b[1] != 'S') ? "not a series" : "truncated");
    if (b[0] != 'T' || b[1] != 'S')
        return bad(e, fn, "not a series");
    if (b[2] != SERIES_VERSION)
        return ta_fail(e, TA_ERR_STATE,
                       "%s: invalid series (format version %d; this build reads version %d)", fn,
                       b[2], SERIES_VERSION);
    if (b[3] != TA_PK_DATE && b[3] != TA_PK_YEAR)
        return bad(e, fn, "unknown period kind");
    if (b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0)
        return bad(e, fn, "no periods");
    return TA_OK;
}

/* A sum of rows is a sum of doubles: its greedy expansion ends (no bit
 * below 2^-1074, as an exact sum of squares could have). Sums held as two
 * doubles are that already; only the rare escalated ones are expanded. */
static bool sums_of_doubles(const ta_ptable *t)
{
    ta_pt_cursor c;
    const ta_xsum *sum;
    double terms[TA_XSUM_TERMS_MAX];
    int scales[TA_XSUM_TERMS_MAX];
    ta_pt_seek(t, INT32_MIN, &c);
    while (ta_pt_next(t, &c, NULL, NULL, &sum))
        if (sum->big && ta_xsum_expand(sum, terms, scales, TA_XSUM_TERMS_MAX) < 0)
            return false;
    return true;
}

ta_status ta_series_load(const uint8_t *b, size_t n, const char *fn, ta_ptable *t, ta_pkind *pk,
                         const ta_allocator *al, ta_error *e)
{
    ta_pt_init(t);
    ta_status st = check_header(b, n, fn, e);
    if (st != TA_OK)
        return st;
    const uint8_t *p = b + SERIES_HEADER, *end = b + n;
    *pk = (ta_pkind)b[3];
    st = ta_pt_deserialize(t, *pk, &p, end, al);
    if (st == TA_ERR_NOMEM)
        return ta_fail(e, st, "%s: out of memory", fn);
    if (st != TA_OK)
        return bad(e, fn, "bad period table");
    if (p != end) {
        ta_pt_free(t, al);
        return bad(e, fn, "trailing bytes");
    }
    if (!sums_of_doubles(t)) {
        ta_pt_free(t, al);
        return bad(e, fn, "a sum no rows could make");
    }
    return TA_OK;
}

ta_status ta_series_check(const uint8_t *b, size_t n, const char *fn, const ta_allocator *al,
                          ta_error *e)
{
    ta_ptable t;
    ta_pkind pk;
    ta_status st = ta_series_load(b, n, fn, &t, &pk, al, e);
    if (st == TA_OK)
        ta_pt_free(&t, al);
    return st;
}

/* A series argument: NULL, or bytes (SQLite hands a BLOB; anything else is
 * not a series). */
ta_status ta_series_arg(const ta_value *v, const char *fn, ta_error *e)
{
    char shown[TA_RENDER_MAX];
    if (v->type == TA_V_NULL || v->type == TA_V_BLOB)
        return TA_OK;
    ta_render_value(v, shown);
    return ta_fail(e, TA_ERR_STATE,
                   "%s: invalid series %s (expected a series made by trade_series or rollup)", fn,
                   shown);
}

/* ---- rollup ------------------------------------------------------------------ */

ta_status ta_series_rollup_row(ta_agg *a, const ta_value *argv, int argc, int sign, ta_error *e)
{
    const char *fn = ta_aggs[TA_AGG_ROLLUP].name;
    ta_ptable t;
    ta_pkind pk;
    ta_status st;

    if (argc != 1)
        return ta_fail(e, TA_ERR_INTERNAL, "%s: called with %d arguments", fn, argc);
    if ((st = ta_series_arg(&argv[0], fn, e)) != TA_OK || argv[0].type == TA_V_NULL)
        return st;
    /* Validated in full before a period joins the state, which then costs
     * O(P_s log P): the series' periods are added one by one. */
    st = ta_series_load((const uint8_t *)argv[0].p, argv[0].n, fn, &t, &pk, &a->al, e);
    if (st != TA_OK)
        return st;
    if (a->pkind != TA_PK_NONE && a->pkind != pk) {
        ta_pt_free(&t, &a->al);
        return ta_fail(e, TA_ERR_PERIOD, "%s: mixed period kinds: dated and annual series", fn);
    }
    uint64_t rows = ta_pt_rows(&t);
    if (sign > 0 && rows > (uint64_t)(INT64_MAX - a->nrows)) {
        ta_pt_free(&t, &a->al);
        return ta_fail(e, TA_ERR_RANGE, "%s: too many rows", fn);
    }
    if (sign < 0 && rows > (uint64_t)a->nrows)
        st = TA_ERR_INTERNAL;
    ta_pt_cursor c;
    int32_t key;
    uint32_t count;
    const ta_xsum *sum;
    ta_pt_seek(&t, INT32_MIN, &c);
    while (st == TA_OK && ta_pt_next(&t, &c, &key, &count, &sum))
        st = ta_pt_add_entry(&a->pt, key, count, sum, sign, &a->al);
    ta_pt_free(&t, &a->al);
    switch (st) {
    case TA_OK: break;
    case TA_ERR_NOMEM: return ta_fail(e, st, "%s: out of memory", fn);
    case TA_ERR_RANGE: return ta_fail(e, st, "%s: too many rows in one period", fn);
    default:
        return ta_fail(e, TA_ERR_INTERNAL,
                       "%s: a series left the window frame that never entered it", fn);
    }
    a->pkind = (uint8_t)pk;
    a->nrows = sign > 0 ? a->nrows + (int64_t)rows : a->nrows - (int64_t)rows;
    if (a->nrows == 0)
        a->pkind = TA_PK_NONE; /* an empty frame may take either kind next */
    return TA_OK;
}

/* ---- series_periods -------------------------------------------------------------- */

ta_status ta_series_iter_open(ta_series_iter *it, const ta_value *s, const char *fn,
                              const ta_allocator *al, ta_error *e)
{
    ta_pkind pk = TA_PK_NONE;
    ta_pt_cursor c;
    memset(it, 0, sizeof *it);
    it->al = *al;
    it->fn = fn;
    ta_status st = ta_series_arg(s, fn, e);
    if (st != TA_OK || s->type == TA_V_NULL)
        return st;
    if ((st = ta_series_load((const uint8_t *)s->p, s->n, fn, &it->pt, &pk, al, e)) != TA_OK)
        return st;
    it->kind = (uint8_t)pk;
    ta_pt_seek(&it->pt, INT32_MIN, &c);
    it->node = c.node;
    it->i = c.i;
    return TA_OK;
}

ta_status ta_series_iter_next(ta_series_iter *it, bool *row, ta_period *p, double *value,
                              int64_t *rows, ta_error *e)
{
    ta_pt_cursor c = {it->node, it->i, TA_XSUM_ZERO};
    const ta_xsum *sum;
    uint32_t count;
    *row = ta_pt_next(&it->pt, &c, &p->key, &count, &sum);
    it->node = c.node;
    it->i = c.i;
    if (!*row)
        return TA_OK;
    p->kind = (ta_pkind)it->kind;
    *rows = count;
    if (ta_xsum_round(sum, value) != TA_OK)
        return ta_fail(e, TA_ERR_RANGE, "%s: sum out of range", it->fn);
    return TA_OK;
}

void ta_series_iter_close(ta_series_iter *it) { ta_pt_free(&it->pt, &it->al); }
