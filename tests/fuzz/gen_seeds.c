/*
 * gen_seeds.c — writes the seed corpus of fuzz_deserialize: one serialized
 * state of every aggregate kind (dated and, where periodic, annual, and a
 * table of 200 days in shuffled order, which spans several leaves of the
 * period table, and sums that need the exact accumulator), built through
 * ta_agg_add. Run by `make fuzz-seeds`; its output is committed in
 * tests/fuzz/corpus/fuzz_deserialize.
 */
#include "tradeagg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *g_alloc(void *ud, size_t n)
{
    (void)ud;
    return malloc(n);
}
static void g_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}
static const ta_allocator al = {g_alloc, g_free, NULL};

static void write_state(const char *dir, const ta_agg *a, const char *tag)
{
    char path[512];
    size_t n = ta_agg_serial_size(a);
    uint8_t *buf = malloc(n);
    ta_agg_serialize(a, buf);
    /* hhi has two entries: the second is named by its first argument */
    const ta_agg_desc *d = &ta_aggs[a->kind];
    snprintf(path, sizeof path, "%s/%s%s%s-%s", dir, d->name,
             d->roles[0] == TA_ROLE_COMPETITOR ? "_" : "",
             d->roles[0] == TA_ROLE_COMPETITOR ? d->argnames[0] : "", tag);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(buf, 1, n, f) != n || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
    free(buf);
}

/* The argument of one role in row `row` of a seed state. */
static ta_value arg_for(ta_role role, int row, int annual, double value, char per[12])
{
    ta_value v;
    memset(&v, 0, sizeof v);
    switch (role) {
    case TA_ROLE_PERIOD:
    case TA_ROLE_BASE:
        if (annual) {
            v.type = TA_V_INT;
            v.i = role == TA_ROLE_BASE ? 2021 : 2021 + row / 2;
        } else {
            snprintf(per, 12, "%04d-%02d-01", role == TA_ROLE_BASE ? 2022 : 2022 + row % 2,
                     role == TA_ROLE_BASE ? 1 : row % 12 + 1);
            v.type = TA_V_TEXT;
            v.p = per;
            v.n = 10;
        }
        break;
    case TA_ROLE_VALUE: v.type = TA_V_REAL, v.d = value; break;
    case TA_ROLE_TARGET: v.type = TA_V_REAL, v.d = 20; break;
    case TA_ROLE_FY: v.type = TA_V_INT, v.i = 4; break;
    case TA_ROLE_MONTHS: v.type = TA_V_INT, v.i = 12; break;
    case TA_ROLE_FLAG:
    case TA_ROLE_EXPORT: v.type = TA_V_BOOL, v.i = row & 1; break;
    case TA_ROLE_COMPETITOR:
        v.type = TA_V_TEXT;
        v.p = row % 3 == 0 ? "alpha" : row % 3 == 1 ? "beta" : "gamma";
        v.n = strlen(v.p);
        break;
    }
    return v;
}

/* Adds n rows to a fresh state of kind k and writes it. Row i has the value
 * values(i) and a period from period(i) (days since 2000-01-01 when >= 0,
 * else the seed's own calendar). */
static void write_rows(const char *dir, ta_agg_kind k, int annual, int n, double (*values)(int),
                       int64_t (*day)(int), const char *tag)
{
    const ta_agg_desc *d = &ta_aggs[k];
    ta_agg a;
    ta_error e;
    ta_agg_init(&a, k, &al);
    for (int row = 0; row < n; row++) {
        ta_value v[TA_MAX_ARGS];
        char per[TA_MAX_ARGS][12];
        for (int i = 0; i < d->max_args; i++)
            v[i] = arg_for(d->roles[i], row, annual, values(row), per[i]);
        if (day && d->periodic) {
            v[0] = (ta_value){TA_V_DATE, day(row), 0, NULL, 0};
        }
        if (ta_agg_add(&a, v, d->max_args, &e) != TA_OK) {
            fprintf(stderr, "%s: %s\n", tag, e.msg);
            exit(1);
        }
    }
    write_state(dir, &a, tag);
    ta_agg_free(&a);
}

static double small(int row) { return 10.25 + row; }
static double quarter(int row) { return 0.25 * row; }
/* Sums that need the exact accumulator (1e20 + 1e-10 + 5e-324). */
static double wide(int row) { return row % 3 == 0 ? 1e20 : row % 3 == 1 ? 1e-10 : 5e-324; }
/* 200 distinct days of 2023 in a shuffled order (2023-01-01 is day 8401),
 * spanning several leaves of the period table. */
static int64_t shuffled_day(int row) { return 8401 + (row * 37) % 200; }

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    for (int k = TA_AGG_CUMULATIVE; k < TA_AGG_END; k++) {
        const ta_agg_desc *d = &ta_aggs[k];
        write_rows(dir, (ta_agg_kind)k, 0, 4, small, NULL, "dated");
        if (d->periodic)
            write_rows(dir, (ta_agg_kind)k, 1, 4, small, NULL, "annual");
        if (d->periodic)
            write_rows(dir, (ta_agg_kind)k, 0, 200, quarter, shuffled_day, "many");
        write_rows(dir, (ta_agg_kind)k, 0, 3, wide, NULL, "wide");
        write_rows(dir, (ta_agg_kind)k, 0, 0, small, NULL, "empty");
    }
    return 0;
}
