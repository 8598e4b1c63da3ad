/* test_period.c — period parsing and calendar arithmetic. */
#include "ta_internal.h"
#include "ta_value.h"
#include "tap.h"

#include <string.h>

static ta_value text(const char *s) { return (ta_value){TA_V_TEXT, 0, 0, s, strlen(s)}; }
static ta_value integer(int64_t i) { return (ta_value){TA_V_INT, i, 0, NULL, 0}; }
static ta_value real(double d) { return (ta_value){TA_V_REAL, 0, d, NULL, 0}; }

static void parse_ok(const char *s, int32_t want)
{
    ta_value v = text(s);
    ta_period p;
    bool is_null;
    ta_error e;
    ta_status st = ta_arg_period(&v, "ytd_trade", &p, &is_null, &e);
    tap_ok(st == TA_OK && p.kind == TA_PK_DATE && p.key == want, "period '%s' reads as %d", s,
           (int)want);
}

static void parse_bad(ta_value v, const char *want_msg)
{
    ta_period p;
    bool is_null;
    ta_error e = {0};
    ta_status st = ta_arg_period(&v, "ytd_trade", &p, &is_null, &e);
    tap_ok(st == TA_ERR_PERIOD, "rejected: %s", want_msg);
    tap_is_str(e.msg, want_msg, "message: %s", want_msg);
}

static void test_parse(void)
{
    parse_ok("2023-11-01", 20231101);
    parse_ok("2023-11", 20231101);
    parse_ok("2024-02-29", 20240229);
    parse_ok("2023-05-01 12:00:00", 20230501);
    parse_ok("2023-05-01T12:00:00Z", 20230501);
    parse_ok("0001-01-01", 10101);
    parse_ok("9999-12-31", 99991231);
#define E(x) "ytd_trade: invalid period " x " (expected YYYY-MM-DD, YYYY-MM or a year)"
    parse_bad(text("2023-13"), E("'2023-13'"));
    parse_bad(text("2023-02-30"), E("'2023-02-30'"));
    parse_bad(text("2023-02-29"), E("'2023-02-29'"));
    parse_bad(text("1900-02-29"), E("'1900-02-29'"));
    parse_bad(text("23-01-01"), E("'23-01-01'"));
    parse_bad(text("0000-01-01"), E("'0000-01-01'"));
    parse_bad(text(" 2023-01-01"), E("' 2023-01-01'"));
    parse_bad(text("2023-1-01"), E("'2023-1-01'"));
    parse_bad(text("2023-01-1"), E("'2023-01-1'"));
    parse_bad(text("2023"), "ytd_trade: invalid period '2023' (pass a year as INTEGER, not TEXT)");
    parse_bad(text("1"), "ytd_trade: invalid period '1' (pass a year as INTEGER, not TEXT)");
    parse_bad(text("20230"), E("'20230'"));
    parse_bad(text("202a"), E("'202a'"));
    parse_bad(text(""), E("''"));
    parse_bad(text("2023-00-10"), E("'2023-00-10'"));
    parse_bad(text("\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa3-01"),
              E("'\\xd9\\xa2\\xd9\\xa0\\xd9\\xa2\\xd9\\xa3-01'"));
    parse_bad(text("abcdefghijklmnopqrstuvwxyz0123456789"),
              E("'abcdefghijklmnopqrstuvwxyz012345...'"));
    parse_bad(integer(0), E("0"));
    parse_bad(integer(10000), E("10000"));
    parse_bad(integer(-2023), E("-2023"));
    parse_bad(real(2023), E("2023.0"));
    parse_bad(real(2023.5), E("2023.5"));
    parse_bad((ta_value){TA_V_BLOB, 0, 0, "\x01\xff", 2}, E("x'01ff'"));
    parse_bad((ta_value){TA_V_DATE, INT32_MAX, 0, NULL, 0}, E("'infinity'"));
    parse_bad((ta_value){TA_V_DATE, INT32_MIN, 0, NULL, 0}, E("'-infinity'"));
    parse_bad((ta_value){TA_V_DATE, ta_key_to_days(99991231) + 1, 0, NULL, 0}, E("'10000-01-01'"));
    parse_bad((ta_value){TA_V_DATE, ta_key_to_days(10101) - 1, 0, NULL, 0}, E("'0001-12-31 BC'"));
    parse_bad((ta_value){TA_V_DATE, -2451545 - 1, 0, NULL, 0}, E("'4714-11-23 BC'"));
#undef E
    ta_value y = integer(2023);
    ta_period p;
    bool is_null;
    tap_ok(ta_arg_period(&y, "f", &p, &is_null, NULL) == TA_OK && p.kind == TA_PK_YEAR &&
               p.key == 2023,
           "integer 2023 is an annual period");
    ta_value nul = {0};
    tap_ok(ta_arg_period(&nul, "f", &p, &is_null, NULL) == TA_OK && is_null, "NULL is NULL");
}

/* Walks every day from 0001-01-01 to 9999-12-31 with a naive calendar and
 * checks the core's day numbers against it. */
static void test_days(void)
{
    int y = 1, m = 1, d = 1;
    int64_t day = ta_key_to_days(10101), bad = 0;
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (;;) {
        int32_t key = y * 10000 + m * 100 + d, back;
        if (ta_key_to_days(key) != day || !ta_days_to_key(day, &back) || back != key)
            bad++;
        bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        int len = dim[m - 1] + (m == 2 && leap);
        if (++d > len) {
            d = 1;
            if (++m > 12) {
                m = 1;
                if (++y > 9999)
                    break;
            }
        }
        day++;
    }
    tap_ok(bad == 0, "day numbers agree with a naive calendar for years 1-9999 (%lld bad)",
           (long long)bad);
    tap_ok(ta_key_to_days(20000101) == 0, "2000-01-01 is day 0");
    tap_ok(ta_key_to_days(10101) == TA_DAYS_MIN && ta_key_to_days(99991231) == TA_DAYS_MAX,
           "the day-number bounds are 0001-01-01 and 9999-12-31");
    int32_t key;
    tap_ok(!ta_days_to_key(day + 1, &key), "10000-01-01 is out of range");
    tap_ok(!ta_days_to_key(ta_key_to_days(10101) - 1, &key), "0000-12-31 is out of range");
    tap_ok(!ta_days_to_key(INT32_MAX, &key) && !ta_days_to_key(INT32_MIN, &key),
           "infinite dates are out of range");
}

/* ta_key_step from every day, against the day numbers test_days checked:
 * it answers exactly when the day delta later is in the same month or the
 * next, and then as ta_days_to_key does. */
static void test_key_step(void)
{
    static const int deltas[] = {0, 1, 2, 27, 28, 29, 30, 31, 32, 58, 59, 60, 61, 62, 63};
    int64_t bad = 0, taken = 0;
    for (int64_t day = TA_DAYS_MIN; day <= TA_DAYS_MAX; day++) {
        int32_t key, want, got = 0;
        ta_days_to_key(day, &key);
        for (size_t i = 0; i < sizeof deltas / sizeof deltas[0]; i++) {
            int64_t k = deltas[i];
            bool later = ta_days_to_key(day + k, &want);
            int months = later ? (want / 10000 - key / 10000) * 12 + want / 100 % 100 -
                                     key / 100 % 100
                               : -1;
            bool expect = later && k >= 1 && (months == 0 || months == 1);
            bool ok = ta_key_step(key, k, &got);
            taken += ok;
            if (ok != expect || (ok && got != want))
                bad++;
        }
    }
    tap_ok(bad == 0 && taken > 0,
           "the next-day step agrees with the calendar from every day (%lld bad, %lld taken)",
           (long long)bad, (long long)taken);
}

/* Shift written apart from the core: step back one calendar month at a
 * time, then clamp the day. */
static bool naive_shift(int y, int m, int d, int months, int32_t *out)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int i = 0; i < months; i++)
        if (--m == 0) {
            m = 12;
            y--;
        }
    if (y < 1)
        return false;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int last = dim[m - 1] + (m == 2 && leap);
    *out = y * 10000 + m * 100 + (d < last ? d : last);
    return true;
}

/* Every day of years 1-9999: Shift(L, 12) is the SPEC's "one year earlier"
 * ((Y-1)-M-D, Feb 29 -> Feb 28, nothing before year 1), and Shift by 1, 3,
 * 13 and 1200 months agrees with the month-by-month walk. */
static void test_shift_every_day(void)
{
    static const int ks[] = {1, 3, 13, 1200};
    long long bad12 = 0, badk = 0;
    for (int64_t day = TA_DAYS_MIN; day <= TA_DAYS_MAX; day++) {
        int64_t y;
        int m, d;
        int32_t key, got, want;
        ta_civil_from_days(day, &y, &m, &d);
        key = ta_key_make((int)y, m, d);
        bool ok = ta_key_shift(TA_PK_DATE, key, 12, &got);
        bool want_ok = y > 1;
        want = ta_key_make((int)y - 1, m, m == 2 && d == 29 ? 28 : d);
        if (ok != want_ok || (ok && got != want))
            bad12++;
        for (size_t i = 0; i < sizeof ks / sizeof *ks; i++) {
            ok = ta_key_shift(TA_PK_DATE, key, ks[i], &got);
            want_ok = naive_shift((int)y, m, d, ks[i], &want);
            if (ok != want_ok || (ok && got != want))
                badk++;
        }
    }
    tap_ok(bad12 == 0, "Shift(L, 12) is one year earlier, Feb 29 -> Feb 28, every day (%lld bad)",
           bad12);
    tap_ok(badk == 0, "Shift(L, k) agrees with a month-by-month walk, every day (%lld bad)", badk);
}

static void test_shift(void)
{
    int32_t k;
    tap_ok(ta_key_shift(TA_PK_DATE, 20230331, 1, &k) && k == 20230228,
           "2023-03-31 - 1m = 2023-02-28");
    tap_ok(ta_key_shift(TA_PK_DATE, 20240331, 1, &k) && k == 20240229,
           "2024-03-31 - 1m = 2024-02-29");
    tap_ok(ta_key_shift(TA_PK_DATE, 20240229, 12, &k) && k == 20230228,
           "2024-02-29 - 12m = 2023-02-28");
    tap_ok(ta_key_shift(TA_PK_DATE, 20240229, 48, &k) && k == 20200229,
           "2024-02-29 - 48m = 2020-02-29");
    tap_ok(ta_key_shift(TA_PK_DATE, 20230115, 1, &k) && k == 20221215,
           "2023-01-15 - 1m = 2022-12-15");
    tap_ok(ta_key_shift(TA_PK_DATE, 20230531, 3, &k) && k == 20230228,
           "2023-05-31 - 3m = 2023-02-28");
    tap_ok(ta_key_shift(TA_PK_DATE, 20230101, 1200, &k) && k == 19230101,
           "2023-01-01 - 1200m = 1923-01-01");
    tap_ok(ta_key_shift(TA_PK_DATE, 10201, 1, &k) && k == 10101, "0001-02-01 - 1m = 0001-01-01");
    tap_ok(!ta_key_shift(TA_PK_DATE, 10131, 1, &k), "0001-01-31 - 1m is before year 1");
    tap_ok(!ta_key_shift(TA_PK_DATE, 50101, 1200, &k), "0005-01-01 - 1200m is before year 1");
    tap_ok(ta_key_shift(TA_PK_YEAR, 2023, 12, &k) && k == 2022, "2023 - 12m = 2022");
    tap_ok(ta_key_shift(TA_PK_YEAR, 2023, 1200, &k) && k == 1923, "2023 - 1200m = 1923");
    tap_ok(!ta_key_shift(TA_PK_YEAR, 1, 12, &k), "year 1 - 12m is before year 1");
    tap_ok(!ta_key_shift(TA_PK_YEAR, 50, 1200, &k), "year 50 - 1200m is before year 1");
}

static void test_calendar(void)
{
    tap_ok(ta_key_fy_start(TA_PK_DATE, 20230315, 4) == 20220401,
           "FY(Apr) of 2023-03-15 starts 2022-04-01");
    tap_ok(ta_key_fy_start(TA_PK_DATE, 20230415, 4) == 20230401,
           "FY(Apr) of 2023-04-15 starts 2023-04-01");
    tap_ok(ta_key_fy_start(TA_PK_DATE, 20230630, 7) == 20220701,
           "FY(Jul) of 2023-06-30 starts 2022-07-01");
    tap_ok(ta_key_fy_start(TA_PK_DATE, 20231231, 1) == 20230101,
           "calendar year of 2023-12-31 starts 2023-01-01");
    tap_ok(ta_key_fy_start(TA_PK_YEAR, 2023, 4) == 2023, "annual periods ignore the fiscal start");
    tap_ok(ta_months_elapsed(TA_PK_DATE, 20231101, 1) == 11, "Jan-Nov is 11 months");
    tap_ok(ta_months_elapsed(TA_PK_DATE, 20230301, 4) == 12, "Apr-Mar is 12 months");
    tap_ok(ta_months_elapsed(TA_PK_DATE, 20230701, 7) == 1, "Jul in a July year is month 1");
    tap_ok(ta_months_elapsed(TA_PK_DATE, 20230601, 7) == 12, "Jun in a July year is month 12");
    char buf[12];
    ta_period_format((ta_period){TA_PK_DATE, 10101}, buf);
    tap_is_str(buf, "0001-01-01", "year 1 prints with four digits");
    ta_period_format((ta_period){TA_PK_YEAR, 2023}, buf);
    tap_is_str(buf, "2023", "annual period prints as its year");
}

int main(void)
{
    test_parse();
    test_days();
    test_key_step();
    test_calendar();
    test_shift();
    test_shift_every_day();
    return tap_done();
}
