/*
 * ta_ptable.c — the per-period table of a periodic aggregate.
 *
 * Rows of one period are added together first, so memory grows with the
 * number of distinct periods, never with rows. The table is a sorted array
 * whose live part is ent[lo .. hi-1]:
 *   - rows arriving in period order (the common case) hit the last entry or
 *     append, with no search;
 *   - a sliding window frame drops its oldest period by moving lo, with no
 *     copying.
 */
#include "ta_internal.h"

#include <string.h>

static uint32_t live(const ta_agg *a) { return a->hi - a->lo; }

/* Room for n more entries at the end. Compacts or grows; indexes relative to
 * lo stay valid, absolute ones do not. */
ta_status ta_pt_reserve(ta_agg *a, uint32_t n)
{
    uint32_t used = live(a);
    if (a->hi + (uint64_t)n <= a->cap)
        return TA_OK;
    if ((uint64_t)used + n <= a->cap && a->lo >= a->cap / 2) {
        memmove(a->ent, a->ent + a->lo, (size_t)used * sizeof *a->ent);
    } else {
        /* Grow by half, then fill the power-of-two size that allocators
         * (PostgreSQL's among them) round a request up to anyway. */
        uint64_t want = ((uint64_t)used + n) * 3 / 2 * sizeof *a->ent, bytes = 128;
        while (bytes < want)
            bytes *= 2;
        uint64_t cap = bytes / sizeof *a->ent;
        if (cap > UINT32_MAX / 2)
            return TA_ERR_NOMEM;
        ta_pentry *ent = a->al.alloc(a->al.ud, (size_t)cap * sizeof *ent);
        if (!ent)
            return TA_ERR_NOMEM;
        if (used)
            memcpy(ent, a->ent + a->lo, (size_t)used * sizeof *ent);
        if (a->ent)
            a->al.free(a->al.ud, a->ent);
        a->ent = ent;
        a->cap = (uint32_t)cap;
    }
    a->lo = 0;
    a->hi = used;
    return TA_OK;
}

uint32_t ta_pt_lower_bound(const ta_agg *a, int32_t k)
{
    uint32_t lo = a->lo, hi = a->hi;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (a->ent[mid].key < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Adds v to an existing entry, refusing a sum that leaves the double range. */
static ta_status entry_add(ta_pentry *p, double v)
{
    ta_ksum k = {p->s, p->c};
    if (p->count == UINT32_MAX)
        return TA_ERR_RANGE;
    ta_ksum_add(&k, v);
    if (!isfinite(k.s)) /* v is finite: c stays finite while s does */
        return TA_ERR_RANGE;
    p->s = k.s;
    p->c = k.c;
    p->count++;
    return TA_OK;
}

ta_status ta_pt_add(ta_agg *a, int32_t key, double v)
{
    ta_status st;
    uint32_t at;

    if (live(a) > 0) {
        ta_pentry *last = &a->ent[a->hi - 1];
        if (key == last->key)
            return entry_add(last, v);
        if (key > last->key)
            goto append;
        /* The period touched last, or the one after it (a scan that walks
         * each series through its periods in order), before any search. */
        at = a->hint;
        if (at < a->lo || at >= a->hi || a->ent[at].key != key) {
            if (at + 1 >= a->lo && at + 1 < a->hi && a->ent[at + 1].key == key)
                at++;
            else
                at = ta_pt_lower_bound(a, key);
        }
        if (a->ent[at].key == key) {
            a->hint = at;
            return entry_add(&a->ent[at], v);
        }
        /* Insert at 'at': shift whichever side is shorter. */
        if (a->lo > 0 && at - a->lo < a->hi - at) {
            a->lo--;
            at--;
            memmove(a->ent + a->lo, a->ent + a->lo + 1, (size_t)(at - a->lo) * sizeof *a->ent);
        } else {
            uint32_t rel = at - a->lo;
            if ((st = ta_pt_reserve(a, 1)) != TA_OK)
                return st;
            at = a->lo + rel;
            memmove(a->ent + at + 1, a->ent + at, (size_t)(a->hi - at) * sizeof *a->ent);
            a->hi++;
        }
        a->ent[at] = (ta_pentry){key, 1, v, 0};
        return TA_OK;
    }
append:
    if ((st = ta_pt_reserve(a, 1)) != TA_OK)
        return st;
    a->ent[a->hi++] = (ta_pentry){key, 1, v, 0};
    return TA_OK;
}

ta_status ta_pt_remove(ta_agg *a, int32_t key, double v)
{
    uint32_t at;

    if (live(a) == 0)
        return TA_ERR_INTERNAL;
    /* A sliding frame removes its oldest period: check the front first. */
    at = a->ent[a->lo].key == key ? a->lo : ta_pt_lower_bound(a, key);
    if (at == a->hi || a->ent[at].key != key)
        return TA_ERR_INTERNAL;
    ta_pentry *p = &a->ent[at];
    if (p->count > 1) {
        ta_ksum k = {p->s, p->c};
        ta_ksum_add(&k, -v);
        if (!ta_ksum_finite(k))
            return TA_ERR_RANGE;
        p->s = k.s;
        p->c = k.c;
        p->count--;
        return TA_OK;
    }
    /* The period has no rows left: it goes, whatever rounding left in it. */
    if (at == a->lo)
        a->lo++;
    else {
        memmove(p, p + 1, (size_t)(a->hi - at - 1) * sizeof *p);
        a->hi--;
    }
    if (a->lo == a->hi)
        a->lo = a->hi = 0;
    return TA_OK;
}

static ta_status entry_merge(ta_pentry *dst, const ta_pentry *src)
{
    ta_ksum k = {dst->s, dst->c};
    if ((uint64_t)dst->count + src->count > UINT32_MAX)
        return TA_ERR_RANGE;
    ta_ksum_merge(&k, (ta_ksum){src->s, src->c});
    if (!ta_ksum_finite(k))
        return TA_ERR_RANGE;
    dst->s = k.s;
    dst->c = k.c;
    dst->count += src->count;
    return TA_OK;
}

ta_status ta_pt_merge(ta_agg *dst, const ta_agg *src)
{
    uint32_t ns = live(src), nd = live(dst);
    ta_status st;

    if (ns == 0)
        return TA_OK;
    const ta_pentry *s = src->ent + src->lo;
    if (nd == 0 || s[0].key > dst->ent[dst->hi - 1].key) {
        if ((st = ta_pt_reserve(dst, ns)) != TA_OK)
            return st;
        memcpy(dst->ent + dst->hi, s, (size_t)ns * sizeof *s);
        dst->hi += ns;
        return TA_OK;
    }
    /* Interleaved periods: merge the two sorted runs into a new array. */
    ta_pentry *out = dst->al.alloc(dst->al.ud, ((size_t)nd + ns) * sizeof *out);
    if (!out)
        return TA_ERR_NOMEM;
    const ta_pentry *d = dst->ent + dst->lo;
    uint32_t i = 0, j = 0, n = 0;
    while (i < nd || j < ns) {
        if (j == ns || (i < nd && d[i].key < s[j].key))
            out[n++] = d[i++];
        else if (i == nd || s[j].key < d[i].key)
            out[n++] = s[j++];
        else {
            out[n] = d[i++];
            if ((st = entry_merge(&out[n++], &s[j++])) != TA_OK) {
                dst->al.free(dst->al.ud, out);
                return st;
            }
        }
    }
    dst->al.free(dst->al.ud, dst->ent);
    dst->ent = out;
    dst->cap = nd + ns;
    dst->lo = 0;
    dst->hi = n;
    return TA_OK;
}

ta_ksum ta_pt_range_sum(const ta_agg *a, int32_t lo_key, int32_t hi_key, uint64_t *rows)
{
    ta_ksum k = {0, 0};
    uint64_t n = 0;
    for (uint32_t i = ta_pt_lower_bound(a, lo_key); i < a->hi && a->ent[i].key <= hi_key; i++) {
        ta_ksum_merge(&k, (ta_ksum){a->ent[i].s, a->ent[i].c});
        n += a->ent[i].count;
    }
    if (rows)
        *rows = n;
    return k;
}
