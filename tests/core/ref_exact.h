/*
 * ref_exact.h — exact sums for the slow reference, written apart from the
 * core's ta_xsum: every term is kept as an integer times a power of two, and
 * a result is read by adding them all into one two's-complement integer,
 * then rounding it bit by bit to nearest-even.
 */
#ifndef TA_REF_EXACT_H
#define TA_REF_EXACT_H

#include <stdbool.h>
#include <stdint.h>

typedef struct ref_term {
    int64_t m; /* |m| < 2^62 */
    int e;     /* the term is m * 2^e */
} ref_term;

typedef struct ref_exact {
    ref_term *t;
    int n, cap;
} ref_exact;

void rx_init(ref_exact *x);
void rx_free(ref_exact *x);
void rx_add(ref_exact *x, double v);        /* x += v (v finite) */
void rx_add_square(ref_exact *x, double v); /* x += v * v */
/* -1, 0 or 1. */
int rx_sign(const ref_exact *x);
/* floor(log2 |x|); x != 0. */
int rx_log2(const ref_exact *x);
/* x * 2^k rounded once to nearest-even; false when that is infinite. */
bool rx_round(const ref_exact *x, int k, double *out);
/* The HHI Q / (S * S) of SPEC "Values" (S != 0); false if not finite. */
bool rx_hhi(const ref_exact *q, const ref_exact *s, double *out);

#endif
