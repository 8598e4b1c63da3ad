/*
 * gen_seeds.c — writes the seed corpus of fuzz_deserialize: one serialized
 * state of every aggregate kind (dated and, where periodic, annual, and a
 * table of 200 days in shuffled order, which spans several leaves of the
 * period table), built through ta_agg_add. Run by `make fuzz-seeds`; its output is committed in
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
    snprintf(path, sizeof path, "%s/%s-%s", dir, ta_aggs[a->kind].name, tag);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(buf, 1, n, f) != n || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
    free(buf);
}

/* 200 distinct days of 2023 in a shuffled order, each with one row. */
static void many_days(const char *dir, const ta_agg_desc *d)
{
    ta_agg a;
    ta_error e;
    ta_agg_init(&a, d->kind, &al);
    for (int i = 0; i < 200; i++) {
        ta_value v[3];
        memset(v, 0, sizeof v);
        v[0].type = TA_V_DATE;
        v[0].i = 8401 + (i * 37) % 200; /* 2023-01-01 is day 8401 */
        v[1].type = TA_V_REAL;
        v[1].d = 0.25 * i;
        v[2].type = d->roles[2] == TA_ROLE_TARGET ? TA_V_REAL : TA_V_INT;
        v[2].d = 20;
        v[2].i = 4;
        if (ta_agg_add(&a, v, d->max_args, &e) != TA_OK) {
            fprintf(stderr, "%s\n", e.msg);
            exit(1);
        }
    }
    write_state(dir, &a, "many");
    ta_agg_free(&a);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    for (int k = TA_AGG_CUMULATIVE; k < TA_AGG_END; k++) {
        const ta_agg_desc *d = &ta_aggs[k];
        for (int annual = 0; annual <= (d->periodic ? 1 : 0); annual++) {
            ta_agg a;
            ta_error e;
            ta_agg_init(&a, (ta_agg_kind)k, &al);
            for (int row = 0; row < 4; row++) {
                ta_value v[3];
                char per[12];
                for (int i = 0; i < d->max_args; i++) {
                    memset(&v[i], 0, sizeof v[i]);
                    switch (d->roles[i]) {
                    case TA_ROLE_PERIOD:
                        if (annual) {
                            v[i].type = TA_V_INT;
                            v[i].i = 2021 + row / 2;
                        } else {
                            snprintf(per, sizeof per, "%04d-%02d-01", 2022 + row % 2, row + 1);
                            v[i].type = TA_V_TEXT;
                            v[i].p = per;
                            v[i].n = 10;
                        }
                        break;
                    case TA_ROLE_VALUE:
                        v[i].type = TA_V_REAL;
                        v[i].d = 10.25 + row;
                        break;
                    case TA_ROLE_TARGET:
                        v[i].type = TA_V_REAL;
                        v[i].d = 20;
                        break;
                    case TA_ROLE_FY:
                        v[i].type = TA_V_INT;
                        v[i].i = 4;
                        break;
                    case TA_ROLE_FLAG:
                        v[i].type = TA_V_BOOL;
                        v[i].i = row & 1;
                        break;
                    }
                }
                if (ta_agg_add(&a, v, d->max_args, &e) != TA_OK) {
                    fprintf(stderr, "%s\n", e.msg);
                    return 1;
                }
            }
            write_state(dir, &a, annual ? "annual" : "dated");
            ta_agg_free(&a);
        }
        if (d->periodic)
            many_days(dir, d);
        ta_agg empty;
        ta_agg_init(&empty, (ta_agg_kind)k, &al);
        write_state(dir, &empty, "empty");
    }
    return 0;
}
