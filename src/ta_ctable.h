/*
 * ta_ctable.h — the competitor table of hhi(competitor, value) (core-internal).
 *
 * One entry per competitor (a TEXT or an INTEGER, compared by type and bytes,
 * no collation) holding the exact sum of its values and its row count; an
 * entry whose last row leaves the window frame goes. The table is a treap
 * ordered by competitor: its shape depends on priorities drawn from a
 * per-table generator, never on the keys, so no choice of keys makes it
 * degrade (O(log C) expected per row, whatever the keys and their order).
 * In-order traversal gives the canonical serialized form.
 */
#ifndef TA_CTABLE_H
#define TA_CTABLE_H

#include "ta_xsum.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

#define TA_CKEY_INLINE 16 /* text keys up to this length live in the node */

typedef struct ta_cnode {
    ta_xsum sum;
    uint64_t rows;
    union {
        int64_t i;                  /* TA_V_INT */
        char small[TA_CKEY_INLINE]; /* TA_V_TEXT, len <= TA_CKEY_INLINE */
        char *big;                  /* TA_V_TEXT, longer */
    } k;
    uint32_t len;         /* text length */
    uint32_t left, right; /* node indexes, 0 = none */
    uint32_t prio;
    uint8_t type; /* TA_V_INT or TA_V_TEXT; 0 on the free list */
} ta_cnode;

typedef struct ta_ctable {
    ta_cnode *node; /* node[1 .. used-1] handed out; node[0] is unused */
    uint32_t cap, used, root, free_list, count;
    uint32_t rng; /* the priority generator; 0 = not seeded yet */
} ta_ctable;

/* c is a TA_V_TEXT or TA_V_INT value. TA_ERR_NOMEM, or TA_ERR_RANGE on a
 * row count that would overflow. */
ta_status ta_ct_add(ta_ctable *t, const ta_value *c, double v, const ta_allocator *al);
/* TA_ERR_INTERNAL when the competitor has no rows. */
ta_status ta_ct_remove(ta_ctable *t, const ta_value *c, double v, const ta_allocator *al);
/* dst += src; O(C2 log (C1 + C2)). */
ta_status ta_ct_merge(ta_ctable *dst, const ta_ctable *src, const ta_allocator *al);
void ta_ct_free(ta_ctable *t, const ta_allocator *al);
size_t ta_ct_mem_size(const ta_ctable *t);
/* Total rows in the table. */
uint64_t ta_ct_rows(const ta_ctable *t);

/* In-order visit; stops at the first status that is not TA_OK and returns it. */
typedef ta_status (*ta_ct_visit)(const ta_cnode *n, void *ud);
ta_status ta_ct_each(const ta_ctable *t, ta_ct_visit f, void *ud);
/* The competitor of a node as a value (for messages). */
ta_value ta_ct_key(const ta_cnode *n);

size_t ta_ct_serial_size(const ta_ctable *t);
uint8_t *ta_ct_serialize(const ta_ctable *t, uint8_t *buf);
/* Validates in full: known types, keys strictly increasing, rows > 0, sums
 * canonical. TA_ERR_STATE or TA_ERR_NOMEM; on failure t holds no memory. */
ta_status ta_ct_deserialize(ta_ctable *t, const uint8_t **p, const uint8_t *end,
                            const ta_allocator *al);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TA_CTABLE_H */
