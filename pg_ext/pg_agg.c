/*
 * pg_agg.c — the aggregates.
 *
 * Every aggregate's transition type is tradeagg_state (pg_state.c): a core
 * ta_agg kept as an expanded object in the aggregate's memory context, so
 * that Citus can ship partial states as text. Moving window frames keep
 * the cheaper `internal` state (MSTYPE), a bare ta_agg. The support
 * functions are generic:
 *
 *   <aggregate>_state_sfunc        transition over tradeagg_state, one C
 *                                  entry per kind (TA_PG_AGG below), shared
 *                                  by the date and integer overloads
 *   <aggregate>_sfunc / _minvfunc  transition and inverse over `internal`
 *                                  (MSFUNC, MINVFUNC)
 *   tradeagg_state_final_*         read-only final functions (FINALFUNC)
 *   tradeagg_state_combine         parallel, partitionwise and Citus merges
 *   tradeagg_final_*               read-only final functions (MFINALFUNC)
 *
 * The functions over tradeagg_state are executable by PUBLIC (Citus checks
 * EXECUTE as the calling user), so anyone can hand them any value of the
 * type: a state this file did not make is validated before it is read.
 * tradeagg_combine and tradeagg_serialize/deserialize serve the aggregates
 * of release 1.0.0 until ALTER EXTENSION tradeagg UPDATE replaces them.
 *
 * Argument types are read from the support function's own signature, so
 * one C entry serves every SQL overload of an aggregate.
 */
#include "tradeagg_pg.h"

#include "miscadmin.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

/* The SQL types of a transition function's arguments, state excluded. */
typedef struct ta_pg_sig
{
	int			nargs;
	Oid			types[TA_PG_MAX_ARGS];
} ta_pg_sig;

static const ta_pg_sig *
transfn_sig(FunctionCallInfo fcinfo, ta_agg_kind kind)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;

	if (flinfo->fn_extra == NULL)
	{
		ta_pg_sig  *sig;
		Oid		   *argtypes;
		int			nargs;
		int			i;

		get_func_signature(flinfo->fn_oid, &argtypes, &nargs);
		if (nargs < 1 || nargs > TA_PG_MAX_ARGS + 1)
			elog(ERROR, "%s: unexpected number of arguments", ta_aggs[kind].name);
		sig = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(ta_pg_sig));
		sig->nargs = nargs - 1;
		for (i = 0; i < sig->nargs; i++)
			sig->types[i] = argtypes[i + 1];
		pfree(argtypes);
		flinfo->fn_extra = sig;
	}
	return (const ta_pg_sig *) flinfo->fn_extra;
}

static ta_agg *
new_state(MemoryContext cxt, ta_agg_kind kind)
{
	ta_allocator al;
	ta_agg	   *a = MemoryContextAlloc(cxt, sizeof(ta_agg));

	ta_pg_allocator(&al, cxt);
	ta_agg_init(a, kind, &al);
	return a;
}

/* The transition (inverse == false) and inverse transition functions. */
static Datum
agg_step(FunctionCallInfo fcinfo, ta_agg_kind kind, bool inverse)
{
	MemoryContext aggcxt;
	const ta_pg_sig *sig;
	ta_value	argv[TA_PG_MAX_ARGS];
	ta_error	e;
	ta_status	st;
	ta_agg	   *a;
	int			i;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", ta_aggs[kind].name);
	sig = transfn_sig(fcinfo, kind);
	for (i = 0; i < sig->nargs; i++)
		ta_pg_value(sig->types[i], PG_GETARG_DATUM(i + 1), PG_ARGISNULL(i + 1),
					&argv[i]);

	if (PG_ARGISNULL(0))
	{
		/* Nothing to take a row out of: NULL makes the executor restart. */
		if (inverse)
			PG_RETURN_NULL();
		a = new_state(aggcxt, kind);
	}
	else
		a = (ta_agg *) PG_GETARG_POINTER(0);

	if (inverse)
		st = ta_agg_remove(a, argv, sig->nargs, &e);
	else
		st = ta_agg_add(a, argv, sig->nargs, &e);
	if (st != TA_OK)
		ta_pg_raise(&e);
	PG_RETURN_POINTER(a);
}

/* A state of another aggregate is foreign here: 22P03, like corrupt bytes. */
static void
check_kind(const ta_agg *a, ta_agg_kind kind, const char *fn)
{
	if (a->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("%s: the state belongs to %s, not %s", fn,
						ta_aggs[a->kind].name, ta_aggs[kind].name)));
}

static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s: called outside an aggregate", fn)));
	return aggcxt;
}

/*
 * The transition function over tradeagg_state. It changes our read-write
 * object in place and returns the same pointer, so the executor keeps it;
 * any other state (an INITCOND, a value of a user's own aggregate) is
 * validated and copied into a new object first, never changed.
 */
static Datum
agg_state_step(FunctionCallInfo fcinfo, ta_agg_kind kind)
{
	const char *fn = ta_aggs[kind].name;
	MemoryContext aggcxt = agg_context(fcinfo, fn);
	const ta_pg_sig *sig = transfn_sig(fcinfo, kind);
	ta_value	argv[TA_PG_MAX_ARGS];
	ta_pg_state *s;
	ta_agg	   *a;
	ta_error	e;
	int			i;

	for (i = 0; i < sig->nargs; i++)
		ta_pg_value(sig->types[i], PG_GETARG_DATUM(i + 1), PG_ARGISNULL(i + 1),
					&argv[i]);
	if (PG_ARGISNULL(0))
		s = ta_pg_state_new(aggcxt, kind);
	else
		s = ta_pg_state_writable(PG_GETARG_DATUM(0), aggcxt, fn);
	a = ta_pg_state_agg(s);
	check_kind(a, kind, fn);
	if (ta_agg_add(a, argv, sig->nargs, &e) != TA_OK)
		ta_pg_raise(&e);
	PG_RETURN_DATUM(ta_pg_state_datum(s));
}

#define TA_PG_AGG(agg, kind) \
	PG_FUNCTION_INFO_V1(tradeagg_##agg##_state_sfunc); \
	Datum tradeagg_##agg##_state_sfunc(PG_FUNCTION_ARGS) \
	{ return agg_state_step(fcinfo, kind); } \
	PG_FUNCTION_INFO_V1(tradeagg_##agg##_sfunc); \
	Datum tradeagg_##agg##_sfunc(PG_FUNCTION_ARGS) \
	{ return agg_step(fcinfo, kind, false); } \
	PG_FUNCTION_INFO_V1(tradeagg_##agg##_minvfunc); \
	Datum tradeagg_##agg##_minvfunc(PG_FUNCTION_ARGS) \
	{ return agg_step(fcinfo, kind, true); }

TA_PG_AGG(cumulative_trade, TA_AGG_CUMULATIVE)
TA_PG_AGG(ytd_trade, TA_AGG_YTD)
TA_PG_AGG(ttm_trade, TA_AGG_TTM)
TA_PG_AGG(yoy_growth, TA_AGG_YOY)
TA_PG_AGG(ytd_yoy_growth, TA_AGG_YTD_YOY)
TA_PG_AGG(target_attainment, TA_AGG_TARGET_ATTAINMENT)
TA_PG_AGG(target_reached_at, TA_AGG_TARGET_REACHED_AT)
TA_PG_AGG(projected_trade, TA_AGG_PROJECTED)
TA_PG_AGG(period_from_ytd, TA_AGG_PERIOD_FROM_YTD)
TA_PG_AGG(share_of, TA_AGG_SHARE_OF)
TA_PG_AGG(hhi, TA_AGG_HHI)
TA_PG_AGG(period_growth, TA_AGG_PERIOD_GROWTH)
TA_PG_AGG(trailing_trade, TA_AGG_TRAILING)
TA_PG_AGG(prior_year_trade, TA_AGG_PRIOR_YEAR)
TA_PG_AGG(prior_ytd_trade, TA_AGG_PRIOR_YTD)
TA_PG_AGG(ytd_contribution, TA_AGG_YTD_CONTRIBUTION)
TA_PG_AGG(trade_balance, TA_AGG_TRADE_BALANCE)
TA_PG_AGG(coverage_ratio, TA_AGG_COVERAGE)
TA_PG_AGG(index_number, TA_AGG_INDEX)
TA_PG_AGG(ytd_period_count, TA_AGG_YTD_PERIOD_COUNT)
/* hhi(competitor, value): the SQL name of hhi(value), its own C entry */
TA_PG_AGG(hhi_competitor, TA_AGG_HHI_COMPETITOR)
TA_PG_AGG(trade_series, TA_AGG_SERIES)
TA_PG_AGG(rollup, TA_AGG_ROLLUP)

/*
 * Final functions read the state and never change it (FINALFUNC_MODIFY =
 * READ_ONLY): a window calls them once per row on the same state. Each
 * result kind has one over `internal` (MFINALFUNC) and one over
 * tradeagg_state (FINALFUNC); a state whose aggregate has another kind of
 * result (a user's own aggregate can pair them) is foreign: 22P03.
 */
typedef enum final_kind
{
	FINAL_FLOAT8,
	FINAL_DATE,
	FINAL_INT4
} final_kind;

static const char *const final_names[] = {
	[FINAL_FLOAT8] = "double precision",
	[FINAL_DATE] = "date",
	[FINAL_INT4] = "integer",
};

static Datum
final_datum(FunctionCallInfo fcinfo, const ta_agg *a, final_kind want,
			const char *fn)
{
	ta_result	r;
	ta_error	e;
	bool		fits;

	if (ta_agg_result(a, &r, &e) != TA_OK)
		ta_pg_raise(&e);
	if (r.type == TA_R_NULL)
		PG_RETURN_NULL();
	/* An integer result is a year or a count (ytd_period_count: at most the
	 * days of a year). */
	if (want == FINAL_FLOAT8)
		fits = r.type == TA_R_REAL;
	else if (want == FINAL_INT4 && r.type == TA_R_INT)
		fits = r.i >= 0 && r.i <= PG_INT32_MAX;
	else
		fits = r.type == TA_R_PERIOD &&
			r.period.kind == (want == FINAL_DATE ? TA_PK_DATE : TA_PK_YEAR);
	if (!fits)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("%s: a %s state has no %s result", fn,
						ta_aggs[a->kind].name, final_names[want])));
	switch (want)
	{
		case FINAL_FLOAT8:
			PG_RETURN_FLOAT8(r.d);
		case FINAL_DATE:
			PG_RETURN_DATEADT((DateADT) ta_key_to_days(r.period.key));
		case FINAL_INT4:
			PG_RETURN_INT32(r.type == TA_R_INT ? (int32) r.i : r.period.key);
	}
	pg_unreachable();
}

/* Over `internal`: the state is a bare ta_agg made by our own functions. */
static Datum
final_internal(FunctionCallInfo fcinfo, final_kind want, const char *fn)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	return final_datum(fcinfo, (const ta_agg *) PG_GETARG_POINTER(0), want, fn);
}

/* Over tradeagg_state: expanded (read in place) or flat (validated). */
static Datum
final_state(FunctionCallInfo fcinfo, final_kind want, const char *fn)
{
	ta_pg_view	v;
	Datum		d;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	ta_pg_state_view(PG_GETARG_DATUM(0), &v, fn);
	d = final_datum(fcinfo, v.agg, want, fn);
	ta_pg_state_view_end(&v);
	return d;
}

#define TA_PG_FINAL(suffix, want) \
	PG_FUNCTION_INFO_V1(tradeagg_final_##suffix); \
	Datum tradeagg_final_##suffix(PG_FUNCTION_ARGS) \
	{ return final_internal(fcinfo, want, "tradeagg_final_" #suffix); } \
	PG_FUNCTION_INFO_V1(tradeagg_state_final_##suffix); \
	Datum tradeagg_state_final_##suffix(PG_FUNCTION_ARGS) \
	{ return final_state(fcinfo, want, "tradeagg_final_" #suffix); }

TA_PG_FINAL(float8, FINAL_FLOAT8)
TA_PG_FINAL(date, FINAL_DATE)
TA_PG_FINAL(int4, FINAL_INT4)

/*
 * The combine function over tradeagg_state. Not strict: either state may
 * be NULL (a worker that saw no row). The first is changed in place when it
 * is our read-write object, else copied into a new one (validated if flat);
 * the second is only read.
 */
PG_FUNCTION_INFO_V1(tradeagg_state_combine);
Datum
tradeagg_state_combine(PG_FUNCTION_ARGS)
{
	const char *fn = "tradeagg_combine";
	MemoryContext aggcxt = agg_context(fcinfo, fn);
	ta_pg_state *dst;
	ta_pg_view	src;
	ta_agg	   *d;
	ta_error	e;

	CHECK_FOR_INTERRUPTS();
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		dst = ta_pg_state_writable(PG_GETARG_DATUM(0), aggcxt, fn);
		PG_RETURN_DATUM(ta_pg_state_datum(dst));
	}
	ta_pg_state_view(PG_GETARG_DATUM(1), &src, fn);
	if (PG_ARGISNULL(0))
		dst = ta_pg_state_new(aggcxt, (ta_agg_kind) src.agg->kind);
	else
		dst = ta_pg_state_writable(PG_GETARG_DATUM(0), aggcxt, fn);
	d = ta_pg_state_agg(dst);
	if (d == src.agg)
		elog(ERROR, "%s: a state cannot be merged into itself", fn);
	if (d->kind != src.agg->kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("%s: cannot merge a %s state into a %s state", fn,
						ta_aggs[src.agg->kind].name, ta_aggs[d->kind].name)));
	if (ta_agg_merge(d, src.agg, &e) != TA_OK)
		ta_pg_raise(&e);
	ta_pg_state_view_end(&src);
	PG_RETURN_DATUM(ta_pg_state_datum(dst));
}

/*
 * Release 1.0.0's combine over `internal`. Not strict: either state may be
 * NULL (a worker that saw no row). When the first is NULL, a fresh state in
 * the aggregate context takes the second.
 */
PG_FUNCTION_INFO_V1(tradeagg_combine);
Datum
tradeagg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	const ta_agg *src;
	ta_agg	   *dst;
	ta_error	e;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "tradeagg_combine called in non-aggregate context");
	CHECK_FOR_INTERRUPTS();
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	src = (const ta_agg *) PG_GETARG_POINTER(1);
	if (PG_ARGISNULL(0))
		dst = new_state(aggcxt, (ta_agg_kind) src->kind);
	else
		dst = (ta_agg *) PG_GETARG_POINTER(0);
	if (ta_agg_merge(dst, src, &e) != TA_OK)
		ta_pg_raise(&e);
	PG_RETURN_POINTER(dst);
}

/* Strict: a NULL state has no bytes. The core writes after the header. */
PG_FUNCTION_INFO_V1(tradeagg_serialize);
Datum
tradeagg_serialize(PG_FUNCTION_ARGS)
{
	const ta_agg *a = (const ta_agg *) PG_GETARG_POINTER(0);
	size_t		n = ta_agg_serial_size(a);
	bytea	   *out;

	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("%s: out of memory", ta_aggs[a->kind].name)));
	if (n > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("tradeagg: aggregate state too large to serialize")));
	out = (bytea *) palloc(VARHDRSZ + n);
	SET_VARSIZE(out, VARHDRSZ + n);
	ta_agg_serialize(a, (uint8_t *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/*
 * The core validates the bytes (version, bounds, consistency) before any is
 * trusted. The state lives in the current (per-input) context: the combine
 * function copies it into the aggregate's own state.
 */
PG_FUNCTION_INFO_V1(tradeagg_deserialize);
Datum
tradeagg_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in;
	ta_allocator al;
	ta_agg	   *a;
	ta_error	e;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	in = PG_GETARG_BYTEA_PP(0);
	a = (ta_agg *) palloc(sizeof(ta_agg));
	ta_pg_allocator(&al, CurrentMemoryContext);
	if (ta_agg_deserialize(a, (const uint8_t *) VARDATA_ANY(in),
						   VARSIZE_ANY_EXHDR(in), &al, &e) != TA_OK)
		ta_pg_raise(&e);
	PG_RETURN_POINTER(a);
}
