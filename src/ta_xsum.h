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

#include <string.h>

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

/* A sum in 16 bytes, as a period table keeps it: the pair itself, or, for
 * an escalated sum, a NaN and the accumulator's address (the pair is then
 * parked in the accumulator). A fast-path pair is never NaN: an addition
 * that would overflow escalates. Packing hands the accumulator over to the
 * packed form; unpacking gives a ta_xsum that shares it. */
typedef struct ta_xpacked {
    double hi, lo;
} ta_xpacked;
_Static_assert(sizeof(void *) <= sizeof(double), "an address fits a double's bytes");

void ta_xsum_pack_big(const ta_xsum *s, ta_xpacked *p);
ta_xsum ta_xsum_unpack_big(const ta_xpacked *p);

static inline bool ta_xpacked_is_big(const ta_xpacked *p) { return p->hi != p->hi; }

static inline void ta_xsum_pack(const ta_xsum *s, ta_xpacked *p)
{
    if (s->big)
        ta_xsum_pack_big(s, p);
    else
        *p = (ta_xpacked){s->hi, s->lo};
}

static inline ta_xsum ta_xsum_unpack(const ta_xpacked *p)
{
    return ta_xpacked_is_big(p) ? ta_xsum_unpack_big(p) : (ta_xsum){p->hi, p->lo, NULL};
}

/* Whether |sum| <= rows * 2^e (1024 for sums of values, 2048 for sums of
 * squares): what a stored sum of that many rows must satisfy. */
bool ta_xsum_within(const ta_xsum *sum, uint64_t rows, int e);

/* Canonical byte form (little-endian, self-delimiting). */
size_t ta_xsum_serial_size(const ta_xsum *sum);
uint8_t *ta_xsum_serialize(const ta_xsum *sum, uint8_t *buf); /* returns the end */
/* Reads one sum from *p (not past end), advancing *p; refuses any form that
 * serialize would not have written (TA_ERR_STATE), or TA_ERR_NOMEM. On
 * failure sum holds no memory. */
ta_status ta_xsum_deserialize(ta_xsum *sum, const uint8_t **p, const uint8_t *end,
                              const ta_allocator *al);

/* The exact accumulator (ta_xsum.c): an integer in base 2^32, chunk i of
 * the window c[] carrying weight 2^(32 * (lo + i) + TA_XSUM_EMIN), each a
 * signed 64-bit integer that takes TA_XSUM_PENDING_MAX additions of 32-bit
 * pieces between carries. Declared here only for ta_xsum_add_square's
 * inline path. */
#define TA_XSUM_EMIN        (-2304) /* the weight of chunk 0's lowest bit */
#define TA_XSUM_PENDING_MAX (1u << 30)

struct ta_xbig {
    double phi, plo;  /* the pair, while the sum is packed (ta_xsum_pack) */
    uint32_t pending; /* additions since the chunks were last normalized */
    int32_t lo;       /* the absolute index of c[0] */
    int32_t n, cap;   /* chunks in use; chunks allocated (those past n are 0) */
    int64_t c[];
};

/* |d| = mag * 2^e, mag < 2^53. */
static inline void ta_xsum_split(double d, uint64_t *mag, int *e, bool *neg)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    *neg = b >> 63;
    int ex = (int)(b >> 52 & 0x7ff);
    *mag = b & ((UINT64_C(1) << 52) - 1);
    if (ex == 0) {
        *e = -1074;
    } else {
        *mag |= UINT64_C(1) << 52;
        *e = ex - 1075;
    }
}

/* c[0..4] += sign * mag^2 * 2^s (mag < 2^53, s < 32): mag^2 < 2^106 is one
 * exact 128-bit integer product; shifted, it is five 32-bit pieces, added in
 * a straight line (a piece is below 2^32, so the chunks' pending additions
 * between carries hold). */
static inline void ta_xsum_square_chunks(int64_t *c, uint64_t mag, int s, int sign)
{
    __extension__ typedef unsigned __int128 u128;
    const uint64_t m32 = 0xFFFFFFFFu;
    u128 m2 = (u128)mag * mag;
    uint64_t l = (uint64_t)m2, h = (uint64_t)(m2 >> 64); /* h < 2^42 */
    uint64_t a0 = l << s;                                 /* bits 0..63 */
    uint64_t a1 = h << s | (l >> 1) >> (63 - s);          /* bits 64..127 */
    uint64_t a2 = (h >> 1) >> (63 - s);                   /* bits 128.. (< 2^10) */
    int64_t neg = sign < 0 ? -1 : 0;                      /* (w ^ neg) - neg: w or -w */
    c[0] += ((int64_t)(a0 & m32) ^ neg) - neg;
    c[1] += ((int64_t)(a0 >> 32) ^ neg) - neg;
    c[2] += ((int64_t)(a1 & m32) ^ neg) - neg;
    c[3] += ((int64_t)(a1 >> 32) ^ neg) - neg;
    c[4] += ((int64_t)a2 ^ neg) - neg;
}

/* ta_xsum_add_square when its inline path cannot: no accumulator yet, a
 * square outside the window, or carries due. */
ta_status ta_xsum_add_square_slow(ta_xsum *q, uint64_t mag, int e, double v, int sign,
                                  const ta_allocator *al);

/* q += sign * v * v exactly (v finite; q may exceed the double range
 * internally). TA_ERR_NOMEM only, leaving q as it was. With |v| = mag * 2^e,
 * v * v = mag^2 * 2^(2e), added at chunk (2e - TA_XSUM_EMIN) / 32: no
 * rounding, no error term, no escalation, so once the accumulator exists a
 * square costs a multiplication and five integer additions, whatever its
 * size. Inline: every row of hhi comes through here. */
static inline ta_status ta_xsum_add_square(ta_xsum *q, double v, int sign,
                                           const ta_allocator *al)
{
    uint64_t mag;
    int e;
    bool neg;
    if (v == 0)
        return TA_OK;
    ta_xsum_split(v, &mag, &e, &neg);
    struct ta_xbig *b = q->big;
    int p = 2 * e - TA_XSUM_EMIN, k = p >> 5;
    if (!b || k < b->lo || k + 5 >= b->lo + b->n || b->pending >= TA_XSUM_PENDING_MAX)
        return ta_xsum_add_square_slow(q, mag, e, v, sign, al);
    ta_xsum_square_chunks(b->c + (k - b->lo), mag, p & 31, sign);
    b->pending++;
    return TA_OK;
}

/* The HHI Q / (S * S) per SPEC "Values": Q and S exact sums, S != 0, each
 * rounded once; when Q or S * S would underflow or overflow, both are
 * computed on values scaled by one power of two (S scaled into [1, 2)), so
 * one competitor is exactly 1. TA_ERR_RANGE if the result is not finite. */
ta_status ta_hhi_ratio(const ta_xsum *q, const ta_xsum *s, double *out);

/* The greedy expansion of the exact sum x: terms[0] * 2^scales[0] = RN(x),
 * then the same of what is left, until nothing is; a scale is 0, or
 * TA_XSUM_SCALE for a first term whose RN(x) would be infinite. Returns the
 * number of terms (0 for the sum 0), or -1 if more than max. Terms are
 * never -0. Depends only on the exact value. */
#define TA_XSUM_SCALE     64
#define TA_XSUM_TERMS_MAX 48 /* a period's sum needs at most 42 */
int ta_xsum_expand(const ta_xsum *sum, double *terms, int *scales, int max);
/* sum += v * 2^scale exactly (scale 0 or TA_XSUM_SCALE). TA_ERR_NOMEM only. */
ta_status ta_xsum_add_scaled(ta_xsum *sum, double v, int scale, const ta_allocator *al);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TA_XSUM_H */
