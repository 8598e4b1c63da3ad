/*
 * tadk_register.c — every function of the core's tables, as DuckDB overloads.
 *
 * An aggregate's arguments have roles (ta_agg_desc.roles); each role maps to
 * the DuckDB types it accepts (role_types), and each result kind to the
 * DuckDB type it returns (result_types). Every combination of accepted types
 * for every argument count from min_args to max_args becomes one overload
 * of one function set. A role or result kind the tables do not know stops
 * the LOAD with a message naming it, so the registry cannot grow past the
 * glue unnoticed.
 */
#include "tadk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(((ta_agg_desc *)0)->roles) / sizeof(ta_role) <= TADK_MAX_ARGS,
               "TADK_MAX_ARGS is below the registry's argument count");
_Static_assert(sizeof(((ta_scalar_desc *)0)->argnames) / sizeof(char *) <= TADK_MAX_ARGS,
               "TADK_MAX_ARGS is below the registry's argument count");

/* The DuckDB types an argument of each role accepts; DuckDB casts to them
 * implicitly (DECIMAL and integers to DOUBLE, SMALLINT to INTEGER). An
 * integer parameter is BIGINT so that any integer expression fits. */
static const struct {
    ta_role role;
    int ntypes;
    duckdb_type types[TADK_MAX_TYPES]; /* INVALID: the period argument's type */
} role_types[] = {
    {TA_ROLE_PERIOD, 3, {DUCKDB_TYPE_DATE, DUCKDB_TYPE_INTEGER, DUCKDB_TYPE_BIGINT}},
    {TA_ROLE_VALUE, 1, {DUCKDB_TYPE_DOUBLE}},
    {TA_ROLE_TARGET, 1, {DUCKDB_TYPE_DOUBLE}},
    {TA_ROLE_FY, 1, {DUCKDB_TYPE_BIGINT}},
    {TA_ROLE_FLAG, 1, {DUCKDB_TYPE_BOOLEAN}},
    {TA_ROLE_MONTHS, 1, {DUCKDB_TYPE_BIGINT}},
    {TA_ROLE_BASE, 2, {DUCKDB_TYPE_INVALID, DUCKDB_TYPE_VARCHAR}}, /* text: 'YYYY-MM-DD' */
    {TA_ROLE_EXPORT, 1, {DUCKDB_TYPE_BOOLEAN}},
    {TA_ROLE_COMPETITOR, 2, {DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_BIGINT}},
    {TA_ROLE_SERIES, 1, {DUCKDB_TYPE_BLOB}}, /* the core's series bytes */
};

/* The DuckDB type of each result kind: `dated` when the period argument
 * is a DATE, `annual` otherwise (INTEGER or BIGINT years, or no period). */
static const struct {
    ta_rtype kind;
    duckdb_type dated, annual;
} result_types[] = {
    {TA_R_REAL, DUCKDB_TYPE_DOUBLE, DUCKDB_TYPE_DOUBLE},
    {TA_R_PERIOD, DUCKDB_TYPE_DATE, DUCKDB_TYPE_INTEGER},
    {TA_R_INT, DUCKDB_TYPE_INTEGER, DUCKDB_TYPE_INTEGER},
    {TA_R_SERIES, DUCKDB_TYPE_BLOB, DUCKDB_TYPE_BLOB},
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static int role_index(ta_role role)
{
    for (int i = 0; i < COUNT(role_types); i++)
        if (role_types[i].role == role)
            return i;
    return -1;
}

int tadk_role_types(ta_role role, duckdb_type types[TADK_MAX_TYPES])
{
    int i = role_index(role);
    if (i < 0)
        return -1;
    for (int j = 0; j < role_types[i].ntypes; j++)
        types[j] = role_types[i].types[j];
    return role_types[i].ntypes;
}

/* The type chosen for the period argument (DATE when there is none). */
static duckdb_type period_type(const ta_agg_desc *d, const tadk_sig *s)
{
    for (int i = 0; i < s->nargs; i++)
        if (d->roles[i] == TA_ROLE_PERIOD)
            return s->arg[i];
    return DUCKDB_TYPE_DATE;
}

static bool result_type(const ta_agg_desc *d, const tadk_sig *s, duckdb_type *out)
{
    bool dated = false;
    for (int i = 0; i < s->nargs; i++)
        if (d->roles[i] == TA_ROLE_PERIOD && s->arg[i] == DUCKDB_TYPE_DATE)
            dated = true;
    for (int i = 0; i < COUNT(result_types); i++) {
        if (result_types[i].kind == d->result) {
            *out = dated ? result_types[i].dated : result_types[i].annual;
            return true;
        }
    }
    return false;
}

static void add_types(const tadk_sig *s, duckdb_aggregate_function af, duckdb_scalar_function sf)
{
    for (int i = 0; i <= s->nargs; i++) {
        duckdb_logical_type t = duckdb_create_logical_type(i < s->nargs ? s->arg[i] : s->result);
        if (i == s->nargs && af)
            duckdb_aggregate_function_set_return_type(af, t);
        else if (i == s->nargs)
            duckdb_scalar_function_set_return_type(sf, t);
        else if (af)
            duckdb_aggregate_function_add_parameter(af, t);
        else
            duckdb_scalar_function_add_parameter(sf, t);
        duckdb_destroy_logical_type(&t);
    }
}

static tadk_sig *sig_copy(const tadk_sig *s)
{
    tadk_sig *c = malloc(sizeof *c);
    if (c)
        *c = *s;
    return c;
}

static bool add_aggregate(duckdb_aggregate_function_set set, const tadk_sig *s)
{
    tadk_sig *info = sig_copy(s);
    duckdb_aggregate_function af = duckdb_create_aggregate_function();
    bool ok = false;

    if (info && af) {
        duckdb_aggregate_function_set_name(af, s->agg->name);
        add_types(s, af, NULL);
        duckdb_aggregate_function_set_functions(af, tadk_state_size, tadk_init, tadk_update,
                                                tadk_combine, tadk_finalize);
        duckdb_aggregate_function_set_destructor(af, tadk_destroy);
        duckdb_aggregate_function_set_special_handling(af);
        duckdb_aggregate_function_set_extra_info(af, info, free);
        info = NULL; /* the function owns it now */
        ok = duckdb_add_aggregate_function_to_set(set, af) == DuckDBSuccess;
    }
    free(info);
    duckdb_destroy_aggregate_function(&af);
    return ok;
}

/* Every overload of one registry entry, counting through the accepted types
 * of each argument like an odometer (a role of the period's type follows
 * the period's). NULL, or the message. */
static const char *add_overloads(duckdb_aggregate_function_set set, const ta_agg_desc *d,
                                 char *msg, size_t msglen)
{
    for (int n = d->min_args; n <= d->max_args; n++) {
        int role[TADK_MAX_ARGS], pick[TADK_MAX_ARGS] = {0};
        tadk_sig s = {.agg = d, .nargs = n};
        for (int i = 0; i < n; i++) {
            if ((role[i] = role_index(d->roles[i])) < 0) {
                snprintf(msg, msglen, "tradeagg: %s: no DuckDB type for argument role %d", d->name,
                         (int)d->roles[i]);
                return msg;
            }
        }
        for (;;) {
            int i;
            for (i = 0; i < n; i++)
                s.arg[i] = role_types[role[i]].types[pick[i]];
            for (i = 0; i < n; i++)
                if (s.arg[i] == DUCKDB_TYPE_INVALID)
                    s.arg[i] = period_type(d, &s);
            if (!result_type(d, &s, &s.result)) {
                snprintf(msg, msglen, "tradeagg: %s: no DuckDB type for result kind %d", d->name,
                         (int)d->result);
                return msg;
            }
            if (!add_aggregate(set, &s)) {
                snprintf(msg, msglen, "tradeagg: cannot register %s", d->name);
                return msg;
            }
            for (i = n - 1; i >= 0 && ++pick[i] >= role_types[role[i]].ntypes; i--)
                pick[i] = 0;
            if (i < 0)
                break;
        }
    }
    return NULL;
}

/* One function set per name: every registry entry of that name (hhi has
 * two) adds its overloads to it. */
static const char *register_aggregate(duckdb_connection con, int k, char *msg, size_t msglen)
{
    const char *name = ta_aggs[k].name, *err = NULL;
    duckdb_aggregate_function_set set;

    for (int j = TA_AGG_CUMULATIVE; j < k; j++)
        if (strcmp(ta_aggs[j].name, name) == 0)
            return NULL; /* registered with entry j */
    if (!(set = duckdb_create_aggregate_function_set(name))) {
        snprintf(msg, msglen, "tradeagg: cannot register %s", name);
        return msg;
    }
    for (int j = k; !err && j < TA_AGG_END; j++)
        if (strcmp(ta_aggs[j].name, name) == 0)
            err = add_overloads(set, &ta_aggs[j], msg, msglen);
    if (!err && duckdb_register_aggregate_function_set(con, set) != DuckDBSuccess) {
        snprintf(msg, msglen, "tradeagg: cannot register %s", name);
        err = msg;
    }
    duckdb_destroy_aggregate_function_set(&set);
    return err;
}

/* Scalars take and return DOUBLE (NULL in, NULL out: the core says so). */
static bool register_scalar(duckdb_connection con, const ta_scalar_desc *d)
{
    tadk_sig s = {.scalar = d, .nargs = d->nargs, .result = DUCKDB_TYPE_DOUBLE};
    tadk_sig *info;
    duckdb_scalar_function sf;
    bool ok;

    for (int i = 0; i < d->nargs; i++)
        s.arg[i] = DUCKDB_TYPE_DOUBLE;
    if (!(info = sig_copy(&s)))
        return false;
    if (!(sf = duckdb_create_scalar_function())) {
        free(info);
        return false;
    }
    duckdb_scalar_function_set_name(sf, d->name);
    add_types(&s, NULL, sf);
    duckdb_scalar_function_set_function(sf, tadk_scalar);
    duckdb_scalar_function_set_extra_info(sf, info, free);
    ok = duckdb_register_scalar_function(con, sf) == DuckDBSuccess;
    duckdb_destroy_scalar_function(&sf);
    return ok;
}

static bool register_version(duckdb_connection con)
{
    duckdb_scalar_function sf = duckdb_create_scalar_function();
    duckdb_logical_type t = duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
    bool ok;

    duckdb_scalar_function_set_name(sf, "tradeagg_version");
    duckdb_scalar_function_set_return_type(sf, t);
    duckdb_scalar_function_set_function(sf, tadk_version);
    ok = duckdb_register_scalar_function(con, sf) == DuckDBSuccess;
    duckdb_destroy_logical_type(&t);
    duckdb_destroy_scalar_function(&sf);
    return ok;
}

const char *tadk_register(duckdb_connection con, char *msg, size_t msglen)
{
    const char *err;

    if (!register_version(con)) {
        snprintf(msg, msglen, "tradeagg: cannot register tradeagg_version");
        return msg;
    }
    for (int k = 0; k < TA_FN_COUNT; k++) {
        if (!register_scalar(con, &ta_scalars[k])) {
            snprintf(msg, msglen, "tradeagg: cannot register %s", ta_scalars[k].name);
            return msg;
        }
    }
    for (int k = TA_AGG_CUMULATIVE; k < TA_AGG_END; k++)
        if ((err = register_aggregate(con, k, msg, msglen)) != NULL)
            return err;
    return tadk_register_series(con, msg, msglen);
}
