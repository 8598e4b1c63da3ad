/*
 * ta_xsum_tmp.c — TEMPORARY stand-ins for ta_xsum_add_square and
 * ta_hhi_ratio (declared in ta_xsum.h by the exact-sums work), so that
 * hhi(competitor, value) builds before they land. DROP THIS FILE when the
 * real ones arrive (the linker reports the duplicate symbols).
 */
#include "ta_xsum.h"

#include <math.h>

ta_status ta_xsum_add_square(ta_xsum *q, double v, int sign, const ta_allocator *al)
{
    double p = v * v, err = fma(v, v, -p);
    ta_status st = ta_xsum_add(q, sign * p, al);
    return st != TA_OK ? st : ta_xsum_add(q, sign * err, al);
}

ta_status ta_hhi_ratio(const ta_xsum *q, const ta_xsum *s, double *out)
{
    double qd, sd;
    if (ta_xsum_round(q, &qd) != TA_OK || ta_xsum_round(s, &sd) != TA_OK || sd == 0)
        return TA_ERR_RANGE;
    int k;
    double m = frexp(sd, &k); /* s = m * 2^k: scale both by 2^-k */
    double r = ldexp(qd, -2 * k) / (m * m);
    if (!isfinite(r))
        return TA_ERR_RANGE;
    *out = r;
    return TA_OK;
}
