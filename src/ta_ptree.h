/*
 * ta_ptree.h — the layout of a period table (ta_ptable.h), shared by
 * ta_ptable.c (changes) and ta_ptable_read.c (reads).
 *
 * A B+ tree: leaves hold up to PT_LEAF_CAP entries sorted by key and are
 * chained in key order; inner nodes route a key to the child whose range
 * holds it. Every leaf of a non-empty table holds at least one entry.
 * Sizes fit the power-of-two chunks allocators (PostgreSQL's among them)
 * round requests up to: a leaf is just under 2 KiB, a node under 1 KiB.
 * An entry (pt_entry) is a key, a row count and an exact sum: 32 bytes.
 */
#ifndef TA_PTREE_H
#define TA_PTREE_H

#include "ta_internal.h"

#include <string.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

typedef struct pt_entry {
    int32_t key;
    uint32_t count; /* rows of this period; the entry goes when it is 0 */
    ta_xsum sum;    /* their exact sum */
} pt_entry;

#define PT_LEAF_CAP 63
#define PT_NODE_CAP 84
#define PT_LEAF_MIN (PT_LEAF_CAP / 4) /* fewer after a removal: rebalance */
#define PT_NODE_MIN (PT_NODE_CAP / 4)
#define PT_MAXH     24 /* inner levels; 21^24 leaves cannot exist */

/* Keys apart from the sums, next to n: a search touches the first 256
 * bytes of a leaf only (rows arriving in random period order miss the
 * cache on every leaf they visit). */
typedef struct ta_pt_leaf {
    uint32_t n;
    int32_t key[PT_LEAF_CAP];
    struct ta_pt_leaf *prev, *next;
    uint32_t count[PT_LEAF_CAP]; /* rows per period; an entry goes at 0 */
    ta_xsum sum[PT_LEAF_CAP];    /* their exact sums */
} pt_leaf;

static inline pt_entry pt_get(const pt_leaf *l, uint32_t i)
{
    return (pt_entry){l->key[i], l->count[i], l->sum[i]};
}

static inline void pt_set(pt_leaf *l, uint32_t i, const pt_entry *e)
{
    l->key[i] = e->key;
    l->count[i] = e->count;
    l->sum[i] = e->sum;
}

/* Moves n entries from src[si ..] to dst[di ..] (the ranges may overlap). */
static inline void pt_move(pt_leaf *dst, uint32_t di, const pt_leaf *src, uint32_t si, uint32_t n)
{
    memmove(dst->key + di, src->key + si, (size_t)n * sizeof *src->key);
    memmove(dst->count + di, src->count + si, (size_t)n * sizeof *src->count);
    memmove(dst->sum + di, src->sum + si, (size_t)n * sizeof *src->sum);
}

typedef struct pt_node {
    uint32_t n; /* children */
    /* Every key under kid[i] is >= key[i] and < key[i + 1]; key[0] repeats
     * the bound the parent holds for this node (unused on the left edge). */
    int32_t key[PT_NODE_CAP];
    void *kid[PT_NODE_CAP];
} pt_node;

/* target_reached_at's running scan: the periods <= key have been read and
 * prefix is their exact sum; found: its rounding reached target (key is
 * then the answer). A change at or before key invalidates it. */
struct ta_pt_scan {
    ta_xsum prefix;
    double target;
    int32_t key;
    bool valid, found;
};

static inline void pt_scan_reset(const ta_ptable *t, const ta_allocator *al)
{
    if (t->scan && t->scan->valid) {
        ta_xsum_free(&t->scan->prefix, al);
        t->scan->valid = false;
    }
}

/* Index of the first entry of l with key >= k (l->n if none). */
static inline uint32_t pt_leaf_lb(const pt_leaf *l, int32_t k)
{
    uint32_t lo = 0, hi = l->n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (l->key[mid] < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Index of the child of n whose range holds k. */
static inline uint32_t pt_node_child(const pt_node *n, int32_t k)
{
    uint32_t lo = 1, hi = n->n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (n->key[mid] <= k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

/* The leaf whose range holds k, from the root; path[d] / at[d] (when path
 * is not NULL) receive the inner node at depth d and the child taken. */
static inline pt_leaf *pt_descend(const ta_ptable *t, int32_t k, pt_node **path, uint32_t *at)
{
    void *p = t->root;
    for (uint32_t d = 0; d < t->height; d++) {
        pt_node *n = p;
        uint32_t i = pt_node_child(n, k);
        if (path) {
            path[d] = n;
            at[d] = i;
        }
        p = n->kid[i];
    }
    return p;
}

static inline bool pt_in_range(const pt_leaf *l, int32_t k)
{
    return l->key[0] <= k && k <= l->key[l->n - 1];
}

/* The leaf whose range holds k (NULL when t is empty): the ends and the
 * leaf touched last, or its successor, before any descent -- rows arrive
 * in period order, or walk each series through its periods in order, or
 * leave a sliding frame from its oldest period. */
static inline pt_leaf *pt_locate(const ta_ptable *t, int32_t k)
{
    pt_leaf *l = t->last;
    if (!l || k >= l->key[0])
        return l;
    l = t->first;
    if (k <= l->key[l->n - 1])
        return l;
    l = t->hint;
    if (l) {
        if (pt_in_range(l, k))
            return l;
        if (l->next && pt_in_range(l->next, k))
            return l->next;
    }
    return pt_descend(t, k, NULL, NULL);
}

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TA_PTREE_H */
