/*
 * ta_ptree.h — the layout of a period table (ta_ptable.h), shared by
 * ta_ptable.c (changes) and ta_ptable_read.c (reads).
 *
 * A B+ tree: leaves hold up to PT_LEAF_CAP entries sorted by key and are
 * chained in key order; inner nodes route a key to the child whose range
 * holds it. Every leaf of a non-empty table holds at least one entry.
 * Sizes fit the power-of-two chunks allocators (PostgreSQL's among them)
 * round requests up to: a full leaf is just under 2 KiB, a node under
 * 1 KiB. An entry is a key, a row count and an exact sum packed in 16
 * bytes (ta_xpacked): 24 bytes.
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

#define PT_LEAF_CAP 84
#define PT_NODE_CAP 84
#define PT_LEAF_MIN (PT_LEAF_CAP / 4) /* fewer after a removal: rebalance */
#define PT_NODE_MIN (PT_NODE_CAP / 4)
#define PT_MAXH     24 /* inner levels; 21^24 leaves cannot exist */

/* A leaf: this header, then key[cap], count[cap] and sum[cap] (PT_KEY,
 * PT_CNT, PT_SUM). Keys lie apart from the sums, next to n: a search
 * touches a leaf's first 352 bytes only (rows in random period order miss
 * the cache on every leaf they visit). Leaves are chained forwards only: a
 * back pointer would cost a 10-entry leaf its 256-byte chunk.
 *
 * Sizes are 16 + 24 * cap bytes, just under a power of two: 2, 10, 20, 42
 * and 84 entries in 64, 256, 512, 1024 and 2048 bytes. A table of one leaf
 * starts with room for 2 entries and grows through these sizes, so a state
 * of up to 10 periods holds a 256-byte leaf and a year of months a 512-byte
 * one. The chunks a state grew out of stay dead under an allocator that
 * reuses a freed chunk only for a request of its size (PostgreSQL's
 * AllocSet) when every group of a hash aggregation grows at once; skipping
 * the 128-byte size keeps that trail short where groups are most common.
 * Every leaf of a taller tree has room for PT_LEAF_CAP. */
typedef struct ta_pt_leaf {
    uint32_t n, cap;
    struct ta_pt_leaf *next;
} pt_leaf;

#define PT_LEAF_FIRST 2
#define PT_KEY(l)     ((int32_t *)((char *)(l) + sizeof(pt_leaf)))
#define PT_CNT(l)     ((uint32_t *)(PT_KEY(l) + (l)->cap))
#define PT_SUM(l)     ((ta_xpacked *)(void *)(PT_CNT(l) + (l)->cap))

static inline size_t pt_leaf_bytes(uint32_t cap) { return sizeof(pt_leaf) + (size_t)cap * 24; }

/* The room of the leaf an only leaf of room cap grows to. */
static inline uint32_t pt_leaf_grown(uint32_t cap)
{
    return cap < 10 ? 10 : cap < 20 ? 20 : cap < 42 ? 42 : PT_LEAF_CAP;
}

/* Entry i of l; its sum shares l's accumulator. */
static inline pt_entry pt_get(const pt_leaf *l, uint32_t i)
{
    return (pt_entry){PT_KEY(l)[i], PT_CNT(l)[i], ta_xsum_unpack(&PT_SUM(l)[i])};
}

/* Stores e at i; l takes e's sum. */
static inline void pt_set(pt_leaf *l, uint32_t i, const pt_entry *e)
{
    PT_KEY(l)[i] = e->key;
    PT_CNT(l)[i] = e->count;
    ta_xsum_pack(&e->sum, &PT_SUM(l)[i]);
}

/* Moves n entries from src[si ..] to dst[di ..] (the ranges may overlap). */
static inline void pt_move(pt_leaf *dst, uint32_t di, const pt_leaf *src, uint32_t si, uint32_t n)
{
    memmove(PT_KEY(dst) + di, PT_KEY(src) + si, (size_t)n * sizeof(int32_t));
    memmove(PT_CNT(dst) + di, PT_CNT(src) + si, (size_t)n * sizeof(uint32_t));
    memmove(PT_SUM(dst) + di, PT_SUM(src) + si, (size_t)n * sizeof(ta_xpacked));
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

/* Rows added in random period order wait here, unsorted, before they
 * join the tree (ta_ptable_pend.c): a row that would need a descent through
 * a large tree (a cache miss on every level) is appended instead, and the
 * rows are sorted and applied in one ordered pass before anything reads the
 * table, or when the buffer is full. Exact sums make the order in which
 * rows reach a period irrelevant. Every key waiting is below the tree's
 * last key (rows at the end go straight in). */
typedef struct pt_row {
    int32_t key;
    double v;
} pt_row;

struct ta_pt_pend {
    uint32_t n, cap;
    pt_row row[];
};

/* Tables with fewer periods take every row straight in: their tree is in
 * the cache. */
#define PT_PEND_MIN_SIZE 4096

static inline bool pt_settled(const ta_ptable *t) { return !t->pend || t->pend->n == 0; }

/* ta_ptable_pend.c */
ta_status pt_pend_push(ta_ptable *t, int32_t key, double v, const ta_allocator *al);
void pt_pend_free(ta_ptable *t, const ta_allocator *al);
size_t pt_pend_mem_size(const ta_ptable *t);
/* ta_ptable.c */
ta_status pt_add_direct(ta_ptable *t, int32_t key, double v, const ta_allocator *al);
ta_status pt_append(ta_ptable *t, const pt_entry *e, const ta_allocator *al);
void pt_free_tree(ta_ptable *t, const ta_allocator *al);

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
        if (PT_KEY(l)[mid] < k)
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

/* The leaf before the one a descent reached through path / at (NULL for
 * the first): up to the deepest node where the descent did not take the
 * first child, then down the rightmost children of its left neighbour. */
static inline pt_leaf *pt_prev_leaf(const ta_ptable *t, pt_node *const *path, const uint32_t *at)
{
    uint32_t d = t->height;
    while (d > 0 && at[d - 1] == 0)
        d--;
    if (d == 0)
        return NULL;
    void *p = path[d - 1]->kid[at[d - 1] - 1];
    for (; d < t->height; d++)
        p = ((pt_node *)p)->kid[((pt_node *)p)->n - 1];
    return p;
}

static inline bool pt_in_range(const pt_leaf *l, int32_t k)
{
    return PT_KEY(l)[0] <= k && k <= PT_KEY(l)[l->n - 1];
}

/* The leaf whose range holds k (NULL when t is empty), when it is found
 * without a descent (true): one of the ends, the leaf touched last or its
 * successor -- rows arrive in period order, or walk each series through
 * its periods in order, or leave a sliding frame from its oldest period. */
static inline bool pt_locate_near(const ta_ptable *t, int32_t k, pt_leaf **out)
{
    pt_leaf *l = t->last;
    *out = l;
    if (!l || k >= PT_KEY(l)[0])
        return true;
    l = *out = t->first;
    if (k <= PT_KEY(l)[l->n - 1])
        return true;
    l = t->hint;
    if (l) {
        *out = l;
        if (pt_in_range(l, k))
            return true;
        *out = l->next;
        if (l->next && pt_in_range(l->next, k))
            return true;
    }
    return false;
}

/* The leaf whose range holds k (NULL when t is empty). */
static inline pt_leaf *pt_locate(const ta_ptable *t, int32_t k)
{
    pt_leaf *l;
    return pt_locate_near(t, k, &l) ? l : pt_descend(t, k, NULL, NULL);
}

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TA_PTREE_H */
