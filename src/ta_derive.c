/*
 * ta_derive.c — results derived from rounded sums, each written once.
 *
 * SPEC "Values" fixes the sequence of IEEE-754 operations of every derived
 * result, so that an aggregate, its scalar counterpart and every engine give
 * the same bits (the build uses -ffp-contract=off: no fused multiply-add).
 * An infinite result is the caller's "result out of range".
 */
#include "ta_internal.h"

bool ta_growth(double c, double p, double *out)
{
    if (p == 0)
        return false;
    *out = (c - p) / fabs(p);
    return true;
}

double ta_ratio(double a, double b) { return a / b; }

double ta_projected(double ytd, int months) { return ytd * 12 / months; }

double ta_index(double a, double b) { return 100 * (a / b); }
