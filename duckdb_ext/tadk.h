/*
 * tadk.h — what the files of the DuckDB glue share.
 *
 * The glue is thin, as in SQLite and PostgreSQL: DuckDB hands over vectors
 * of up to 2048 rows; each row's arguments become ta_values, one core verb
 * runs, and the result or the core's error text goes back unchanged.
 */
#ifndef TADK_H
#define TADK_H

/* DuckDB's headers declare functions with empty parentheses. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#endif
#include "duckdb_extension.h"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include "tradeagg.h"

DUCKDB_EXTENSION_EXTERN

/* Enough for any entry of the core's tables (checked in tadk_register.c). */
#define TADK_MAX_ARGS 8

/* DuckDB counts days from 1970-01-01, the core from 2000-01-01. */
#define TADK_DAYS_1970_TO_2000 10957

/* One registered overload: which core function, and the DuckDB types it
 * was declared with. Each overload owns one (DuckDB frees it). */
typedef struct tadk_sig {
    const ta_agg_desc *agg;         /* an aggregate's overload, or ... */
    const ta_scalar_desc *scalar;   /* ... a scalar's, or ...          */
    const ta_accessor_desc *access; /* ... a series accessor's         */
    int nargs;
    duckdb_type arg[TADK_MAX_ARGS];
    duckdb_type result;
} tadk_sig;

/* One input column of a chunk, read once per chunk. */
typedef struct tadk_col {
    duckdb_type type;
    void *data;
    uint64_t *validity; /* NULL when every row is valid */
} tadk_col;

/* tadk_values.c: DuckDB values in, core results out. */
void tadk_columns(const tadk_sig *s, duckdb_data_chunk in, tadk_col *cols);
void tadk_value(const tadk_col *c, idx_t row, ta_value *out);
/* false (and e set) when the result does not fit the declared type */
bool tadk_put_result(duckdb_vector out, idx_t row, duckdb_type type, const ta_result *r,
                     const char *fn, ta_error *e);
/* A VARCHAR or BLOB result: DuckDB copies the bytes. */
void tadk_put_bytes(duckdb_vector out, idx_t row, const void *p, size_t n);
/* A row's result is NULL. */
void tadk_put_null(duckdb_vector out, idx_t row);

/* tadk_functions.c: the callbacks DuckDB calls, and the core's memory
 * (malloc and free) for everything the glue asks of it. */
extern const ta_allocator tadk_allocator;
void tadk_scalar(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out);
void tadk_version(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out);
idx_t tadk_state_size(duckdb_function_info info);
void tadk_init(duckdb_function_info info, duckdb_aggregate_state state);
void tadk_update(duckdb_function_info info, duckdb_data_chunk in, duckdb_aggregate_state *states);
void tadk_combine(duckdb_function_info info, duckdb_aggregate_state *src,
                  duckdb_aggregate_state *dst, idx_t count);
void tadk_finalize(duckdb_function_info info, duckdb_aggregate_state *src, duckdb_vector out,
                   idx_t count, idx_t offset);
void tadk_destroy(duckdb_aggregate_state *states, idx_t count);

/* tadk_series.c: the series functions (scalars over a BLOB series), and
 * the BLOB result of trade_series and rollup. */
bool tadk_put_series(duckdb_vector out, idx_t row, const ta_agg *a, const char *fn, ta_error *e);
void tadk_accessor(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out);
void tadk_series_text(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out);
void tadk_series_from_text(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out);
void tadk_series_periods(duckdb_function_info info, duckdb_data_chunk in, duckdb_vector out);

/* tadk_caller.c: whether an update call's n rows have one state each or
 * all belong to states[0] (see there). Call it from the update callback
 * itself: it names the DuckDB function that called DuckDB's C API wrapper.
 * TADK_STATES_UNKNOWN writes that function's name to where. */
typedef enum tadk_states {
    TADK_STATES_UNKNOWN = 1,
    TADK_STATES_PER_ROW,
    TADK_STATES_ONE
} tadk_states;
tadk_states tadk_update_states(idx_t n, char *where, size_t wherelen);

/* tadk_register.c: every function of the core's tables; NULL or a message. */
const char *tadk_register(duckdb_connection con, char *msg, size_t msglen);
/* tadk_register.c: the DuckDB types an argument of a role accepts (at most
 * TADK_MAX_TYPES; DUCKDB_TYPE_INVALID stands for the period's type); -1
 * for a role the glue does not know. */
#define TADK_MAX_TYPES 3
int tadk_role_types(ta_role role, duckdb_type types[TADK_MAX_TYPES]);
/* tadk_register_series.c: the series accessors and functions. */
const char *tadk_register_series(duckdb_connection con, char *msg, size_t msglen);

#endif /* TADK_H */
