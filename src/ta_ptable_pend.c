/*
 * ta_ptable_pend.c — rows waiting to join a period table's tree (the
 * buffer is described in ta_ptree.h).
 *
 * Rows in random period order would each descend a large tree and shift a
 * leaf they find out of the cache. Instead they are appended to a buffer;
 * when it is full, or before anything reads the table, they are sorted by
 * key (radix, O(R)) and applied in key order, each finding its leaf at or
 * next to the last one's, so the leaves are visited in order, once each
 * while they are in the cache: O(R log P) at worst, and sequential. The
 * buffer holds up to max(64, P / 4) rows (and as many again to sort them),
 * so memory stays O(P).
 *
 * A failure (out of memory) leaves what the table holds unchanged: rows
 * leave the buffer as they join the tree.
 */
#include "ta_ptree.h"

#include <string.h>

#define PEND_FIRST 64
#define RADIX_BITS 11
#define RADIX      (1u << RADIX_BITS)

/* Room for cap rows, and as many again for sorting them. */
static size_t pend_bytes(uint32_t cap)
{
    return sizeof(struct ta_pt_pend) + 2 * (size_t)cap * sizeof(pt_row);
}

void pt_pend_free(ta_ptable *t, const ta_allocator *al)
{
    if (t->pend)
        al->free(al->ud, t->pend);
    t->pend = NULL;
}

size_t pt_pend_mem_size(const ta_ptable *t) { return t->pend ? pend_bytes(t->pend->cap) : 0; }

/* Sorts p's rows by key: least significant digit first, RADIX_BITS at a
 * time, over the bits in which the keys differ from the smallest. */
static void sort_rows(struct ta_pt_pend *p)
{
    uint32_t n = p->n, count[RADIX];
    if (n < 2)
        return;
    int32_t lo = p->row[0].key, hi = lo;
    for (uint32_t i = 1; i < n; i++) {
        lo = p->row[i].key < lo ? p->row[i].key : lo;
        hi = p->row[i].key > hi ? p->row[i].key : hi;
    }
    uint32_t span = (uint32_t)hi - (uint32_t)lo;
    pt_row *src = p->row, *dst = p->row + p->cap;
    for (unsigned shift = 0; shift < 32 && (span >> shift) != 0; shift += RADIX_BITS) {
        memset(count, 0, sizeof count);
        for (uint32_t i = 0; i < n; i++)
            count[(((uint32_t)src[i].key - (uint32_t)lo) >> shift) & (RADIX - 1)]++;
        for (uint32_t d = 0, at = 0; d < RADIX; d++) {
            uint32_t c = count[d];
            count[d] = at;
            at += c;
        }
        for (uint32_t i = 0; i < n; i++)
            dst[count[(((uint32_t)src[i].key - (uint32_t)lo) >> shift) & (RADIX - 1)]++] = src[i];
        pt_row *x = src;
        src = dst;
        dst = x;
    }
    if (src != p->row)
        memcpy(p->row, src, n * sizeof *src);
}

/* The end of the run of sorted rows from i that can join leaf l (where
 * row i's key belongs) in one pass: new periods of one row each, below l's
 * last key (so they belong in l), as many as l has room for. */
static uint32_t run_end(const pt_leaf *l, const pt_row *row, uint32_t i, uint32_t n)
{
    int32_t top = PT_KEY(l)[l->n - 1];
    uint32_t room = l->cap - l->n, j = i, a = pt_leaf_lb(l, row[i].key);
    for (; j < n && j - i < room && row[j].key < top; j++) {
        if (j > i && row[j].key == row[j - 1].key)
            break; /* a second row of a period: it joins the entry made */
        while (PT_KEY(l)[a] < row[j].key)
            a++;
        if (PT_KEY(l)[a] == row[j].key)
            break;
    }
    return j;
}

/* Puts the m rows of such a run into l, merging from the back: each entry
 * moves once. Needs no memory: a sum of one value is a pair. */
static void run_put(ta_ptable *t, pt_leaf *l, const pt_row *row, uint32_t m)
{
    uint32_t a = l->n, w = l->n + m, k = m;
    while (k > 0) {
        w--;
        if (a > 0 && PT_KEY(l)[a - 1] > row[k - 1].key) {
            pt_move(l, w, l, a - 1, 1);
            a--;
        } else {
            ta_xsum one = TA_XSUM_ZERO;
            ta_xsum_pair_add(&one.hi, &one.lo, row[k - 1].v); /* exact: 0 + v */
            pt_set(l, w, &(pt_entry){row[k - 1].key, 1, one});
            k--;
        }
    }
    l->n += m;
    t->size += m;
    t->rows += m;
    t->hint = l;
}

/* Applies the sorted rows, runs that fit a leaf at once and the others one
 * at a time; those applied leave the buffer. */
static ta_status apply_each(ta_ptable *t, const ta_allocator *al)
{
    struct ta_pt_pend *p = t->pend;
    uint32_t i = 0;
    ta_status st = TA_OK;
    while (i < p->n) {
        pt_leaf *l = pt_locate(t, p->row[i].key);
        uint32_t j = l ? run_end(l, p->row, i, p->n) : i;
        if (j > i) {
            run_put(t, l, p->row + i, j - i);
            i = j;
        } else if ((st = pt_add_direct(t, p->row[i].key, p->row[i].v, al)) == TA_OK) {
            i++;
        } else {
            break;
        }
    }
    memmove(p->row, p->row + i, (p->n - i) * sizeof *p->row);
    p->n -= i;
    return st;
}

ta_status ta_pt_settle(const ta_ptable *ct, const ta_allocator *al)
{
    if (pt_settled(ct))
        return TA_OK;
    /* What the table holds stays the same: only where its rows are kept
     * changes. Tables are never const objects (states are allocated), so
     * casting the qualifier away is defined. */
    ta_ptable *t = (ta_ptable *)ct;
    sort_rows(t->pend);
    return apply_each(t, al);
}

ta_status pt_pend_push(ta_ptable *t, int32_t key, double v, const ta_allocator *al)
{
    struct ta_pt_pend *p = t->pend;
    if (p && p->n == p->cap) {
        ta_status st = ta_pt_settle(t, al);
        if (st != TA_OK)
            return st;
    }
    uint32_t want = t->size / 4 > PEND_FIRST ? t->size / 4 : PEND_FIRST;
    if (!p || (p->n == 0 && p->cap < want / 2)) {
        /* A buffer for half the periods; kept between flushes, replaced
         * by a larger one as the table grows. */
        struct ta_pt_pend *np = al->alloc(al->ud, pend_bytes(want));
        if (!np)
            return TA_ERR_NOMEM;
        np->n = 0;
        np->cap = want;
        pt_pend_free(t, al);
        t->pend = p = np;
    }
    p->row[p->n++] = (pt_row){key, v};
    return TA_OK;
}
