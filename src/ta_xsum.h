/*
 * ta_xsum.h — exact sums of doubles (core-internal).
 *
 * A ta_xsum holds the exact real-number sum of the doubles added to it (and
 * minus those removed), whatever their magnitudes and order. Reading it
 * rounds once, to nearest-even. Removing a value is adding its negation, so
 * a sum forgets rows that left a window frame without a trace, and merging
 * partial sums in any order gives the same bits.
 *
 * Cost: values of similar magnitude stay on a fast path of two doubles; only
 * a sum whose values need more precision or range escalates to an exact
 * accumulator allocated from the state's allocator.
 *
 * The serialized form is canonical: it depends only on the exact value,
 * never on whether the sum was on the fast path or escalated.
 */
#ifndef TA_XSUM_H
#define TA_XSUM_H

#include "tradeagg.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* ta_xsum itself is declared in tradeagg.h (a state holds two). */

#define TA_XSUM_ZERO ((ta_xsum){0, 0, NULL})

/* hi + lo += v if two doubles still hold the sum exactly; false otherwise
 * (hi, lo untouched). Knuth's TwoSum of hi and v gives s + err = hi + v;
 * lo + err must then be exact too, which its own TwoSum error says (it is
 * NaN when hi + v overflowed). */
static inline bool ta_xsum_pair_add(double *hi, double *lo, double v)
{
    double s = *hi + v;
    double bv = s - *hi;
    double err = (*hi - (s - bv)) + (v - bv);
    double l = *lo + err;
    double bl = l - *lo;
    double e2 = (*lo - (l - bl)) + (err - bl);
    if (e2 != 0)
        return false;
    *hi = s;
    *lo = l;
    return true;
}

ta_status ta_xsum_add_slow(ta_xsum *sum, double v, const ta_allocator *al);

/* sum += v (v finite). Fails only with TA_ERR_NOMEM, leaving sum as it was.
 * Inline: every row of a sum comes through here. */
static inline ta_status ta_xsum_add(ta_xsum *sum, double v, const ta_allocator *al)
{
    return ta_xsum_pair_add(&sum->hi, &sum->lo, v) ? TA_OK : ta_xsum_add_slow(sum, v, al);
}
/* sum += sign * other exactly (sign is 1 or -1). TA_ERR_NOMEM only. */
ta_status ta_xsum_merge(ta_xsum *sum, const ta_xsum *other, int sign, const ta_allocator *al);
/* The exact sum rounded once to nearest-even; TA_ERR_RANGE when that is
 * +-infinity (*out is then left alone). Never changes sum. */
ta_status ta_xsum_round(const ta_xsum *sum, double *out);
/* Whether the exact sum is 0. */
bool ta_xsum_is_zero(const ta_xsum *sum);
/* Releases an escalated accumulator; sum is 0 afterwards. */
void ta_xsum_free(ta_xsum *sum, const ta_allocator *al);
/* A copy of src with its own memory. TA_ERR_NOMEM only. */
ta_status ta_xsum_copy(ta_xsum *dst, const ta_xsum *src, const ta_allocator *al);
/* Heap bytes held beyond sizeof(ta_xsum). */
size_t ta_xsum_mem_size(const ta_xsum *sum);

/* Canonical byte form (little-endian, self-delimiting). */
size_t ta_xsum_serial_size(const ta_xsum *sum);
uint8_t *ta_xsum_serialize(const ta_xsum *sum, uint8_t *buf); /* returns the end */
/* Reads one sum from *p (not past end), advancing *p; refuses any form that
 * serialize would not have written (TA_ERR_STATE), or TA_ERR_NOMEM. On
 * failure sum holds no memory. */
ta_status ta_xsum_deserialize(ta_xsum *sum, const uint8_t **p, const uint8_t *end,
                              const ta_allocator *al);

/* q += sign * v * v exactly (v finite; q may exceed the double range
 * internally). TA_ERR_NOMEM only, leaving q as it was. */
ta_status ta_xsum_add_square(ta_xsum *q, double v, int sign, const ta_allocator *al);
/* The HHI Q / (S * S) per SPEC "Values": Q and S exact sums, S != 0, each
 * rounded once; when Q or S * S would underflow or overflow, both are
 * computed on values scaled by one power of two (S scaled into [1, 2)), so
 * one competitor is exactly 1. TA_ERR_RANGE if the result is not finite. */
ta_status ta_hhi_ratio(const ta_xsum *q, const ta_xsum *s, double *out);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TA_XSUM_H */
