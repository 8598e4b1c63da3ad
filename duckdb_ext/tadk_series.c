/*
 * tadk_series.c — the callbacks of the series functions: a series is a BLOB
 * of the core's bytes, which the core validates in full on every call (any
 * bytes or text a user writes give its error, never a crash).
 *
 * Each row's arguments become ta_values and one core call answers; an
 * error stops the chunk at once and DuckDB raises the core's message after
 * its "Invalid Input Error: " prefix.
 */
#include "tadk.h"

#include <stdio.h>
#include <stdlib.h>


static bool nomem(const char *fn, ta_error *e)
{
    e->code = TA_ERR_NOMEM;
    snprintf(e->msg, sizeof e->msg, "%s: out of memory", fn);
    return false;
}

/* DuckDB's strings and blobs hold up to 4 GiB. */
static bool too_large(const char *fn, size_t n, ta_error *e)
{
    if (n <= UINT32_MAX)
        return false;
    e->code = TA_ERR_RANGE;
    snprintf(e->msg, sizeof e->msg, "%s: series too large", fn);
    return true;
}

/* The BLOB of a TA_R_SERIES result: the bytes of the series a held. */
bool tadk_put_series(duckdb_vector out, idx_t row, const ta_agg *a, const char *fn, ta_error *e)
{
    size_t n = ta_series_size(a); /* 0: out of memory */
    uint8_t *b;

    if (too_large(fn, n, e))
        return false;
    if (n == 0 || !(b = malloc(n)))
        return nomem(fn, e);
    ta_series_write(a, b);
    tadk_put_bytes(out, row, b, n);
    free(b);
    return true;
}

/* ---- accessors ------------------------------------------------------------ */

/* A period result in the type the overload declared: DATE for a dated
 * series, INTEGER (the _year accessor) for an annual one. */
static bool period_fits(const tadk_sig *s, const ta_result *r, ta_error *e)
{
    char annual[64];

    if (r->type != TA_R_PERIOD)
        return true;
    snprintf(annual, sizeof annual, "%s_year", s->access->name);
    return ta_series_kind_check((ta_pkind)r->period.kind,
                                s->result == DUCKDB_TYPE_DATE ? TA_PK_DATE : TA_PK_YEAR,
                                s->access->name, s->access->name, annual, e) == TA_OK;
}

void tadk_accessor(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out)
{
    const tadk_sig *s = duckdb_scalar_function_get_extra_info(info);
    idx_t n = duckdb_data_chunk_get_size(in);
    tadk_col cols[TADK_MAX_ARGS];
    ta_value vals[TADK_MAX_ARGS];
    ta_result r;
    ta_error e;

    tadk_columns(s, in, cols);
    for (idx_t row = 0; row < n; row++) {
        for (int i = 0; i < s->nargs; i++)
            tadk_value(&cols[i], row, &vals[i]);
        if (ta_accessor_call(s->access, vals, s->nargs, &tadk_allocator, &r, &e) != TA_OK ||
            !period_fits(s, &r, &e) ||
            !tadk_put_result(out, row, s->result, &r, s->access->name, &e)) {
            duckdb_scalar_function_set_error(info, e.msg);
            return;
        }
    }
}

/* ---- the text form --------------------------------------------------------- */

void tadk_series_text(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out)
{
    const tadk_sig *s = duckdb_scalar_function_get_extra_info(info);
    idx_t n = duckdb_data_chunk_get_size(in);
    tadk_col col;
    ta_value v;
    ta_error e;
    char *text;
    size_t len;

    tadk_columns(s, in, &col);
    for (idx_t row = 0; row < n; row++) {
        tadk_value(&col, row, &v);
        if (ta_series_to_text(&v, "series_text", &tadk_allocator, &text, &len, &e) != TA_OK) {
            duckdb_scalar_function_set_error(info, e.msg);
            return;
        }
        if (!text) {
            tadk_put_null(out, row);
            continue;
        }
        if (too_large("series_text", len, &e)) {
            free(text);
            duckdb_scalar_function_set_error(info, e.msg);
            return;
        }
        tadk_put_bytes(out, row, text, len);
        free(text);
    }
}

void tadk_series_from_text(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out)
{
    const tadk_sig *s = duckdb_scalar_function_get_extra_info(info);
    idx_t n = duckdb_data_chunk_get_size(in);
    tadk_col col;
    ta_value v;
    ta_error e;
    uint8_t *b;
    size_t len;

    tadk_columns(s, in, &col);
    for (idx_t row = 0; row < n; row++) {
        tadk_value(&col, row, &v);
        if (v.type == TA_V_NULL) {
            tadk_put_null(out, row);
            continue;
        }
        if (ta_series_from_text(v.p, v.n, "series_from_text", &tadk_allocator, &b, &len, &e) !=
            TA_OK) {
            duckdb_scalar_function_set_error(info, e.msg);
            return;
        }
        if (too_large("series_from_text", len, &e)) {
            free(b);
            duckdb_scalar_function_set_error(info, e.msg);
            return;
        }
        tadk_put_bytes(out, row, b, len);
        free(b);
    }
}

/* ---- series_periods -------------------------------------------------------- */

/* The list's child: a STRUCT vector of period, value, rows. */
typedef struct periods_out {
    duckdb_vector list, period, value, rows;
    idx_t size, cap; /* entries written into the child, and reserved */
} periods_out;

static void child_valid(duckdb_vector v, idx_t i)
{
    uint64_t *validity = duckdb_vector_get_validity(v);
    if (validity)
        duckdb_validity_set_row_valid(validity, i);
}

/* Room for one more entry; the child's vectors move when it grows. */
static bool periods_room(periods_out *o)
{
    if (o->size == o->cap) {
        idx_t cap = o->cap ? 2 * o->cap : 64;
        if (duckdb_list_vector_reserve(o->list, cap) != DuckDBSuccess)
            return false;
        o->cap = cap;
    }
    duckdb_vector child = duckdb_list_vector_get_child(o->list);
    o->period = duckdb_struct_vector_get_child(child, 0);
    o->value = duckdb_struct_vector_get_child(child, 1);
    o->rows = duckdb_struct_vector_get_child(child, 2);
    child_valid(child, o->size);
    return true;
}

static void periods_put(periods_out *o, ta_period p, double value, int64_t rows)
{
    idx_t i = o->size++;
    int32_t key = p.key;

    if (p.kind == TA_PK_DATE)
        key = (int32_t)(ta_key_to_days(p.key) + TADK_DAYS_1970_TO_2000); /* years 1..9999 fit */
    ((int32_t *)duckdb_vector_get_data(o->period))[i] = key;
    ((double *)duckdb_vector_get_data(o->value))[i] = value;
    ((int64_t *)duckdb_vector_get_data(o->rows))[i] = rows;
    child_valid(o->period, i);
    child_valid(o->value, i);
    child_valid(o->rows, i);
}

/* One row's list, from the core's iterator: false (e set) on error. A NULL
 * series gives a NULL list. */
static bool periods_row(const tadk_sig *s, const ta_value *v, periods_out *o, idx_t row,
                        ta_error *e)
{
    const char *fn = s->result == DUCKDB_TYPE_DATE ? "series_periods" : "series_periods_annual";
    ta_pkind want = s->result == DUCKDB_TYPE_DATE ? TA_PK_DATE : TA_PK_YEAR;
    duckdb_list_entry *entry = (duckdb_list_entry *)duckdb_vector_get_data(o->list) + row;
    ta_series_iter it;
    bool more, ok = true;
    ta_period p;
    double value;
    int64_t rows;

    entry->offset = o->size;
    entry->length = 0;
    if (v->type == TA_V_NULL) {
        tadk_put_null(o->list, row);
        return true;
    }
    if (ta_series_iter_open(&it, v, fn, &tadk_allocator, e) != TA_OK)
        return false;
    if (ta_series_kind_check((ta_pkind)it.kind, want, fn, "series_periods", "series_periods_annual",
                             e) != TA_OK)
        ok = false;
    while (ok && (ok = ta_series_iter_next(&it, &more, &p, &value, &rows, e) == TA_OK) && more) {
        if (!(ok = periods_room(o)))
            nomem(fn, e);
        else
            periods_put(o, p, value, rows);
    }
    ta_series_iter_close(&it);
    entry->length = o->size - entry->offset;
    if (ok)
        child_valid(o->list, row);
    return ok;
}

void tadk_series_periods(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out)
{
    const tadk_sig *s = duckdb_scalar_function_get_extra_info(info);
    idx_t n = duckdb_data_chunk_get_size(in);
    periods_out o = {.list = out};
    tadk_col col;
    ta_value v;
    ta_error e;

    tadk_columns(s, in, &col);
    for (idx_t row = 0; row < n; row++) {
        tadk_value(&col, row, &v);
        if (!periods_row(s, &v, &o, row, &e)) {
            duckdb_list_vector_set_size(out, o.size);
            duckdb_scalar_function_set_error(info, e.msg);
            return;
        }
    }
    duckdb_list_vector_set_size(out, o.size);
}
