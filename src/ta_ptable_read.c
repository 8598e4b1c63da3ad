/*
 * ta_ptable_read.c — reading a period table (ta_ptable.h): navigation,
 * range sums, cursors, the running scan of target_reached_at, and the
 * serialized form. Nothing here changes what a table holds.
 */
#include "ta_ptree.h"

#include <assert.h>
#include <string.h>

/* The reads below that return no status need the waiting rows applied
 * (ta_pt_settle, which ta_agg_settle calls at the core's interface); the
 * others apply them first. */
#define SETTLED(t) assert(pt_settled(t))

uint32_t ta_pt_size(const ta_ptable *t)
{
    SETTLED(t);
    return t->size;
}

uint64_t ta_pt_rows(const ta_ptable *t) { return t->rows + (t->pend ? t->pend->n : 0); }

/* Rows wait only for keys below the tree's last one. */
bool ta_pt_last(const ta_ptable *t, int32_t *key)
{
    if (!t->last)
        return false;
    *key = PT_KEY(t->last)[t->last->n - 1];
    return true;
}

bool ta_pt_prev(const ta_ptable *t, int32_t key, int32_t *prev)
{
    pt_node *path[PT_MAXH];
    uint32_t at[PT_MAXH];
    SETTLED(t);
    const pt_leaf *l = pt_locate(t, key);
    if (!l)
        return false;
    uint32_t i = pt_leaf_lb(l, key);
    if (i == 0) {
        /* Before l's entries: the leaf a descent reaches may still hold
         * one (l's bound can lie below its first key), else the one
         * before it does. */
        l = pt_descend(t, key, path, at);
        i = pt_leaf_lb(l, key);
        if (i == 0) {
            if (!(l = pt_prev_leaf(t, path, at)))
                return false;
            i = l->n;
        }
    }
    *prev = PT_KEY(l)[i - 1];
    return true;
}

void ta_pt_seek(const ta_ptable *t, int32_t key, ta_pt_cursor *c)
{
    SETTLED(t);
    const pt_leaf *l = pt_locate(t, key);
    c->node = l;
    c->i = l ? pt_leaf_lb(l, key) : 0;
    c->view = TA_XSUM_ZERO;
}

bool ta_pt_next(const ta_ptable *t, ta_pt_cursor *c, int32_t *key, uint32_t *count,
                const ta_xsum **sum)
{
    const pt_leaf *l = c->node;
    (void)t;
    while (l && c->i >= l->n) {
        l = l->next;
        c->i = 0;
    }
    c->node = l;
    if (!l)
        return false;
    uint32_t i = c->i++;
    if (key)
        *key = PT_KEY(l)[i];
    if (count)
        *count = PT_CNT(l)[i];
    if (sum) {
        c->view = ta_xsum_unpack(&PT_SUM(l)[i]);
        *sum = &c->view;
    }
    return true;
}

ta_status ta_pt_range(const ta_ptable *t, int32_t lo, int32_t hi, ta_xsum *acc, uint64_t *rows,
                      uint32_t *periods, const ta_allocator *al)
{
    ta_pt_cursor c;
    int32_t key;
    uint32_t count, n = 0;
    const ta_xsum *sum;
    uint64_t r = 0;
    ta_status st = ta_pt_settle(t, al);
    if (st != TA_OK || lo > hi)
        return st;
    ta_pt_seek(t, lo, &c);
    while (ta_pt_next(t, &c, &key, &count, &sum) && key <= hi) {
        st = ta_xsum_merge(acc, sum, 1, al);
        if (st != TA_OK)
            return st;
        r += count;
        n++;
    }
    if (rows)
        *rows += r;
    if (periods)
        *periods += n;
    return TA_OK;
}

/* ---- target_reached_at ---------------------------------------------------------- */

/* Continues scan s from where it stopped, period by period. */
static ta_status scan_on(struct ta_pt_scan *s, const ta_ptable *t, const ta_allocator *al)
{
    ta_pt_cursor c;
    int32_t key;
    const ta_xsum *sum;
    double run;
    ta_status st;
    if (s->valid && s->key == INT32_MAX)
        return TA_OK;
    ta_pt_seek(t, s->valid ? s->key + 1 : INT32_MIN, &c);
    while (ta_pt_next(t, &c, &key, NULL, &sum)) {
        if ((st = ta_xsum_merge(&s->prefix, sum, 1, al)) != TA_OK) {
            pt_scan_reset(t, al);
            return st;
        }
        s->key = key;
        s->valid = true;
        /* On TA_ERR_RANGE the scan stays here: a new read says the same. */
        if ((st = ta_xsum_round(&s->prefix, &run)) != TA_OK)
            return st;
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
    /* The scan is a cache: what t holds never changes here, only where the
     * next read starts. States are never const objects (engines allocate
     * them), so casting the qualifier away is defined. */
    ta_ptable *mt = (ta_ptable *)t;
    ta_status st;
    double run;
    if ((st = ta_pt_settle(t, al)) != TA_OK)
        return st;
    if (!mt->scan) {
        mt->scan = al->alloc(al->ud, sizeof *mt->scan);
        if (!mt->scan)
            return TA_ERR_NOMEM;
        memset(mt->scan, 0, sizeof *mt->scan);
    }
    struct ta_pt_scan *s = mt->scan;
    if (s->valid && s->target != target)
        pt_scan_reset(t, al);
    if (!s->valid) {
        s->prefix = TA_XSUM_ZERO;
        s->found = false;
        s->target = target;
    } else if (!s->found && (st = ta_xsum_round(&s->prefix, &run)) != TA_OK) {
        return st; /* the scan stopped on a running sum out of range */
    }
    if (!s->found && (st = scan_on(s, t, al)) != TA_OK)
        return st;
    *found = s->found;
    if (s->found)
        *key = s->key;
    return TA_OK;
}

/* ---- size ------------------------------------------------------------------------- */

static size_t subtree_bytes(const void *p, uint32_t height)
{
    if (height == 0) {
        const pt_leaf *l = p;
        size_t n = pt_leaf_bytes(l->cap);
        for (uint32_t i = 0; i < l->n; i++) {
            ta_xsum x = ta_xsum_unpack(&PT_SUM(l)[i]);
            n += ta_xsum_mem_size(&x);
        }
        return n;
    }
    const pt_node *node = p;
    size_t n = sizeof *node;
    for (uint32_t i = 0; i < node->n; i++)
        n += subtree_bytes(node->kid[i], height - 1);
    return n;
}

size_t ta_pt_mem_size(const ta_ptable *t)
{
    size_t n = (t->root ? subtree_bytes(t->root, t->height) : 0) + pt_pend_mem_size(t);
    if (t->scan)
        n += sizeof *t->scan + ta_xsum_mem_size(&t->scan->prefix);
    return n;
}

/* ---- serialized form ------------------------------------------------------------- */

static void put_u32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

size_t ta_pt_serial_size(const ta_ptable *t)
{
    SETTLED(t);
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
    SETTLED(t);
    put_u32(buf, t->size);
    buf += 4;
    ta_pt_seek(t, INT32_MIN, &c);
    while (ta_pt_next(t, &c, &key, &count, &sum)) {
        put_u32(buf, (uint32_t)key);
        put_u32(buf + 4, count);
        buf = ta_xsum_serialize(sum, buf + 8);
    }
    return buf;
}
