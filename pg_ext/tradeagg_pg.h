/*
 * tradeagg_pg.h — shared pieces of the PostgreSQL glue.
 *
 * The glue only converts Datums to ta_value, calls the core and turns a
 * ta_error into an ereport. Every rule lives in ../src.
 */
#ifndef TRADEAGG_PG_H
#define TRADEAGG_PG_H

#include "postgres.h"
#include "fmgr.h"

#include "pg_compat.h"

#include "tradeagg.h"

/* Most arguments any tradeagg SQL function takes, state excluded. */
#define TA_PG_MAX_ARGS TA_MAX_ARGS

/* The one status-to-ereport mapping: SQLSTATE and message from the core. */
TA_PG_NORETURN extern void ta_pg_raise(const ta_error *e) TA_PG_NORETURN_AFTER;

/* One Datum of SQL type `type` as a core value (NULL → TA_V_NULL). */
extern void ta_pg_value(Oid type, Datum d, bool isnull, ta_value *out);

/* An allocator handing the core memory from `cxt`; it never longjmps. */
extern void ta_pg_allocator(ta_allocator *al, MemoryContext cxt);

#endif /* TRADEAGG_PG_H */
