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

#include "catalog/pg_type.h"
#include "utils/date.h"
#include "utils/expandeddatum.h"

#include "pg_compat.h"

#include "tradeagg.h"

/*
 * The helpers below stay inside tradeagg.so (direct calls, no PLT); only the
 * SQL-callable functions, declared by PG_FUNCTION_INFO_V1, are exported.
 */
#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* Most arguments any tradeagg SQL function takes, state excluded. */
#define TA_PG_MAX_ARGS TA_MAX_ARGS

/* The one status-to-ereport mapping: SQLSTATE and message from the core. */
TA_PG_NORETURN extern void ta_pg_raise(const ta_error *e) TA_PG_NORETURN_AFTER;

/* One Datum of SQL type `type` as a core value (NULL → TA_V_NULL). The
 * types of most rows are read inline: this runs for every argument of
 * every row. */
extern void ta_pg_value_other(Oid type, Datum d, bool isnull, ta_value *out);

static inline void
ta_pg_value(Oid type, Datum d, bool isnull, ta_value *out)
{
	/* Only the fields the type names are written: no memset per row. */
	if (!isnull && type == FLOAT8OID)
	{
		out->type = TA_V_REAL;
		out->d = DatumGetFloat8(d);
	}
	else if (!isnull && type == DATEOID)
	{
		out->type = TA_V_DATE;
		out->i = DatumGetDateADT(d);
	}
	else
		ta_pg_value_other(type, d, isnull, out);
}

/* An allocator handing the core memory from `cxt`; it never longjmps. */
extern void ta_pg_allocator(ta_allocator *al, MemoryContext cxt);

/*
 * tradeagg_state (pg_state.c): the aggregates' transition type. During
 * aggregation a state is an expanded object in a child context of the
 * aggregate context; anywhere else it is flat bytes, validated before use.
 */
typedef struct ta_pg_state
{
	ExpandedObjectHeader hdr;
	ta_agg		agg;
} ta_pg_state;

/* A new empty state of `kind` in the child context of aggcxt that holds states. */
extern ta_pg_state *ta_pg_state_new(MemoryContext aggcxt, ta_agg_kind kind);

/*
 * The state behind d, to be changed in place: d itself when it is our
 * read-write object, else a new object in aggcxt holding a copy (a flat
 * value is validated first: 22P03 if bad).
 * `fn` names the SQL function in errors.
 */
extern ta_pg_state *ta_pg_state_writable(Datum d, MemoryContext aggcxt,
										 const char *fn);
static inline ta_agg *
ta_pg_state_agg(ta_pg_state *s)
{
	return &s->agg;
}

/* The read-write datum a transition or combine function returns. */
static inline Datum
ta_pg_state_datum(ta_pg_state *s)
{
	return EOHPGetRWDatum(&s->hdr);
}

/* A read-only view of a state datum, flat (decoded and validated) or expanded. */
typedef struct ta_pg_view
{
	const ta_agg *agg;
	ta_agg		tmp;
	bool		decoded;
} ta_pg_view;

extern void ta_pg_state_view(Datum d, ta_pg_view *v, const char *fn);
extern void ta_pg_state_view_end(ta_pg_view *v);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TRADEAGG_PG_H */
