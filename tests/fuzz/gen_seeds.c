/*
 * gen_seeds.c — writes the seed corpus of fuzz_deserialize: one serialized
 * state of every aggregate kind (dated and, where periodic, annual), built
 * through ta_agg_add. Run by `make fuzz-seeds`; its output is committed in
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

/* A state whose sums need the exact accumulator (1e20 + 1e-10 + 5e-324). */
static void write_wide(const char *dir, ta_agg_kind k)
{
    static const double vals[] = {1e20, 1e-10, 5e-324};
    ta_agg a;
    ta_error e;
    ta_agg_init(&a, k, &al);
    for (int i = 0; i < 3; i++) {
        ta_value v[2] = {{TA_V_REAL, 0, vals[i], NULL, 0}, {TA_V_REAL, 0, 20, NULL, 0}};
        if (k == TA_AGG_SHARE_OF)
            v[1] = (ta_value){TA_V_BOOL, i & 1, 0, NULL, 0};
        if (ta_agg_add(&a, v, ta_aggs[k].max_args, &e) != TA_OK) {
            fprintf(stderr, "%s\n", e.msg);
            exit(1);
        }
    }
    write_state(dir, &a, "wide");
    ta_agg_free(&a);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    for (int k = TA_AGG_CUMULATIVE; k < TA_AGG_ONESTEP_END; k++) {
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
                    case TA_ROLE_SERIES: break;
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
        ta_agg empty;
        ta_agg_init(&empty, (ta_agg_kind)k, &al);
        write_state(dir, &empty, "empty");
        if (!d->periodic)
            write_wide(dir, (ta_agg_kind)k);
    }
    return 0;
}
