/*
 * test_random.c — every aggregate against the slow reference (ref.c) on
 * random row sets: rows in shuffled, ascending and descending period order,
 * states split in up to four parts and merged through serialize/deserialize
 * round trips, random add/remove sequences as a sliding window frame
 * produces them, and a running window (rows in period order, the answer
 * read after each). Periodic aggregates also get large sets (up to 3000
 * rows on any day of six years), so their tables span many leaves.
 * Values are multiples of 1/4 of moderate size: every sum the reference
 * forms is exact in a double.
 */
#include "ref.h"
#include "rows.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRIALS  300
#define BIG     40 /* further trials of periodic aggregates on large sets */
#define MAXROWS 3000
#define PROPS   6

typedef struct trial {
    ta_agg_kind kind;
    ref_set params;        /* annual, fy, target, months, base */
    ref_row rows[MAXROWS]; /* value NaN = NULL */
    int n;
    bool big;
} trial;

static bool has_role(ta_agg_kind k, ta_role role)
{
    for (int i = 0; i < ta_aggs[k].max_args; i++)
        if (ta_aggs[k].roles[i] == role)
            return true;
    return false;
}

static ref_row random_row(const trial *t)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    ref_row r = {0};
    r.y = rnd_int(2019, 2024);
    if (!t->params.annual) {
        r.m = rnd_int(1, 12);
        int last = dim[r.m - 1] + (r.m == 2 && r.y % 4 == 0);
        int days[] = {1, 15, 28, last};
        r.d = t->big ? rnd_int(1, last) : days[rnd_int(0, 3)];
    }
    int lo = t->kind == TA_AGG_HHI || t->kind == TA_AGG_HHI_COMPETITOR ? 0 : -400;
    r.value = rnd_int(0, 9) == 0 ? NAN : rnd_int(lo, 4000) / 4.0;
    r.part = rnd_int(0, 1);
    r.is_export = rnd_int(-1, 4) > 1 ? 1 : rnd_int(-1, 0); /* some NULL */
    r.comp_type = rnd_int(0, 8) == 0 ? 0 : rnd_int(1, 2);  /* INTEGER 1 and TEXT '1' differ */
    r.comp = rnd_int(0, 5) == 0 ? rnd_int(0, 100000) : rnd_int(0, 3);
    return r;
}

static void make_trial(trial *t, bool big)
{
    do
        t->kind = (ta_agg_kind)rnd_int(TA_AGG_CUMULATIVE, TA_AGG_ONESTEP_END - 1);
    while (big && !ta_aggs[t->kind].periodic);
    static const int months[] = {1, 2, 3, 6, 11, 12, 13, 24, 1200};
    memset(&t->params, 0, sizeof t->params);
    t->big = big;
    t->params.annual = !big && rnd_int(0, 1);
    t->params.months = t->params.annual ? 12 * rnd_int(1, 3) : months[rnd_int(0, 8)];
    t->params.fy = has_role(t->kind, TA_ROLE_FY) ? rnd_int(1, 12) : 1;
    t->params.target = rnd_int(1, big ? 400000 : 8000) / 4.0;
    t->n = big ? rnd_int(500, MAXROWS) : rnd_int(0, 80);
    for (int i = 0; i < t->n; i++)
        t->rows[i] = random_row(t);
    /* The base of index_number: mostly a period with rows. */
    ref_row b = t->n > 0 && rnd_int(0, 3) > 0 ? t->rows[rnd_int(0, t->n - 1)] : random_row(t);
    t->params.base_y = b.y;
    t->params.base_m = b.m;
    t->params.base_d = b.d;
}

/* The reference over the non-NULL rows among rows[0..n-1]. */
static ta_result reference(const trial *t, const ref_row *rows, int n)
{
    return ref_answer_non_null(t->kind, rows, n, t->params);
}

static ta_result answer(const ta_agg *a)
{
    ta_result r;
    ta_error e;
    if (ta_agg_result(a, &r, &e) != TA_OK) {
        printf("Bail out! result failed: %s\n", e.msg);
        exit(2);
    }
    return r;
}

static int mismatches[TA_AGG_END][PROPS];

static void check(const trial *t, int property, ta_result got, ta_result want)
{
    if (same_result(got, want))
        return;
    if (mismatches[t->kind][property]++ == 0) {
        char g[64], w[64];
        describe(got, g);
        describe(want, w);
        tap_diag("%s (%s, fy %d, %d rows): got %s, expected %s", ta_aggs[t->kind].name,
                 t->params.annual ? "annual" : "dated", t->params.fy, t->n, g, w);
    }
}

static int by_period(const void *x, const void *y)
{
    const ref_row *a = x, *b = y;
    int ka = a->y * 10000 + a->m * 100 + a->d, kb = b->y * 10000 + b->m * 100 + b->d;
    return (ka > kb) - (ka < kb);
}

/* The trial's rows in random order (0), or by period ascending (1) or
 * descending (2). */
static void order_rows(const trial *t, int how, ref_row *out)
{
    memcpy(out, t->rows, (size_t)t->n * sizeof *out);
    if (how > 0) {
        qsort(out, (size_t)t->n, sizeof *out, by_period);
        for (int i = 0; how == 2 && i < t->n / 2; i++) {
            ref_row x = out[i];
            out[i] = out[t->n - 1 - i];
            out[t->n - 1 - i] = x;
        }
        return;
    }
    for (int i = t->n - 1; i > 0; i--) {
        int j = rnd_int(0, i);
        ref_row x = out[i];
        out[i] = out[j];
        out[j] = x;
    }
}

static void ordered(const trial *t, int how, int property)
{
    static ref_row rows[MAXROWS];
    ta_agg a;
    order_rows(t, how, rows);
    ta_agg_init(&a, t->kind, &test_allocator);
    for (int i = 0; i < t->n; i++)
        row_apply(&a, &rows[i], &t->params, false);
    check(t, property, answer(&a), reference(t, t->rows, t->n));
    ta_agg_free(&a);
}

/* Rows in period order, the answer read after each row, as a window with
 * ORDER BY period reads it; compared with the reference on every row for
 * small sets, every 37th for large ones (the reads between still run). */
static void running(const trial *t)
{
    static ref_row rows[MAXROWS];
    ta_agg a;
    order_rows(t, 1, rows);
    ta_agg_init(&a, t->kind, &test_allocator);
    for (int i = 0; i < t->n; i++) {
        row_apply(&a, &rows[i], &t->params, false);
        ta_result got = answer(&a);
        if (!t->big || i % 37 == 0 || i == t->n - 1)
            check(t, 5, got, reference(t, rows, i + 1));
    }
    ta_agg_free(&a);
}

/* The rows dealt into up to four states; from the last, each goes through
 * a serialize/deserialize round trip into a random earlier one, so merge
 * trees of every shape end in the first. */
static void split_merge(const trial *t)
{
    ta_agg part[4], back;
    ta_error e;
    int parts = rnd_int(2, 4);
    for (int p = 0; p < parts; p++)
        ta_agg_init(&part[p], t->kind, &test_allocator);
    for (int i = 0; i < t->n; i++)
        row_apply(&part[rnd_int(0, parts - 1)], &t->rows[i], &t->params, false);
    for (int p = parts - 1; p > 0; p--) {
        size_t n = ta_agg_serial_size(&part[p]);
        uint8_t *buf = malloc(n);
        ta_agg_serialize(&part[p], buf);
        if (ta_agg_deserialize(&back, buf, n, &test_allocator, &e) != TA_OK ||
            ta_agg_merge(&part[rnd_int(0, p - 1)], &back, &e) != TA_OK) {
            printf("Bail out! merge failed: %s\n", e.msg);
            exit(2);
        }
        ta_agg_free(&back);
        free(buf);
    }
    check(t, 1, answer(&part[0]), reference(t, t->rows, t->n));
    for (int p = 0; p < parts; p++)
        ta_agg_free(&part[p]);
}

/* Rows enter and leave in random order, as frames of any shape make them. */
static void sliding(const trial *t)
{
    static ref_row kept[MAXROWS * 2];
    int n = 0;
    ta_agg a;
    ta_agg_init(&a, t->kind, &test_allocator);
    for (int step = 0; step < 2 * t->n; step++) {
        bool add = n == 0 || (n < MAXROWS * 2 && rnd_int(0, 2) > 0);
        if (add) {
            kept[n] = t->rows[rnd_int(0, t->n - 1)];
            row_apply(&a, &kept[n++], &t->params, false);
        } else {
            int j = rnd_int(0, n - 1);
            row_apply(&a, &kept[j], &t->params, true);
            kept[j] = kept[--n];
        }
        ta_result got = answer(&a);
        if (!t->big || step % 53 == 0)
            check(t, 2, got, reference(t, kept, n));
    }
    ta_agg_free(&a);
}

int main(void)
{
    static trial t;
    int runs[TA_AGG_END] = {0};
    for (int i = 0; i < TRIALS + BIG; i++) {
        make_trial(&t, i >= TRIALS);
        row_typed = i % 2 == 1; /* every other set with dates and integers */
        runs[t.kind]++;
        ordered(&t, 0, 0);
        split_merge(&t);
        if (t.n > 0)
            sliding(&t);
        ordered(&t, 1, 3);
        ordered(&t, 2, 4);
        running(&t);
    }
    static const char *what[PROPS] = {"shuffled rows",
                                      "split in up to four, serialized and merged",
                                      "random add/remove",
                                      "rows in ascending period order",
                                      "rows in descending period order",
                                      "a running window read after each row"};
    for (int k = TA_AGG_CUMULATIVE; k < TA_AGG_ONESTEP_END; k++)
        for (int p = 0; p < PROPS; p++)
            tap_ok(runs[k] > 0 && mismatches[k][p] == 0, "%s: %s matches the reference (%d sets)",
                   ta_aggs[k].name, what[p], runs[k]);
    return tap_done();
}
