/* ref_exact.c — see ref_exact.h. Slow on purpose: clarity over speed. */
#include "ref_exact.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void rx_init(ref_exact *x) { memset(x, 0, sizeof *x); }

void rx_free(ref_exact *x)
{
    free(x->t);
    rx_init(x);
}

static void push(ref_exact *x, int64_t m, int e)
{
    if (m == 0)
        return;
    if (x->n == x->cap) {
        x->cap = x->cap ? 2 * x->cap : 16;
        x->t = realloc(x->t, (size_t)x->cap * sizeof *x->t);
        if (!x->t)
            abort();
    }
    x->t[x->n++] = (ref_term){m, e};
}

/* v = m * 2^e with m an integer below 2^53 in magnitude (frexp, then 53
 * bits of the fraction). */
static void parts(double v, int64_t *m, int *e)
{
    int ex;
    double f = frexp(v, &ex); /* v = f * 2^ex, 0.5 <= |f| < 1 */
    *m = (int64_t)ldexp(f, 53);
    *e = ex - 53;
}

void rx_add(ref_exact *x, double v)
{
    int64_t m;
    int e;
    if (v == 0)
        return;
    parts(v, &m, &e);
    push(x, m, e);
}

void rx_add_square(ref_exact *x, double v)
{
    int64_t m;
    int e;
    if (v == 0)
        return;
    parts(fabs(v), &m, &e);
    /* m = a 2^27 + b: m^2 = a^2 2^54 + 2ab 2^27 + b^2, each below 2^55. */
    int64_t a = m >> 27, b = m & ((1 << 27) - 1);
    push(x, a * a, 2 * e + 54);
    push(x, 2 * a * b, 2 * e + 27);
    push(x, b * b, 2 * e);
}

/* The sum of the terms as a two's-complement integer of nl 32-bit limbs
 * (least significant first) times 2^*base. */
static uint32_t *to_integer(const ref_exact *x, int *base, int *nl)
{
    int lo = 0, hi = 0;
    for (int i = 0; i < x->n; i++) {
        if (i == 0 || x->t[i].e < lo)
            lo = x->t[i].e;
        if (i == 0 || x->t[i].e > hi)
            hi = x->t[i].e;
    }
    *base = lo;
    *nl = (hi - lo + 64 + 40) / 32 + 2; /* 2^40 terms of room */
    uint32_t *d = calloc((size_t)*nl, sizeof *d);
    if (!d)
        abort();
    for (int i = 0; i < x->n; i++) {
        /* |m| shifted left by (e - lo) bits, then added or subtracted limb
         * by limb with the carry or borrow rippling to the top. */
        int sh = x->t[i].e - lo;
        uint64_t mag = (uint64_t)(x->t[i].m < 0 ? -x->t[i].m : x->t[i].m);
        int neg = x->t[i].m < 0;
        for (int bit = 0; bit < 64; bit++) {
            if (!(mag >> bit & 1))
                continue;
            int pos = bit + sh, limb = pos / 32;
            uint64_t add = (uint64_t)1 << (pos % 32);
            for (int k = limb; k < *nl; k++) {
                if (!neg) {
                    uint64_t s = (uint64_t)d[k] + add;
                    d[k] = (uint32_t)s;
                    add = s >> 32;
                    if (!add)
                        break;
                } else {
                    uint64_t old = d[k];
                    d[k] = (uint32_t)(old - add);
                    add = old < add ? 1 : 0;
                    if (!add)
                        break;
                }
            }
        }
    }
    return d;
}

static int bit(const uint32_t *d, int nl, int i)
{
    if (i < 0 || i >= 32 * nl)
        return 0;
    return (int)(d[i / 32] >> (i % 32) & 1);
}

/* The magnitude in d (negated in place if negative); returns the sign. */
static int magnitude(uint32_t *d, int nl)
{
    if (!(d[nl - 1] >> 31)) {
        for (int k = 0; k < nl; k++)
            if (d[k])
                return 1;
        return 0;
    }
    uint64_t carry = 1;
    for (int k = 0; k < nl; k++) {
        uint64_t s = (uint64_t)(uint32_t)~d[k] + carry;
        d[k] = (uint32_t)s;
        carry = s >> 32;
    }
    return -1;
}

static int top(const uint32_t *d, int nl)
{
    for (int i = 32 * nl - 1; i >= 0; i--)
        if (bit(d, nl, i))
            return i;
    return -1;
}

int rx_sign(const ref_exact *x)
{
    int base, nl;
    uint32_t *d = to_integer(x, &base, &nl);
    int s = x->n ? magnitude(d, nl) : 0;
    free(d);
    return s;
}

int rx_log2(const ref_exact *x)
{
    int base, nl;
    uint32_t *d = to_integer(x, &base, &nl);
    magnitude(d, nl);
    int t = top(d, nl) + base;
    free(d);
    return t;
}

bool rx_round(const ref_exact *x, int k, double *out)
{
    int base, nl;
    if (x->n == 0) {
        *out = 0;
        return true;
    }
    uint32_t *d = to_integer(x, &base, &nl);
    int sign = magnitude(d, nl), t = top(d, nl);
    if (sign == 0) {
        free(d);
        *out = 0;
        return true;
    }
    int w = base + k;          /* bit i weighs 2^(i + w) */
    int te = t + w;            /* |x 2^k| in [2^te, 2^(te+1)) */
    int p = te >= -1022 ? 53 : te + 1075; /* bits the double keeps */
    double r;
    if (te >= 1024) {
        free(d);
        return false;
    }
    uint64_t mant = 0;
    for (int i = 0; i < p; i++)
        mant = mant << 1 | (uint64_t)bit(d, nl, t - i);
    int g = bit(d, nl, t - p), sticky = 0;
    for (int i = t - p - 1; i >= 0 && !sticky; i--)
        sticky = bit(d, nl, i);
    if (g && (sticky || (mant & 1)))
        mant++;
    r = ldexp((double)mant, t - p + 1 + w);
    free(d);
    if (isinf(r))
        return false;
    *out = sign < 0 ? -r : r;
    return true;
}

bool rx_hhi(const ref_exact *q, const ref_exact *s, double *out)
{
    double qq, ss;
    if (rx_round(q, 0, &qq) && rx_round(s, 0, &ss) && isnormal(qq) && isnormal(ss * ss) &&
        isfinite(ss * ss)) {
        *out = qq / (ss * ss);
        return isfinite(*out);
    }
    int k = -rx_log2(s); /* S 2^k in [1, 2) */
    if (!rx_round(q, 2 * k, &qq) || !rx_round(s, k, &ss))
        return false;
    ss = fabs(ss);
    *out = qq / (ss * ss);
    return isfinite(*out);
}
