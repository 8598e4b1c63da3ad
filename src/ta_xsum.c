/*
 * ta_xsum.c — exact sums of doubles.
 *
 * PLACEHOLDER: compensated (not yet exact) sums behind the final interface,
 * so the period table and the aggregates can move onto ta_xsum while the
 * exact accumulator is written. Nothing escalates yet.
 */
#include "ta_xsum.h"

#include <math.h>
#include <string.h>

ta_status ta_xsum_add(ta_xsum *sum, double v, const ta_allocator *al)
{
    (void)al;
    double t = sum->hi + v;
    if (fabs(sum->hi) >= fabs(v))
        sum->lo += (sum->hi - t) + v;
    else
        sum->lo += (v - t) + sum->hi;
    sum->hi = t;
    return TA_OK;
}

ta_status ta_xsum_merge(ta_xsum *sum, const ta_xsum *other, int sign, const ta_allocator *al)
{
    ta_xsum_add(sum, sign * other->hi, al);
    return ta_xsum_add(sum, sign * other->lo, al);
}

ta_status ta_xsum_round(const ta_xsum *sum, double *out)
{
    double d = sum->hi + sum->lo;
    if (!isfinite(d))
        return TA_ERR_RANGE;
    *out = d;
    return TA_OK;
}

bool ta_xsum_is_zero(const ta_xsum *sum) { return sum->hi + sum->lo == 0; }

void ta_xsum_free(ta_xsum *sum, const ta_allocator *al)
{
    (void)al;
    *sum = TA_XSUM_ZERO;
}

ta_status ta_xsum_copy(ta_xsum *dst, const ta_xsum *src, const ta_allocator *al)
{
    (void)al;
    *dst = *src;
    return TA_OK;
}

size_t ta_xsum_mem_size(const ta_xsum *sum)
{
    (void)sum;
    return 0;
}

size_t ta_xsum_serial_size(const ta_xsum *sum)
{
    (void)sum;
    return 16;
}

uint8_t *ta_xsum_serialize(const ta_xsum *sum, uint8_t *buf)
{
    memcpy(buf, &sum->hi, 8);
    memcpy(buf + 8, &sum->lo, 8);
    return buf + 16;
}

ta_status ta_xsum_deserialize(ta_xsum *sum, const uint8_t **p, const uint8_t *end,
                              const ta_allocator *al)
{
    (void)al;
    *sum = TA_XSUM_ZERO;
    if (end - *p < 16)
        return TA_ERR_STATE;
    memcpy(&sum->hi, *p, 8);
    memcpy(&sum->lo, *p + 8, 8);
    /* A compensated sum past the double range is +-inf / NaN here and reads
     * as out of range; it travels as it is (the exact sum never overflows). */
    *p += 16;
    return TA_OK;
}
