/*
 * ta_ptable.h — the per-period table of a periodic aggregate (core-internal).
 *
 * A table maps each period key that has rows to the number of its rows and
 * the exact sum of their values. Rows of one period are summed together, so
 * memory grows with the number of distinct periods P, never with rows.
 * Results read sums only through ta_pt_range and cursors and round them once
 * with ta_xsum_round.
 *
 * The struct itself (ta_ptable) is defined in tradeagg.h, since a state holds
 * it by value; a zero-filled table is empty.
 */
#ifndef TA_PTABLE_H
#define TA_PTABLE_H

#include "ta_xsum.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

void ta_pt_init(ta_ptable *t);
void ta_pt_free(ta_ptable *t, const ta_allocator *al);

/* Adds a row of value v (finite) to period key. TA_ERR_NOMEM, or TA_ERR_RANGE
 * when a period would hold more than UINT32_MAX rows; t is then unchanged. */
ta_status ta_pt_add(ta_ptable *t, int32_t key, double v, const ta_allocator *al);
/* The inverse of ta_pt_add. TA_ERR_INTERNAL when key has no rows. A period
 * whose last row leaves goes from the table. */
ta_status ta_pt_remove(ta_ptable *t, int32_t key, double v, const ta_allocator *al);
/* Adds (sign 1) or takes away (sign -1) a whole period: count rows whose
 * exact sum is sum. Taking away needs at least count rows in the period
 * (TA_ERR_INTERNAL otherwise); a period left with none goes. TA_ERR_RANGE
 * past UINT32_MAX rows, TA_ERR_NOMEM. Costs O(log P). */
ta_status ta_pt_add_entry(ta_ptable *t, int32_t key, uint32_t count, const ta_xsum *sum, int sign,
                          const ta_allocator *al);
/* Applies the rows that wait to join t's tree (a cache, as far as callers
 * can tell: what t holds does not change). Everything below that reads t
 * and returns a status does it first; the functions that return no status
 * (ta_pt_size, ta_pt_prev, ta_pt_seek, ta_pt_serial_size, ta_pt_serialize)
 * and ta_pt_merge's src need it done: ta_agg_settle does it at the core's
 * interface. TA_ERR_NOMEM (t then holds what it held). O(R log P) for R
 * waiting rows, or O(P + R) when R is a large part of P. */
ta_status ta_pt_settle(const ta_ptable *t, const ta_allocator *al);

/* dst += src, period by period (src settled: TA_ERR_INTERNAL otherwise). */
ta_status ta_pt_merge(ta_ptable *dst, const ta_ptable *src, const ta_allocator *al);

uint32_t ta_pt_size(const ta_ptable *t);           /* distinct periods with rows */
uint64_t ta_pt_rows(const ta_ptable *t);           /* rows in all periods */
bool ta_pt_last(const ta_ptable *t, int32_t *key); /* the latest period; false if empty */
bool ta_pt_prev(const ta_ptable *t, int32_t key, int32_t *prev); /* latest period < key */

/* acc += the exact sum of the periods lo <= key <= hi; their rows and their
 * number counted into *rows / *periods when not NULL. TA_ERR_NOMEM only. */
ta_status ta_pt_range(const ta_ptable *t, int32_t lo, int32_t hi, ta_xsum *acc, uint64_t *rows,
                      uint32_t *periods, const ta_allocator *al);

/* In-order iteration from the first period >= key. A cursor is valid until
 * the table next changes. */
typedef struct ta_pt_cursor {
    const void *node;
    uint32_t i;
    ta_xsum view; /* the sum ta_pt_next gave last (it shares the table's memory) */
} ta_pt_cursor;
void ta_pt_seek(const ta_ptable *t, int32_t key, ta_pt_cursor *c);
/* The next entry; *sum stays valid until c is next used. */
bool ta_pt_next(const ta_ptable *t, ta_pt_cursor *c, int32_t *key, uint32_t *count,
                const ta_xsum **sum);

/* The earliest period P whose running sum (the exact sum of the periods
 * <= P, rounded once) is >= target. *found false when there is none.
 * TA_ERR_RANGE when a running sum compared rounds to +-infinity.
 * The scan position is kept in t (which is otherwise unchanged), so a table
 * that only grows after the periods already scanned -- a running window --
 * is scanned once in all. */
ta_status ta_pt_reached(const ta_ptable *t, double target, bool *found, int32_t *key,
                        const ta_allocator *al);

/* Heap bytes held by the table. */
size_t ta_pt_mem_size(const ta_ptable *t);

/* Serialized form: uint32 P, then P × {key int32, count uint32, exact sum in
 * ta_xsum's canonical form}, keys increasing; little-endian. It depends only
 * on the multiset of rows. */
size_t ta_pt_serial_size(const ta_ptable *t);
uint8_t *ta_pt_serialize(const ta_ptable *t, uint8_t *buf); /* returns the end */
/* Reads a table from *p (not past end), advancing *p. Validates every key
 * (valid for pk, strictly increasing) and count (> 0): TA_ERR_STATE, or
 * TA_ERR_NOMEM; on failure t is empty and holds no memory. */
ta_status ta_pt_deserialize(ta_ptable *t, ta_pkind pk, const uint8_t **p, const uint8_t *end,
                            const ta_allocator *al);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TA_PTABLE_H */
