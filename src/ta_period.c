/*
 * ta_period.c — calendar arithmetic on period keys.
 *
 * A dated period is the key y*10000 + m*100 + d, so keys sort in calendar
 * order and the year, month and day come back with a division. Annual
 * periods are the year itself; a group never mixes the two kinds.
 */
#include "ta_internal.h"

#include <stdio.h>

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool ta_date_valid(int y, int m, int d)
{
    return y >= TA_YEAR_MIN && y <= TA_YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
           d <= days_in_month(y, m);
}

/* Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's method:
 * count in 400-year eras of 146097 days, with years starting in March so the
 * leap day falls last). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* 2000-01-01 is day 10957 after 1970-01-01. */
#define TA_EPOCH_2000 10957

int64_t ta_key_to_days(int32_t key)
{
    return days_from_civil(ta_key_y(key), ta_key_m(key), ta_key_d(key)) - TA_EPOCH_2000;
}

void ta_civil_from_days(int64_t days, int64_t *y, int *m, int *d)
{
    int64_t z = days + TA_EPOCH_2000 + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

bool ta_days_to_key(int64_t days, int32_t *key)
{
    int64_t y;
    int m, d;
    /* Years 1..9999 only, checked first: 0001-01-01 and 9999-12-31 are
     * these many days from 2000-01-01 (test_period walks every day). */
    if (days < TA_DAYS_MIN || days > TA_DAYS_MAX)
        return false;
    ta_civil_from_days(days, &y, &m, &d);
    *key = ta_key_make((int)y, m, d);
    return true;
}

bool ta_key_step(int32_t key, int64_t delta, int32_t *out)
{
    int y = ta_key_y(key), m = ta_key_m(key);
    if (delta < 1 || delta > 62)
        return false;
    int d = ta_key_d(key) + (int)delta, len = days_in_month(y, m);
    if (d > len) { /* into the next month, if no further */
        d -= len;
        if (++m > 12) {
            m = 1;
            if (++y > 9999)
                return false;
        }
        if (d > days_in_month(y, m))
            return false;
    }
    *out = ta_key_make(y, m, d);
    return true;
}

size_t ta_period_format(ta_period p, char buf[12])
{
    int n;
    if (p.kind == TA_PK_DATE)
        n = snprintf(buf, 12, "%04d-%02d-%02d", ta_key_y(p.key) % 10000, ta_key_m(p.key),
                     ta_key_d(p.key));
    else
        n = snprintf(buf, 12, "%d", (int)p.key);
    return n < 0 ? 0 : (size_t)n;
}

static int digits(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

bool ta_parse_period_text(const char *p, size_t n, int32_t *key)
{
    if (n != 7 && n < 10)
        return false;
    if (p[4] != '-' || (n >= 10 && p[7] != '-'))
        return false;
    int y = digits(p, 4), m = digits(p + 5, 2);
    int d = n == 7 ? 1 : digits(p + 8, 2);
    if (y < 0 || m < 0 || d < 0 || !ta_date_valid(y, m, d))
        return false;
    *key = ta_key_make(y, m, d);
    return true;
}

bool ta_key_shift(ta_pkind pk, int32_t key, int months, int32_t *out)
{
    if (pk != TA_PK_DATE) {
        int32_t y = key - months / 12; /* months is a multiple of 12 here */
        *out = y;
        return y >= TA_YEAR_MIN;
    }
    /* Count months from year 0 so that one division gives year and month. */
    int64_t m = (int64_t)ta_key_y(key) * 12 + (ta_key_m(key) - 1) - months;
    int y = (int)(m / 12), mo = (int)(m % 12) + 1;
    if (m < 0 || y < TA_YEAR_MIN)
        return false;
    int d = ta_key_d(key), last = days_in_month(y, mo);
    *out = ta_key_make(y, mo, d < last ? d : last);
    return true;
}

int32_t ta_key_fy_start(ta_pkind pk, int32_t key, int fy)
{
    if (pk != TA_PK_DATE)
        return key;
    int y = ta_key_y(key);
    return ta_key_make(ta_key_m(key) >= fy ? y : y - 1, fy, 1);
}

int ta_months_elapsed(ta_pkind pk, int32_t key, int fy)
{
    if (pk != TA_PK_DATE)
        return 12;
    return (ta_key_m(key) - fy + 12) % 12 + 1;
}
