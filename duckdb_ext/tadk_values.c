/*
 * tadk_values.c — DuckDB vectors to ta_values, and ta_results back.
 *
 * The argument types are those the overload was declared with, so a
 * column's type is known before its first row: DuckDB has already cast
 * DECIMAL and integer values to DOUBLE, SMALLINT periods to INTEGER.
 */
#include "tadk.h"

#include <stdio.h>
#include <string.h>

void tadk_columns(const tadk_sig *s, duckdb_data_chunk in, tadk_col *cols)
{
    for (int i = 0; i < s->nargs; i++) {
        duckdb_vector v = duckdb_data_chunk_get_vector(in, (idx_t)i);
        cols[i].type = s->arg[i];
        cols[i].data = duckdb_vector_get_data(v);
        cols[i].validity = duckdb_vector_get_validity(v);
    }
}

/* DuckDB's DATE infinities are +-INT32_MAX; the core's are PostgreSQL's,
 * INT32_MAX and INT32_MIN. Both are refused as periods, naming the value. */
static int64_t core_days(int32_t duck_days)
{
    if (duck_days == INT32_MAX)
        return INT32_MAX;
    if (duck_days == -INT32_MAX)
        return INT32_MIN;
    return (int64_t)duck_days - TADK_DAYS_1970_TO_2000;
}

static void string_value(const tadk_col *c, idx_t row, ta_vtype type, ta_value *out)
{
    duckdb_string_t *s = (duckdb_string_t *)c->data + row;
    out->type = type;
    out->p = duckdb_string_t_data(s);
    out->n = duckdb_string_t_length(*s);
}

void tadk_value(const tadk_col *c, idx_t row, ta_value *out)
{
    if (c->validity && !duckdb_validity_row_is_valid(c->validity, row)) {
        out->type = TA_V_NULL;
        return;
    }
    switch (c->type) {
    case DUCKDB_TYPE_DOUBLE:
        out->type = TA_V_REAL;
        out->d = ((const double *)c->data)[row];
        break;
    case DUCKDB_TYPE_DATE:
        out->type = TA_V_DATE;
        out->i = core_days(((const int32_t *)c->data)[row]);
        break;
    case DUCKDB_TYPE_INTEGER:
        out->type = TA_V_INT;
        out->i = ((const int32_t *)c->data)[row];
        break;
    case DUCKDB_TYPE_BIGINT:
        out->type = TA_V_INT;
        out->i = ((const int64_t *)c->data)[row];
        break;
    case DUCKDB_TYPE_BOOLEAN:
        out->type = TA_V_BOOL;
        out->i = ((const bool *)c->data)[row] ? 1 : 0;
        break;
    case DUCKDB_TYPE_VARCHAR: string_value(c, row, TA_V_TEXT, out); break;
    case DUCKDB_TYPE_BLOB: string_value(c, row, TA_V_BLOB, out); break;
    default: /* tadk_register.c declares no other type */ out->type = TA_V_NULL; break;
    }
}

static void set_null(duckdb_vector out, idx_t row)
{
    duckdb_vector_ensure_validity_writable(out);
    duckdb_validity_set_row_invalid(duckdb_vector_get_validity(out), row);
}

/* The result vector may be reused, so a value also marks its row valid. */
static void set_valid(duckdb_vector out, idx_t row)
{
    uint64_t *validity = duckdb_vector_get_validity(out);
    if (validity)
        duckdb_validity_set_row_valid(validity, row);
}

void tadk_put_null(duckdb_vector out, idx_t row) { set_null(out, row); }

void tadk_put_bytes(duckdb_vector out, idx_t row, const void *p, size_t n)
{
    duckdb_vector_assign_string_element_len(out, row, p, n);
    set_valid(out, row);
}

static bool mismatch(const char *fn, ta_error *e)
{
    e->code = TA_ERR_INTERNAL;
    snprintf(e->msg, sizeof e->msg, "%s: result does not fit the declared type", fn);
    return false;
}

bool tadk_put_result(duckdb_vector out, idx_t row, duckdb_type type, const ta_result *r,
                     const char *fn, ta_error *e)
{
    void *data = duckdb_vector_get_data(out);

    if (r->type == TA_R_NULL) {
        set_null(out, row);
        return true;
    }
    if (type == DUCKDB_TYPE_DOUBLE && r->type == TA_R_REAL) {
        ((double *)data)[row] = r->d;
    } else if (type == DUCKDB_TYPE_DATE && r->type == TA_R_PERIOD && r->period.kind == TA_PK_DATE) {
        int64_t days = ta_key_to_days(r->period.key) + TADK_DAYS_1970_TO_2000;
        ((int32_t *)data)[row] = (int32_t)days; /* years 1..9999 fit */
    } else if (type == DUCKDB_TYPE_INTEGER && r->type == TA_R_INT && r->i >= INT32_MIN &&
               r->i <= INT32_MAX) {
        ((int32_t *)data)[row] = (int32_t)r->i;
    } else if (type == DUCKDB_TYPE_INTEGER && r->type == TA_R_PERIOD &&
               r->period.kind == TA_PK_YEAR) {
        ((int32_t *)data)[row] = r->period.key;
    } else {
        return mismatch(fn, e);
    }
    set_valid(out, row);
    return true;
}
