/*
 * fuzz_series_text.c — the series' byte and text forms on arbitrary input.
 *
 * The input is tried both ways:
 *   - as text: series_from_text either refuses it (TA_ERR_STATE) or gives
 *     bytes whose text is exactly the input;
 *   - as bytes: every function taking a series either refuses them or
 *     accepts them; bytes accepted give text that reads back to the same
 *     bytes, and rollup of them twice then once removed gives them back.
 * Never a crash, a leak or a read out of bounds.
 */
#include "fuzz.h"

#include <string.h>

static void as_text(const uint8_t *data, size_t size)
{
    uint8_t *b;
    size_t n;
    ta_error e;
    ta_status st = ta_series_from_text((const char *)data, size, "f", &fuzz_allocator, &b, &n, &e);
    if (st != TA_OK) {
        CHECK(st == TA_ERR_STATE || st == TA_ERR_NOMEM);
        return;
    }
    ta_value v = {TA_V_BLOB, 0, 0, (const char *)b, n};
    char *t;
    size_t tn;
    CHECK(ta_series_to_text(&v, "f", &fuzz_allocator, &t, &tn, &e) == TA_OK);
    CHECK(tn == size && memcmp(t, data, size) == 0);
    free(t);
    free(b);
}

static void as_bytes(const uint8_t *data, size_t size)
{
    ta_value v = {TA_V_BLOB, 0, 0, (const char *)data, size};
    ta_error e;
    ta_result r;
    bool ok = ta_series_check(data, size, "f", &fuzz_allocator, &e) == TA_OK;
    for (int k = 0; k < TA_ACC_COUNT; k++) {
        ta_value argv[2] = {v, {TA_V_INT, 3, 0, NULL, 0}};
        if (ta_accessors[k].roles[1] == TA_ROLE_TARGET)
            argv[1] = (ta_value){TA_V_REAL, 0, 5.0, NULL, 0};
        else if (ta_accessors[k].roles[1] == TA_ROLE_BASE)
            argv[1] = (ta_value){TA_V_INT, 2021, 0, NULL, 0};
        else if (ta_accessors[k].roles[1] == TA_ROLE_MONTHS)
            argv[1] = (ta_value){TA_V_INT, 12, 0, NULL, 0};
        ta_status st = ta_accessor_call(&ta_accessors[k], argv, ta_accessors[k].max_args,
                                        &fuzz_allocator, &r, &e);
        CHECK(ok || st == TA_ERR_STATE);
    }
    char *t;
    size_t tn;
    ta_status st = ta_series_to_text(&v, "f", &fuzz_allocator, &t, &tn, &e);
    CHECK(ok == (st == TA_OK));
    if (!ok)
        return;
    uint8_t *b;
    size_t n;
    CHECK(ta_series_from_text(t, tn, "f", &fuzz_allocator, &b, &n, &e) == TA_OK);
    CHECK(n == size && memcmp(b, data, size) == 0);
    free(b);
    free(t);
    ta_agg a;
    ta_agg_init(&a, TA_AGG_ROLLUP, &fuzz_allocator);
    CHECK(ta_agg_add(&a, &v, 1, &e) == TA_OK);
    st = ta_agg_add(&a, &v, 1, &e);
    if (st == TA_OK) { /* not past UINT32_MAX rows in a period */
        CHECK(ta_agg_remove(&a, &v, 1, &e) == TA_OK);
        CHECK(ta_series_size(&a) == size);
        uint8_t *w = malloc(size);
        CHECK(w);
        ta_series_write(&a, w);
        CHECK(memcmp(w, data, size) == 0);
        free(w);
    }
    ta_agg_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    as_text(data, size);
    as_bytes(data, size);
    return 0;
}
