/*
 * test_agg.c — the aggregates on the SPEC's examples, compensated sums,
 * every error message, and serialized states that must be refused.
 */
#include "rows.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ta_value R(double d) { return (ta_value){TA_V_REAL, 0, d, NULL, 0}; }
static ta_value I(int64_t i) { return (ta_value){TA_V_INT, i, 0, NULL, 0}; }
static ta_value T(const char *s) { return (ta_value){TA_V_TEXT, 0, 0, s, strlen(s)}; }
static const ta_value N = {TA_V_NULL, 0, 0, NULL, 0};

/* Feeds rows of argc values each; returns the first error (message in e). */
static ta_status feed(ta_agg *a, const ta_value *vals, int nrows, int argc, ta_error *e)
{
    for (int i = 0; i < nrows; i++) {
        ta_status st = ta_agg_add(a, vals + i * argc, argc, e);
        if (st != TA_OK)
            return st;
    }
    return TA_OK;
}

static ta_result run(ta_agg_kind k, const ta_value *vals, int nrows, int argc)
{
    ta_agg a;
    ta_error e;
    ta_result r = {TA_R_NULL, 0, {0, 0}, 0};
    ta_agg_init(&a, k, &test_allocator);
    if (feed(&a, vals, nrows, argc, &e) != TA_OK || ta_agg_result(&a, &r, &e) != TA_OK)
        tap_diag("unexpected error: %s", e.msg);
    ta_agg_free(&a);
    return r;
}

static void fails(ta_agg_kind k, const ta_value *vals, int nrows, int argc, ta_status code,
                  const char *msg)
{
    ta_agg a;
    ta_error e = {TA_OK, ""};
    ta_agg_init(&a, k, &test_allocator);
    ta_status st = feed(&a, vals, nrows, argc, &e);
    ta_result r;
    if (st == TA_OK) /* a sum out of range is reported when the result is read */
        st = ta_agg_result(&a, &r, &e);
    tap_ok(st == code, "%s fails with %s", ta_aggs[k].name, ta_status_sqlstate(code));
    tap_is_str(e.msg, msg, "  message: %s", msg);
    ta_agg_free(&a);
}

/* China-Russia monthly flows 2023, Jan-Feb combined (from the YTD series). */
static const char *months[] = {"2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01",
                               "2023-06-01", "2023-07-01", "2023-08-01", "2023-09-01",
                               "2023-10-01", "2023-11-01"};
static const double ytd23[] = {33.69,  53.85,  73.15,  93.80,  114.54,
                               134.06, 155.08, 176.40, 196.48, 218.18};

static void test_spec_examples(void)
{
    ta_value rows[10 * 3], flows[10 * 3];
    for (int i = 0; i < 10; i++) {
        rows[2 * i] = T(months[i]);
        rows[2 * i + 1] = R(ytd23[i]);
    }
    /* period_from_ytd over each prefix gives that month's flow. */
    for (int i = 0; i < 10; i++) {
        ta_result r = run(TA_AGG_PERIOD_FROM_YTD, rows, i + 1, 2);
        flows[3 * i] = T(months[i]);
        flows[3 * i + 1] = R(r.d);
        flows[3 * i + 2] = R(200);
    }
    tap_is_double(flows[1].d, 33.69, "period_from_ytd: first release of the year is its YTD");
    tap_is_double(flows[3 * 9 + 1].d, 218.18 - 196.48, "period_from_ytd: Nov = YTD Nov - YTD Oct");

    ta_value two[10 * 2];
    for (int i = 0; i < 10; i++) {
        two[2 * i] = flows[3 * i];
        two[2 * i + 1] = flows[3 * i + 1];
    }
    tap_is_double(run(TA_AGG_YTD, two, 10, 2).d, 218.18, "ytd_trade over 2023 Jan-Nov = 218.18");
    ta_result at = run(TA_AGG_TARGET_REACHED_AT, flows, 10, 3);
    tap_ok(at.type == TA_R_PERIOD && at.period.key == 20231101,
           "target_reached_at(200) = 2023-11-01");
    tap_ok(run(TA_AGG_TARGET_REACHED_AT, flows, 9, 3).type == TA_R_NULL,
           "target_reached_at: NULL while the target is not reached");
    double proj = run(TA_AGG_PROJECTED, two, 10, 2).d;
    tap_is_double(proj, 218.18 * 12 / 11, "projected_trade = 218.18 * 12 / 11");
    tap_ok(fabs(proj - 238.0145) < 1e-4, "projected_trade is 238.01 (%.4f)", proj);
    ta_value att[10 * 2];
    for (int i = 0; i < 10; i++) {
        att[2 * i] = flows[3 * i + 1];
        att[2 * i + 1] = R(200);
    }
    tap_is_double(run(TA_AGG_TARGET_ATTAINMENT, att, 10, 2).d, 218.18 / 200,
                  "target_attainment = 1.0909");
}

static void test_sums(void)
{
    ta_value big[] = {R(1e16), R(1), R(-1e16)};
    tap_is_double(run(TA_AGG_CUMULATIVE, big, 3, 1).d, 1, "cumulative_trade(1e16, 1, -1e16) = 1");
    ta_value tenth[10];
    for (int i = 0; i < 10; i++)
        tenth[i] = R(0.1);
    tap_is_double(run(TA_AGG_CUMULATIVE, tenth, 10, 1).d, 1.0, "ten times 0.1 = 1.0");
    ta_value mixed[] = {I(3), T(" 2.5 "), N, T("-1e1")};
    tap_is_double(run(TA_AGG_CUMULATIVE, mixed, 4, 1).d, -4.5,
                  "integers and numeric text count, NULL is skipped");
    tap_ok(run(TA_AGG_CUMULATIVE, mixed + 2, 1, 1).type == TA_R_NULL, "only NULLs give NULL");
    tap_ok(run(TA_AGG_CUMULATIVE, mixed, 0, 1).type == TA_R_NULL, "no rows give NULL");

    ta_agg a;
    ta_error e;
    ta_result r;
    ta_agg_init(&a, TA_AGG_CUMULATIVE, &test_allocator);
    feed(&a, big, 3, 1, &e);
    ta_agg_remove(&a, &big[1], 1, &e);
    ta_agg_result(&a, &r, &e);
    tap_is_double(r.d, 0, "removing the 1 leaves exactly 0");
    ta_agg_remove(&a, &big[0], 1, &e);
    ta_agg_remove(&a, &big[2], 1, &e);
    ta_agg_result(&a, &r, &e);
    tap_ok(r.type == TA_R_NULL, "an emptied frame gives NULL");
    tap_ok(ta_agg_remove(&a, &big[0], 1, &e) == TA_ERR_INTERNAL, "removing from nothing fails");
    tap_is_str(e.msg, "cumulative_trade: a row left the window frame that never entered it",
               "  message names the function");
    ta_agg_free(&a);
}

static void test_other_aggregates(void)
{
    ta_value share[] = {R(30), I(1), R(50), I(0), R(20), N, N, I(1)};
    tap_is_double(run(TA_AGG_SHARE_OF, share, 4, 2).d, 0.3, "share_of = 30 / 100");
    ta_value zero[] = {R(5), I(1), R(-5), I(0)};
    tap_ok(run(TA_AGG_SHARE_OF, zero, 2, 2).type == TA_R_NULL, "share_of: total 0 gives NULL");
    ta_value h[] = {R(50), R(30), R(20)};
    tap_is_double(run(TA_AGG_HHI, h, 3, 1).d, (2500.0 + 900 + 400) / 100 / 100,
                  "hhi(50, 30, 20) = 0.38");
    ta_value mono[] = {R(7)};
    tap_is_double(run(TA_AGG_HHI, mono, 1, 1).d, 1, "hhi of a monopoly = 1");
    ta_value h0[] = {R(0), R(0)};
    tap_ok(run(TA_AGG_HHI, h0, 2, 1).type == TA_R_NULL, "hhi: sum 0 gives NULL");

    /* Fiscal year from April: 2023-03 belongs to FY starting 2022-04. */
    ta_value fy[] = {T("2022-03-01"), R(1), I(4), T("2022-04-01"), R(2), I(4),
                     T("2023-02-01"), R(4), I(4), T("2023-03-01"), R(8), I(4)};
    tap_is_double(run(TA_AGG_YTD, fy, 4, 3).d, 14, "ytd_trade with April fiscal years");
    tap_is_double(run(TA_AGG_PROJECTED, fy, 4, 3).d, 14, "projected: March closes an April year");
    ta_value leap[] = {T("2023-02-28"), R(4), T("2024-02-29"), R(5)};
    tap_is_double(run(TA_AGG_YOY, leap, 2, 2).d, 0.25, "yoy_growth: 2024-02-29 vs 2023-02-28");
    ta_value annual[] = {I(2021), R(146.88), I(2022), R(190.27)};
    tap_is_double(run(TA_AGG_YOY, annual, 2, 2).d, (190.27 - 146.88) / 146.88,
                  "yoy_growth on annual periods");
    tap_is_double(run(TA_AGG_PROJECTED, annual, 2, 2).d, 190.27,
                  "projected_trade on annual periods is the latest year's total");
    ta_value ytdyoy[] = {T("2022-01-01"), R(10), T("2022-02-01"), R(10), T("2022-03-01"), R(99),
                         T("2023-01-01"), R(12), T("2023-02-01"), R(13)};
    tap_is_double(run(TA_AGG_YTD_YOY, ytdyoy, 5, 2).d, 0.25, "ytd_yoy_growth: Jan-Feb 25 vs 20");
    tap_ok(run(TA_AGG_YTD_YOY, ytdyoy + 6, 2, 2).type == TA_R_NULL,
           "ytd_yoy_growth: NULL without the previous year");
    ta_value null_periods[] = {N, R(2), N, R(3)};
    tap_ok(run(TA_AGG_YTD, null_periods, 2, 2).type == TA_R_NULL,
           "rows with NULL periods are skipped, even first in a state");
    ta_value repeat[] = {
        T("2023-05-01"), R(1), T("2023-05"), R(2), T("2023-05-01 10:00"), R(4), N, R(8),
        T("2023-05-01"), R(16)};
    tap_is_double(run(TA_AGG_YTD, repeat, 5, 2).d, 23,
                  "one period written three ways, with a NULL between repeats");
}

static void test_errors(void)
{
    ta_value bad_period[] = {T("2023-13"), N};
    fails(TA_AGG_YTD, bad_period, 1, 2, TA_ERR_PERIOD,
          "ytd_trade: invalid period '2023-13' (expected YYYY-MM-DD, YYYY-MM or a year)");
    ta_value mixed[] = {T("2023-01-01"), R(1), I(2023), R(1)};
    fails(TA_AGG_TTM, mixed, 2, 2, TA_ERR_PERIOD,
          "ttm_trade: mixed period kinds: 2023 is annual but the group has dated periods");
    ta_value mixed2[] = {I(2023), R(1), T("2023-01"), R(1)};
    fails(TA_AGG_TTM, mixed2, 2, 2, TA_ERR_PERIOD,
          "ttm_trade: mixed period kinds: '2023-01' is dated but the group has annual periods");
    ta_value nan[] = {R(NAN)};
    fails(TA_AGG_CUMULATIVE, nan, 1, 1, TA_ERR_RANGE,
          "cumulative_trade: invalid value NaN (expected a finite number)");
    ta_value inf[] = {T("2023-01-01"), R(-INFINITY)};
    fails(TA_AGG_PERIOD_FROM_YTD, inf, 1, 2, TA_ERR_RANGE,
          "period_from_ytd: invalid ytd_value -Infinity (expected a finite number)");
    ta_value word[] = {T("abc")};
    fails(TA_AGG_CUMULATIVE, word, 1, 1, TA_ERR_VALUE,
          "cumulative_trade: invalid value 'abc' (expected a number)");
    ta_value blob[] = {{TA_V_BLOB, 0, 0, "\x00\x01", 2}};
    fails(TA_AGG_HHI, blob, 1, 1, TA_ERR_VALUE, "hhi: invalid value x'0001' (expected a number)");
    ta_value neg[] = {R(-3)};
    fails(TA_AGG_HHI, neg, 1, 1, TA_ERR_PARAM, "hhi: invalid value -3 (expected a number >= 0)");
    ta_value overflow[] = {R(1e308), R(1e308)};
    fails(TA_AGG_CUMULATIVE, overflow, 2, 1, TA_ERR_RANGE, "cumulative_trade: sum out of range");
    ta_value tnull[] = {R(1), N};
    fails(TA_AGG_TARGET_ATTAINMENT, tnull, 1, 2, TA_ERR_PARAM,
          "target_attainment: target must not be NULL");
    ta_value tnull2[] = {N, N};
    fails(TA_AGG_TARGET_ATTAINMENT, tnull2, 1, 2, TA_ERR_PARAM,
          "target_attainment: target must not be NULL");
    ta_value tzero[] = {R(1), I(0)};
    fails(TA_AGG_TARGET_ATTAINMENT, tzero, 1, 2, TA_ERR_PARAM,
          "target_attainment: invalid target 0 (expected a finite number > 0)");
    ta_value tinf[] = {T("2023-01-01"), R(1), R(INFINITY)};
    fails(TA_AGG_TARGET_REACHED_AT, tinf, 1, 3, TA_ERR_PARAM,
          "target_reached_at: invalid target Infinity (expected a finite number > 0)");
    ta_value tchg[] = {R(1), R(200), R(1), R(300)};
    fails(TA_AGG_TARGET_ATTAINMENT, tchg, 2, 2, TA_ERR_PARAM,
          "target_attainment: target must be the same in every row of a group (200 and 300)");
    ta_value fnull[] = {T("2023-01-01"), R(1), N};
    fails(TA_AGG_YTD, fnull, 1, 3, TA_ERR_PARAM, "ytd_trade: fy_start_month must not be NULL");
    ta_value f13[] = {T("2023-01-01"), R(1), I(13)};
    fails(TA_AGG_YTD, f13, 1, 3, TA_ERR_PARAM,
          "ytd_trade: invalid fy_start_month 13 (expected an integer from 1 to 12)");
    ta_value fhalf[] = {T("2023-01-01"), R(1), R(4.5)};
    fails(TA_AGG_PROJECTED, fhalf, 1, 3, TA_ERR_PARAM,
          "projected_trade: invalid fy_start_month 4.5 (expected an integer from 1 to 12)");
    ta_value fchg[] = {T("2023-01-01"), R(1), I(4), T("2023-02-01"), R(1), I(7)};
    fails(TA_AGG_YTD_YOY, fchg, 2, 3, TA_ERR_PARAM,
          "ytd_yoy_growth: fy_start_month must be the same in every row of a group (4 and 7)");
    ta_value flag[] = {R(1), T("yes")};
    fails(TA_AGG_SHARE_OF, flag, 1, 2, TA_ERR_VALUE,
          "share_of: invalid is_part 'yes' (expected a boolean)");
    /* 40 control bytes: each shows as 4 characters; the message is cut, not
     * the stack (18 fit in the rendering before "..."). */
    static const char ctl[40] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    ta_value ctl_period[] = {{TA_V_TEXT, 0, 0, ctl, sizeof ctl}, R(1)};
    char want[200] = "ytd_trade: invalid period '";
    for (int i = 0; i < 18; i++)
        strcat(want, "\\x01");
    strcat(want, "...' (expected YYYY-MM-DD, YYYY-MM or a year)");
    fails(TA_AGG_YTD, ctl_period, 1, 2, TA_ERR_PERIOD, want);
    ta_value big_fy[] = {T("2023-01-01"), R(1), I(9007199254740993)};
    fails(TA_AGG_YTD, big_fy, 1, 3, TA_ERR_PARAM,
          "ytd_trade: invalid fy_start_month 9007199254740993 (expected an integer from 1 to 12)");
    ta_value tiny[] = {R(5e-324), R(1e-170)};
    ta_agg h;
    ta_error he;
    ta_result hr;
    ta_agg_init(&h, TA_AGG_HHI, &test_allocator);
    feed(&h, tiny, 2, 1, &he);
    /* Q and S * S scaled by a power of two: the second competitor is far
     * below the first's precision, so the index is exactly 1. */
    tap_ok(ta_agg_result(&h, &hr, &he) == TA_OK && hr.type == TA_R_REAL && hr.d == 1,
           "hhi of values whose squares underflow is computed scaled: 1");
    ta_agg_free(&h);
    ta_value sub[] = {R(5e-324), R(5e-324), R(1e-323)};
    ta_agg_init(&h, TA_AGG_HHI, &test_allocator);
    feed(&h, sub, 3, 1, &he);
    /* 1, 1, 2 (units of 2^-1074): (1 + 1 + 4) / 16 */
    tap_ok(ta_agg_result(&h, &hr, &he) == TA_OK && hr.d == 0.375, "hhi of subnormals: 0.375");
    ta_agg_free(&h);
    ta_value nullval_badperiod[] = {T("2023-02-30"), N};
    fails(TA_AGG_YOY, nullval_badperiod, 1, 2, TA_ERR_PERIOD,
          "yoy_growth: invalid period '2023-02-30' (expected YYYY-MM-DD, YYYY-MM or a year)");
}

static void test_merge_rules(void)
{
    ta_agg x, y;
    ta_error e;
    ta_result r;
    ta_value a[] = {T("2023-01-01"), R(1), I(4)}, b[] = {T("2023-02-01"), R(1), I(7)};
    ta_agg_init(&x, TA_AGG_YTD, &test_allocator);
    ta_agg_init(&y, TA_AGG_YTD, &test_allocator);
    tap_ok(ta_agg_merge(&x, &y, &e) == TA_OK && ta_agg_result(&x, &r, &e) == TA_OK &&
               r.type == TA_R_NULL,
           "merging two empty states gives NULL");
    ta_agg_add(&x, a, 3, &e);
    ta_agg_add(&y, b, 3, &e);
    tap_ok(ta_agg_merge(&x, &y, &e) == TA_ERR_PARAM,
           "states with different fiscal years refuse to merge");
    tap_is_str(e.msg, "ytd_trade: cannot merge states with different fy_start_month (4 and 7)",
               "  message names both");
    ta_agg_free(&x);
    ta_agg_free(&y);

    ta_value t1[] = {R(1), R(200)}, t2[] = {R(1), R(300)};
    ta_agg_init(&x, TA_AGG_TARGET_ATTAINMENT, &test_allocator);
    ta_agg_init(&y, TA_AGG_TARGET_ATTAINMENT, &test_allocator);
    ta_agg_add(&x, t1, 2, &e);
    ta_agg_add(&y, t2, 2, &e);
    tap_ok(ta_agg_merge(&x, &y, &e) == TA_ERR_PARAM,
           "states with different targets refuse to merge");
    tap_is_str(e.msg, "target_attainment: cannot merge states with different target (200 and 300)",
               "  message names both");
    ta_agg_free(&y);
    ta_agg_init(&y, TA_AGG_TARGET_ATTAINMENT, &test_allocator);
    tap_ok(ta_agg_merge(&y, &x, &e) == TA_OK && ta_agg_result(&y, &r, &e) == TA_OK &&
               r.d == 1.0 / 200,
           "an empty state takes the other's target");
    ta_agg_free(&x);
    ta_agg_free(&y);

    ta_agg_init(&x, TA_AGG_HHI, &test_allocator);
    ta_agg_init(&y, TA_AGG_CUMULATIVE, &test_allocator);
    tap_ok(ta_agg_merge(&x, &y, &e) == TA_ERR_INTERNAL, "different aggregates refuse to merge");

    /* Row counts near 2^63 from (crafted) serialized states cannot overflow. */
    ta_value one[] = {R(1)};
    ta_agg_init(&x, TA_AGG_CUMULATIVE, &test_allocator);
    ta_agg_add(&x, one, 1, &e);
    uint8_t bytes[62]; /* 28 + two sums of 17 bytes */
    ta_agg_serialize(&x, bytes);
    bytes[8 + 7] = 0x20; /* nrows = 2^61 + 1 */
    ta_agg_deserialize(&y, bytes, sizeof bytes, &test_allocator, &e);
    ta_agg_deserialize(&x, bytes, sizeof bytes, &test_allocator, &e);
    tap_ok(ta_agg_merge(&x, &y, &e) == TA_OK, "2^61 + 1 rows twice merge");
    bytes[8 + 7] = 0x40; /* nrows = 2^62 + 1 */
    ta_agg_deserialize(&y, bytes, sizeof bytes, &test_allocator, &e);
    tap_ok(ta_agg_merge(&x, &y, &e) == TA_ERR_RANGE, "adding 2^62 + 1 more would pass 2^63 - 1");
    tap_is_str(e.msg, "cumulative_trade: too many rows", "  message names the function");

    ta_agg_init(&x, TA_AGG_TARGET_ATTAINMENT, &test_allocator);
    ta_agg_add(&x, t1, 2, &e);
    ta_agg_serialize(&x, bytes);
    bytes[6] = 0;             /* has_target */
    memset(bytes + 16, 0, 8); /* target */
    tap_ok(ta_agg_deserialize(&y, bytes, sizeof bytes, &test_allocator, &e) == TA_ERR_STATE,
           "a state with rows but no target is refused");
    ta_agg_init(&x, TA_AGG_CUMULATIVE, &test_allocator);
    ta_agg_serialize(&x, bytes);
    bytes[5] = 4; /* a fiscal year on an aggregate without one */
    tap_ok(ta_agg_deserialize(&y, bytes, sizeof bytes, &test_allocator, &e) == TA_ERR_STATE,
           "a parameter the aggregate does not take is refused");
}

/* A serialized state cut short anywhere, or with any byte changed, is either
 * refused or read as a valid state; the sanitizer build checks no byte past
 * the end is read. */
static void test_corrupt_states(void)
{
    ta_value rows[] = {T("2023-01-01"), R(1), I(4), T("2023-03-01"), R(2), I(4),
                       T("2023-07-31"), R(3), I(4)};
    ta_agg a, b;
    ta_error e;
    ta_agg_init(&a, TA_AGG_YTD, &test_allocator);
    feed(&a, rows, 3, 3, &e);
    size_t n = ta_agg_serial_size(&a);
    uint8_t *buf = malloc(n);
    ta_agg_serialize(&a, buf);
    /* 24-byte header, the period count, then per period its key, row count
     * and a 17-byte exact sum; then the two (empty) sums of 17 bytes. */
    tap_ok(n == 24 + 4 + 3 * (8 + 17) + 2 * 17,
           "serialized size is 28 + 25 per period + two sums (%zu)", n);

    int truncated_ok = 0;
    for (size_t len = 0; len < n; len++) {
        uint8_t *cut = malloc(len ? len : 1); /* exact size, so ASan sees overreads */
        memcpy(cut, buf, len);
        if (ta_agg_deserialize(&b, cut, len, &test_allocator, &e) == TA_ERR_STATE)
            truncated_ok++;
        ta_agg_free(&b);
        free(cut);
    }
    tap_ok(truncated_ok == (int)n, "every truncation is refused (%d of %zu)", truncated_ok, n);

    int accepted = 0, refused = 0;
    for (size_t i = 0; i < n; i++)
        for (int bit = 0; bit < 8; bit++) {
            buf[i] ^= (uint8_t)(1 << bit);
            if (ta_agg_deserialize(&b, buf, n, &test_allocator, &e) == TA_OK)
                accepted++;
            else
                refused++;
            ta_agg_free(&b);
            buf[i] ^= (uint8_t)(1 << bit);
        }
    tap_ok(refused > 0 && accepted + refused == (int)n * 8,
           "single-bit flips: %d refused, %d read as other valid states", refused, accepted);

    buf[2] = 9;
    tap_ok(ta_agg_deserialize(&b, buf, n, &test_allocator, &e) == TA_ERR_STATE,
           "an unknown format version is refused");
    tap_is_str(e.msg,
               "tradeagg: invalid serialized state (format version 9; this build reads version 2 "
               "only)",
               "  message says why");
    buf[2] = 2;
    memcpy(buf + 28 + 25, buf + 28, 4); /* second period = first: out of order */
    tap_ok(ta_agg_deserialize(&b, buf, n, &test_allocator, &e) == TA_ERR_STATE,
           "periods out of order are refused");
    ta_agg_serialize(&a, buf);
    buf[28 + 4] = 0; /* count of the first period: 0 */
    tap_ok(ta_agg_deserialize(&b, buf, n, &test_allocator, &e) == TA_ERR_STATE,
           "a period without rows is refused");
    uint8_t *longer = malloc(n + 1);
    ta_agg_serialize(&a, longer);
    longer[n] = 0;
    tap_ok(ta_agg_deserialize(&b, longer, n + 1, &test_allocator, &e) == TA_ERR_STATE &&
               ta_agg_mem_size(&b) == sizeof b,
           "a trailing byte is refused, and the refused state holds no memory");
    tap_is_str(e.msg, "tradeagg: invalid serialized state (trailing bytes)", "  message says why");
    ta_agg_free(&b);
    free(longer);
    ta_agg_serialize(&a, buf);
    tap_ok(ta_agg_deserialize(&b, buf, n, &test_allocator, &e) == TA_OK &&
               ta_agg_serial_size(&b) == n,
           "the intact state reads back");
    ta_agg_free(&b);
    free(buf);
    ta_agg_free(&a);
}

/* read_row() relies on this shape of the registry: [period or competitor,]
 * value, then parameters and flags, only a trailing fy_start_month optional. */
static void test_registry_shape(void)
{
    int bad = 0;
    for (int k = TA_AGG_CUMULATIVE; k < TA_AGG_END; k++) {
        const ta_agg_desc *d = &ta_aggs[k];
        int i = 0;
        if (d->kind != (ta_agg_kind)k || d->periodic != (d->roles[0] == TA_ROLE_PERIOD) ||
            d->max_args > TA_MAX_ARGS)
            bad++;
        i += d->periodic || d->roles[0] == TA_ROLE_COMPETITOR;
        if (d->roles[i++] != TA_ROLE_VALUE || d->min_args < i)
            bad++;
        for (; i < d->max_args; i++)
            if (d->roles[i] == TA_ROLE_PERIOD || d->roles[i] == TA_ROLE_VALUE ||
                d->roles[i] == TA_ROLE_COMPETITOR || d->roles[i] == 0)
                bad++;
        if (d->min_args != d->max_args &&
            (d->min_args != d->max_args - 1 || d->roles[d->max_args - 1] != TA_ROLE_FY))
            bad++;
    }
    tap_ok(bad == 0, "every aggregate takes [period or competitor,] value [, parameters or flags]");
}

int main(void)
{
    test_registry_shape();
    test_spec_examples();
    test_sums();
    test_other_aggregates();
    test_errors();
    test_merge_rules();
    test_corrupt_states();
    return tap_done();
}
