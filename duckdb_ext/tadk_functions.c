/*
 * tadk_functions.c — the callbacks DuckDB calls for our functions.
 *
 * Aggregates: DuckDB allocates a state of tadk_state_size bytes, calls init,
 * then update with per-row state pointers, combine to merge partial states
 * (threads, and window frames: DuckDB has no inverse step and builds frames
 * from merged segment-tree nodes), finalize (possibly more than once per
 * state, so it only reads) and destroy, which frees on every path, errors
 * and interrupted queries included. A state is a ta_agg; its only pointer
 * is to the heap.
 *
 * An error stops the callback at once: DuckDB raises the message, prefixed
 * with "Invalid Input Error: ", when the callback returns.
 */
#include "tadk.h"

#include <stdio.h>
#include <stdlib.h>

#define AGG(p) ((ta_agg *)(p))

static void *tadk_alloc(void *ud, size_t n)
{
    (void)ud;
    return malloc(n);
}

static void tadk_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}

static const ta_allocator tadk_allocator = {tadk_alloc, tadk_free, NULL};

/* ---- scalars ----------------------------------------------------------- */

void tadk_scalar(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out)
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
        if (ta_scalar_call(s->scalar->kind, vals, s->nargs, &r, &e) != TA_OK ||
            !tadk_put_result(out, row, s->result, &r, s->scalar->name, &e)) {
            duckdb_scalar_function_set_error(info, e.msg);
            return;
        }
    }
}

void tadk_version(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out)
{
    (void)info;
    idx_t n = duckdb_data_chunk_get_size(in);
    for (idx_t row = 0; row < n; row++)
        duckdb_vector_assign_string_element_len(out, row, TA_VERSION, sizeof TA_VERSION - 1);
}

/* ---- aggregates -------------------------------------------------------- */

idx_t tadk_state_size(duckdb_function_info info)
{
    (void)info;
    return sizeof(ta_agg);
}

void tadk_init(duckdb_function_info info, duckdb_aggregate_state state)
{
    const tadk_sig *s = duckdb_aggregate_function_get_extra_info(info);
    ta_agg_init(AGG(state), s->agg->kind, &tadk_allocator);
}

/* Every row reaches the core, NULL arguments included (the functions are
 * registered with special NULL handling): the core decides what a NULL
 * means, and a NULL target is an error, not a skipped row. */
void tadk_update(duckdb_function_info info, duckdb_data_chunk in, duckdb_aggregate_state *states)
{
    const tadk_sig *s = duckdb_aggregate_function_get_extra_info(info);
    idx_t n = duckdb_data_chunk_get_size(in);
    char where[128];
    tadk_states kind = tadk_update_states(n, where, sizeof where);
    bool one = kind == TADK_STATES_ONE;
    tadk_col cols[TADK_MAX_ARGS];
    ta_value vals[TADK_MAX_ARGS];
    ta_error e;

    if (kind == TADK_STATES_UNKNOWN) {
        snprintf(e.msg, sizeof e.msg,
                 "tradeagg: %s: DuckDB called it from %.100s, where this extension cannot tell "
                 "one state per row from one state for all rows; the query is refused",
                 s->agg->name, where);
        duckdb_aggregate_function_set_error(info, e.msg);
        return;
    }
    tadk_columns(s, in, cols);
    for (idx_t row = 0; row < n; row++) {
        for (int i = 0; i < s->nargs; i++)
            tadk_value(&cols[i], row, &vals[i]);
        if (ta_agg_add(AGG(states[one ? 0 : row]), vals, s->nargs, &e) != TA_OK) {
            duckdb_aggregate_function_set_error(info, e.msg);
            return;
        }
    }
}

/* When a callback fails, DuckDB abandons the query but does not always
 * call destroy on the states it was working on (a finalize that fails in
 * its hash aggregate, for one): their memory is freed here. A state freed
 * so is empty and valid; a later destroy frees nothing more. */
static void free_all(duckdb_aggregate_state *states, idx_t count)
{
    for (idx_t i = 0; i < count; i++)
        ta_agg_free(AGG(states[i]));
}

void tadk_combine(duckdb_function_info info, duckdb_aggregate_state *src,
                  duckdb_aggregate_state *dst, idx_t count)
{
    ta_error e;
    for (idx_t i = 0; i < count; i++) {
        if (ta_agg_merge(AGG(dst[i]), AGG(src[i]), &e) != TA_OK) {
            duckdb_aggregate_function_set_error(info, e.msg);
            free_all(src, count);
            free_all(dst, count);
            return;
        }
    }
}

void tadk_finalize(duckdb_function_info info, duckdb_aggregate_state *src, duckdb_vector out,
                   idx_t count, idx_t offset)
{
    const tadk_sig *s = duckdb_aggregate_function_get_extra_info(info);
    ta_result r;
    ta_error e;

    for (idx_t i = 0; i < count; i++) {
        if (ta_agg_result(AGG(src[i]), &r, &e) != TA_OK ||
            !tadk_put_result(out, offset + i, s->result, &r, s->agg->name, &e)) {
            duckdb_aggregate_function_set_error(info, e.msg);
            free_all(src, count);
            return;
        }
    }
}

void tadk_destroy(duckdb_aggregate_state *states, idx_t count)
{
    for (idx_t i = 0; i < count; i++) {
        ta_agg_free(AGG(states[i]));
    }
}
