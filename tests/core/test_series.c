/*
 * test_series.c — the series against the one-step aggregates.
 *
 * Random differential: random rows (dated and annual, values from tiny to
 * huge, cancelling), the series of all rows, and per-group series rolled up
 * in a random grouping and order. Checked: the rollup has the bytes of the
 * series of all rows; every accessor returns, bit for bit, what its
 * aggregate returns over the same rows (or the same error text, the name
 * aside); the text form reads back to the same bytes; a rollup window that
 * takes a group away again gives the bytes of the rest.
 * Hostile bytes: every truncation and every single-bit flip of a series is
 * refused with TA_ERR_STATE or read as a valid series.
 */
#include "rows.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXROWS 200

typedef struct trow {
    char period[12];
    int64_t year;
    double value;
    int group;
} trow;

static uint64_t rng = 88172645463325252u;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static int trnd(int lo, int hi) { return lo + (int)(next_rand() % (uint64_t)(hi - lo + 1)); }

static double rnd_value(void)
{
    static const double mags[] = {1, 0.1, 1e-10, 1e20, 123.456, 1e300, 5e-324, 7};
    double v = mags[trnd(0, 7)] * trnd(-5, 9);
    return v;
}

static ta_value period_arg(const trow *r, bool annual)
{
    if (annual)
        return (ta_value){TA_V_INT, r->year, 0, NULL, 0};
    return (ta_value){TA_V_TEXT, 0, 0, r->period, 10};
}

/* The series bytes of a state (malloc'd), or NULL for a NULL result. */
static uint8_t *bytes_of(const ta_agg *a, size_t *n)
{
    ta_result r;
    ta_error e;
    if (ta_agg_result(a, &r, &e) != TA_OK || r.type != TA_R_SERIES)
        return NULL;
    *n = ta_series_size(a);
    uint8_t *b = malloc(*n);
    ta_series_write(a, b);
    return b;
}

static bool series_same(const ta_result *x, const ta_result *y)
{
    if (x->type != y->type)
        return false;
    switch (x->type) {
    case TA_R_REAL: return memcmp(&x->d, &y->d, sizeof x->d) == 0;
    case TA_R_PERIOD: return x->period.kind == y->period.kind && x->period.key == y->period.key;
    case TA_R_INT: return x->i == y->i;
    default: return true;
    }
}

/* The message without its function name. */
static const char *tail(const char *msg)
{
    const char *c = strchr(msg, ':');
    return c ? c : msg;
}

static int accessor_mismatch, rollup_mismatch, text_mismatch, window_mismatch, trials;

static void one_trial(void)
{
    static trow rows[MAXROWS];
    bool annual = trnd(0, 3) == 0;
    int n = trnd(1, MAXROWS), groups = trnd(1, 6);
    ta_error e;
    for (int i = 0; i < n; i++) {
        int y = trnd(2019, 2024), m = trnd(1, 12), d = trnd(0, 3) ? 1 : trnd(1, 28);
        snprintf(rows[i].period, sizeof rows[i].period, "%04d-%02d-%02d", y, m, d);
        rows[i].year = y;
        rows[i].value = rnd_value();
        rows[i].group = trnd(0, groups - 1);
    }
    /* The series of all rows, and one per group. */
    ta_agg all, *per = calloc((size_t)groups, sizeof *per);
    ta_agg_init(&all, TA_AGG_SERIES, &test_allocator);
    for (int g = 0; g < groups; g++)
        ta_agg_init(&per[g], TA_AGG_SERIES, &test_allocator);
    for (int i = 0; i < n; i++) {
        ta_value argv[2] = {period_arg(&rows[i], annual), {TA_V_REAL, 0, rows[i].value, NULL, 0}};
        ta_agg_add(&all, argv, 2, &e);
        ta_agg_add(&per[rows[i].group], argv, 2, &e);
    }
    size_t an, gn;
    uint8_t *ab = bytes_of(&all, &an);
    /* Rollup in a random order, then one group taken away again. */
    ta_agg roll;
    ta_agg_init(&roll, TA_AGG_ROLLUP, &test_allocator);
    int start = trnd(0, groups - 1);
    for (int k = 0; k < groups; k++) {
        size_t sn;
        uint8_t *sb = bytes_of(&per[(start + k) % groups], &sn);
        ta_value v = {sb ? TA_V_BLOB : TA_V_NULL, 0, 0, (const char *)sb, sb ? sn : 0};
        if (ta_agg_add(&roll, &v, 1, &e) != TA_OK)
            rollup_mismatch++;
        free(sb);
    }
    uint8_t *rb = bytes_of(&roll, &gn);
    if (!ab || !rb || an != gn || memcmp(ab, rb, an) != 0)
        rollup_mismatch++;
    {
        size_t sn, rn2, wn;
        uint8_t *sb = bytes_of(&per[start], &sn);
        ta_agg rest;
        ta_agg_init(&rest, TA_AGG_SERIES, &test_allocator);
        for (int i = 0; i < n; i++)
            if (rows[i].group != start) {
                ta_value argv[2] = {period_arg(&rows[i], annual),
                                    {TA_V_REAL, 0, rows[i].value, NULL, 0}};
                ta_agg_add(&rest, argv, 2, &e);
            }
        if (sb) {
            ta_value v = {TA_V_BLOB, 0, 0, (const char *)sb, sn};
            if (ta_agg_remove(&roll, &v, 1, &e) != TA_OK)
                window_mismatch++;
        }
        uint8_t *restb = bytes_of(&rest, &rn2), *wb = bytes_of(&roll, &wn);
        if ((restb == NULL) != (wb == NULL) || (restb && (rn2 != wn || memcmp(restb, wb, wn))))
            window_mismatch++;
        free(sb);
        free(restb);
        free(wb);
        ta_agg_free(&rest);
    }
    /* The text form. */
    ta_value s = {TA_V_BLOB, 0, 0, (const char *)ab, an};
    char *text;
    size_t tn;
    uint8_t *back;
    size_t bn;
    if (ta_series_to_text(&s, "t", &test_allocator, &text, &tn, &e) != TA_OK ||
        ta_series_from_text(text, tn, "t", &test_allocator, &back, &bn, &e) != TA_OK ||
        bn != an || memcmp(back, ab, an) != 0)
        text_mismatch++;
    else {
        free(text);
        free(back);
    }
    /* Every accessor against its aggregate. */
    for (int k = 0; k < TA_ACC_COUNT; k++) {
        const ta_accessor_desc *d = &ta_accessors[k];
        const ta_agg_desc *ad = &ta_aggs[d->agg];
        ta_value param = {TA_V_INT, trnd(1, 12), 0, NULL, 0};
        if (d->roles[1] == TA_ROLE_TARGET)
            param = (ta_value){TA_V_REAL, 0, ldexp(1, trnd(-3, 10)), NULL, 0};
        else if (d->roles[1] == TA_ROLE_MONTHS)
            param.i = annual ? 12 * trnd(1, 3) : trnd(1, 30);
        else if (d->roles[1] == TA_ROLE_BASE)
            param = annual ? (ta_value){TA_V_INT, trnd(2019, 2024), 0, NULL, 0}
                           : (ta_value){TA_V_TEXT, 0, 0, rows[trnd(0, n - 1)].period, 10};
        int argc = d->roles[1] ? 2 : 1;
        ta_value argv[2] = {s, param};
        ta_result r1, r2;
        ta_error e1, e2;
        ta_status s1 = ta_accessor_call(d, argv, argc, &test_allocator, &r1, &e1);
        ta_agg a;
        ta_agg_init(&a, d->agg, &test_allocator);
        ta_status s2 = TA_OK;
        for (int i = 0; i < n && s2 == TA_OK; i++) {
            ta_value av[TA_MAX_ARGS];
            int c = 0;
            for (int j = 0; j < ad->max_args; j++) {
                switch (ad->roles[j]) {
                case TA_ROLE_PERIOD: av[c++] = period_arg(&rows[i], annual); break;
                case TA_ROLE_VALUE: av[c++] = (ta_value){TA_V_REAL, 0, rows[i].value, NULL, 0}; break;
                default:
                    if (j < argc + 1 && ad->roles[j] == d->roles[1])
                        av[c++] = param;
                    break;
                }
            }
            s2 = ta_agg_add(&a, av, c, &e2);
        }
        if (s2 == TA_OK)
            s2 = ta_agg_result(&a, &r2, &e2);
        if (s1 != s2 || (s1 == TA_OK && !series_same(&r1, &r2)) ||
            (s1 != TA_OK && strcmp(tail(e1.msg), tail(e2.msg)) != 0)) {
            if (accessor_mismatch++ < 5)
                tap_diag("%s: %d %.17g vs %d %.17g (%s / %s)", d->name, s1, r1.d, s2, r2.d,
                         s1 ? e1.msg : "", s2 ? e2.msg : "");
        }
        ta_agg_free(&a);
    }
    free(ab);
    free(rb);
    ta_agg_free(&roll);
    ta_agg_free(&all);
    for (int g = 0; g < groups; g++)
        ta_agg_free(&per[g]);
    free(per);
    trials++;
}

/* Every truncation and single-bit flip of a series: refused or valid. */
static void test_hostile(void)
{
    ta_agg a;
    ta_error e;
    ta_agg_init(&a, TA_AGG_SERIES, &test_allocator);
    const char *per[] = {"2022-01-01", "2022-02-01", "2023-01-01"};
    double vals[] = {1e20, 0.5, -1e20, 1e-300, 3};
    for (int i = 0; i < 5; i++) {
        ta_value argv[2] = {{TA_V_TEXT, 0, 0, per[i % 3], 10}, {TA_V_REAL, 0, vals[i], NULL, 0}};
        ta_agg_add(&a, argv, 2, &e);
    }
    size_t n;
    uint8_t *b = bytes_of(&a, &n), *c = malloc(n);
    int bad = 0, refused = 0;
    for (size_t len = 0; len < n; len++) {
        if (ta_series_check(b, len, "t", &test_allocator, &e) != TA_ERR_STATE && bad++ < 3)
            tap_diag("truncated to %zu accepted", len);
    }
    for (size_t bit = 0; bit < n * 8; bit++) {
        memcpy(c, b, n);
        c[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        ta_value v = {TA_V_BLOB, 0, 0, (const char *)c, n};
        ta_result r;
        ta_status st = ta_series_check(c, n, "t", &test_allocator, &e);
        if (st != TA_OK && st != TA_ERR_STATE)
            bad++;
        refused += st != TA_OK;
        for (int k = 0; k < TA_ACC_COUNT; k++) {
            const ta_accessor_desc *d = &ta_accessors[k];
            ta_value argv[2] = {v, {TA_V_INT, 2, 0, NULL, 0}};
            if (d->roles[1] == TA_ROLE_TARGET)
                argv[1] = (ta_value){TA_V_REAL, 0, 5, NULL, 0};
            else if (d->roles[1] == TA_ROLE_BASE)
                argv[1] = (ta_value){TA_V_TEXT, 0, 0, "2022-01-01", 10};
            ta_status s2 = ta_accessor_call(d, argv, d->max_args, &test_allocator, &r, &e);
            if (st != TA_OK && s2 != TA_ERR_STATE && bad++ < 3)
                tap_diag("bit %zu: %s gives %d (%s)", bit, ta_accessors[k].name, s2, e.msg);
        }
    }
    tap_ok(bad == 0, "every truncation is refused, every bit flip refused or valid (%d of %zu "
                     "flips refused)",
           refused, n * 8);
    free(b);
    free(c);
    ta_agg_free(&a);
}

/* A rollup meeting a dated and an annual series says the same whether it
 * meets them in one state or merges two (DuckDB's threads, UNION ALL). */
static void test_rollup_mixed_merge(void)
{
    ta_agg dated, annual, r1, r2, one;
    ta_error e, e1;
    size_t dn, an;
    ta_value dv = {TA_V_TEXT, 0, 0, "2022-01-01", 10}, yv = {TA_V_INT, 2022, 0, NULL, 0};
    ta_value x = {TA_V_REAL, 0, 1.5, NULL, 0};

    ta_agg_init(&dated, TA_AGG_SERIES, &test_allocator);
    ta_agg_init(&annual, TA_AGG_SERIES, &test_allocator);
    ta_agg_add(&dated, (ta_value[]){dv, x}, 2, &e);
    ta_agg_add(&annual, (ta_value[]){yv, x}, 2, &e);
    uint8_t *db = bytes_of(&dated, &dn), *ab = bytes_of(&annual, &an);
    ta_value ds = {TA_V_BLOB, 0, 0, (const char *)db, dn};
    ta_value as = {TA_V_BLOB, 0, 0, (const char *)ab, an};
    ta_agg_init(&one, TA_AGG_ROLLUP, &test_allocator);
    ta_agg_init(&r1, TA_AGG_ROLLUP, &test_allocator);
    ta_agg_init(&r2, TA_AGG_ROLLUP, &test_allocator);
    ta_agg_add(&one, &ds, 1, &e1);
    tap_ok(ta_agg_add(&one, &as, 1, &e1) == TA_ERR_PERIOD,
           "rollup refuses an annual series after a dated one");
    ta_agg_add(&r1, &ds, 1, &e);
    ta_agg_add(&r2, &as, 1, &e);
    tap_ok(ta_agg_merge(&r1, &r2, &e) == TA_ERR_PERIOD,
           "rollup refuses to merge dated and annual states");
    tap_is_str(e.msg, e1.msg, "with the same message");
    free(db);
    free(ab);
    ta_agg_free(&dated);
    ta_agg_free(&annual);
    ta_agg_free(&one);
    ta_agg_free(&r1);
    ta_agg_free(&r2);
}

/* The check PostgreSQL and DuckDB make before reading a series with a
 * function whose result type is fixed: the message names the function to
 * use, and an empty series (no kind yet) passes either way. */
static void test_kind_check(void)
{
    ta_error e;
    tap_ok(ta_series_kind_check(TA_PK_NONE, TA_PK_DATE, "series_periods", "series_periods",
                                "series_periods_annual", &e) == TA_OK &&
               ta_series_kind_check(TA_PK_YEAR, TA_PK_YEAR, "series_periods_annual",
                                    "series_periods", "series_periods_annual", &e) == TA_OK,
           "a series of no kind, or of the kind wanted, passes the kind check");
    ta_status st = ta_series_kind_check(TA_PK_YEAR, TA_PK_DATE, "series_reached_at",
                                        "series_reached_at", "series_reached_at_year", &e);
    tap_ok(st == TA_ERR_PARAM, "an annual series refused by a dated function");
    tap_is_str(e.msg, "series_reached_at: the series is annual (use series_reached_at_year)",
               "the message names the annual function");
    st = ta_series_kind_check(TA_PK_DATE, TA_PK_YEAR, "series_periods_annual", "series_periods",
                              "series_periods_annual", &e);
    tap_ok(st == TA_ERR_PARAM, "a dated series refused by an annual function");
    tap_is_str(e.msg, "series_periods_annual: the series is dated (use series_periods)",
               "the message names the dated function");
}

int main(void)
{
    for (int i = 0; i < 300; i++)
        one_trial();
    tap_ok(rollup_mismatch == 0, "rollup of per-group series has the bytes of the series of all "
                                 "rows (%d trials)",
           trials);
    tap_ok(window_mismatch == 0, "a rollup that takes a series away has the bytes of the rest");
    tap_ok(text_mismatch == 0, "the text form reads back to the same bytes");
    tap_ok(accessor_mismatch == 0,
           "every accessor equals its one-step aggregate bit for bit (%d mismatches)",
           accessor_mismatch);
    test_hostile();
    test_rollup_mixed_merge();
    test_kind_check();
    return tap_done();
}
