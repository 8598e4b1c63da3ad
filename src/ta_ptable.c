/*
 * ta_ptable.c — changes to a period table (ta_ptable.h): add, remove,
 * merge, build from bytes. The layout is in ta_ptree.h.
 *
 * Costs: a row of a period that exists costs a search (none when it is the
 * latest period or near the one touched last); a new period costs a search
 * plus a shift within one leaf, and a split every few dozen new periods;
 * a period that goes may merge or rebalance two leaves. So any arrival
 * order costs O(log P) per row. Splits at either end of the table leave the
 * old leaf full, so rows in ascending or descending period order fill
 * leaves completely; elsewhere leaves split in half.
 */
#include "ta_ptree.h"

#include <string.h>

void ta_pt_init(ta_ptable *t) { memset(t, 0, sizeof *t); }

/* Releases the accumulator of entry i of l, if it has one. */
static void sum_free(pt_leaf *l, uint32_t i, const ta_allocator *al)
{
    if (ta_xpacked_is_big(&PT_SUM(l)[i])) {
        ta_xsum x = ta_xsum_unpack(&PT_SUM(l)[i]);
        ta_xsum_free(&x, al);
    }
}

/* Entry i's sum += sign * the exact sum o (NULL: sign * v); its row count
 * is the caller's. On failure (TA_ERR_NOMEM) the sum is unchanged. Most
 * rows take the first branch: the pair, added to where it lies. */
TA_COLD static ta_status sum_add(pt_leaf *l, uint32_t i, double v, const ta_xsum *o, int sign,
                                 const ta_allocator *al)
{
    ta_xpacked *p = &PT_SUM(l)[i];
    if (!o && !ta_xpacked_is_big(p) && ta_xsum_pair_add(&p->hi, &p->lo, sign * v))
        return TA_OK;
    ta_xsum x = ta_xsum_unpack(p);
    ta_status st = o ? ta_xsum_merge(&x, o, sign, al) : ta_xsum_add(&x, sign * v, al);
    if (st == TA_OK)
        ta_xsum_pack(&x, p);
    return st;
}

static void free_subtree(void *p, uint32_t height, const ta_allocator *al)
{
    if (height == 0) {
        pt_leaf *l = p;
        for (uint32_t i = 0; i < l->n; i++)
            sum_free(l, i, al);
    } else {
        pt_node *n = p;
        for (uint32_t i = 0; i < n->n; i++)
            free_subtree(n->kid[i], height - 1, al);
    }
    al->free(al->ud, p);
}

/* Frees the tree and its sums; t's scan and waiting rows stay. */
void pt_free_tree(ta_ptable *t, const ta_allocator *al)
{
    if (t->root)
        free_subtree(t->root, t->height, al);
    t->root = NULL;
    t->first = t->last = t->hint = NULL;
    t->rows = 0;
    t->size = t->height = t->hint_i = 0;
}

void ta_pt_free(ta_ptable *t, const ta_allocator *al)
{
    pt_free_tree(t, al);
    pt_pend_free(t, al);
    if (t->scan) {
        pt_scan_reset(t, al);
        al->free(al->ud, t->scan);
    }
    ta_pt_init(t);
}

/* A change at key invalidates a running scan that has read it. */
static void scan_touch(ta_ptable *t, int32_t key, const ta_allocator *al)
{
    if (t->scan && t->scan->valid && key <= t->scan->key)
        pt_scan_reset(t, al);
}

static ta_status entry_add(ta_ptable *t, pt_leaf *l, uint32_t i, double v,
                           const ta_allocator *al)
{
    ta_xpacked *p = &PT_SUM(l)[i];
    if (PT_CNT(l)[i] == UINT32_MAX)
        return TA_ERR_RANGE;
    if (ta_xpacked_is_big(p) || !ta_xsum_pair_add(&p->hi, &p->lo, v)) {
        ta_status st = sum_add(l, i, v, NULL, 1, al);
        if (st != TA_OK)
            return st;
    }
    PT_CNT(l)[i]++;
    t->rows++;
    return TA_OK;
}

static void leaf_put(ta_ptable *t, pt_leaf *l, uint32_t i, const pt_entry *e)
{
    if (i < l->n) /* at the end, as rows in period order come, nothing moves */
        pt_move(l, i + 1, l, i, l->n - i);
    pt_set(l, i, e);
    l->n++;
    t->size++;
    t->rows += e->count;
}

static void node_put(pt_node *n, uint32_t i, int32_t key, void *kid)
{
    memmove(n->key + i + 1, n->key + i, (size_t)(n->n - i) * sizeof *n->key);
    memmove(n->kid + i + 1, n->kid + i, (size_t)(n->n - i) * sizeof *n->kid);
    n->key[i] = key;
    n->kid[i] = kid;
    n->n++;
}

static void node_drop(pt_node *n, uint32_t i)
{
    memmove(n->key + i, n->key + i + 1, (size_t)(n->n - i - 1) * sizeof *n->key);
    memmove(n->kid + i, n->kid + i + 1, (size_t)(n->n - i - 1) * sizeof *n->kid);
    n->n--;
}

/* Where a full node of n items splits, inserting at pos: at an end of the
 * table the old node stays full. */
static uint32_t split_point(uint32_t n, uint32_t pos, bool left_edge, bool right_edge,
                            uint32_t first)
{
    if (pos == n && right_edge)
        return n;
    if (pos == first && left_edge)
        return first;
    return n / 2;
}

/* Splits full leaf l into l and r (r after l in the chain), then puts e at
 * position pos of the old order. */
static void split_leaf(ta_ptable *t, pt_leaf *l, pt_leaf *r, uint32_t pos, const pt_entry *e)
{
    uint32_t n = l->n, s = split_point(n, pos, l == t->first, l == t->last, 0);
    pt_move(r, 0, l, s, n - s);
    r->n = n - s;
    l->n = s;
    r->next = l->next;
    if (!l->next)
        t->last = r;
    l->next = r;
    if (pos <= s && s < PT_LEAF_CAP) {
        leaf_put(t, l, pos, e);
        t->hint = l;
    } else {
        leaf_put(t, r, pos - s, e);
        t->hint = r;
    }
}

static void split_node(pt_node *n, pt_node *r, uint32_t pos, int32_t key, void *kid, bool left_edge,
                       bool right_edge)
{
    uint32_t c = n->n, s = split_point(c, pos, left_edge, right_edge, 1);
    memcpy(r->key, n->key + s, (size_t)(c - s) * sizeof *n->key);
    memcpy(r->kid, n->kid + s, (size_t)(c - s) * sizeof *n->kid);
    r->n = c - s;
    n->n = s;
    if (pos <= s && s < PT_NODE_CAP)
        node_put(n, pos, key, kid);
    else
        node_put(r, pos - s, key, kid);
}

/* The only leaf of t, full, moved to the next size (pt_leaf_grown); NULL
 * when out of memory (t is then unchanged). */
static pt_leaf *grow_root(ta_ptable *t, const ta_allocator *al)
{
    pt_leaf *l = t->root;
    uint32_t cap = pt_leaf_grown(l->cap);
    pt_leaf *g = al->alloc(al->ud, pt_leaf_bytes(cap));
    if (!g)
        return NULL;
    *g = (pt_leaf){l->n, cap, NULL};
    pt_move(g, 0, l, 0, l->n);
    al->free(al->ud, l);
    t->root = t->first = t->last = t->hint = g;
    return g;
}

/* Puts e (its key absent from t) where it belongs, splitting what must
 * split. Every node the split needs is allocated first, so on failure
 * (TA_ERR_NOMEM) t is unchanged. */
static ta_status place_split(ta_ptable *t, const pt_entry *e, const ta_allocator *al)
{
    pt_node *path[PT_MAXH];
    uint32_t at[PT_MAXH], need = 1, h = t->height;
    bool left[PT_MAXH + 1], right[PT_MAXH + 1];
    void *spare[PT_MAXH + 2];

    if (!t->root) {
        pt_leaf *l = al->alloc(al->ud, pt_leaf_bytes(PT_LEAF_FIRST));
        if (!l)
            return TA_ERR_NOMEM;
        *l = (pt_leaf){0, PT_LEAF_FIRST, NULL};
        t->root = t->first = t->last = t->hint = l;
        leaf_put(t, l, 0, e);
        return TA_OK;
    }
    pt_leaf *l = pt_descend(t, e->key, path, at);
    uint32_t pos = pt_leaf_lb(l, e->key);
    if (l->n == l->cap && l->cap < PT_LEAF_CAP) {
        if (!(l = grow_root(t, al)))
            return TA_ERR_NOMEM;
    }
    if (l->n < l->cap) {
        leaf_put(t, l, pos, e);
        t->hint = l;
        return TA_OK;
    }
    /* left[d] / right[d]: the node at depth d is on the table's left /
     * right edge (depth h is the leaf). */
    left[0] = right[0] = true;
    for (uint32_t d = 0; d < h; d++) {
        left[d + 1] = left[d] && at[d] == 0;
        right[d + 1] = right[d] && at[d] == path[d]->n - 1;
    }
    uint32_t d = h;
    while (d > 0 && path[d - 1]->n == PT_NODE_CAP) {
        need++;
        d--;
    }
    if (d == 0 && ++need > PT_MAXH)
        return TA_ERR_NOMEM;
    for (uint32_t i = 0; i < need; i++) {
        spare[i] = al->alloc(al->ud, i == 0 ? pt_leaf_bytes(PT_LEAF_CAP) : sizeof(pt_node));
        if (!spare[i]) {
            while (i > 0)
                al->free(al->ud, spare[--i]);
            return TA_ERR_NOMEM;
        }
    }
    pt_leaf *r = spare[0];
    r->cap = PT_LEAF_CAP;
    split_leaf(t, l, r, pos, e);
    int32_t key = PT_KEY(r)[0];
    void *kid = r;
    uint32_t used = 1;
    for (d = h; d > 0; d--) {
        pt_node *n = path[d - 1];
        if (n->n < PT_NODE_CAP) {
            node_put(n, at[d - 1] + 1, key, kid);
            return TA_OK;
        }
        pt_node *rn = spare[used++];
        split_node(n, rn, at[d - 1] + 1, key, kid, left[d - 1], right[d - 1]);
        key = rn->key[0];
        kid = rn;
    }
    pt_node *root = spare[used];
    root->n = 2;
    root->key[0] = INT32_MIN;
    root->kid[0] = t->root;
    root->key[1] = key;
    root->kid[1] = kid;
    t->root = root;
    t->height++;
    return TA_OK;
}

/* The entry of key when it is the latest period, the one touched last or
 * the one after it: rows of a period tend to come together, and a scan
 * walks each series through its periods in order. */
static bool quick_find(const ta_ptable *t, int32_t key, pt_leaf **leaf, uint32_t *at)
{
    pt_leaf *l = t->last, *h = t->hint;
    uint32_t i = t->hint_i;
    if (l && PT_KEY(l)[l->n - 1] == key) {
        *leaf = l;
        *at = l->n - 1;
        return true;
    }
    if (!h)
        return false;
    if (i < h->n && PT_KEY(h)[i] != key)
        i++;
    if (i >= h->n || PT_KEY(h)[i] != key)
        return false;
    *leaf = h;
    *at = i;
    return true;
}

/* A new period's entry e goes at position i of leaf l (the leaf its key
 * belongs in, NULL for an empty table), or through a split. On failure e's
 * sum is released. */
static ta_status insert_new(ta_ptable *t, pt_leaf *l, uint32_t i, pt_entry *e,
                            const ta_allocator *al)
{
    ta_status st;
    if (l && l->n < l->cap) {
        leaf_put(t, l, i, e);
        t->hint = l;
        t->hint_i = i;
        return TA_OK;
    }
    if ((st = place_split(t, e, al)) != TA_OK)
        ta_xsum_free(&e->sum, al);
    return st;
}

/* A period after every other one goes at the end of the last leaf when it
 * has room, with no search: a series read in period order makes most of
 * its entries so. */
static bool quick_append(ta_ptable *t, int32_t key, double v, const ta_allocator *al)
{
    pt_leaf *l = t->last;
    if (!l || l->n == l->cap || key <= PT_KEY(l)[l->n - 1])
        return false;
    pt_entry e = {key, 1, TA_XSUM_ZERO};
    (void)ta_xsum_pair_add(&e.sum.hi, &e.sum.lo, v); /* exact from 0: v is finite */
    return insert_new(t, l, l->n, &e, al) == TA_OK;  /* the leaf has room: no failure */
}

/* Whether a row that would need a descent waits in the buffer instead:
 * the tree is large, and no period can pass UINT32_MAX rows however the
 * waiting rows fall (so applying them cannot fail on a count). */
static bool wait_for_tree(const ta_ptable *t)
{
    return t->size >= PT_PEND_MIN_SIZE &&
           t->rows + (t->pend ? t->pend->n : 0) < (uint64_t)UINT32_MAX;
}

/* A row that needs a search: it waits in the buffer, or goes in now. */
TA_COLD static ta_status add_searched(ta_ptable *t, int32_t key, double v, const ta_allocator *al)
{
    pt_leaf *l;
    if (!pt_locate_near(t, key, &l) && wait_for_tree(t))
        return pt_pend_push(t, key, v, al);
    return pt_add_direct(t, key, v, al);
}

TA_COLD static void scan_drop(ta_ptable *t, const ta_allocator *al) { pt_scan_reset(t, al); }

ta_status ta_pt_add(ta_ptable *t, int32_t key, double v, const ta_allocator *al)
{
    pt_leaf *l;
    uint32_t i = 0;

    if (t->scan && t->scan->valid && key <= t->scan->key)
        scan_drop(t, al); /* scan_touch, its rare half out of line */
    if (quick_find(t, key, &l, &i)) {
        t->hint = l;
        t->hint_i = i;
        return entry_add(t, l, i, v, al);
    }
    if (quick_append(t, key, v, al))
        return TA_OK;
    return add_searched(t, key, v, al);
}

/* Adds a row to the tree itself. */
ta_status pt_add_direct(ta_ptable *t, int32_t key, double v, const ta_allocator *al)
{
    uint32_t i = 0;
    ta_status st;
    pt_leaf *l = pt_locate(t, key);
    if (l) {
        i = pt_leaf_lb(l, key);
        if (i < l->n && PT_KEY(l)[i] == key) {
            t->hint = l;
            t->hint_i = i;
            return entry_add(t, l, i, v, al);
        }
    }
    pt_entry e = {key, 1, TA_XSUM_ZERO};
    if ((st = ta_xsum_add(&e.sum, v, al)) != TA_OK)
        return st;
    return insert_new(t, l, i, &e, al);
}

/* ---- removal ---------------------------------------------------------------- */

/* Takes leaf l, whose predecessor is prev (NULL: l is the first), out of
 * the chain and frees it. */
static void unlink_leaf(ta_ptable *t, pt_leaf *l, pt_leaf *prev, const ta_allocator *al)
{
    if (prev)
        prev->next = l->next;
    else
        t->first = l->next;
    if (!l->next)
        t->last = prev;
    if (t->hint == l)
        t->hint = NULL;
    al->free(al->ud, l);
}

/* Leaves a and b, neighbours under one parent at kid[i] and kid[i + 1]:
 * b joins a when both fit in one leaf (true), or they share their entries
 * evenly. */
static bool pair_leaves(ta_ptable *t, pt_node *p, uint32_t i, const ta_allocator *al)
{
    pt_leaf *a = p->kid[i], *b = p->kid[i + 1];
    uint32_t total = a->n + b->n, want = total / 2;
    if (total <= PT_LEAF_CAP) {
        pt_move(a, a->n, b, 0, b->n);
        a->n = total;
        unlink_leaf(t, b, a, al);
        node_drop(p, i + 1);
        return true;
    }
    if (a->n < want) {
        uint32_t k = want - a->n;
        pt_move(a, a->n, b, 0, k);
        pt_move(b, 0, b, k, b->n - k);
        a->n += k;
        b->n -= k;
    } else {
        uint32_t k = a->n - want;
        pt_move(b, k, b, 0, b->n);
        pt_move(b, 0, a, want, k);
        a->n = want;
        b->n += k;
    }
    p->key[i + 1] = PT_KEY(b)[0];
    return false;
}

/* The same for inner nodes; the parent's bound for b moves with them. */
static bool pair_nodes(pt_node *p, uint32_t i, const ta_allocator *al)
{
    pt_node *a = p->kid[i], *b = p->kid[i + 1];
    uint32_t total = a->n + b->n, want = total / 2;
    b->key[0] = p->key[i + 1];
    if (total <= PT_NODE_CAP) {
        memcpy(a->key + a->n, b->key, (size_t)b->n * sizeof *b->key);
        memcpy(a->kid + a->n, b->kid, (size_t)b->n * sizeof *b->kid);
        a->n = total;
        al->free(al->ud, b);
        node_drop(p, i + 1);
        return true;
    }
    if (a->n < want) {
        uint32_t k = want - a->n;
        memcpy(a->key + a->n, b->key, (size_t)k * sizeof *b->key);
        memcpy(a->kid + a->n, b->kid, (size_t)k * sizeof *b->kid);
        memmove(b->key, b->key + k, (size_t)(b->n - k) * sizeof *b->key);
        memmove(b->kid, b->kid + k, (size_t)(b->n - k) * sizeof *b->kid);
        a->n += k;
        b->n -= k;
    } else {
        uint32_t k = a->n - want;
        memmove(b->key + k, b->key, (size_t)b->n * sizeof *b->key);
        memmove(b->kid + k, b->kid, (size_t)b->n * sizeof *b->kid);
        memcpy(b->key, a->key + want, (size_t)k * sizeof *b->key);
        memcpy(b->kid, a->kid + want, (size_t)k * sizeof *b->kid);
        a->n = want;
        b->n += k;
    }
    p->key[i + 1] = b->key[0];
    return false;
}

/* The leaf holding key's place has fewer than PT_LEAF_MIN entries: it
 * joins or shares with a neighbour, and so on up while nodes run low. */
static void rebalance(ta_ptable *t, int32_t key, const ta_allocator *al)
{
    pt_node *path[PT_MAXH];
    uint32_t at[PT_MAXH], d = t->height;
    pt_leaf *l = pt_descend(t, key, path, at);

    if (d == 0) {
        if (l->n == 0) {
            unlink_leaf(t, l, NULL, al);
            t->root = NULL;
        }
        return;
    }
    pt_node *p = path[d - 1];
    if (p->n > 1) {
        uint32_t i = at[d - 1] + 1 < p->n ? at[d - 1] : at[d - 1] - 1;
        if (!pair_leaves(t, p, i, al))
            return;
    } else if (l->n == 0) {
        unlink_leaf(t, l, pt_prev_leaf(t, path, at), al);
        p->n = 0;
    } else {
        return;
    }
    /* p lost a child. */
    for (d = t->height - 1; d > 0; d--) {
        pt_node *n = path[d], *up = path[d - 1];
        if (n->n >= PT_NODE_MIN)
            return;
        if (up->n > 1) {
            uint32_t i = at[d - 1] + 1 < up->n ? at[d - 1] : at[d - 1] - 1;
            if (!pair_nodes(up, i, al))
                return;
        } else if (n->n == 0) {
            al->free(al->ud, n);
            up->n = 0;
        } else {
            return;
        }
    }
    /* A root with one child gives way to it; with none, t is empty. */
    while (t->height > 0 && ((pt_node *)t->root)->n <= 1) {
        pt_node *root = t->root;
        t->root = root->n ? root->kid[0] : NULL;
        t->height = root->n ? t->height - 1 : 0;
        al->free(al->ud, root);
    }
}

/* A period left the table (nothing waits: removals apply the waiting rows
 * first). A table that has become small takes rows straight in again, so
 * its buffer goes. */
static void entry_gone(ta_ptable *t, const ta_allocator *al)
{
    t->size--;
    if (t->size < PT_PEND_MIN_SIZE)
        pt_pend_free(t, al);
}

ta_status ta_pt_remove(ta_ptable *t, int32_t key, double v, const ta_allocator *al)
{
    ta_status st = ta_pt_settle(t, al);
    if (st != TA_OK)
        return st;
    pt_leaf *l = pt_locate(t, key);
    uint32_t i = l ? pt_leaf_lb(l, key) : 0;
    if (!l || i == l->n || PT_KEY(l)[i] != key)
        return TA_ERR_INTERNAL;
    scan_touch(t, key, al);
    if (PT_CNT(l)[i] > 1) {
        st = sum_add(l, i, v, NULL, -1, al);
        if (st != TA_OK)
            return st;
        PT_CNT(l)[i]--;
        t->rows--;
        return TA_OK;
    }
    /* The period's last row left, so its exact sum is 0: the entry goes. */
    sum_free(l, i, al);
    pt_move(l, i, l, i + 1, l->n - i - 1);
    l->n--;
    entry_gone(t, al);
    t->rows--;
    t->hint = l;
    if (l->n < PT_LEAF_MIN)
        rebalance(t, key, al);
    return TA_OK;
}

/* ---- whole periods (rollup of series) ------------------------------------------ */

ta_status ta_pt_add_entry(ta_ptable *t, int32_t key, uint32_t count, const ta_xsum *sum, int sign,
                          const ta_allocator *al)
{
    ta_status st = ta_pt_settle(t, al);
    if (st != TA_OK)
        return st;
    pt_leaf *l = pt_locate(t, key);
    uint32_t i = l ? pt_leaf_lb(l, key) : 0;
    bool found = l && i < l->n && PT_KEY(l)[i] == key;

    if (sign < 0 && (!found || PT_CNT(l)[i] < count))
        return TA_ERR_INTERNAL;
    scan_touch(t, key, al);
    if (found) {
        t->hint = l;
        t->hint_i = i;
        if (sign > 0 && (uint64_t)PT_CNT(l)[i] + count > UINT32_MAX)
            return TA_ERR_RANGE;
        if (sign < 0 && PT_CNT(l)[i] == count) {
            /* Every row of the period left: its exact sum is 0. */
            sum_free(l, i, al);
            pt_move(l, i, l, i + 1, l->n - i - 1);
            l->n--;
            entry_gone(t, al);
            t->rows -= count;
            if (l->n < PT_LEAF_MIN)
                rebalance(t, key, al);
            return TA_OK;
        }
        if ((st = sum_add(l, i, 0, sum, sign, al)) != TA_OK)
            return st;
        PT_CNT(l)[i] = sign > 0 ? PT_CNT(l)[i] + count : PT_CNT(l)[i] - count;
        t->rows = sign > 0 ? t->rows + count : t->rows - count;
        return TA_OK;
    }
    pt_entry e = {key, count, TA_XSUM_ZERO};
    if ((st = ta_xsum_copy(&e.sum, sum, al)) != TA_OK)
        return st;
    return insert_new(t, l, i, &e, al);
}

/* ---- building in key order ------------------------------------------------------ */

/* Appends e, whose key is above every key of t; takes e's sum. */
ta_status pt_append(ta_ptable *t, const pt_entry *e, const ta_allocator *al)
{
    pt_leaf *l = t->last;
    if (l && l->n < l->cap) {
        leaf_put(t, l, l->n, e);
        return TA_OK;
    }
    return place_split(t, e, al);
}

/* Normalizes a cursor so that node/i name its next entry, which goes to
 * *e (false when there is none; e->sum is then shared, not copied). */
static bool peek(ta_pt_cursor *c, pt_entry *e)
{
    const pt_leaf *l = c->node;
    while (l && c->i >= l->n) {
        l = l->next;
        c->i = 0;
    }
    c->node = l;
    if (l)
        *e = pt_get(l, c->i);
    return l != NULL;
}

/* The next entry of the merge of the tables under cursors a and b, with a
 * sum of its own; *done when both are exhausted. */
static ta_status merge_next(ta_pt_cursor *a, ta_pt_cursor *b, pt_entry *out, bool *done,
                            const ta_allocator *al)
{
    pt_entry xe, ye;
    const pt_entry *x = peek(a, &xe) ? &xe : NULL, *y = peek(b, &ye) ? &ye : NULL;
    ta_status st;
    *done = !x && !y;
    if (*done)
        return TA_OK;
    bool take_a = x && (!y || x->key <= y->key), take_b = y && (!x || y->key <= x->key);
    const pt_entry *lowest = take_a ? x : y;
    *out = (pt_entry){lowest->key, lowest->count, TA_XSUM_ZERO};
    if ((st = ta_xsum_copy(&out->sum, &lowest->sum, al)) != TA_OK)
        return st;
    if (take_a && take_b) {
        if ((uint64_t)out->count + y->count > UINT32_MAX)
            st = TA_ERR_RANGE;
        else
            st = ta_xsum_merge(&out->sum, &y->sum, 1, al);
        out->count += y->count;
        if (st != TA_OK) {
            ta_xsum_free(&out->sum, al);
            return st;
        }
    }
    a->i += take_a;
    b->i += take_b;
    return TA_OK;
}

ta_status ta_pt_merge(ta_ptable *dst, const ta_ptable *src, const ta_allocator *al)
{
    ta_ptable out;
    ta_pt_cursor a, b;
    ta_status st = TA_OK;
    bool done = false;

    /* src's waiting rows need src's allocator: the caller applied them. */
    if (!pt_settled(src))
        return TA_ERR_INTERNAL;
    if ((st = ta_pt_settle(dst, al)) != TA_OK || src->size == 0)
        return st;
    ta_pt_init(&out);
    ta_pt_seek(dst, INT32_MIN, &a);
    ta_pt_seek(src, INT32_MIN, &b);
    while (st == TA_OK) {
        pt_entry e;
        if ((st = merge_next(&a, &b, &e, &done, al)) != TA_OK || done)
            break;
        if ((st = pt_append(&out, &e, al)) != TA_OK)
            ta_xsum_free(&e.sum, al);
    }
    if (st != TA_OK) {
        ta_pt_free(&out, al);
        return st;
    }
    pt_scan_reset(dst, al);
    out.scan = dst->scan;
    out.pend = dst->pend;
    pt_free_tree(dst, al);
    *dst = out;
    return TA_OK;
}

/* ---- from bytes ----------------------------------------------------------------- */

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

ta_status ta_pt_deserialize(ta_ptable *t, ta_pkind pk, const uint8_t **p, const uint8_t *end,
                            const ta_allocator *al)
{
    const uint8_t *q = *p;
    ta_status st = TA_ERR_STATE;

    ta_pt_init(t);
    if (end - q < 4)
        return TA_ERR_STATE;
    uint32_t n = get_u32(q);
    q += 4;
    /* Each period takes at least 8 bytes: a count that cannot fit is refused
     * before anything is built for it. */
    if ((uint64_t)n * 8 > (uint64_t)(end - q))
        return TA_ERR_STATE;
    for (uint32_t i = 0; i < n; i++, st = TA_ERR_STATE) {
        int32_t last;
        if (end - q < 8)
            goto fail;
        pt_entry e = {(int32_t)get_u32(q), get_u32(q + 4), TA_XSUM_ZERO};
        q += 8;
        if (!key_valid(pk, e.key) || (ta_pt_last(t, &last) && e.key <= last) || e.count == 0 ||
            t->rows + e.count < t->rows)
            goto fail;
        if ((st = ta_xsum_deserialize(&e.sum, &q, end, al)) != TA_OK)
            goto fail;
        if (!ta_xsum_within(&e.sum, e.count, 1024)) {
            ta_xsum_free(&e.sum, al);
            goto fail;
        }
        if ((st = pt_append(t, &e, al)) != TA_OK) {
            ta_xsum_free(&e.sum, al);
            goto fail;
        }
    }
    *p = q;
    return TA_OK;
fail:
    ta_pt_free(t, al);
    return st == TA_ERR_NOMEM ? st : TA_ERR_STATE;
}
