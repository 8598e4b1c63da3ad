/*
 * tradeagg.c — the SQLite face of the tradeagg core.
 *
 * Thin glue: each callback converts sqlite3_values into ta_values, calls one
 * core verb, and converts the result or error back. Requirements:
 *   R1. Every function is registered from the core's tables, with
 *       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS.
 *   R2. Aggregates are window functions (xValue, xInverse); xValue may run
 *       before any xStep and then answers NULL.
 *   R3. State memory comes from sqlite3_malloc, so allocation failure is
 *       SQLITE_NOMEM, and is freed in xFinal, which SQLite also calls when a
 *       statement is abandoned.
 *
 * Builds as a loadable extension, or into an application with -DSQLITE_CORE.
 */
#ifdef SQLITE_CORE
#include <sqlite3.h>
#else
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#endif

#include "tradeagg.h"

#include <string.h>

#define TA_FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

static void *tasq_alloc(void *ud, size_t n)
{
    (void)ud;
    return sqlite3_malloc64(n);
}

static void tasq_free(void *ud, void *p)
{
    (void)ud;
    sqlite3_free(p);
}

static const ta_allocator tasq_allocator = {tasq_alloc, tasq_free, NULL};

static void tasq_values(int argc, sqlite3_value **argv, ta_value *out)
{
    for (int i = 0; i < argc; i++) {
        sqlite3_value *v = argv[i];
        switch (sqlite3_value_type(v)) {
        case SQLITE_INTEGER:
            out[i].type = TA_V_INT;
            out[i].i = sqlite3_value_int64(v);
            break;
        case SQLITE_FLOAT:
            out[i].type = TA_V_REAL;
            out[i].d = sqlite3_value_double(v);
            break;
        case SQLITE_TEXT:
            out[i].type = TA_V_TEXT;
            out[i].p = (const char *)sqlite3_value_text(v);
            out[i].n = (size_t)sqlite3_value_bytes(v);
            break;
        case SQLITE_BLOB:
            out[i].type = TA_V_BLOB;
            out[i].p = (const char *)sqlite3_value_blob(v);
            out[i].n = (size_t)sqlite3_value_bytes(v);
            break;
        default: out[i].type = TA_V_NULL; break;
        }
    }
}

/* The one place a core status becomes an SQLite error. */
static void tasq_error(sqlite3_context *ctx, const ta_error *e)
{
    if (e->code == TA_ERR_NOMEM)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_error(ctx, e->msg, -1);
}

/* A series result as a BLOB of the core's bytes. */
static void tasq_series(sqlite3_context *ctx, const ta_agg *a)
{
    size_t n = ta_series_size(a); /* 0: out of memory */
    uint8_t *b = n > 0 && n <= INT32_MAX ? sqlite3_malloc64(n) : NULL;
    if (!b) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    ta_series_write(a, b);
    sqlite3_result_blob(ctx, b, (int)n, sqlite3_free);
}

static void tasq_result(sqlite3_context *ctx, const ta_result *r)
{
    char buf[12];
    switch (r->type) {
    case TA_R_SERIES: sqlite3_result_error(ctx, "tradeagg: a series without its state", -1); break;
    case TA_R_NULL: sqlite3_result_null(ctx); break;
    case TA_R_REAL: sqlite3_result_double(ctx, r->d); break;
    case TA_R_INT: sqlite3_result_int64(ctx, r->i); break;
    case TA_R_PERIOD:
        if (r->period.kind == TA_PK_YEAR) {
            sqlite3_result_int(ctx, r->period.key);
        } else {
            size_t n = ta_period_format(r->period, buf);
            sqlite3_result_text(ctx, buf, (int)n, SQLITE_TRANSIENT);
        }
        break;
    }
}

/* ---- scalars ----------------------------------------------------------- */

static void tasq_scalar(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const ta_scalar_desc *d = sqlite3_user_data(ctx);
    ta_value vals[TA_MAX_ARGS];
    ta_result r;
    ta_error e;

    tasq_values(argc, argv, vals);
    if (ta_scalar_call(d->kind, vals, argc, &r, &e) != TA_OK)
        tasq_error(ctx, &e);
    else
        tasq_result(ctx, &r);
}

static void tasq_version(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, TA_VERSION, -1, SQLITE_STATIC);
}

/* ---- series ------------------------------------------------------------- */

static void tasq_accessor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const ta_accessor_desc *d = sqlite3_user_data(ctx);
    ta_value vals[TA_MAX_ARGS];
    ta_result r;
    ta_error e;

    tasq_values(argc, argv, vals);
    if (ta_accessor_call(d, vals, argc, &tasq_allocator, &r, &e) != TA_OK)
        tasq_error(ctx, &e);
    else
        tasq_result(ctx, &r);
}

static void tasq_series_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    ta_value v;
    ta_error e;
    char *text;
    size_t n;

    tasq_values(argc, argv, &v);
    if (ta_series_to_text(&v, "series_text", &tasq_allocator, &text, &n, &e) != TA_OK)
        tasq_error(ctx, &e);
    else if (!text)
        sqlite3_result_null(ctx);
    else if (n > INT32_MAX) {
        sqlite3_free(text);
        sqlite3_result_error_toobig(ctx);
    } else
        sqlite3_result_text(ctx, text, (int)n, sqlite3_free);
}

static void tasq_series_from_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const char *fn = "series_from_text";
    ta_error e;
    uint8_t *b;
    size_t n;

    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        char *msg = sqlite3_mprintf("%s: invalid series text (expected TEXT)", fn);
        sqlite3_result_error(ctx, msg ? msg : fn, -1);
        sqlite3_free(msg);
        return;
    }
    const char *p = (const char *)sqlite3_value_text(argv[0]);
    size_t len = (size_t)sqlite3_value_bytes(argv[0]);
    if (ta_series_from_text(p, len, fn, &tasq_allocator, &b, &n, &e) != TA_OK)
        tasq_error(ctx, &e);
    else if (n > INT32_MAX) {
        sqlite3_free(b);
        sqlite3_result_error_toobig(ctx);
    } else
        sqlite3_result_blob(ctx, b, (int)n, sqlite3_free);
}

/* series_periods(s): an eponymous table-valued function. */
#include "series_vtab.c"

static int tasq_register_series(sqlite3 *db)
{
    int rc = SQLITE_OK;
    for (int k = 0; rc == SQLITE_OK && k < TA_ACC_COUNT; k++) {
        const ta_accessor_desc *d = &ta_accessors[k];
        for (int n = d->min_args; rc == SQLITE_OK && n <= d->max_args; n++)
            rc = sqlite3_create_function(db, d->name, n, TA_FLAGS, (void *)d, tasq_accessor, NULL,
                                         NULL);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function(db, "series_text", 1, TA_FLAGS, NULL, tasq_series_text, NULL,
                                     NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function(db, "series_from_text", 1, TA_FLAGS, NULL,
                                     tasq_series_from_text, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = tasq_register_periods(db);
    return rc;
}

/* ---- aggregates -------------------------------------------------------- */

/* The state, created on first use; NULL when out of memory. */
static ta_agg *tasq_state(sqlite3_context *ctx, int create)
{
    ta_agg *a = sqlite3_aggregate_context(ctx, create ? (int)sizeof(ta_agg) : 0);
    if (a && a->kind == 0) {
        const ta_agg_desc *d = sqlite3_user_data(ctx);
        ta_agg_init(a, d->kind, &tasq_allocator);
    }
    return a;
}

static void tasq_row(sqlite3_context *ctx, int argc, sqlite3_value **argv, int inverse)
{
    ta_agg *a = tasq_state(ctx, 1);
    ta_value vals[TA_MAX_ARGS];
    ta_error e;
    ta_status st;

    if (!a) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    tasq_values(argc, argv, vals);
    st = inverse ? ta_agg_remove(a, vals, argc, &e) : ta_agg_add(a, vals, argc, &e);
    if (st != TA_OK)
        tasq_error(ctx, &e);
}

static void tasq_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    tasq_row(ctx, argc, argv, 0);
}

static void tasq_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    tasq_row(ctx, argc, argv, 1);
}

/* One computation serves xValue and xFinal; only the final call frees. */
static void tasq_compute(sqlite3_context *ctx, int final)
{
    ta_agg *a = tasq_state(ctx, 0);
    ta_result r;
    ta_error e;

    if (ta_agg_result(a, &r, &e) != TA_OK)
        tasq_error(ctx, &e);
    else if (r.type == TA_R_SERIES)
        tasq_series(ctx, a);
    else
        tasq_result(ctx, &r);
    if (final && a)
        ta_agg_free(a);
}

static void tasq_value(sqlite3_context *ctx) { tasq_compute(ctx, 0); }
static void tasq_final(sqlite3_context *ctx) { tasq_compute(ctx, 1); }

/* ---- registration ------------------------------------------------------ */

static int tasq_register(sqlite3 *db)
{
    int rc = sqlite3_create_function(db, "tradeagg_version", 0, TA_FLAGS, NULL, tasq_version, NULL,
                                     NULL);
    for (int k = 0; rc == SQLITE_OK && k < TA_FN_COUNT; k++)
        rc = sqlite3_create_function(db, ta_scalars[k].name, ta_scalars[k].nargs, TA_FLAGS,
                                     (void *)&ta_scalars[k], tasq_scalar, NULL, NULL);
    for (int k = TA_AGG_CUMULATIVE; rc == SQLITE_OK && k < TA_AGG_END; k++) {
        const ta_agg_desc *d = &ta_aggs[k];
        for (int n = d->min_args; rc == SQLITE_OK && n <= d->max_args; n++)
            rc = sqlite3_create_window_function(db, d->name, n, TA_FLAGS, (void *)d, tasq_step,
                                                tasq_final, tasq_value, tasq_inverse, NULL);
    }
    return rc == SQLITE_OK ? tasq_register_series(db) : rc;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
    int sqlite3_tradeagg_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

#ifdef _WIN32
__declspec(dllexport)
#endif
    int sqlite3_tradeagg_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi)
{
#ifndef SQLITE_CORE
    SQLITE_EXTENSION_INIT2(pApi);
#else
    (void)pApi;
#endif
    int rc = tasq_register(db);
    if (rc != SQLITE_OK && pzErrMsg)
        *pzErrMsg = sqlite3_mprintf("tradeagg: cannot register functions: %s", sqlite3_errstr(rc));
    return rc;
}
