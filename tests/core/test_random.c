/*
 * test_random.c — every aggregate against the slow reference (ref.c) on
 * random row sets: rows in shuffled order, states split in two and merged
 * through a serialize/deserialize round trip, and random add/remove sequences
 * as a sliding window frame produces them.
 */
#include "ref.h"
#include "rows.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRIALS  800
#define MAXROWS 80

typedef struct trial {
    ta_agg_kind kind;
    ref_set params;        /* annual, fy, target, months, base */
    ref_row rows[MAXROWS]; /* value NaN = NULL */
    int n;
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
        r.d = days[rnd_int(0, 3)];
    }
    int lo = t->kind == TA_AGG_HHI || t->kind == TA_AGG_HHI_COMPETITOR ? 0 : -400;
    r.value = rnd_int(0, 9) == 0 ? NAN : rnd_int(lo, 4000) / 4.0;
    r.part = rnd_int(0, 1);
    r.is_export = rnd_int(-1, 4) > 1 ? 1 : rnd_int(-1, 0); /* some NULL */
    r.comp_type = rnd_int(0, 8) == 0 ? 0 : rnd_int(1, 2);  /* INTEGER 1 and TEXT '1' differ */
    r.comp = rnd_int(0, 5) == 0 ? rnd_int(0, 100000) : rnd_int(0, 3);
    return r;
}

static void make_trial(trial *t)
{
    t->kind = (ta_agg_kind)rnd_int(TA_AGG_CUMULATIVE, TA_AGG_END - 1);
    static const int months[] = {1, 2, 3, 6, 11, 12, 13, 24, 1200};
    ref_set *p = &t->params;
    memset(p, 0, sizeof *p);
    p->annual = rnd_int(0, 1);
    p->fy = has_role(t->kind, TA_ROLE_FY) ? rnd_int(1, 12) : 1;
    p->target = rnd_int(1, 8000) / 4.0;
    p->months = p->annual ? 12 * rnd_int(1, 3) : months[rnd_int(0, 8)];
    t->n = rnd_int(0, MAXROWS);
    for (int i = 0; i < t->n; i++)
        t->rows[i] = random_row(t);
    /* The base: mostly a period with rows. */
    ref_row b = t->n > 0 && rnd_int(0, 3) > 0 ? t->rows[rnd_int(0, t->n - 1)] : random_row(t);
    p->base_y = b.y;
    p->base_m = b.m;
    p->base_d = b.d;
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

static int mismatches[TA_AGG_END][3];

static void check(const trial *t, int property, ta_result got, ta_result want)
{
    if (same_result(got, want))
        return;
    if (mismatches[t->kind][property]++ == 0) {
        char g[64], w[64];
        describe(got, g);
        describe(want, w);
        tap_diag("%s (%s, fy %d, months %d, %d rows): got %s, expected %s", ta_aggs[t->kind].name,
                 t->params.annual ? "annual" : "dated", t->params.fy, t->params.months, t->n, g, w);
    }
}

static void shuffled(const trial *t)
{
    int order[MAXROWS];
    ta_agg a;
    for (int i = 0; i < t->n; i++)
        order[i] = i;
    for (int i = t->n - 1; i > 0; i--) {
        int j = rnd_int(0, i), x = order[i];
        order[i] = order[j];
        order[j] = x;
    }
    ta_agg_init(&a, t->kind, &test_allocator);
    for (int i = 0; i < t->n; i++)
        row_apply(&a, &t->rows[order[i]], &t->params, false);
    check(t, 0, answer(&a), reference(t, t->rows, t->n));
    ta_agg_free(&a);
}

static void split_merge(const trial *t)
{
    ta_agg x, y, y2;
    ta_error e;
    ta_agg_init(&x, t->kind, &test_allocator);
    ta_agg_init(&y, t->kind, &test_allocator);
    for (int i = 0; i < t->n; i++)
        row_apply(rnd_int(0, 1) ? &x : &y, &t->rows[i], &t->params, false);
    size_t n = ta_agg_serial_size(&y);
    uint8_t *buf = malloc(n);
    ta_agg_serialize(&y, buf);
    if (ta_agg_deserialize(&y2, buf, n, &test_allocator, &e) != TA_OK ||
        ta_agg_merge(&x, &y2, &e) != TA_OK) {
        printf("Bail out! merge failed: %s\n", e.msg);
        exit(2);
    }
    check(t, 1, answer(&x), reference(t, t->rows, t->n));
    free(buf);
    ta_agg_free(&x);
    ta_agg_free(&y);
    ta_agg_free(&y2);
}

/* Rows enter and leave in random order, as frames of any shape make them. */
static void sliding(const trial *t)
{
    ref_row kept[MAXROWS * 2];
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
        check(t, 2, answer(&a), reference(t, kept, n));
    }
    ta_agg_free(&a);
}

int main(void)
{
    static trial t;
    int runs[TA_AGG_END] = {0};
    for (int i = 0; i < TRIALS; i++) {
        make_trial(&t);
        runs[t.kind]++;
        shuffled(&t);
        split_merge(&t);
        if (t.n > 0)
            sliding(&t);
    }
    static const char *what[] = {"shuffled rows", "split, serialized and merged",
                                 "random add/remove"};
    for (int k = TA_AGG_CUMULATIVE; k < TA_AGG_END; k++)
        for (int p = 0; p < 3; p++)
            tap_ok(runs[k] > 0 && mismatches[k][p] == 0, "%s: %s matches the reference (%d sets)",
                   ta_aggs[k].name, what[p], runs[k]);
    return tap_done();
}
