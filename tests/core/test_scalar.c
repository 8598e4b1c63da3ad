/* test_scalar.c — growth_rate, attainment_ratio, share_ratio, cagr. */
#include "tap.h"
#include "tradeagg.h"

#include <math.h>
#include <string.h>

static ta_value R(double d) { return (ta_value){TA_V_REAL, 0, d, NULL, 0}; }
static const ta_value N = {TA_V_NULL, 0, 0, NULL, 0};

static ta_result call(ta_scalar_kind k, ta_value a, ta_value b, ta_value c, ta_error *e)
{
    ta_value argv[3] = {a, b, c};
    ta_result r;
    ta_status st = ta_scalar_call(k, argv, ta_scalars[k].nargs, &r, e);
    if (st != TA_OK)
        r.type = (ta_rtype)-1;
    return r;
}

static void is(ta_scalar_kind k, ta_value a, ta_value b, ta_value c, double want, const char *what)
{
    ta_error e;
    ta_result r = call(k, a, b, c, &e);
    tap_ok(r.type == TA_R_REAL, "%s is a number", what);
    tap_is_double(r.d, want, "%s", what);
}

static void is_null(ta_scalar_kind k, ta_value a, ta_value b, ta_value c, const char *what)
{
    ta_error e;
    tap_ok(call(k, a, b, c, &e).type == TA_R_NULL, "%s is NULL", what);
}

static void fails(ta_scalar_kind k, ta_value a, ta_value b, ta_value c, const char *msg)
{
    ta_error e = {TA_OK, ""};
    call(k, a, b, c, &e);
    tap_is_str(e.msg, msg, "error: %s", msg);
}

int main(void)
{
    ta_error e;
    is(TA_FN_GROWTH_RATE, R(190.27), R(146.88), N, (190.27 - 146.88) / 146.88,
       "growth_rate(190.27, 146.88)");
    tap_ok(fabs(call(TA_FN_GROWTH_RATE, R(190.27), R(146.88), N, &e).d - 0.2954) < 1e-4,
           "growth_rate is 29.5%%");
    is(TA_FN_GROWTH_RATE, R(-50), R(-100), N, 0.5, "growth from -100 to -50 is +50%");
    is_null(TA_FN_GROWTH_RATE, R(5), R(0), N, "growth_rate from 0");
    is_null(TA_FN_GROWTH_RATE, N, R(1), N, "growth_rate(NULL, 1)");
    is(TA_FN_ATTAINMENT_RATIO, R(218.18), R(200), N, 218.18 / 200, "attainment_ratio(218.18, 200)");
    fails(TA_FN_ATTAINMENT_RATIO, R(1), R(0), N,
          "attainment_ratio: invalid target 0 (expected a finite number > 0)");
    fails(TA_FN_ATTAINMENT_RATIO, R(1), R(-5), N,
          "attainment_ratio: invalid target -5 (expected a finite number > 0)");
    is(TA_FN_SHARE_RATIO, R(218.2), R(5410), N, 218.2 / 5410, "share_ratio(218.2, 5410)");
    tap_ok(fabs(call(TA_FN_SHARE_RATIO, R(218.2), R(5410), N, &e).d - 0.0403) < 1e-4,
           "share is 4.0%%");
    is_null(TA_FN_SHARE_RATIO, R(1), R(0), N, "share_ratio of a zero total");
    is(TA_FN_CAGR, R(100), R(400), R(2), 1, "cagr(100, 400, 2) = 100%");
    tap_ok(fabs(call(TA_FN_CAGR, R(100), R(121), R(2), &e).d - 0.1) < 1e-12,
           "cagr(100, 121, 2) = 10%%");
    is(TA_FN_CAGR, R(100), R(0), R(2), -1, "cagr to zero is -100%");
    is_null(TA_FN_CAGR, R(0), R(121), R(2), "cagr from 0");
    is_null(TA_FN_CAGR, R(100), R(-1), R(2), "cagr to a negative");
    fails(TA_FN_CAGR, R(100), R(121), R(0), "cagr: invalid years 0 (expected a number > 0)");
    fails(TA_FN_GROWTH_RATE, R(NAN), R(1), N,
          "growth_rate: invalid current NaN (expected a finite number)");
    fails(TA_FN_SHARE_RATIO, R(1), (ta_value){TA_V_TEXT, 0, 0, "x", 1}, N,
          "share_ratio: invalid total 'x' (expected a number)");
    fails(TA_FN_GROWTH_RATE, R(1e308), R(-1e-308), N, "growth_rate: result out of range");
    return tap_done();
}
