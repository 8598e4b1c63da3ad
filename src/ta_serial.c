/*
 * ta_serial.c — the byte form of a state, for PostgreSQL's parallel workers
 * and Citus nodes.
 *
 * Layout (little-endian, version 2):
 *   0  'T' 'A' version kind pkind fy has_target 0
 *   8  nrows (int64)   16 target
 *   24 the period table (ta_pt_serialize): nperiods (uint32), then per
 *      period, keys increasing: key int32, count uint32, exact sum
 *   then sum and aux, each in the canonical form of an exact sum
 *   (ta_xsum.c: 17 bytes for most sums)
 *   then, from period_growth on, the parameters and data of ta_extra.c
 * Version 1 held compensated sums; such states are refused.
 *
 * Bytes from elsewhere are checked in full, bounds first, before any of them
 * is trusted: a state that passes holds exactly what add() could have built.
 */
#include "ta_internal.h"
#include "ta_xsum.h"

#include <string.h>

#define TA_SERIAL_VERSION 2
#define HEADER            24 /* the period table follows */

static void put_u64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static void put_f64(uint8_t *p, double d)
{
    uint64_t v;
    memcpy(&v, &d, 8);
    put_u64(p, v);
}
static uint64_t get_u64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}
static double get_f64(const uint8_t *p)
{
    uint64_t v = get_u64(p);
    double d;
    memcpy(&d, &v, 8);
    return d;
}

size_t ta_agg_serial_size(const ta_agg *a)
{
    if (ta_agg_settle(a) != TA_OK)
        return 0;
    return HEADER + ta_pt_serial_size(&a->pt) + ta_xsum_serial_size(&a->sum) +
           ta_xsum_serial_size(&a->aux) + ta_extra_serial_size(a);
}

void ta_agg_serialize(const ta_agg *a, uint8_t *b)
{
    b[0] = 'T';
    b[1] = 'A';
    b[2] = TA_SERIAL_VERSION;
    b[3] = a->kind;
    b[4] = a->pkind;
    b[5] = a->fy;
    b[6] = a->has_target;
    b[7] = 0;
    put_u64(b + 8, (uint64_t)a->nrows);
    put_f64(b + 16, a->target);
    uint8_t *p = ta_pt_serialize(&a->pt, b + HEADER);
    p = ta_xsum_serialize(&a->aux, ta_xsum_serialize(&a->sum, p));
    ta_extra_serialize(a, p);
}

static ta_status bad(ta_error *e, const char *why)
{
    return ta_fail(e, TA_ERR_STATE, "tradeagg: invalid serialized state (%s)", why);
}

static ta_status check_header(const uint8_t *b, size_t n, ta_error *e)
{
    if (n < HEADER)
        return bad(e, "truncated header");
    if (b[0] != 'T' || b[1] != 'A')
        return bad(e, "not a tradeagg state");
    if (b[2] != TA_SERIAL_VERSION)
        return ta_fail(e, TA_ERR_STATE,
                       "tradeagg: invalid serialized state (format version %d; this build reads "
                       "version %d only)",
                       b[2], TA_SERIAL_VERSION);
    if (b[3] == 0 || b[3] >= TA_AGG_END)
        return bad(e, "unknown aggregate");
    if (b[4] > TA_PK_YEAR || b[5] > 12 || b[6] > 1 || b[7] != 0)
        return bad(e, "bad header flags");
    return TA_OK;
}

/* Everything that add() guarantees, checked on a decoded state. */
static ta_status check_state(const ta_agg *a, ta_error *e)
{
    bool periodic = ta_desc(a)->periodic;

    ta_agg_kind k = (ta_agg_kind)a->kind;
    if (a->has_target ? !(a->target > 0 && isfinite(a->target)) : a->target != 0)
        return bad(e, "bad target");
    /* Parameters exactly where the aggregate takes them, and set once a row
     * has been counted; a period kind only where there are periods. */
    if (ta_has_role(k, TA_ROLE_TARGET) ? a->nrows > 0 && !a->has_target : a->has_target)
        return bad(e, "bad target");
    if (ta_has_role(k, TA_ROLE_FY) ? a->nrows > 0 && a->fy == 0 : a->fy != 0)
        return bad(e, "bad fiscal year start");
    if (!periodic && a->pkind != TA_PK_NONE)
        return bad(e, "unexpected period kind");
    if (a->nrows < 0)
        return bad(e, "bad row count");
    if (ta_pt_size(&a->pt) > 0 && (!periodic || a->pkind == TA_PK_NONE))
        return bad(e, "unexpected periods");
    /* Exact sums: no rows, no sum; an aux sum only where the kind keeps one;
     * the kinds of ta_extra.c keep theirs there. */
    bool has_sum = !periodic && !ta_extra_kind(k);
    bool has_aux = has_sum && (k == TA_AGG_SHARE_OF || k == TA_AGG_HHI);
    if ((!has_sum || a->nrows == 0) && !ta_xsum_is_zero(&a->sum))
        return bad(e, "unexpected sums");
    if ((!has_aux || a->nrows == 0) && !ta_xsum_is_zero(&a->aux))
        return bad(e, "unexpected sums");
    /* No more than the rows can make: |sum| <= rows * 2^1024, squares
     * <= rows * 2^2048. */
    if (!ta_xsum_within(&a->sum, (uint64_t)a->nrows, 1024) ||
        !ta_xsum_within(&a->aux, (uint64_t)a->nrows, k == TA_AGG_HHI ? 2048 : 1024))
        return bad(e, "sums larger than the rows can make");
    if (periodic && ta_pt_rows(&a->pt) != (uint64_t)a->nrows)
        return bad(e, "row count does not match the periods");
    return TA_OK;
}

ta_status ta_agg_deserialize(ta_agg *a, const uint8_t *b, size_t n, const ta_allocator *al,
                             ta_error *e)
{
    ta_status st = check_header(b, n, e);
    if (st != TA_OK) {
        ta_agg_init(a, TA_AGG_CUMULATIVE, al); /* holds nothing, safe to free */
        return st;
    }
    ta_agg_init(a, (ta_agg_kind)b[3], al);
    a->pkind = b[4];
    a->fy = b[5];
    a->has_target = b[6];
    a->nrows = (int64_t)get_u64(b + 8);
    a->target = get_f64(b + 16);
    const uint8_t *p = b + HEADER, *end = b + n;
    st = ta_pt_deserialize(&a->pt, (ta_pkind)a->pkind, &p, end, al);
    if (st == TA_OK && (st = ta_xsum_deserialize(&a->sum, &p, end, al)) == TA_OK)
        st = ta_xsum_deserialize(&a->aux, &p, end, al);
    if (st != TA_OK) {
        ta_agg_free(a);
        return st == TA_ERR_NOMEM ? ta_fail(e, st, "%s: out of memory", ta_desc(a)->name)
                                  : bad(e, "bad period table or sums");
    }
    if ((st = check_state(a, e)) == TA_OK &&
        (st = ta_extra_deserialize(a, &p, end, e)) == TA_OK && p != end)
        st = bad(e, "trailing bytes");
    if (st != TA_OK)
        ta_agg_free(a);
    return st;
}
