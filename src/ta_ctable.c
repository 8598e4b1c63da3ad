/*
 * ta_ctable.c — the competitor table of hhi(competitor, value): a treap in
 * one array of nodes (see ta_ctable.h for why a treap).
 */
#include "ta_ctable.h"

#include <string.h>

#define N(t, i) (&(t)->node[i])

static const char *key_bytes(const ta_cnode *n)
{
    return n->len <= TA_CKEY_INLINE ? n->k.small : n->k.big;
}

ta_value ta_ct_key(const ta_cnode *n)
{
    ta_value v = {0};
    v.type = (ta_vtype)n->type;
    if (n->type == TA_V_INT) {
        v.i = n->k.i;
    } else {
        v.p = key_bytes(n);
        v.n = n->len;
    }
    return v;
}

/* Integers before text; integers by value; text by bytes, then length. */
static int compare(const ta_value *c, const ta_cnode *n)
{
    if (c->type != n->type)
        return c->type < n->type ? -1 : 1;
    if (c->type == TA_V_INT)
        return c->i < n->k.i ? -1 : c->i > n->k.i;
    size_t m = c->n < n->len ? c->n : n->len;
    int r = m ? memcmp(c->p, key_bytes(n), m) : 0;
    if (r != 0)
        return r < 0 ? -1 : 1;
    return c->n < n->len ? -1 : c->n > n->len;
}

static uint32_t find(const ta_ctable *t, const ta_value *c)
{
    uint32_t i = t->root;
    while (i) {
        int r = compare(c, N(t, i));
        if (r == 0)
            return i;
        i = r < 0 ? N(t, i)->left : N(t, i)->right;
    }
    return 0;
}

/* xorshift32: priorities independent of the keys. The seed only has to
 * differ between tables; results never depend on it. */
static uint32_t next_prio(ta_ctable *t)
{
    if (t->rng == 0)
        t->rng = (uint32_t)(((uintptr_t)t >> 4) * 2654435761u) | 1;
    uint32_t x = t->rng;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    t->rng = x;
    return x;
}

/* A free node index, growing the array when none is left. */
static ta_status take_node(ta_ctable *t, uint32_t *out, const ta_allocator *al)
{
    if (t->free_list) {
        *out = t->free_list;
        t->free_list = N(t, *out)->left;
        return TA_OK;
    }
    if (t->used == 0)
        t->used = 1; /* index 0 means "none" */
    if (t->used >= t->cap) {
        uint64_t cap = t->cap ? (uint64_t)t->cap * 2 : 8;
        if (cap > UINT32_MAX / 2 || cap > SIZE_MAX / sizeof(ta_cnode))
            return TA_ERR_NOMEM;
        ta_cnode *node = al->alloc(al->ud, (size_t)cap * sizeof *node);
        if (!node)
            return TA_ERR_NOMEM;
        if (t->node) {
            memcpy(node, t->node, (size_t)t->used * sizeof *node);
            al->free(al->ud, t->node);
        }
        t->node = node;
        t->cap = (uint32_t)cap;
    }
    *out = t->used++;
    return TA_OK;
}

/* Splits the subtree at i into keys < key (*l) and keys > key (*r); key is
 * not in it. */
static void split(ta_ctable *t, uint32_t i, const ta_value *key, uint32_t *l, uint32_t *r)
{
    if (!i) {
        *l = *r = 0;
    } else if (compare(key, N(t, i)) > 0) {
        *l = i;
        split(t, N(t, i)->right, key, &N(t, i)->right, r);
    } else {
        *r = i;
        split(t, N(t, i)->left, key, l, &N(t, i)->left);
    }
}

static uint32_t insert(ta_ctable *t, uint32_t i, uint32_t n, const ta_value *key)
{
    if (!i)
        return n;
    if (N(t, n)->prio > N(t, i)->prio) {
        split(t, i, key, &N(t, n)->left, &N(t, n)->right);
        return n;
    }
    if (compare(key, N(t, i)) < 0)
        N(t, i)->left = insert(t, N(t, i)->left, n, key);
    else
        N(t, i)->right = insert(t, N(t, i)->right, n, key);
    return i;
}

static uint32_t join(ta_ctable *t, uint32_t l, uint32_t r)
{
    if (!l || !r)
        return l ? l : r;
    if (N(t, l)->prio > N(t, r)->prio) {
        N(t, l)->right = join(t, N(t, l)->right, r);
        return l;
    }
    N(t, r)->left = join(t, l, N(t, r)->left);
    return r;
}

static uint32_t erase(ta_ctable *t, uint32_t i, const ta_value *key)
{
    int r = compare(key, N(t, i));
    if (r == 0)
        return join(t, N(t, i)->left, N(t, i)->right);
    if (r < 0)
        N(t, i)->left = erase(t, N(t, i)->left, key);
    else
        N(t, i)->right = erase(t, N(t, i)->right, key);
    return i;
}

/* The node of competitor c, created empty if it is new. */
static ta_status lookup(ta_ctable *t, const ta_value *c, uint32_t *out, const ta_allocator *al)
{
    uint32_t i = find(t, c);
    ta_status st;
    if (i) {
        *out = i;
        return TA_OK;
    }
    if (c->type == TA_V_TEXT && c->n > UINT32_MAX)
        return TA_ERR_NOMEM;
    char *big = NULL;
    if (c->type == TA_V_TEXT && c->n > TA_CKEY_INLINE && !(big = al->alloc(al->ud, c->n)))
        return TA_ERR_NOMEM;
    if ((st = take_node(t, &i, al)) != TA_OK) {
        if (big)
            al->free(al->ud, big);
        return st;
    }
    ta_cnode *n = N(t, i);
    memset(n, 0, sizeof *n);
    n->type = (uint8_t)c->type;
    if (c->type == TA_V_INT) {
        n->k.i = c->i;
    } else {
        n->len = (uint32_t)c->n;
        if (big)
            n->k.big = big;
        memcpy(big ? big : n->k.small, c->p, c->n);
    }
    n->prio = next_prio(t);
    t->root = insert(t, t->root, i, c);
    t->count++;
    *out = i;
    return TA_OK;
}

static void release(ta_ctable *t, uint32_t i, const ta_allocator *al)
{
    ta_cnode *n = N(t, i);
    ta_xsum_free(&n->sum, al);
    if (n->type == TA_V_TEXT && n->len > TA_CKEY_INLINE)
        al->free(al->ud, n->k.big);
    n->type = 0;
    n->left = t->free_list;
    t->free_list = i;
    t->count--;
}

ta_status ta_ct_add(ta_ctable *t, const ta_value *c, double v, const ta_allocator *al)
{
    uint32_t i;
    ta_status st = lookup(t, c, &i, al);
    if (st != TA_OK)
        return st;
    ta_cnode *n = N(t, i);
    if ((st = ta_xsum_add(&n->sum, v, al)) != TA_OK) {
        if (n->rows == 0) { /* just created: it goes again */
            t->root = erase(t, t->root, c);
            release(t, i, al);
        }
        return st;
    }
    n->rows++;
    return TA_OK;
}

ta_status ta_ct_remove(ta_ctable *t, const ta_value *c, double v, const ta_allocator *al)
{
    uint32_t i = find(t, c);
    if (!i)
        return TA_ERR_INTERNAL;
    ta_cnode *n = N(t, i);
    if (n->rows == 1) { /* its last row: the competitor goes, sum and all */
        t->root = erase(t, t->root, c);
        release(t, i, al);
        return TA_OK;
    }
    ta_status st = ta_xsum_add(&n->sum, -v, al);
    if (st == TA_OK)
        n->rows--;
    return st;
}

ta_status ta_ct_each(const ta_ctable *t, ta_ct_visit f, void *ud)
{
    /* The expected depth is about 3 ln C (40 for a million competitors);
     * 256 is beyond reach for any table that fits in memory. */
    uint32_t stack[256], top = 0, i = t->root;
    ta_status st = TA_OK;
    for (;;) {
        while (i) {
            if (top == sizeof stack / sizeof *stack)
                return TA_ERR_INTERNAL;
            stack[top++] = i;
            i = N(t, i)->left;
        }
        if (top == 0)
            break;
        i = stack[--top];
        if ((st = f(N(t, i), ud)) != TA_OK)
            return st;
        i = N(t, i)->right;
    }
    return st;
}

typedef struct merge_ctx {
    ta_ctable *dst;
    const ta_allocator *al;
} merge_ctx;

static ta_status merge_one(const ta_cnode *s, void *ud)
{
    merge_ctx *m = ud;
    ta_value key = ta_ct_key(s);
    uint32_t i;
    ta_status st = lookup(m->dst, &key, &i, m->al);
    if (st != TA_OK)
        return st;
    ta_cnode *d = N(m->dst, i);
    if (d->rows > UINT64_MAX - s->rows)
        return TA_ERR_RANGE;
    if ((st = ta_xsum_merge(&d->sum, &s->sum, 1, m->al)) != TA_OK) {
        if (d->rows == 0) {
            m->dst->root = erase(m->dst, m->dst->root, &key);
            release(m->dst, i, m->al);
        }
        return st;
    }
    d->rows += s->rows;
    return TA_OK;
}

ta_status ta_ct_merge(ta_ctable *dst, const ta_ctable *src, const ta_allocator *al)
{
    merge_ctx m = {dst, al};
    return ta_ct_each(src, merge_one, &m);
}

void ta_ct_free(ta_ctable *t, const ta_allocator *al)
{
    for (uint32_t i = 1; i < t->used; i++)
        if (N(t, i)->type != 0) {
            ta_cnode *n = N(t, i);
            ta_xsum_free(&n->sum, al);
            if (n->type == TA_V_TEXT && n->len > TA_CKEY_INLINE)
                al->free(al->ud, n->k.big);
        }
    if (t->node)
        al->free(al->ud, t->node);
    memset(t, 0, sizeof *t);
}

static ta_status count_mem(const ta_cnode *n, void *ud)
{
    size_t *bytes = ud;
    *bytes += ta_xsum_mem_size(&n->sum);
    if (n->type == TA_V_TEXT && n->len > TA_CKEY_INLINE)
        *bytes += n->len;
    return TA_OK;
}

size_t ta_ct_mem_size(const ta_ctable *t)
{
    size_t bytes = (size_t)t->cap * sizeof(ta_cnode);
    ta_ct_each(t, count_mem, &bytes);
    return bytes;
}

static ta_status count_rows(const ta_cnode *n, void *ud)
{
    *(uint64_t *)ud += n->rows;
    return TA_OK;
}

uint64_t ta_ct_rows(const ta_ctable *t)
{
    uint64_t rows = 0;
    ta_ct_each(t, count_rows, &rows);
    return rows;
}

/* ---- serialized form ----------------------------------------------------
 *   count u32, then per competitor in order:
 *     type u8 (1 integer, 3 text); an integer: i64; text: len u32, bytes;
 *     rows u64; the exact sum (ta_xsum's canonical form)
 */

static void put_le(uint8_t *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le(const uint8_t *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static ta_status size_one(const ta_cnode *n, void *ud)
{
    *(size_t *)ud +=
        1 + (n->type == TA_V_INT ? 8 : 4 + (size_t)n->len) + 8 + ta_xsum_serial_size(&n->sum);
    return TA_OK;
}

size_t ta_ct_serial_size(const ta_ctable *t)
{
    size_t n = 4;
    ta_ct_each(t, size_one, &n);
    return n;
}

static ta_status write_one(const ta_cnode *n, void *ud)
{
    uint8_t **p = ud, *b = *p;
    *b++ = n->type;
    if (n->type == TA_V_INT) {
        put_le(b, (uint64_t)n->k.i, 8);
        b += 8;
    } else {
        put_le(b, n->len, 4);
        memcpy(b + 4, key_bytes(n), n->len);
        b += 4 + n->len;
    }
    put_le(b, n->rows, 8);
    *p = ta_xsum_serialize(&n->sum, b + 8);
    return TA_OK;
}

uint8_t *ta_ct_serialize(const ta_ctable *t, uint8_t *buf)
{
    put_le(buf, t->count, 4);
    buf += 4;
    ta_ct_each(t, write_one, &buf);
    return buf;
}

static ta_status read_one(ta_ctable *t, const uint8_t **p, const uint8_t *end, ta_value *prev,
                          const ta_allocator *al)
{
    const uint8_t *b = *p;
    ta_value key = {0};
    ta_xsum sum;
    uint32_t i;
    if (end - b < 1)
        return TA_ERR_STATE;
    key.type = (ta_vtype)*b++;
    if (key.type == TA_V_INT) {
        if (end - b < 8)
            return TA_ERR_STATE;
        key.i = (int64_t)get_le(b, 8);
        b += 8;
    } else if (key.type == TA_V_TEXT) {
        if (end - b < 4 || (uint64_t)(end - b - 4) < get_le(b, 4))
            return TA_ERR_STATE;
        key.n = (size_t)get_le(b, 4);
        key.p = (const char *)b + 4;
        b += 4 + key.n;
    } else {
        return TA_ERR_STATE;
    }
    /* Strictly increasing: canonical, and no competitor twice. */
    if (prev->type != TA_V_NULL) {
        ta_cnode before = {0};
        before.type = (uint8_t)prev->type;
        if (prev->type == TA_V_INT) {
            before.k.i = prev->i;
        } else {
            before.len = (uint32_t)prev->n;
            if (prev->n <= TA_CKEY_INLINE)
                memcpy(before.k.small, prev->p, prev->n);
            else
                before.k.big = (char *)prev->p;
        }
        if (compare(&key, &before) <= 0)
            return TA_ERR_STATE;
    }
    if (end - b < 8)
        return TA_ERR_STATE;
    uint64_t rows = get_le(b, 8);
    b += 8;
    if (rows == 0)
        return TA_ERR_STATE;
    ta_status st = ta_xsum_deserialize(&sum, &b, end, al);
    if (st != TA_OK)
        return st;
    if ((st = lookup(t, &key, &i, al)) != TA_OK) {
        ta_xsum_free(&sum, al);
        return st;
    }
    N(t, i)->sum = sum;
    N(t, i)->rows = rows;
    *prev = key;
    *p = b;
    return TA_OK;
}

ta_status ta_ct_deserialize(ta_ctable *t, const uint8_t **p, const uint8_t *end,
                            const ta_allocator *al)
{
    ta_value prev = {0};
    memset(t, 0, sizeof *t);
    if (end - *p < 4)
        return TA_ERR_STATE;
    uint64_t count = get_le(*p, 4);
    *p += 4;
    for (uint64_t k = 0; k < count; k++) {
        ta_status st = read_one(t, p, end, &prev, al);
        if (st != TA_OK) {
            ta_ct_free(t, al);
            return st;
        }
    }
    return TA_OK;
}
