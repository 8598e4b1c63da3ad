/*
 * fuzz_period.c — period text through the core, as SQLite hands it in.
 *
 * The input is one TEXT argument. It goes in as the period of a ytd_trade row
 * and, separately, as the value of a cumulative_trade row. Checked:
 *   - a period is accepted exactly when an independent reading of the
 *     SPEC's rule accepts it (YYYY-MM-DD with anything after the 10th
 *     character, or YYYY-MM; a real calendar day in years 1..9999);
 *   - an accepted period formats back (ta_period_format) to the input's first
 *     10 characters ('YYYY-MM' gives 'YYYY-MM-01'), and its day number
 *     converts back to the same key;
 *   - a refused one gives TA_ERR_PERIOD with a NUL-terminated message naming
 *     the function; nothing is read past the input (ASan checks the copy).
 */
#include "fuzz.h"
#include "ta_ptable.h"
#include "tradeagg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int dig(const uint8_t *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

/* The SPEC's rule, written again without looking at ta_period.c. */
static int expect_key(const uint8_t *p, size_t n, int *y, int *m, int *d)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!(n == 7 || n >= 10) || p[4] != '-' || (n >= 10 && p[7] != '-'))
        return 0;
    *y = dig(p, 4);
    *m = dig(p + 5, 2);
    *d = n == 7 ? 1 : dig(p + 8, 2);
    if (*y < 1 || *m < 1 || *m > 12 || *d < 1)
        return 0;
    int leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    return *d <= dim[*m - 1] + (*m == 2 && leap);
}

static void check_msg(const ta_error *e, const char *fn)
{
    CHECK(memchr(e->msg, '\0', sizeof e->msg) != NULL);
    CHECK(strncmp(e->msg, fn, strlen(fn)) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size heap copy, so any read past the end is caught. */
    char *txt = malloc(size ? size : 1);
    if (!txt)
        return 0;
    memcpy(txt, data, size);

    ta_agg a;
    ta_error e;
    ta_value argv[2] = {{TA_V_TEXT, 0, 0, txt, size}, {TA_V_INT, 1, 0, NULL, 0}};
    int y = 0, m = 0, d = 0;
    int want = expect_key(data, size, &y, &m, &d);

    ta_agg_init(&a, TA_AGG_YTD, &fuzz_allocator);
    ta_status st = ta_agg_add(&a, argv, 2, &e);
    if (st == TA_OK) {
        CHECK(want);
        int32_t key = 0;
        CHECK(ta_pt_size(&a.pt) == 1 && ta_pt_last(&a.pt, &key));
        CHECK(key == y * 10000 + m * 100 + d);
        char buf[12];
        ta_period p = {TA_PK_DATE, key};
        CHECK(ta_period_format(p, buf) == 10);
        if (size >= 10)
            CHECK(memcmp(buf, txt, 10) == 0);
        else
            CHECK(memcmp(buf, txt, 7) == 0 && memcmp(buf + 7, "-01", 3) == 0);
        int32_t back = 0;
        CHECK(ta_days_to_key(ta_key_to_days(key), &back) && back == key);
        ta_result r;
        CHECK(ta_agg_result(&a, &r, &e) == TA_OK && r.type == TA_R_REAL && r.d == 1);
    } else {
        CHECK(!want);
        CHECK(st == TA_ERR_PERIOD);
        check_msg(&e, "ytd_trade: invalid period '");
    }
    ta_agg_free(&a);

    /* The same bytes as a value: a number, or a refusal naming the function. */
    ta_agg_init(&a, TA_AGG_CUMULATIVE, &fuzz_allocator);
    st = ta_agg_add(&a, argv, 1, &e);
    if (st == TA_OK) {
        ta_result r;
        CHECK(ta_agg_result(&a, &r, &e) == TA_OK && r.type == TA_R_REAL);
    } else {
        CHECK(st == TA_ERR_VALUE || st == TA_ERR_RANGE);
        check_msg(&e, "cumulative_trade: invalid value ");
    }
    ta_agg_free(&a);

    /* And as a boolean flag of share_of. */
    ta_value sv[2] = {{TA_V_INT, 1, 0, NULL, 0}, {TA_V_TEXT, 0, 0, txt, size}};
    ta_agg_init(&a, TA_AGG_SHARE_OF, &fuzz_allocator);
    st = ta_agg_add(&a, sv, 2, &e);
    if (st != TA_OK)
        check_msg(&e, "share_of: invalid is_part ");
    ta_agg_free(&a);
    free(txt);
    return 0;
}
