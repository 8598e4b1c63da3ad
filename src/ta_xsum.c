/*
 * ta_xsum.c — exact sums of doubles.
 *
 * Fast path: the sum is exactly hi + lo. Adding v is Knuth's TwoSum of hi
 * and v (s + err = hi + v exactly) followed by lo + err, whose own TwoSum
 * error says whether two doubles still hold the sum: when it is 0, s and
 * lo + err are the new pair (this is Neumaier's sum with a proof that
 * nothing was lost). When it is not, or when hi + v overflows (the error
 * term is then NaN), the pair and v go into the exact accumulator and the
 * pair starts again from 0.
 *
 * The exact accumulator (struct ta_xbig) is an integer in base 2^32: chunk i
 * of the window carries weight 2^(32 * (lo + i) + EMIN), each chunk a signed
 * 64-bit integer, so up to 2^30 additions of 32-bit pieces need no carry
 * (Neal's "small superaccumulator", with a window that grows to the range of
 * exponents actually used instead of a fixed array). The lowest weight
 * lies below the lowest bit of a subnormal's square (2^-2148), the highest
 * above any sum of squares of doubles; a square is one 106-bit integer
 * product (ta_xsum_add_square in ta_xsum.h).
 *
 * Reading normalizes a copy (carries propagated, a sign taken) and rounds
 * once to nearest-even from the integer's bits, subnormals included.
 */
#include "ta_xsum.h"

#include <math.h>
#include <string.h>

#define EMIN        TA_XSUM_EMIN
#define NCH         160      /* chunks: bits below 2^(32 * NCH + EMIN) = 2^2816 */
#define SER_NCH     141      /* a stored sum stays below 2^(32 * 141 + EMIN) = 2^2208 */
#define PENDING_MAX TA_XSUM_PENDING_MAX
#define M32         0xFFFFFFFFu
#define TWO32       4294967296.0

/* ---- error-free transformations ------------------------------------------ */

/* The chunk holding the lowest bit of d * 2^shift (d != 0). */
static int chunk_of(double d, int shift)
{
    uint64_t mag;
    int e;
    bool neg;
    ta_xsum_split(d, &mag, &e, &neg);
    return (e + shift - EMIN) >> 5;
}

/* c[k - base ...] += d * 2^shift; the chunks k .. k+2 must be in the view. */
static void chunks_add(int64_t *c, int base, double d, int shift)
{
    uint64_t mag;
    int e;
    bool neg;
    ta_xsum_split(d, &mag, &e, &neg);
    int p = e + shift - EMIN, k = (p >> 5) - base, s = p & 31;
    int64_t low = (int64_t)((mag << s) & M32);
    uint64_t t = mag >> (32 - s);
    int64_t mid = (int64_t)(t & M32), high = (int64_t)(t >> 32);
    if (neg) {
        c[k] -= low;
        c[k + 1] -= mid;
        c[k + 2] -= high;
    } else {
        c[k] += low;
        c[k + 1] += mid;
        c[k + 2] += high;
    }
}

/* Propagates carries so that c[0 .. n-2] lie in [0, 2^32); the top chunk
 * keeps the signed rest. */
static void chunks_carry(int64_t *c, int n)
{
    for (int i = 0; i + 1 < n; i++) {
        int64_t low = c[i] & (int64_t)M32;
        c[i + 1] += (c[i] - low) / (int64_t)TWO32;
        c[i] = low;
    }
}

/* ---- a local accumulator with every chunk, for reading ---------------------- */

typedef struct xacc {
    int lo, hi; /* chunks lo .. hi-1 are live; the others are not read */
    int64_t c[NCH];
} xacc;

static void acc_cover(xacc *a, int klo, int khi) /* khi inclusive, < NCH */
{
    if (a->lo == a->hi) {
        a->lo = klo;
        a->hi = klo;
    }
    while (a->lo > klo)
        a->c[--a->lo] = 0;
    while (a->hi <= khi)
        a->c[a->hi++] = 0;
}

static void acc_add(xacc *a, double d, int shift)
{
    if (d == 0)
        return;
    int k = chunk_of(d, shift);
    acc_cover(a, k, k + 3);
    chunks_add(a->c + a->lo, a->lo, d, shift);
}

static void acc_load(xacc *a, const ta_xsum *s)
{
    a->lo = a->hi = 0;
    if (s->big) {
        a->lo = s->big->lo;
        a->hi = s->big->lo + s->big->n;
        memcpy(a->c + a->lo, s->big->c, (size_t)s->big->n * sizeof *a->c);
    }
    acc_add(a, s->hi, 0);
    acc_add(a, s->lo, 0);
}

/* Carries, with the top chunk brought into [-2^31, 2^31) by growing the
 * window; returns the sign of the value (-1, 0, 1). */
static int acc_normalize(xacc *a)
{
    if (a->lo == a->hi)
        return 0;
    for (;;) {
        chunks_carry(a->c + a->lo, a->hi - a->lo);
        int64_t top = a->c[a->hi - 1];
        if (top >= -(INT64_C(1) << 31) && top < (INT64_C(1) << 31))
            break;
        if (a->hi == NCH)
            break; /* cannot happen: windows stay far below NCH chunks */
        acc_cover(a, a->lo, a->hi);
    }
    if (a->c[a->hi - 1] < 0)
        return -1;
    for (int i = a->lo; i < a->hi; i++)
        if (a->c[i] != 0)
            return 1;
    return 0;
}

/* The magnitude of a normalized accumulator: every chunk in [0, 2^32). */
static int acc_abs(xacc *a)
{
    int sign = acc_normalize(a);
    if (sign < 0) {
        for (int i = a->lo; i < a->hi; i++)
            a->c[i] = -a->c[i];
        acc_normalize(a);
    }
    return sign;
}

static int bit_at(const xacc *a, int b)
{
    if (b < 0 || (b >> 5) < a->lo || (b >> 5) >= a->hi)
        return 0;
    return (int)(a->c[b >> 5] >> (b & 31) & 1);
}

/* Whether any bit below b is set. */
static bool sticky_below(const xacc *a, int b)
{
    if (b <= 0)
        return false;
    int k = b >> 5;
    for (int i = a->lo; i < a->hi && i < k; i++)
        if (a->c[i] != 0)
            return true;
    return k >= a->lo && k < a->hi && (a->c[k] & (((int64_t)1 << (b & 31)) - 1)) != 0;
}

/* Bits from .. to (to - from <= 52) as an integer; bits below 0 are 0. */
static uint64_t bits_of(const xacc *a, int from, int to)
{
    uint64_t m = 0;
    for (int k = (from < 0 ? 0 : from) >> 5; k <= to >> 5; k++) {
        if (k < a->lo || k >= a->hi)
            continue;
        int sh = 32 * k - from;
        uint64_t d = (uint64_t)a->c[k];
        m |= sh >= 0 ? d << sh : d >> -sh;
    }
    return m & ((UINT64_C(2) << (to - from)) - 1);
}

/* The index of the highest set bit of a magnitude, -1 for 0. */
static int top_bit(const xacc *a)
{
    for (int k = a->hi - 1; k >= a->lo; k--)
        if (a->c[k] != 0) {
            int b = 31;
            while (!(a->c[k] >> b & 1))
                b--;
            return 32 * k + b;
        }
    return -1;
}

/* Rounds the accumulator's value times 2^shift once to nearest-even. */
static ta_status acc_round(xacc *a, int shift, double *out)
{
    int sign = acc_abs(a);
    int t = top_bit(a);
    if (t < 0) {
        *out = 0;
        return TA_OK;
    }
    int w = EMIN + shift; /* the weight of bit 0 is 2^w */
    if (t + w >= 1024)
        return TA_ERR_RANGE;
    int pos = t - 52; /* the lowest bit kept: 53 bits, or down to 2^-1074 */
    if (pos + w < -1074)
        pos = -1074 - w;
    uint64_t m = pos > t ? 0 : bits_of(a, pos, t);
    if (bit_at(a, pos - 1) && (sticky_below(a, pos - 1) || (m & 1)))
        m++;
    double r = ldexp((double)m, pos + w);
    if (isinf(r))
        return TA_ERR_RANGE;
    *out = sign < 0 ? -r : r;
    return TA_OK;
}

/* ---- the heap accumulator ----------------------------------------------------- */

/* Makes the window cover chunks klo .. khi. */
static ta_status big_cover(ta_xsum *s, int klo, int khi, const ta_allocator *al)
{
    struct ta_xbig *b = s->big;
    if (klo < 0 || khi >= NCH)
        return TA_ERR_NOMEM; /* beyond any sum of 2^64 squares of doubles */
    if (b && klo >= b->lo && khi < b->lo + b->cap) {
        if (khi >= b->lo + b->n)
            b->n = khi - b->lo + 1;
        return TA_OK;
    }
    int lo = b && b->lo < klo ? b->lo : klo;
    int hi = b && b->lo + b->n - 1 > khi ? b->lo + b->n - 1 : khi;
    int cap = hi - lo + 1 + 4; /* a little room for carries and neighbours */
    struct ta_xbig *nb = al->alloc(al->ud, sizeof *nb + (size_t)cap * sizeof nb->c[0]);
    if (!nb)
        return TA_ERR_NOMEM;
    memset(nb->c, 0, (size_t)cap * sizeof nb->c[0]);
    nb->lo = lo;
    nb->n = hi - lo + 1;
    nb->cap = cap;
    nb->pending = 0;
    if (b) {
        nb->pending = b->pending;
        memcpy(nb->c + (b->lo - lo), b->c, (size_t)b->n * sizeof b->c[0]);
        al->free(al->ud, b);
    }
    s->big = nb;
    return TA_OK;
}

/* Carries, with a top chunk in [-2^31, 2^31), so that it may take n more
 * 32-bit pieces per chunk. */
static ta_status big_room(ta_xsum *s, uint32_t n, const ta_allocator *al)
{
    struct ta_xbig *b = s->big;
    if (b->pending + n <= PENDING_MAX)
        return TA_OK;
    for (;;) {
        chunks_carry(b->c, b->n);
        int64_t top = b->c[b->n - 1];
        if (top >= -(INT64_C(1) << 31) && top < (INT64_C(1) << 31))
            break;
        ta_status st = big_cover(s, b->lo, b->lo + b->n, al);
        if (st != TA_OK)
            return st;
        b = s->big;
    }
    b->pending = 0;
    return TA_OK;
}

/* sum += vals[i] * 2^shifts[i] in the accumulator, and the pair too when
 * move_pair (it then starts again from 0): memory first, so a failure
 * changes nothing. */
static ta_status flush(ta_xsum *s, const double *vals, const int *shifts, int n, bool move_pair,
                       const ta_allocator *al)
{
    double all[4];
    int sh[4], m = 0, klo = NCH, khi = -1;
    if (move_pair) {
        all[m] = s->hi, sh[m++] = 0;
        all[m] = s->lo, sh[m++] = 0;
    }
    for (int i = 0; i < n; i++)
        all[m] = vals[i], sh[m++] = shifts[i];
    for (int i = 0; i < m; i++) {
        if (all[i] == 0)
            continue;
        int k = chunk_of(all[i], sh[i]);
        klo = k < klo ? k : klo;
        khi = k + 3 > khi ? k + 3 : khi;
    }
    if (khi >= 0) {
        ta_status st = big_cover(s, klo, khi, al);
        if (st == TA_OK)
            st = big_room(s, (uint32_t)m, al);
        if (st != TA_OK)
            return st;
    }
    for (int i = 0; i < m; i++)
        if (all[i] != 0) {
            chunks_add(s->big->c, s->big->lo, all[i], sh[i]);
            s->big->pending++;
        }
    if (move_pair)
        s->hi = s->lo = 0;
    return TA_OK;
}

/* ---- the interface ------------------------------------------------------------ */

/* Two doubles no longer hold the sum (ta_xsum_add in ta_xsum.h tried):
 * the pair and v move into the accumulator, and the pair starts again, so
 * values like the earlier ones take the fast path again. */
ta_status ta_xsum_add_slow(ta_xsum *sum, double v, const ta_allocator *al)
{
    int zero = 0;
    return flush(sum, &v, &zero, 1, true, al);
}

/* The rest of ta_xsum_add_square: a square a double holds exactly (v with
 * at most 26 significant bits, far from both ends of the range: whole
 * amounts, counts) joins the pair while the pair can take it, so such sums
 * allocate nothing; any other first goes to chunks that the accumulator
 * makes room for (memory first, so a failure changes nothing). */
ta_status ta_xsum_add_square_slow(ta_xsum *q, uint64_t mag, int e, double v, int sign,
                                   const ta_allocator *al)
{
    if (!q->big && (mag >> __builtin_ctzll(mag)) < (UINT64_C(1) << 26)) {
        double d = v * v;
        if (d >= 0x1p-1022 && d <= 0x1p1000 && ta_xsum_pair_add(&q->hi, &q->lo, sign * d))
            return TA_OK;
    }
    int p = 2 * e - EMIN, k = p >> 5;
    ta_status st = big_cover(q, k, k + 5, al);
    if (st == TA_OK)
        st = big_room(q, 1, al);
    if (st != TA_OK)
        return st;
    struct ta_xbig *b = q->big;
    ta_xsum_square_chunks(b->c + (k - b->lo), mag, p & 31, sign);
    b->pending++;
    return TA_OK;
}

ta_status ta_xsum_merge(ta_xsum *sum, const ta_xsum *other, int sign, const ta_allocator *al)
{
    double vals[2] = {sign * other->hi, sign * other->lo};
    int sh[2] = {0, 0};
    if (!other->big) {
        double hi = sum->hi, lo = sum->lo;
        if (ta_xsum_pair_add(&hi, &lo, vals[0]) && ta_xsum_pair_add(&hi, &lo, vals[1])) {
            sum->hi = hi;
            sum->lo = lo;
            return TA_OK;
        }
        return flush(sum, vals, sh, 2, true, al);
    }
    /* other's chunks, carried into [0, 2^32) (top [-2^31, 2^31)), count as
     * one more piece per chunk. */
    xacc a;
    acc_load(&a, other);
    acc_normalize(&a);
    ta_status st = big_cover(sum, a.lo, a.hi, al);
    if (st == TA_OK)
        st = big_room(sum, 1, al);
    if (st != TA_OK)
        return st;
    struct ta_xbig *b = sum->big;
    for (int k = a.lo; k < a.hi; k++)
        b->c[k - b->lo] += sign * a.c[k];
    b->pending++;
    return TA_OK;
}

ta_status ta_xsum_round(const ta_xsum *sum, double *out)
{
    if (!sum->big) {
        double d = sum->hi + sum->lo;
        if (isinf(d))
            return TA_ERR_RANGE;
        *out = d;
        return TA_OK;
    }
    xacc a;
    acc_load(&a, sum);
    return acc_round(&a, 0, out);
}

bool ta_xsum_is_zero(const ta_xsum *sum)
{
    if (!sum->big)
        return sum->hi + sum->lo == 0;
    xacc a;
    acc_load(&a, sum);
    return acc_normalize(&a) == 0;
}

void ta_xsum_free(ta_xsum *sum, const ta_allocator *al)
{
    if (sum->big)
        al->free(al->ud, sum->big);
    *sum = TA_XSUM_ZERO;
}

ta_status ta_xsum_copy(ta_xsum *dst, const ta_xsum *src, const ta_allocator *al)
{
    *dst = *src;
    if (!src->big)
        return TA_OK;
    size_t n = sizeof *src->big + (size_t)src->big->cap * sizeof src->big->c[0];
    dst->big = al->alloc(al->ud, n);
    if (!dst->big) {
        *dst = TA_XSUM_ZERO;
        return TA_ERR_NOMEM;
    }
    memcpy(dst->big, src->big, n);
    return TA_OK;
}

size_t ta_xsum_mem_size(const ta_xsum *sum)
{
    return sum->big ? sizeof *sum->big + (size_t)sum->big->cap * sizeof sum->big->c[0] : 0;
}

/* ---- packed form ------------------------------------------------------------- */

void ta_xsum_pack_big(const ta_xsum *s, ta_xpacked *p)
{
    s->big->phi = s->hi;
    s->big->plo = s->lo;
    p->hi = NAN;
    memcpy(&p->lo, &s->big, sizeof s->big);
}

ta_xsum ta_xsum_unpack_big(const ta_xpacked *p)
{
    struct ta_xbig *b;
    memcpy(&b, &p->lo, sizeof b);
    return (ta_xsum){b->phi, b->plo, b};
}

/* ---- HHI ------------------------------------------------------------------------ */

ta_status ta_hhi_ratio(const ta_xsum *q, const ta_xsum *s, double *out)
{
    double qq, ss, r;
    if (ta_xsum_round(q, &qq) == TA_OK && ta_xsum_round(s, &ss) == TA_OK &&
        isnormal(qq) && isnormal(ss * ss) && !isinf(ss * ss)) {
        r = qq / (ss * ss);
        if (isinf(r))
            return TA_ERR_RANGE;
        *out = r;
        return TA_OK;
    }
    /* Scale S into [1, 2) by 2^k and Q by 2^(2k): both round once, exactly
     * as the unscaled values would have without underflow or overflow. */
    xacc a;
    acc_load(&a, s);
    acc_abs(&a);
    int t = top_bit(&a);
    if (t < 0)
        return TA_ERR_RANGE; /* S = 0: no index */
    int k = -(t + EMIN);
    ta_status st = acc_round(&a, k, &ss); /* |S| 2^k: S * S needs no sign */
    if (st != TA_OK)
        return st;
    acc_load(&a, q);
    if ((st = acc_round(&a, 2 * k, &qq)) != TA_OK)
        return st;
    r = qq / (ss * ss);
    if (isinf(r))
        return TA_ERR_RANGE;
    *out = r;
    return TA_OK;
}

/* ---- canonical byte form ----------------------------------------------------------
 *
 *   0, hi (f64), lo (f64)      when the value is hi + lo with hi = RN(value),
 *                              finite, and lo = value - hi a double: 17 bytes
 *   1 or 2 (positive or negative), first chunk (u16), n (u16), n chunks (u32)
 *                              otherwise: the magnitude in base 2^32, lowest
 *                              and highest chunks non-zero
 */

static void put_u16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static uint32_t get_u16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static void put_u32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_f64(uint8_t *p, double d)
{
    uint64_t v;
    memcpy(&v, &d, 8);
    put_u32(p, (uint32_t)v);
    put_u32(p + 4, (uint32_t)(v >> 32));
}
static double get_f64(const uint8_t *p)
{
    uint64_t v = (uint64_t)get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
    double d;
    memcpy(&d, &v, 8);
    return d;
}

/* (RN(x), x - RN(x)) for x = hi + lo, both finite: TwoSum. -0 becomes 0. */
static bool greedy_pair(double hi, double lo, double *h, double *l)
{
    double s = hi + lo, bv = s - hi;
    double err = (hi - (s - bv)) + (lo - bv);
    if (isinf(s))
        return false;
    *h = s + 0.0;
    *l = err + 0.0;
    return true;
}

/* The greedy pair of an accumulator's value, if it has one (a is consumed). */
static bool acc_pair(xacc *a, double *h, double *l)
{
    xacc b = *a;
    if (acc_round(&b, 0, h) != TA_OK)
        return false;
    acc_add(a, -*h, 0);
    b = *a;
    if (acc_round(&b, 0, l) != TA_OK)
        return false;
    acc_add(a, -*l, 0);
    *h += 0.0;
    *l += 0.0;
    return acc_normalize(a) == 0;
}

/* The form of sum: true and (h, l) for a pair; false and the magnitude's
 * chunks in a (trimmed to non-zero ends) with *sign otherwise. */
static bool encode(const ta_xsum *sum, xacc *a, double *h, double *l, int *sign)
{
    if (!sum->big && greedy_pair(sum->hi, sum->lo, h, l))
        return true;
    acc_load(a, sum);
    xacc b = *a;
    if (acc_pair(&b, h, l))
        return true;
    *sign = acc_abs(a);
    while (a->c[a->hi - 1] == 0)
        a->hi--;
    while (a->c[a->lo] == 0)
        a->lo++;
    return false;
}

size_t ta_xsum_serial_size(const ta_xsum *sum)
{
    xacc a;
    double h, l;
    int sign;
    if (encode(sum, &a, &h, &l, &sign))
        return 17;
    return 5 + 4 * (size_t)(a.hi - a.lo);
}

uint8_t *ta_xsum_serialize(const ta_xsum *sum, uint8_t *buf)
{
    xacc a;
    double h, l;
    int sign;
    if (encode(sum, &a, &h, &l, &sign)) {
        buf[0] = 0;
        put_f64(buf + 1, h);
        put_f64(buf + 9, l);
        return buf + 17;
    }
    buf[0] = sign < 0 ? 2 : 1;
    put_u16(buf + 1, (uint32_t)a.lo);
    put_u16(buf + 3, (uint32_t)(a.hi - a.lo));
    for (int k = a.lo; k < a.hi; k++)
        put_u32(buf + 5 + 4 * (k - a.lo), (uint32_t)a.c[k]);
    return buf + 5 + 4 * (size_t)(a.hi - a.lo);
}

static bool same_bits(double x, double y) { return memcmp(&x, &y, sizeof x) == 0; }

static ta_status read_pair(ta_xsum *sum, const uint8_t *b)
{
    double h = get_f64(b), l = get_f64(b + 8), gh, gl;
    if (!isfinite(h) || !isfinite(l) || !greedy_pair(h, l, &gh, &gl) || !same_bits(h, gh) ||
        !same_bits(l, gl))
        return TA_ERR_STATE;
    sum->hi = h;
    sum->lo = l;
    return TA_OK;
}

ta_status ta_xsum_deserialize(ta_xsum *sum, const uint8_t **p, const uint8_t *end,
                              const ta_allocator *al)
{
    const uint8_t *b = *p;
    *sum = TA_XSUM_ZERO;
    if (end - b < 17 && !(end - b >= 5 && (b[0] == 1 || b[0] == 2)))
        return TA_ERR_STATE;
    if (b[0] == 0) {
        if (read_pair(sum, b + 1) != TA_OK)
            return TA_ERR_STATE;
        *p = b + 17;
        return TA_OK;
    }
    if (b[0] > 2)
        return TA_ERR_STATE;
    int lo = (int)get_u16(b + 1), n = (int)get_u16(b + 3);
    if (n == 0 || lo + n > SER_NCH || end - b - 5 < 4 * (ptrdiff_t)n)
        return TA_ERR_STATE;
    xacc a;
    a.lo = lo;
    a.hi = lo + n;
    for (int k = 0; k < n; k++)
        a.c[lo + k] = (int64_t)get_u32(b + 5 + 4 * k) * (b[0] == 2 ? -1 : 1);
    if (a.c[lo] == 0 || a.c[lo + n - 1] == 0)
        return TA_ERR_STATE;
    xacc t = a;
    double h, l;
    if (acc_pair(&t, &h, &l))
        return TA_ERR_STATE; /* a pair is written as one */
    ta_status st = big_cover(sum, lo, lo + n, al); /* one chunk above for carries */
    if (st != TA_OK)
        return st;
    memcpy(sum->big->c, a.c + lo, (size_t)n * sizeof a.c[0]);
    sum->big->pending = 1;
    *p = b + 5 + 4 * (size_t)n;
    return TA_OK;
}

/* Whether |sum| <= rows * 2^e: no sum of `rows` values each below 2^e in
 * magnitude can be larger, so a stored sum beyond it was not made by adding
 * rows (and merging such sums could leave the stored range). */
bool ta_xsum_within(const ta_xsum *sum, uint64_t rows, int e)
{
    xacc a;
    acc_load(&a, sum);
    if (acc_abs(&a) == 0)
        return true;
    int b = e - EMIN, top = top_bit(&a);
    if (top < b)
        return rows >= 1;
    if (top - b >= 63)
        return false; /* the quotient is at least 2^63 > any row count */
    uint64_t q = bits_of(&a, b, top); /* floor(|sum| / 2^e) */
    return q < rows || (q == rows && !sticky_below(&a, b));
}

/* ---- the expansion of the text form ---------------------------------------------- */

int ta_xsum_expand(const ta_xsum *sum, double *terms, int *scales, int max)
{
    xacc a;
    int n = 0;
    acc_load(&a, sum);
    for (;;) {
        xacc b = a;
        if (acc_normalize(&b) == 0)
            return n;
        if (n == max)
            return -1;
        double t;
        int sc = 0;
        b = a;
        if (acc_round(&b, 0, &t) != TA_OK) {
            /* Beyond the doubles: RN(x / 2^64), whose rest is again a
             * double's worth of range below. */
            sc = TA_XSUM_SCALE;
            b = a;
            if (acc_round(&b, -sc, &t) != TA_OK)
                return -1;
        }
        terms[n] = t + 0.0;
        scales[n++] = sc;
        acc_add(&a, -t, sc);
    }
}

ta_status ta_xsum_add_scaled(ta_xsum *sum, double v, int scale, const ta_allocator *al)
{
    if (scale == 0)
        return ta_xsum_add(sum, v, al);
    return flush(sum, &v, &scale, 1, true, al);
}
