/*
 * test_exact.c — exact sums against GMP: every result bit-identical to the
 * exact rational (GMP's mpq_t) rounded once by MPFR (53 bits, double's
 * exponent range, mpfr_subnormalize: correct rounding of subnormals too).
 *
 * Random multisets mix magnitudes from 1e-300 to 1e300, subnormals, values
 * near the largest double, money amounts and exact cancellations; they go in
 * shuffled, split into parts merged through serialize/deserialize, and
 * through random add/remove sequences. Checked: ta_xsum itself (value,
 * "out of range", canonical bytes), ta_hhi_ratio, and cumulative_trade,
 * target_attainment, share_of and hhi through the aggregate interface.
 */
#include "rows.h"
#include "tap.h"

#include "ta_xsum.h"

#include <gmp.h>
#include <math.h>
#include <mpfr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRIALS  400
#define MAXVALS 64

static const ta_allocator *al = &test_allocator;

/* ---- the exact reference ---------------------------------------------- */

/* q rounded once to a double (nearest-even); false if that is infinite. */
static bool rn(const mpq_t q, double *out)
{
    mpfr_t x;
    mpfr_set_emin(-1073);
    mpfr_set_emax(1024);
    mpfr_init2(x, 53);
    int t = mpfr_set_q(x, q, MPFR_RNDN);
    mpfr_subnormalize(x, t, MPFR_RNDN);
    bool ok = !mpfr_inf_p(x);
    *out = mpfr_get_d(x, MPFR_RNDN);
    mpfr_clear(x);
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());
    return ok;
}

/* floor(log2 |q|), q != 0. */
static long ilog2(const mpq_t q)
{
    mpfr_t x;
    mpfr_init2(x, 53);
    mpfr_set_q(x, q, MPFR_RNDZ);
    long e = mpfr_get_exp(x) - 1;
    mpfr_clear(x);
    return e;
}

static void scaled(mpq_t out, const mpq_t q, long k)
{
    if (k >= 0)
        mpq_mul_2exp(out, q, (unsigned long)k);
    else
        mpq_div_2exp(out, q, (unsigned long)-k);
}

/* SPEC "Values": Q / (S * S), scaled by a power of two when Q or S * S
 * leaves the normal range. */
static bool hhi_ref(const mpq_t q, const mpq_t s, double *out)
{
    double qq, ss;
    if (rn(q, &qq) && rn(s, &ss) && isnormal(qq) && isnormal(ss * ss) && isfinite(ss * ss)) {
        *out = qq / (ss * ss);
        return isfinite(*out);
    }
    mpq_t a, b;
    mpq_inits(a, b, NULL);
    long k = -ilog2(s);
    scaled(a, q, 2 * k);
    scaled(b, s, k);
    mpq_abs(b, b);
    bool ok = rn(a, &qq) && rn(b, &ss);
    mpq_clears(a, b, NULL);
    *out = qq / (ss * ss);
    return ok && isfinite(*out);
}

/* ---- random values ------------------------------------------------------ */

static double unit(void) { return (double)(rnd() >> 11) / 9007199254740992.0; }

static double random_value(const double *earlier, int n, bool nonneg)
{
    double v;
    switch (rnd_int(0, 7)) {
    case 0: v = (1 + 9 * unit()) * pow(10, rnd_int(-300, 300)); break;
    case 1: { /* subnormal */
        uint64_t b = rnd() & ((UINT64_C(1) << 52) - 1);
        memcpy(&v, &b, 8);
        break;
    }
    case 2: v = ldexp(1 + unit(), 1023 - rnd_int(0, 2)); break; /* near the largest double */
    case 3: v = rnd_int(-100000000, 100000000) / 100.0; break;  /* money */
    case 4: v = n > 0 ? -earlier[rnd_int(0, n - 1)] : 1e20; break; /* cancels */
    case 5: v = n > 0 ? earlier[rnd_int(0, n - 1)] * ldexp(1, rnd_int(-60, 60)) : 1e-10; break;
    case 6: v = ldexp(1 + unit(), rnd_int(-1074, -900)); break;
    default: v = (1 + unit()) * pow(10, rnd_int(-20, 20)); break;
    }
    if (rnd_int(0, 1))
        v = -v;
    if (!isfinite(v))
        v = 1;
    return nonneg ? fabs(v) : v;
}

/* A multiset: the cancelling kind makes exact 0 and huge intermediate sums
 * common. */
static int make_set(double *v, bool *part, bool nonneg)
{
    int n = rnd_int(1, MAXVALS);
    for (int i = 0; i < n; i++) {
        v[i] = random_value(v, i, nonneg);
        part[i] = rnd_int(0, 1);
    }
    return n;
}

static void shuffle(int *order, int n)
{
    for (int i = 0; i < n; i++)
        order[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = rnd_int(0, i), x = order[i];
        order[i] = order[j];
        order[j] = x;
    }
}

/* ---- ta_xsum against mpq -------------------------------------------------- */

static int xsum_fail[4];

static bool same(double x, double y) { return memcmp(&x, &y, sizeof x) == 0; }

/* The value of x matches q (or both are out of range). */
static bool matches(const ta_xsum *x, const mpq_t q)
{
    double want, got = 0;
    bool ok = rn(q, &want);
    ta_status st = ta_xsum_round(x, &got);
    if (!ok)
        return st == TA_ERR_RANGE;
    return st == TA_OK && same(got, want) && ta_xsum_is_zero(x) == (mpq_sgn(q) == 0);
}

static uint8_t *bytes_of(const ta_xsum *x, size_t *n)
{
    *n = ta_xsum_serial_size(x);
    uint8_t *b = malloc(*n);
    if (ta_xsum_serialize(x, b) != b + *n)
        abort();
    return b;
}

static void check_xsum(const double *v, int n)
{
    int order[MAXVALS];
    ta_xsum a = TA_XSUM_ZERO, b = TA_XSUM_ZERO, parts[3] = {TA_XSUM_ZERO, TA_XSUM_ZERO,
                                                            TA_XSUM_ZERO};
    mpq_t q, t;
    mpq_inits(q, t, NULL);
    for (int i = 0; i < n; i++) {
        mpq_set_d(t, v[i]);
        mpq_add(q, q, t);
    }
    /* shuffled, one value at a time */
    shuffle(order, n);
    for (int i = 0; i < n; i++)
        ta_xsum_add(&a, v[order[i]], al);
    if (!matches(&a, q))
        xsum_fail[0]++;
    /* split three ways, each part serialized and read back, merged */
    for (int i = 0; i < n; i++)
        ta_xsum_add(&parts[rnd_int(0, 2)], v[i], al);
    for (int p = 0; p < 3; p++) {
        size_t len;
        uint8_t *buf = bytes_of(&parts[p], &len);
        const uint8_t *rp = buf;
        ta_xsum back;
        if (ta_xsum_deserialize(&back, &rp, buf + len, al) != TA_OK || rp != buf + len)
            xsum_fail[1]++;
        ta_xsum_merge(&b, &back, 1, al);
        ta_xsum_free(&back, al);
        free(buf);
    }
    if (!matches(&b, q))
        xsum_fail[1]++;
    /* canonical bytes: the same whatever the history */
    size_t la, lb;
    uint8_t *ba = bytes_of(&a, &la), *bb = bytes_of(&b, &lb);
    if (la != lb || memcmp(ba, bb, la) != 0)
        xsum_fail[2]++;
    free(ba);
    free(bb);
    /* everything removed again, in another order: exactly 0 */
    shuffle(order, n);
    for (int i = 0; i < n; i++)
        ta_xsum_add(&a, -v[order[i]], al);
    mpq_set_ui(t, 0, 1);
    if (!matches(&a, t) || ta_xsum_serial_size(&a) != 17)
        xsum_fail[3]++;
    ta_xsum_free(&a, al);
    ta_xsum_free(&b, al);
    for (int p = 0; p < 3; p++)
        ta_xsum_free(&parts[p], al);
    mpq_clears(q, t, NULL);
}

/* ---- the aggregates --------------------------------------------------------- */

static const ta_agg_kind kinds[] = {TA_AGG_CUMULATIVE, TA_AGG_TARGET_ATTAINMENT, TA_AGG_SHARE_OF,
                                    TA_AGG_HHI};
static int agg_fail[4][3], agg_runs[4];

typedef struct expected {
    ta_status st;
    ta_result r;
} expected;

static expected expect(ta_agg_kind k, const double *v, const bool *part, const bool *in, int n,
                       double target)
{
    expected x = {TA_OK, {TA_R_NULL, 0, {TA_PK_NONE, 0}, 0}};
    mpq_t s, p, q, t;
    double ds, dp, d = 0;
    int rows = 0;
    mpq_inits(s, p, q, t, NULL);
    for (int i = 0; i < n; i++) {
        if (!in[i])
            continue;
        rows++;
        mpq_set_d(t, v[i]);
        mpq_add(s, s, t);
        if (part[i])
            mpq_add(p, p, t);
        mpq_mul(t, t, t);
        mpq_add(q, q, t);
    }
    bool ok = true;
    if (rows == 0)
        goto done;
    switch (k) {
    case TA_AGG_CUMULATIVE: ok = rn(s, &d); break;
    case TA_AGG_TARGET_ATTAINMENT: ok = rn(s, &ds) && isfinite(d = ds / target); break;
    case TA_AGG_SHARE_OF:
        if (mpq_sgn(s) == 0)
            goto done;
        ok = rn(s, &ds) && rn(p, &dp) && isfinite(d = dp / ds);
        break;
    default:
        if (mpq_sgn(s) == 0)
            goto done;
        ok = hhi_ref(q, s, &d);
        break;
    }
    if (ok) {
        x.r.type = TA_R_REAL;
        x.r.d = d;
    } else {
        x.st = TA_ERR_RANGE;
    }
done:
    mpq_clears(s, p, q, t, NULL);
    return x;
}

static void feed(ta_agg *a, ta_agg_kind k, double v, bool part, double target, bool remove)
{
    ta_value argv[2] = {{TA_V_REAL, 0, v, NULL, 0}, {TA_V_NULL, 0, 0, NULL, 0}};
    ta_error e;
    int argc = 1;
    if (k == TA_AGG_TARGET_ATTAINMENT)
        argv[1] = (ta_value){TA_V_REAL, 0, target, NULL, 0}, argc = 2;
    if (k == TA_AGG_SHARE_OF)
        argv[1] = (ta_value){TA_V_BOOL, part, 0, NULL, 0}, argc = 2;
    ta_status st = remove ? ta_agg_remove(a, argv, argc, &e) : ta_agg_add(a, argv, argc, &e);
    if (st != TA_OK) {
        printf("Bail out! %s: %s\n", ta_aggs[k].name, e.msg);
        exit(2);
    }
}

static bool agrees(const ta_agg *a, expected want)
{
    ta_result r;
    ta_error e;
    ta_status st = ta_agg_result(a, &r, &e);
    if (st != want.st)
        return false;
    return st != TA_OK || same_result(r, want.r);
}

static ta_agg round_trip(ta_agg *a)
{
    ta_agg b;
    ta_error e;
    size_t n = ta_agg_serial_size(a);
    uint8_t *buf = malloc(n);
    ta_agg_serialize(a, buf);
    if (ta_agg_deserialize(&b, buf, n, al, &e) != TA_OK) {
        printf("Bail out! deserialize: %s\n", e.msg);
        exit(2);
    }
    free(buf);
    ta_agg_free(a);
    return b;
}

static void check_agg(int ki, const double *v, const bool *part, int n)
{
    ta_agg_kind k = kinds[ki];
    double target = ldexp(1 + unit(), rnd_int(-20, 40));
    bool all[MAXVALS] = {false}, in[MAXVALS] = {false};
    int order[MAXVALS];
    for (int i = 0; i < n; i++)
        all[i] = true;
    expected want = expect(k, v, part, all, n, target);
    agg_runs[ki]++;

    ta_agg a, b;
    ta_error e;
    ta_agg_init(&a, k, al);
    shuffle(order, n);
    for (int i = 0; i < n; i++)
        feed(&a, k, v[order[i]], part[order[i]], target, false);
    if (!agrees(&a, want))
        agg_fail[ki][0]++;
    ta_agg_free(&a);

    ta_agg_init(&a, k, al);
    ta_agg_init(&b, k, al);
    for (int i = 0; i < n; i++)
        feed(rnd_int(0, 1) ? &a : &b, k, v[i], part[i], target, false);
    b = round_trip(&b);
    if (ta_agg_merge(&a, &b, &e) != TA_OK || !agrees(&a, want))
        agg_fail[ki][1]++;
    ta_agg_free(&a);
    ta_agg_free(&b);

    /* rows enter and leave at random; after each step the state holds 'in' */
    ta_agg_init(&a, k, al);
    for (int i = 0; i < n; i++)
        in[i] = false;
    for (int step = 0; step < 3 * n; step++) {
        int i = rnd_int(0, n - 1);
        feed(&a, k, v[i], part[i], target, in[i]);
        in[i] = !in[i];
        if (step % 7 == 6)
            a = round_trip(&a);
        if (!agrees(&a, expect(k, v, part, in, n, target))) {
            agg_fail[ki][2]++;
            break;
        }
    }
    ta_agg_free(&a);
}

/* ---- fixed cases ------------------------------------------------------------------ */

static double sum_of(const double *v, int n, ta_status *st)
{
    ta_xsum x = TA_XSUM_ZERO;
    double d = NAN;
    for (int i = 0; i < n; i++)
        ta_xsum_add(&x, v[i], al);
    *st = ta_xsum_round(&x, &d);
    ta_xsum_free(&x, al);
    return d;
}

static void fixed_cases(void)
{
    ta_status st;
    double a[] = {1e20, 1234.5678, 1e-10, -1e20, -1234.5678};
    double b[] = {-1234.5678, 1e-10, -1e20, 1234.5678, 1e20};
    tap_ok(sum_of(a, 5, &st) == 1e-10 && sum_of(b, 5, &st) == 1e-10,
           "1e20, 1234.5678, 1e-10, -1e20, -1234.5678 is 1e-10 in two orders");
    double h1[] = {1e308, 1e308, -1e308}, h2[] = {1e308, -1e308, 1e308};
    tap_ok(sum_of(h1, 3, &st) == 1e308 && sum_of(h2, 3, &st) == 1e308,
           "1e308, 1e308, -1e308 is 1e308 in every order");
    sum_of(h1, 2, &st);
    tap_ok(st == TA_ERR_RANGE, "1e308 + 1e308 rounds to infinity: out of range");
    double m[] = {0x1.fffffffffffffp1023, 0x1p970};
    sum_of(m, 2, &st);
    tap_ok(st == TA_ERR_RANGE, "DBL_MAX + half an ulp rounds (to even) to infinity");
    double m2[] = {0x1.fffffffffffffp1023, 0x1p969};
    tap_ok(sum_of(m2, 2, &st) == 0x1.fffffffffffffp1023, "DBL_MAX + a quarter ulp is DBL_MAX");
    double t1[] = {1, 0x1p-53}, t2[] = {1, 0x1p-53, 0x1p-1074}, t3[] = {1 + 0x1p-52, 0x1p-53};
    tap_ok(sum_of(t1, 2, &st) == 1, "a tie rounds to even (down)");
    tap_ok(sum_of(t2, 3, &st) == 1 + 0x1p-52, "past the tie by 2^-1074 rounds up");
    tap_ok(sum_of(t3, 2, &st) == 1 + 0x1p-51, "a tie rounds to even (up)");
    double s1[] = {0x1p-1022, -0x1p-1074};
    tap_ok(sum_of(s1, 2, &st) == 0x1p-1022 - 0x1p-1074, "subnormal results are exact");

    ta_xsum q = TA_XSUM_ZERO, s = TA_XSUM_ZERO;
    double r = 0;
    ta_xsum_add_square(&q, 3e10, 1, al);
    ta_xsum_add(&s, 3e10, al);
    tap_ok(ta_hhi_ratio(&q, &s, &r) == TA_OK && r == 1, "hhi of one competitor is 1");
    ta_xsum_add_square(&q, 1e300, 1, al);
    ta_xsum_add(&s, 1e300, al);
    ta_xsum_add_square(&q, 3e10, -1, al);
    ta_xsum_add(&s, -3e10, al);
    tap_ok(ta_hhi_ratio(&q, &s, &r) == TA_OK && r == 1,
           "hhi of one huge competitor after another left is 1");
    ta_xsum_free(&q, al);
    ta_xsum_free(&s, al);
    ta_xsum_add_square(&q, 5e-324, 1, al);
    ta_xsum_add_square(&q, 5e-324, 1, al);
    ta_xsum_add(&s, 5e-324, al);
    ta_xsum_add(&s, 5e-324, al);
    tap_ok(ta_hhi_ratio(&q, &s, &r) == TA_OK && r == 0.5, "hhi of two smallest subnormals: 0.5");
    ta_xsum_free(&q, al);
    ta_xsum_free(&s, al);
}

int main(void)
{
    static double v[MAXVALS];
    static bool part[MAXVALS];
    fixed_cases();
    for (int t = 0; t < TRIALS; t++) {
        int n = make_set(v, part, false);
        check_xsum(v, n);
        int ki = rnd_int(0, 3);
        if (kinds[ki] == TA_AGG_HHI)
            n = make_set(v, part, true);
        check_agg(ki, v, part, n);
    }
    static const char *what[] = {"shuffled", "split, serialized and merged",
                                 "canonical bytes whatever the history",
                                 "every value removed leaves exactly 0"};
    for (int i = 0; i < 4; i++)
        tap_ok(xsum_fail[i] == 0, "ta_xsum: %s matches GMP (%d sets, %d off)", what[i], TRIALS,
               xsum_fail[i]);
    static const char *how[] = {"shuffled rows", "split, serialized and merged",
                                "random add/remove"};
    for (int k = 0; k < 4; k++)
        for (int p = 0; p < 3; p++)
            tap_ok(agg_runs[k] > 0 && agg_fail[k][p] == 0, "%s: %s bit-identical to GMP (%d sets)",
                   ta_aggs[kinds[k]].name, how[p], agg_runs[k]);
    return tap_done();
}
