/*
 * tadk_register_series.c — the series functions as DuckDB scalars.
 *
 * A series is a BLOB holding the core's bytes (the same as SQLite's BLOB and
 * PostgreSQL's tradeseries). trade_series and rollup are aggregates of the
 * registry like every other (tadk_register.c); here are the scalars over a
 * series:
 *
 *   - every accessor of ta_accessors[]: the series, then the parameter in the
 *     DuckDB types the aggregates take it in; the result as the aggregate
 *     returns it. A period result is DATE for a dated series, and, as in
 *     PostgreSQL, the same accessor with the suffix _year returns INTEGER
 *     for an annual one;
 *   - series_text(BLOB) -> VARCHAR and series_from_text(VARCHAR) -> BLOB;
 *   - series_periods(BLOB) -> LIST(STRUCT(period DATE, value DOUBLE, rows
 *     BIGINT)) and series_periods_annual with an INTEGER period: DuckDB's C
 *     API table functions take only constants, so the rows come as a list
 *     to unnest.
 *
 * Every one of them sees NULL arguments (special NULL handling): the core
 * decides, and a NULL parameter is an error as in the aggregates.
 */
#include "tadk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A period parameter (series_index's base_period) comes as any period type,
 * or as text. */
static const duckdb_type period_types[] = {DUCKDB_TYPE_DATE, DUCKDB_TYPE_INTEGER,
                                           DUCKDB_TYPE_BIGINT};

/* One overload of the set: the argument types of s, the result ret (or
 * s->result when ret is NULL), s copied as the function's extra info. */
static bool add_overload(duckdb_scalar_function_set set, const char *name, const tadk_sig *s,
                         duckdb_logical_type ret, duckdb_scalar_function_t fn)
{
    tadk_sig *info = malloc(sizeof *info);
    duckdb_scalar_function sf = duckdb_create_scalar_function();
    bool ok = false;

    if (info && sf) {
        *info = *s;
        duckdb_scalar_function_set_name(sf, name);
        for (int i = 0; i < s->nargs; i++) {
            duckdb_logical_type t = duckdb_create_logical_type(s->arg[i]);
            duckdb_scalar_function_add_parameter(sf, t);
            duckdb_destroy_logical_type(&t);
        }
        if (ret) {
            duckdb_scalar_function_set_return_type(sf, ret);
        } else {
            duckdb_logical_type t = duckdb_create_logical_type(s->result);
            duckdb_scalar_function_set_return_type(sf, t);
            duckdb_destroy_logical_type(&t);
        }
        duckdb_scalar_function_set_function(sf, fn);
        duckdb_scalar_function_set_special_handling(sf);
        duckdb_scalar_function_set_extra_info(sf, info, free);
        info = NULL; /* the function owns it now */
        ok = duckdb_add_scalar_function_to_set(set, sf) == DuckDBSuccess;
    }
    free(info);
    duckdb_destroy_scalar_function(&sf);
    return ok;
}

static const char *fail(char *msg, size_t msglen, const char *what, const char *name)
{
    snprintf(msg, msglen, "tradeagg: %s%s", what, name);
    return msg;
}

/* The overloads of one accessor under one name, returning result: each
 * argument count, and each DuckDB type of the parameter. */
static const char *add_accessor(duckdb_scalar_function_set set, const char *name,
                                const ta_accessor_desc *d, duckdb_type result, char *msg,
                                size_t msglen)
{
    for (int n = d->min_args; n <= d->max_args; n++) {
        duckdb_type types[TADK_MAX_TYPES + COUNT(period_types)];
        int ntypes = 1;
        tadk_sig s = {.access = d, .nargs = n, .result = result};

        if (tadk_role_types(d->roles[0], s.arg) != 1 || s.arg[0] != DUCKDB_TYPE_BLOB)
            return fail(msg, msglen, "no DuckDB type for the series of ", name);
        types[0] = DUCKDB_TYPE_INVALID; /* no parameter */
        if (n == 2) {
            duckdb_type t[TADK_MAX_TYPES];
            int k = tadk_role_types(d->roles[1], t);
            if (k < 0)
                return fail(msg, msglen, "no DuckDB type for the parameter of ", name);
            ntypes = 0;
            for (int i = 0; i < k; i++) {
                if (t[i] != DUCKDB_TYPE_INVALID)
                    types[ntypes++] = t[i];
                else
                    for (int j = 0; j < COUNT(period_types); j++)
                        types[ntypes++] = period_types[j];
            }
        }
        for (int i = 0; i < ntypes; i++) {
            s.arg[1] = types[i];
            if (!add_overload(set, name, &s, NULL, tadk_accessor))
                return fail(msg, msglen, "cannot register ", name);
        }
    }
    return NULL;
}

static const char *register_set(duckdb_connection con, duckdb_scalar_function_set set,
                                const char *err, const char *name, char *msg, size_t msglen)
{
    if (!err && duckdb_register_scalar_function_set(con, set) != DuckDBSuccess)
        err = fail(msg, msglen, "cannot register ", name);
    duckdb_destroy_scalar_function_set(&set);
    return err;
}

/* One accessor; one with a period result twice: name -> DATE and
 * name_year -> INTEGER. */
static const char *register_accessor(duckdb_connection con, const ta_accessor_desc *d, char *msg,
                                     size_t msglen)
{
    static const struct {
        ta_rtype kind;
        duckdb_type type;
        const char *suffix;
    } results[] = {
        {TA_R_REAL, DUCKDB_TYPE_DOUBLE, ""},
        {TA_R_INT, DUCKDB_TYPE_INTEGER, ""},
        {TA_R_PERIOD, DUCKDB_TYPE_DATE, ""},
        {TA_R_PERIOD, DUCKDB_TYPE_INTEGER, "_year"},
    };
    bool known = false;

    for (int i = 0; i < COUNT(results); i++) {
        char name[64];
        duckdb_scalar_function_set set;
        const char *err;

        if (results[i].kind != d->result)
            continue;
        known = true;
        snprintf(name, sizeof name, "%s%s", d->name, results[i].suffix);
        if (!(set = duckdb_create_scalar_function_set(name)))
            return fail(msg, msglen, "cannot register ", name);
        err = add_accessor(set, name, d, results[i].type, msg, msglen);
        if ((err = register_set(con, set, err, name, msg, msglen)) != NULL)
            return err;
    }
    if (!known) {
        snprintf(msg, msglen, "tradeagg: %s: no DuckDB type for result kind %d", d->name,
                 (int)d->result);
        return msg;
    }
    return NULL;
}

/* A function of one argument of type arg, returning ret (or result). */
static const char *register_one(duckdb_connection con, const char *name, duckdb_type arg,
                                duckdb_type result, duckdb_logical_type ret,
                                duckdb_scalar_function_t fn, char *msg, size_t msglen)
{
    tadk_sig s = {.nargs = 1, .arg = {arg}, .result = result};
    duckdb_scalar_function_set set = duckdb_create_scalar_function_set(name);
    const char *err = NULL;

    if (!set)
        return fail(msg, msglen, "cannot register ", name);
    if (!add_overload(set, name, &s, ret, fn))
        err = fail(msg, msglen, "cannot register ", name);
    return register_set(con, set, err, name, msg, msglen);
}

/* LIST(STRUCT(period <period>, value DOUBLE, rows BIGINT)) */
static duckdb_logical_type periods_type(duckdb_type period)
{
    duckdb_logical_type member[3] = {duckdb_create_logical_type(period),
                                     duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE),
                                     duckdb_create_logical_type(DUCKDB_TYPE_BIGINT)};
    const char *names[3] = {"period", "value", "rows"};
    duckdb_logical_type row = duckdb_create_struct_type(member, names, 3);
    duckdb_logical_type list = duckdb_create_list_type(row);

    for (int i = 0; i < 3; i++)
        duckdb_destroy_logical_type(&member[i]);
    duckdb_destroy_logical_type(&row);
    return list;
}

/* series_periods (result DATE: the period type it wants) and
 * series_periods_annual (INTEGER). */
static const char *register_periods(duckdb_connection con, const char *name, duckdb_type period,
                                    char *msg, size_t msglen)
{
    duckdb_logical_type list = periods_type(period);
    const char *err =
        register_one(con, name, DUCKDB_TYPE_BLOB, period, list, tadk_series_periods, msg, msglen);
    duckdb_destroy_logical_type(&list);
    return err;
}

const char *tadk_register_series(duckdb_connection con, char *msg, size_t msglen)
{
    const char *err = NULL;

    for (int k = 0; !err && k < TA_ACC_COUNT; k++)
        err = register_accessor(con, &ta_accessors[k], msg, msglen);
    if (!err)
        err = register_one(con, "series_text", DUCKDB_TYPE_BLOB, DUCKDB_TYPE_VARCHAR, NULL,
                           tadk_series_text, msg, msglen);
    if (!err)
        err = register_one(con, "series_from_text", DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_BLOB, NULL,
                           tadk_series_from_text, msg, msglen);
    if (!err)
        err = register_periods(con, "series_periods", DUCKDB_TYPE_DATE, msg, msglen);
    if (!err)
        err = register_periods(con, "series_periods_annual", DUCKDB_TYPE_INTEGER, msg, msglen);
    return err;
}
