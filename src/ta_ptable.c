/*
 * ta_ptable.c — the per-period table of a periodic aggregate (ta_ptable.h).
 *
 * A sorted array whose live part is ent[lo .. hi-1]:
 *   - rows arriving in period order (the common case) hit the last entry or
 *     append, with no search;
 *   - a sliding window frame drops its oldest period by moving lo, with no
 *     copying.
 */
#include "ta_ptable.h"

#include "ta_internal.h"

#include <string.h>

typedef struct pt_entry {
    int32_t key;
    uint32_t count; /* rows in this period; the entry goes when it is 0 */
    ta_xsum sum;    /* their exact sum */
} pt_entry;

/* target_reached_at's running scan: every period <= key has been read and
 * prefix is their exact sum. found: the rounded prefix reached the target
 * the scan was made for (key is then the answer). */
struct ta_pt_scan {
    ta_xsum prefix;
    double target;
    int32_t key;
    bool valid, found;
};

#define ENT(t) ((pt_entry *)(t)->ent)

static uint32_t live(const ta_ptable *t) { return t->hi - t->lo; }

void ta_pt_init(ta_ptable *t) { memset(t, 0, sizeof *t); }

static void scan_reset(const ta_ptable *t, const ta_allocator *al)
{
    if (t->scan && t->scan->valid) {
        ta_xsum_free(&t->scan->prefix, al);
        t->scan->valid = false;
    }
}

/* A change at key invalidates a scan that has read it. */
static void scan_touch(ta_ptable *t, int32_t key, const ta_allocator *al)
{
    if (t->scan && t->scan->valid && key <= t->scan->key)
        scan_reset(t, al);
}

void ta_pt_free(ta_ptable *t, const ta_allocator *al)
{
    for (uint32_t i = t->lo; i < t->hi; i++)
        ta_xsum_free(&ENT(t)[i].sum, al);
    if (t->ent)
        al->free(al->ud, t->ent);
    if (t->scan) {
        scan_reset(t, al);
        al->free(al->ud, t->scan);
    }
    ta_pt_init(t);
}

/* Room for n more entries at the end. Compacts or grows; indexes relative to
 * lo stay valid, absolute ones do not. */
static ta_status reserve(ta_ptable *t, uint32_t n, const ta_allocator *al)
{
    uint32_t used = live(t);
    if (t->hi + (uint64_t)n <= t->cap)
        return TA_OK;
    if ((uint64_t)used + n <= t->cap && t->lo >= t->cap / 2) {
        memmove(ENT(t), ENT(t) + t->lo, (size_t)used * sizeof(pt_entry));
    } else {
        uint64_t want = ((uint64_t)used + n) * 3 / 2 * sizeof(pt_entry), bytes = 128;
        while (bytes < want)
            bytes *= 2;
        uint64_t cap = bytes / sizeof(pt_entry);
        if (cap > UINT32_MAX / 2)
            return TA_ERR_NOMEM;
        pt_entry *ent = al->alloc(al->ud, (size_t)cap * sizeof *ent);
        if (!ent)
            return TA_ERR_NOMEM;
        if (used)
            memcpy(ent, ENT(t) + t->lo, (size_t)used * sizeof *ent);
        if (t->ent)
            al->free(al->ud, t->ent);
        t->ent = ent;
        t->cap = (uint32_t)cap;
    }
    t->lo = 0;
    t->hi = used;
    return TA_OK;
}

static uint32_t lower_bound(const ta_ptable *t, int32_t k)
{
    uint32_t lo = t->lo, hi = t->hi;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ENT(t)[mid].key < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static ta_status entry_add(ta_ptable *t, pt_entry *p, double v, const ta_allocator *al)
{
    if (p->count == UINT32_MAX)
        return TA_ERR_RANGE;
    ta_status st = ta_xsum_add(&p->sum, v, al);
    if (st != TA_OK)
        return st;
    p->count++;
    t->rows++;
    return TA_OK;
}

ta_status ta_pt_add(ta_ptable *t, int32_t key, double v, const ta_allocator *al)
{
    ta_status st;
    uint32_t at;

    scan_touch(t, key, al);
    if (live(t) > 0) {
        pt_entry *last = &ENT(t)[t->hi - 1];
        if (key == last->key)
            return entry_add(t, last, v, al);
        if (key > last->key)
            goto append;
        at = t->hint;
        if (at < t->lo || at >= t->hi || ENT(t)[at].key != key) {
            if (at + 1 >= t->lo && at + 1 < t->hi && ENT(t)[at + 1].key == key)
                at++;
            else
                at = lower_bound(t, key);
        }
        if (ENT(t)[at].key == key) {
            t->hint = at;
            return entry_add(t, &ENT(t)[at], v, al);
        }
        uint32_t rel = at - t->lo;
        if ((st = reserve(t, 1, al)) != TA_OK)
            return st;
        at = t->lo + rel;
        memmove(ENT(t) + at + 1, ENT(t) + at, (size_t)(t->hi - at) * sizeof(pt_entry));
        t->hi++;
        goto fill;
    }
append:
    if ((st = reserve(t, 1, al)) != TA_OK)
        return st;
    at = t->hi++;
fill:
    ENT(t)[at] = (pt_entry){key, 0, TA_XSUM_ZERO};
    if ((st = entry_add(t, &ENT(t)[at], v, al)) != TA_OK) {
        memmove(ENT(t) + at, ENT(t) + at + 1, (size_t)(t->hi - at - 1) * sizeof(pt_entry));
        t->hi--;
    }
    return st;
}

ta_status ta_pt_remove(ta_ptable *t, int32_t key, double v, const ta_allocator *al)
{
    uint32_t at;

    if (live(t) == 0)
        return TA_ERR_INTERNAL;
    at = ENT(t)[t->lo].key == key ? t->lo : lower_bound(t, key);
    if (at == t->hi || ENT(t)[at].key != key)
        return TA_ERR_INTERNAL;
    scan_touch(t, key, al);
    pt_entry *p = &ENT(t)[at];
    if (p->count > 1) {
        ta_status st = ta_xsum_add(&p->sum, -v, al);
        if (st != TA_OK)
            return st;
        p->count--;
        t->rows--;
        return TA_OK;
    }
    /* The period has no rows left, so its exact sum is 0: it goes. */
    ta_xsum_free(&p->sum, al);
    t->rows--;
    if (at == t->lo)
        t->lo++;
    else {
        memmove(p, p + 1, (size_t)(t->hi - at - 1) * sizeof *p);
        t->hi--;
    }
    if (t->lo == t->hi)
        t->lo = t->hi = 0;
    return TA_OK;
}

ta_status ta_pt_merge(ta_ptable *dst, const ta_ptable *src, const ta_allocator *al)
{
    uint32_t ns = live(src), nd = live(dst), i = 0, j = 0, n = 0;
    ta_status st = TA_OK;

    if (ns == 0)
        return TA_OK;
    scan_reset(dst, al);
    pt_entry *out = al->alloc(al->ud, ((size_t)nd + ns) * sizeof *out);
    if (!out)
        return TA_ERR_NOMEM;
    const pt_entry *d = ENT(dst) + dst->lo, *s = ENT(src) + src->lo;
    while (st == TA_OK && (i < nd || j < ns)) {
        if (j == ns || (i < nd && d[i].key < s[j].key)) {
            out[n] = (pt_entry){d[i].key, d[i].count, TA_XSUM_ZERO};
            st = ta_xsum_copy(&out[n].sum, &d[i++].sum, al);
        } else {
            out[n] = (pt_entry){s[j].key, s[j].count, TA_XSUM_ZERO};
            st = ta_xsum_copy(&out[n].sum, &s[j].sum, al);
            if (st == TA_OK && i < nd && d[i].key == s[j].key) {
                if ((uint64_t)out[n].count + d[i].count > UINT32_MAX)
                    st = TA_ERR_RANGE;
                else
                    st = ta_xsum_merge(&out[n].sum, &d[i].sum, 1, al);
                out[n].count += d[i++].count;
            }
            j++;
        }
        if (st == TA_OK)
            n++;
        else
            ta_xsum_free(&out[n].sum, al);
    }
    if (st != TA_OK) {
        while (n > 0)
            ta_xsum_free(&out[--n].sum, al);
        al->free(al->ud, out);
        return st;
    }
    for (i = 0; i < nd; i++)
        ta_xsum_free(&ENT(dst)[dst->lo + i].sum, al);
    if (dst->ent)
        al->free(al->ud, dst->ent);
    dst->ent = out;
    dst->cap = nd + ns;
    dst->lo = 0;
    dst->hi = n;
    dst->rows += src->rows;
    return TA_OK;
}

uint32_t ta_pt_size(const ta_ptable *t) { return live(t); }

uint64_t ta_pt_rows(const ta_ptable *t) { return t->rows; }

bool ta_pt_last(const ta_ptable *t, int32_t *key)
{
    if (live(t) == 0)
        return false;
    *key = ENT(t)[t->hi - 1].key;
    return true;
}

bool ta_pt_prev(const ta_ptable *t, int32_t key, int32_t *prev)
{
    uint32_t at = lower_bound(t, key);
    if (at == t->lo)
        return false;
    *prev = ENT(t)[at - 1].key;
    return true;
}

ta_status ta_pt_range(const ta_ptable *t, int32_t lo, int32_t hi, ta_xsum *acc, uint64_t *rows,
                      uint32_t *periods, const ta_allocator *al)
{
    uint64_t r = 0;
    uint32_t n = 0;
    for (uint32_t i = lower_bound(t, lo); i < t->hi && ENT(t)[i].key <= hi; i++, n++) {
        ta_status st = ta_xsum_merge(acc, &ENT(t)[i].sum, 1, al);
        if (st != TA_OK)
            return st;
        r += ENT(t)[i].count;
    }
    if (rows)
        *rows += r;
    if (periods)
        *periods += n;
    return TA_OK;
}

void ta_pt_seek(const ta_ptable *t, int32_t key, ta_pt_cursor *c)
{
    c->node = t->ent;
    c->i = lower_bound(t, key);
}

bool ta_pt_next(const ta_ptable *t, ta_pt_cursor *c, int32_t *key, uint32_t *count,
                const ta_xsum **sum)
{
    if (c->i >= t->hi)
        return false;
    const pt_entry *p = &ENT(t)[c->i++];
    if (key)
        *key = p->key;
    if (count)
        *count = p->count;
    if (sum)
        *sum = &p->sum;
    return true;
}

/* Continues the scan in t->scan from where it stopped. */
static ta_status scan_on(struct ta_pt_scan *s, const ta_ptable *t, const ta_allocator *al)
{
    ta_pt_cursor c;
    int32_t key;
    const ta_xsum *sum;
    double run;
    if (s->valid)
        ta_pt_seek(t, s->key == INT32_MAX ? INT32_MAX : s->key + 1, &c);
    else
        ta_pt_seek(t, INT32_MIN, &c);
    while (ta_pt_next(t, &c, &key, NULL, &sum)) {
        ta_status st = ta_xsum_merge(&s->prefix, sum, 1, al);
        if (st != TA_OK) {
            scan_reset(t, al);
            return st;
        }
        s->key = key;
        s->valid = true;
        if ((st = ta_xsum_round(&s->prefix, &run)) != TA_OK)
            return st; /* the scan stays valid: reading again says the same */
        if (run >= s->target) {
            s->found = true;
            return TA_OK;
        }
    }
    return TA_OK;
}

ta_status ta_pt_reached(const ta_ptable *t, double target, bool *found, int32_t *key,
                        const ta_allocator *al)
{
    /* The scan is a cache: t's contents never change here, only where a
     * later read starts. t is never a const object (states live on the
     * heap), so casting the qualifier away is defined. */
    ta_ptable *mt = (ta_ptable *)t;
    ta_status st;
    double run;
    if (!mt->scan) {
        mt->scan = al->alloc(al->ud, sizeof *mt->scan);
        if (!mt->scan)
            return TA_ERR_NOMEM;
        memset(mt->scan, 0, sizeof *mt->scan);
    }
    struct ta_pt_scan *s = mt->scan;
    if (s->valid && s->target != target)
        scan_reset(t, al);
    if (!s->valid) {
        s->prefix = TA_XSUM_ZERO;
        s->found = false;
        s->target = target;
    } else if (s->found) {
        *found = true;
        *key = s->key;
        return TA_OK;
    } else if ((st = ta_xsum_round(&s->prefix, &run)) != TA_OK) {
        return st;
    }
    if ((st = scan_on(s, t, al)) != TA_OK)
        return st;
    *found = s->found;
    if (s->found)
        *key = s->key;
    return TA_OK;
}

size_t ta_pt_mem_size(const ta_ptable *t)
{
    size_t n = (size_t)t->cap * sizeof(pt_entry);
    for (uint32_t i = t->lo; i < t->hi; i++)
        n += ta_xsum_mem_size(&ENT(t)[i].sum);
    if (t->scan)
        n += sizeof *t->scan + ta_xsum_mem_size(&t->scan->prefix);
    return n;
}

/* ---- serialized form ------------------------------------------------------ */

static void put_u32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get_u32(const uint8_t *p)
{
    uint32_t v = 0;
    for (int i = 3; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static bool key_valid(ta_pkind pk, int32_t key)
{
    if (pk == TA_PK_YEAR)
        return key >= TA_YEAR_MIN && key <= TA_YEAR_MAX;
    return pk == TA_PK_DATE && key > 0 &&
           ta_date_valid(ta_key_y(key), ta_key_m(key), ta_key_d(key));
}

size_t ta_pt_serial_size(const ta_ptable *t)
{
    size_t n = 4;
    ta_pt_cursor c;
    const ta_xsum *sum;
    ta_pt_seek(t, INT32_MIN, &c);
    while (ta_pt_next(t, &c, NULL, NULL, &sum))
        n += 8 + ta_xsum_serial_size(sum);
    return n;
}

uint8_t *ta_pt_serialize(const ta_ptable *t, uint8_t *buf)
{
    ta_pt_cursor c;
    int32_t key;
    uint32_t count;
    const ta_xsum *sum;
    put_u32(buf, ta_pt_size(t));
    buf += 4;
    ta_pt_seek(t, INT32_MIN, &c);
    while (ta_pt_next(t, &c, &key, &count, &sum)) {
        put_u32(buf, (uint32_t)key);
        put_u32(buf + 4, count);
        buf = ta_xsum_serialize(sum, buf + 8);
    }
    return buf;
}

ta_status ta_pt_deserialize(ta_ptable *t, ta_pkind pk, const uint8_t **p, const uint8_t *end,
                            const ta_allocator *al)
{
    const uint8_t *q = *p;
    ta_status st = TA_ERR_STATE;
    uint32_t n;

    ta_pt_init(t);
    if (end - q < 4)
        return TA_ERR_STATE;
    n = get_u32(q);
    q += 4;
    /* Each period takes at least 8 bytes: a count that cannot fit is refused
     * before anything is allocated for it. */
    if ((uint64_t)n * 8 > (uint64_t)(end - q))
        return TA_ERR_STATE;
    for (uint32_t i = 0; i < n; i++) {
        if (end - q < 8)
            goto fail;
        int32_t key = (int32_t)get_u32(q);
        uint32_t count = get_u32(q + 4);
        q += 8;
        int32_t last;
        if (!key_valid(pk, key) || (ta_pt_last(t, &last) && key <= last) || count == 0)
            goto fail;
        ta_xsum sum;
        if ((st = ta_xsum_deserialize(&sum, &q, end, al)) != TA_OK)
            goto fail;
        if ((st = reserve(t, 1, al)) != TA_OK) {
            ta_xsum_free(&sum, al);
            goto fail;
        }
        ENT(t)[t->hi++] = (pt_entry){key, count, sum};
        t->rows += count;
        st = TA_ERR_STATE;
    }
    *p = q;
    return TA_OK;
fail:
    ta_pt_free(t, al);
    return st == TA_ERR_NOMEM ? st : TA_ERR_STATE;
}
