/*
 * fuzz_deserialize.c — ta_agg_deserialize on arbitrary bytes.
 *
 * The bytes are copied into an exact-size heap buffer (ASan catches any read
 * past it) and handed to the core as a serialized state. Checked:
 *   - it is accepted (TA_OK) or refused (TA_ERR_STATE, or TA_ERR_NOMEM),
 *     never anything else, and a refusal leaves nothing allocated;
 *   - an accepted state serializes back to exactly the same bytes;
 *   - result, merge into an empty state, merge with a second copy of itself
 *     and merge with a state built by add() neither crash nor leave the
 *     documented statuses; a merge that succeeds still serializes to bytes
 *     that deserialize again.
 * The seed corpus holds a valid state of every aggregate kind.
 */
#include "fuzz.h"
#include "tradeagg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void roundtrip(const ta_agg *a)
{
    size_t n = ta_agg_serial_size(a);
    uint8_t *buf = malloc(n);
    ta_agg b;
    ta_error e;
    CHECK(buf);
    ta_agg_serialize(a, buf);
    CHECK(ta_agg_deserialize(&b, buf, n, &fuzz_allocator, &e) == TA_OK);
    ta_agg_free(&b);
    free(buf);
}

static void result_ok(const ta_agg *a)
{
    ta_result r;
    ta_error e;
    ta_status st = ta_agg_result(a, &r, &e);
    CHECK(st == TA_OK || st == TA_ERR_RANGE);
    if (st == TA_OK && r.type == TA_R_PERIOD) {
        char buf[12];
        ta_period_format(r.period, buf);
    }
}

static void merge_ok(ta_agg *dst, const ta_agg *src)
{
    ta_error e;
    ta_status st = ta_agg_merge(dst, src, &e);
    CHECK(st == TA_OK || st == TA_ERR_RANGE || st == TA_ERR_PARAM || st == TA_ERR_PERIOD);
    if (st == TA_OK) {
        result_ok(dst);
        roundtrip(dst);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *bytes = malloc(size ? size : 1);
    ta_agg a, b, c;
    ta_error e;
    CHECK(bytes);
    memcpy(bytes, data, size);

    ta_status st = ta_agg_deserialize(&a, bytes, size, &fuzz_allocator, &e);
    if (st != TA_OK) {
        CHECK(st == TA_ERR_STATE || st == TA_ERR_NOMEM);
        CHECK(ta_agg_mem_size(&a) == sizeof a);
        CHECK(memchr(e.msg, '\0', sizeof e.msg) != NULL);
        ta_agg_free(&a);
        free(bytes);
        return 0;
    }
    CHECK(a.kind >= TA_AGG_CUMULATIVE && a.kind < TA_AGG_END);

    /* Accepted: the bytes come back unchanged. */
    size_t n = ta_agg_serial_size(&a);
    CHECK(n == size);
    uint8_t *again = malloc(n);
    CHECK(again);
    ta_agg_serialize(&a, again);
    CHECK(memcmp(again, bytes, n) == 0);
    free(again);

    result_ok(&a);

    /* Merged into an empty state of the same kind. */
    ta_agg_init(&b, (ta_agg_kind)a.kind, &fuzz_allocator);
    merge_ok(&b, &a);
    ta_agg_free(&b);

    /* Merged with a second copy of itself (every period collides). */
    CHECK(ta_agg_deserialize(&b, bytes, size, &fuzz_allocator, &e) == TA_OK);
    merge_ok(&b, &a);
    ta_agg_free(&b);

    /* Merged with a state built by add(): a few rows of the right shape. */
    const ta_agg_desc *d = &ta_aggs[a.kind];
    ta_agg_init(&c, (ta_agg_kind)a.kind, &fuzz_allocator);
    for (int row = 0; row < 3; row++) {
        ta_value argv[TA_MAX_ARGS];
        char per[12];
        for (int i = 0; i < d->min_args; i++) {
            ta_value v = {TA_V_NULL, 0, 0, NULL, 0};
            switch (d->roles[i]) {
            case TA_ROLE_PERIOD:
                if (a.pkind == TA_PK_YEAR) {
                    v.type = TA_V_INT;
                    v.i = 2020 + row;
                } else {
                    snprintf(per, sizeof per, "2023-0%d-01", row + 1);
                    v.type = TA_V_TEXT;
                    v.p = per;
                    v.n = 10;
                }
                break;
            case TA_ROLE_VALUE:
                v.type = TA_V_REAL;
                v.d = 1.5 * row;
                break;
            case TA_ROLE_TARGET:
                v.type = TA_V_REAL;
                v.d = a.has_target ? a.target : 10;
                break;
            case TA_ROLE_FY:
                v.type = TA_V_INT;
                v.i = 1;
                break;
            case TA_ROLE_FLAG:
            case TA_ROLE_EXPORT:
                v.type = TA_V_BOOL;
                v.i = row & 1;
                break;
            case TA_ROLE_MONTHS: /* the state's own, when it has one */
                v.type = TA_V_INT;
                v.i = a.months ? a.months : 12;
                break;
            case TA_ROLE_BASE:
                if (a.base_kind == TA_PK_YEAR || (!a.base_kind && a.pkind == TA_PK_YEAR)) {
                    v.type = TA_V_INT;
                    v.i = a.base_kind ? a.base : 2020;
                } else {
                    v.type = TA_V_TEXT;
                    v.p = "2023-01-01";
                    v.n = 10;
                }
                break;
            case TA_ROLE_COMPETITOR:
                v.type = TA_V_INT;
                v.i = row;
                break;
            }
            argv[i] = v;
        }
        if (ta_agg_add(&c, argv, d->min_args, &e) != TA_OK)
            break;
    }
    ta_agg_init(&b, (ta_agg_kind)a.kind, &fuzz_allocator);
    merge_ok(&b, &c);
    merge_ok(&b, &a);
    merge_ok(&c, &a);
    ta_agg_free(&b);
    ta_agg_free(&c);

    ta_agg_free(&a);
    free(bytes);
    return 0;
}
