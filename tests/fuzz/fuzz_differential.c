/*
 * fuzz_differential.c — random add / remove / merge / serialize sequences on
 * every aggregate, checked against the slow reference (tests/core/ref.c).
 *
 * Input layout:
 *   byte 0  aggregate kind (mod the number of aggregates)
 *   byte 1  bit 0: annual periods; bits 1..: fy_start_month (kinds that take one)
 *   byte 2  target = (1 + byte) / 4 (kinds that take one)
 *   then operations, one opcode byte each, some followed by operand bytes:
 *     0,1,2  add a row (2 bytes: period slot and is_part, value)
 *     3      remove a row that is in the state (1 byte: which)
 *     4      remove a row that never entered (2 bytes): must fail when the
 *            state cannot hold it, and leave the answer unchanged
 *     5      merge a second state built from k rows (1 byte: k and whether the
 *            second state goes through serialize/deserialize first)
 *     6      replace the state by its serialize/deserialize round trip
 *     7      a row whose period kind or parameter differs from the group's:
 *            must fail and leave the answer unchanged
 * Values are multiples of 1/4 below 64 in magnitude, and for the
 * non-periodic aggregates also (value bytes 0x70-0x7f and 0xf0-0xff, the
 * high bit the sign) values from 5e-324 to 1e300 that no two doubles can sum;
 * the reference sums exactly too (ref_exact.c), and the core must match it
 * bit for bit. After every operation the answers are compared; a mismatch
 * aborts.
 */
#include "fuzz.h"
#include "ref.h"
#include "rows.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXKEPT 1024

typedef struct run {
    ta_agg_kind kind;
    bool annual, periodic;
    int fy;
    double target;
    ref_row kept[MAXKEPT]; /* rows in the state; value NaN = NULL */
    int n;
    const uint8_t *p, *end;
} run;

static int next(run *r) { return r->p < r->end ? *r->p++ : -1; }

static bool has_role(ta_agg_kind k, ta_role role)
{
    for (int i = 0; i < ta_aggs[k].max_args; i++)
        if (ta_aggs[k].roles[i] == role)
            return true;
    return false;
}

/* 128 period slots: several rows share a period, periods one year apart
 * exist, month ends, Feb 29, and the first and last years allowed. */
/* The kinds whose reference sums exactly at any magnitude. */
static bool wide_kind(ta_agg_kind k)
{
    return k == TA_AGG_CUMULATIVE || k == TA_AGG_TARGET_ATTAINMENT || k == TA_AGG_SHARE_OF ||
           k == TA_AGG_HHI;
}

static ref_row make_row(const run *r, int b1, int b2)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    ref_row row = {0};
    int slot = b1 >> 1;
    row.part = b1 & 1;
    if (r->annual) {
        static const int edge[] = {1, 2, 9998, 9999};
        row.y = slot >= 124 ? edge[slot - 124] : 2017 + slot % 8;
    } else if (slot >= 124) {
        static const ref_row edge[] = {{1, 1, 1, 0, 0, 0, 0, 0},
                                       {1, 12, 31, 0, 0, 0, 0, 0},
                                       {9999, 1, 1, 0, 0, 0, 0, 0},
                                       {9999, 12, 31, 0, 0, 0, 0, 0}};
        row.y = edge[slot - 124].y;
        row.m = edge[slot - 124].m;
        row.d = edge[slot - 124].d;
    } else {
        int s = slot & 31;
        row.y = 2021 + (slot >> 5);
        if (s < 24) {
            row.m = 1 + s % 12;
            int last = dim[row.m - 1] + (row.m == 2 && row.y % 4 == 0);
            row.d = s < 12 ? 1 : last;
        } else if (s < 28) { /* Feb 29, or Feb 28 outside leap years */
            row.m = 2;
            row.d = row.y % 4 == 0 ? 29 : 28;
        } else { /* the 15th of January to April */
            row.m = s - 27;
            row.d = 15;
        }
    }
    static const double wide[16] = {1e20,      1234.5678, 1e-10,   1e300,  1e-300, 5e-324,
                                    0x1p-1022, 0.1,       3e10,    3463.7709, 7e-6, 1e16,
                                    0x1p-1000, 2.5e-320,  1e150,   1e-160};
    if (b2 == 0x80)
        row.value = NAN; /* NULL */
    else if (wide_kind(r->kind) && (b2 & 0x70) == 0x70)
        row.value = (b2 & 0x80) && r->kind != TA_AGG_HHI ? -wide[b2 & 15] : wide[b2 & 15];
    else if (r->kind == TA_AGG_HHI || r->kind == TA_AGG_HHI_COMPETITOR)
        row.value = b2 / 4.0;
    else
        row.value = (int8_t)b2 / 4.0;
    /* hhi(competitor, value): INTEGER and TEXT competitors 0..2; trade
     * balance and coverage: is_part doubles as is_export. */
    row.comp_type = 1 + (slot & 1);
    row.comp = slot % 3;
    row.is_export = row.part;
    return row;
}

/* Round-2 parameters, fixed: 12 months is valid on either period kind. */
static ref_set params_of(const run *r)
{
    ref_set p = {0};
    p.annual = r->annual;
    p.fy = r->fy;
    p.target = r->target;
    p.months = 12;
    p.base_y = 2022;
    p.base_m = r->annual ? 0 : 1;
    p.base_d = r->annual ? 0 : 1;
    return p;
}

static ta_result reference(const run *r, const ref_row *rows, int n)
{
    return ref_answer_non_null(r->kind, rows, n, params_of(r));
}

/* The core's answer; "out of range" reads as an infinite REAL, which is how
 * the reference gives a result that leaves the double range. */
static ta_result answer(const ta_agg *a)
{
    ta_result res;
    ta_error e;
    ta_status st = ta_agg_result(a, &res, &e);
    if (st == TA_ERR_RANGE && strstr(e.msg, "out of range")) {
        res.type = TA_R_REAL;
        res.d = INFINITY;
        return res;
    }
    if (st != TA_OK) {
        fprintf(stderr, "fuzz_differential: result failed: %s\n", e.msg);
        abort();
    }
    return res;
}

static void compare(const run *r, const ta_agg *a, const char *after)
{
    ta_result got = answer(a), want = reference(r, r->kept, r->n);
    if (want.type == TA_R_REAL && isinf(want.d))
        want.d = INFINITY; /* either sign: the core says "out of range" */
    if (!same_result(got, want)) {
        char g[64], w[64];
        describe(got, g);
        describe(want, w);
        fprintf(stderr,
                "fuzz_differential: %s (%s, fy %d, target %g, %d rows) after %s: "
                "got %s, expected %s\n",
                ta_aggs[r->kind].name, r->annual ? "annual" : "dated", r->fy, r->target, r->n,
                after, g, w);
        abort();
    }
}

static ta_status apply(const run *r, ta_agg *a, const ref_row *row, bool remove, ta_error *e)
{
    char buf[48];
    ta_value argv[TA_MAX_ARGS];
    ref_set params = params_of(r);
    int argc = row_args(r->kind, row, &params, r->fy != 1, buf, argv);
    return remove ? ta_agg_remove(a, argv, argc, e) : ta_agg_add(a, argv, argc, e);
}

static ta_agg round_trip(ta_agg *a)
{
    ta_agg b;
    ta_error e;
    size_t n = ta_agg_serial_size(a);
    uint8_t *buf = malloc(n);
    CHECK(buf);
    ta_agg_serialize(a, buf);
    CHECK(ta_agg_deserialize(&b, buf, n, &test_allocator, &e) == TA_OK);
    free(buf);
    ta_agg_free(a);
    return b;
}

/* Could the state hold a row of this period (or any row at all)? */
static bool may_hold(const run *r, const ref_row *row)
{
    for (int i = 0; i < r->n; i++) {
        if (isnan(r->kept[i].value))
            continue;
        if (!r->periodic)
            return true;
        if (r->kept[i].y == row->y && r->kept[i].m == row->m && r->kept[i].d == row->d)
            return true;
    }
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static run r;
    ta_agg a;
    ta_error e;
    bool seen = false; /* a row has reached the state: kind and parameters fixed */

    if (size < 3)
        return 0;
    r.kind = (ta_agg_kind)(TA_AGG_CUMULATIVE + data[0] % (TA_AGG_END - 1));
    r.annual = data[1] & 1;
    r.fy = has_role(r.kind, TA_ROLE_FY) ? 1 + (data[1] >> 1) % 12 : 1;
    r.target = (1 + data[2]) / 4.0;
    r.periodic = ta_aggs[r.kind].periodic;
    r.n = 0;
    r.p = data + 3;
    r.end = data + size;

    ta_agg_init(&a, r.kind, &test_allocator);
    compare(&r, &a, "init");
    int op;
    while ((op = next(&r)) >= 0) {
        const char *what = "?";
        switch (op % 8) {
        case 0:
        case 1:
        case 2: {
            int b1 = next(&r), b2 = next(&r);
            if (b2 < 0 || r.n == MAXKEPT)
                break;
            r.kept[r.n] = make_row(&r, b1, b2);
            CHECK(apply(&r, &a, &r.kept[r.n], false, &e) == TA_OK);
            r.n++;
            seen = true;
            what = "add";
            break;
        }
        case 3: {
            int b = next(&r);
            if (b < 0 || r.n == 0)
                break;
            int j = b % r.n;
            CHECK(apply(&r, &a, &r.kept[j], true, &e) == TA_OK);
            r.kept[j] = r.kept[--r.n];
            what = "remove";
            break;
        }
        case 4: {
            int b1 = next(&r), b2 = next(&r);
            if (b2 < 0)
                break;
            ref_row row = make_row(&r, b1, b2);
            if (isnan(row.value) || may_hold(&r, &row))
                break;
            ta_result before = answer(&a);
            ta_status st = apply(&r, &a, &row, true, &e);
            CHECK(st == TA_ERR_INTERNAL);
            CHECK(strstr(e.msg, "a row left the window frame that never entered it"));
            CHECK(same_result(before, answer(&a)));
            seen = true;
            what = "refused remove";
            break;
        }
        case 5: {
            int b = next(&r);
            if (b < 0)
                break;
            int k = b % 16;
            ta_agg other;
            ta_agg_init(&other, r.kind, &test_allocator);
            for (int i = 0; i < k && r.n < MAXKEPT; i++) {
                int b1 = next(&r), b2 = next(&r);
                if (b2 < 0)
                    break;
                r.kept[r.n] = make_row(&r, b1, b2);
                CHECK(apply(&r, &other, &r.kept[r.n], false, &e) == TA_OK);
                r.n++;
                seen = true;
            }
            if (b & 16)
                other = round_trip(&other);
            if (b & 32) { /* the other way round: other += a, then keep other */
                CHECK(ta_agg_merge(&other, &a, &e) == TA_OK);
                ta_agg_free(&a);
                a = other;
            } else {
                CHECK(ta_agg_merge(&a, &other, &e) == TA_OK);
                ta_agg_free(&other);
            }
            what = "merge";
            break;
        }
        case 6:
            a = round_trip(&a);
            what = "serialize/deserialize";
            break;
        case 7: {
            int b = next(&r);
            if (b < 0 || !seen)
                break;
            char buf[48];
            ta_value argv[TA_MAX_ARGS];
            ref_row row = make_row(&r, b, 4);
            ref_set params = params_of(&r);
            int argc = row_args(r.kind, &row, &params, true, buf, argv);
            const ta_agg_desc *d = &ta_aggs[r.kind];
            int which = -1;
            for (int i = 0; i < argc; i++)
                if (d->roles[i] == TA_ROLE_PERIOD || d->roles[i] == TA_ROLE_TARGET ||
                    d->roles[i] == TA_ROLE_FY)
                    which = which < 0 || (b & 1) ? i : which;
            if (which < 0)
                break;
            ta_status want = TA_ERR_PARAM;
            switch (d->roles[which]) {
            case TA_ROLE_PERIOD:
                if (r.annual) {
                    argv[which] = (ta_value){TA_V_TEXT, 0, 0, "2023-01-01", 10};
                } else {
                    argv[which] = (ta_value){TA_V_INT, 2023, 0, NULL, 0};
                }
                want = TA_ERR_PERIOD;
                break;
            case TA_ROLE_TARGET:
                argv[which] = (ta_value){TA_V_REAL, 0, r.target + 0.25, NULL, 0};
                break;
            default: argv[which] = (ta_value){TA_V_INT, r.fy % 12 + 1, 0, NULL, 0}; break;
            }
            ta_result before = answer(&a);
            ta_status st =
                (b & 2) ? ta_agg_remove(&a, argv, argc, &e) : ta_agg_add(&a, argv, argc, &e);
            CHECK(st == want);
            CHECK(strncmp(e.msg, d->name, strlen(d->name)) == 0);
            CHECK(same_result(before, answer(&a)));
            what = "refused row";
            break;
        }
        }
        compare(&r, &a, what);
    }
    ta_agg_free(&a);
    return 0;
}
