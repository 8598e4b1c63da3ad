/*
 * tadk_functions.c — the callbacks DuckDB calls for our functions.
 *
 * Aggregates: DuckDB allocates a state of tadk_state_size bytes, calls init,
 * then update with per-row state pointers, combine to merge partial states
 * (threads, and window frames: DuckDB has no inverse step and builds frames
 * from merged segment-tree nodes), finalize (possibly more than once per
 * state, so it only reads) and destroy, which frees on every path, errors
 * and interrupted queries included. A state is a ta_agg and the first
 * error it met (tadk_state below); its only pointers are to the heap.
 *
 * A scalar's or finalize's error stops the callback at once: DuckDB raises
 * the message, prefixed with "Invalid Input Error: ", when the callback
 * returns. Errors of update and combine wait in the state for finalize.
 */
#include "tadk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

const ta_allocator tadk_allocator = {tadk_alloc, tadk_free, NULL};

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

/* A state: the core's aggregate and the first error its rows or merges
 * met. DuckDB 1.4 and 1.5 hang when a callback fails while threads build
 * a window's segment tree together (the others wait for the failed part
 * for ever), so update and combine do not fail: the first error stays in
 * the state, later rows and merges into it are skipped, a merge passes it
 * on, and finalize raises it, with the core's message unchanged. A frame
 * holding the failing row fails; a frame that never holds it does not,
 * as in SQLite and PostgreSQL, where only the rows entering a frame are
 * added. */
typedef struct tadk_state {
    ta_agg agg;
    char *error; /* NULL, a heap copy of the message, or no_memory */
} tadk_state;

#define STATE(p) ((tadk_state *)(p))

static char no_memory[] = "tradeagg: out of memory";

static void keep_error(tadk_state *st, const char *msg)
{
    size_t n = strlen(msg) + 1;
    char *copy;
    if (st->error)
        return;
    copy = malloc(n);
    st->error = copy ? memcpy(copy, msg, n) : no_memory;
}

/* Frees what a state holds; it is then empty and valid, and freeing it
 * again frees nothing. */
static void free_state(tadk_state *st)
{
    ta_agg_free(&st->agg);
    if (st->error != no_memory)
        free(st->error);
    st->error = NULL;
}

/* Rows in random period order wait in a state to join its period tables
 * in sorted batches, applied by the next read (ta_agg_settle). DuckDB's
 * window segment tree reads one node's state from several threads at
 * once, and such a read must not apply anything: so no state leaves
 * update or combine with rows waiting. */
static void settle(tadk_state *st)
{
    if (!st->error && ta_agg_settle(&st->agg) != TA_OK)
        keep_error(st, no_memory);
}

idx_t tadk_state_size(duckdb_function_info info)
{
    (void)info;
    return sizeof(tadk_state);
}

void tadk_init(duckdb_function_info info, duckdb_aggregate_state state)
{
    const tadk_sig *s = duckdb_aggregate_function_get_extra_info(info);
    ta_agg_init(&STATE(state)->agg, s->agg->kind, &tadk_allocator);
    STATE(state)->error = NULL;
}

/* Rows of one update call that DuckDB made from a place tadk_caller.c does
 * not know are refused at once: which state a row belongs to is not known,
 * so no state can carry the error. */
static void refuse(duckdb_function_info info, const tadk_sig *s, const char *where)
{
    char msg[TA_ERRMSG_MAX];
    snprintf(msg, sizeof msg,
             "tradeagg: %s: DuckDB called it from %.100s, where this extension cannot tell "
             "one state per row from one state for all rows; the query is refused",
             s->agg->name, where);
    duckdb_aggregate_function_set_error(info, msg);
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
    tadk_col cols[TADK_MAX_ARGS];
    ta_value vals[TADK_MAX_ARGS];
    ta_error e;

    if (kind == TADK_STATES_UNKNOWN) {
        refuse(info, s, where);
        return;
    }
    tadk_columns(s, in, cols);
    for (idx_t row = 0; row < n; row++) {
        tadk_state *st = STATE(states[kind == TADK_STATES_ONE ? 0 : row]);
        if (st->error)
            continue;
        for (int i = 0; i < s->nargs; i++)
            tadk_value(&cols[i], row, &vals[i]);
        if (ta_agg_add(&st->agg, vals, s->nargs, &e) != TA_OK)
            keep_error(st, e.msg);
    }
    for (idx_t row = 0; row < (kind == TADK_STATES_ONE ? 1 : n); row++)
        settle(STATE(states[row]));
}

void tadk_combine(duckdb_function_info info, duckdb_aggregate_state *src,
                  duckdb_aggregate_state *dst, idx_t count)
{
    ta_error e;
    (void)info;
    for (idx_t i = 0; i < count; i++) {
        tadk_state *from = STATE(src[i]), *to = STATE(dst[i]);
        if (from->error)
            keep_error(to, from->error);
        else if (!to->error && ta_agg_merge(&to->agg, &from->agg, &e) != TA_OK)
            keep_error(to, e.msg);
        settle(to);
    }
}

/* When finalize fails, DuckDB abandons the query but does not always call
 * destroy on the states it was finalizing (in its hash aggregate, for
 * one): their memory is freed here. */
static void fail_all(duckdb_function_info info, const char *msg, duckdb_aggregate_state *states,
                     idx_t count)
{
    duckdb_aggregate_function_set_error(info, msg); /* DuckDB copies it */
    for (idx_t i = 0; i < count; i++)
        free_state(STATE(states[i]));
}

void tadk_finalize(duckdb_function_info info, duckdb_aggregate_state *src, duckdb_vector out,
                   idx_t count, idx_t offset)
{
    const tadk_sig *s = duckdb_aggregate_function_get_extra_info(info);
    ta_result r;
    ta_error e;

    for (idx_t i = 0; i < count; i++) {
        tadk_state *st = STATE(src[i]);
        bool ok;
        if (st->error) {
            snprintf(e.msg, sizeof e.msg, "%s", st->error);
            fail_all(info, e.msg, src, count);
            return;
        }
        ok = ta_agg_result(&st->agg, &r, &e) == TA_OK;
        if (ok && r.type == TA_R_SERIES) /* trade_series, rollup: a BLOB */
            ok = tadk_put_series(out, offset + i, &st->agg, s->agg->name, &e);
        else if (ok)
            ok = tadk_put_result(out, offset + i, s->result, &r, s->agg->name, &e);
        if (!ok) {
            fail_all(info, e.msg, src, count);
            return;
        }
    }
}

void tadk_destroy(duckdb_aggregate_state *states, idx_t count)
{
    for (idx_t i = 0; i < count; i++)
        free_state(STATE(states[i]));
}
