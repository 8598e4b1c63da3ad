/*
 * pg_agg.c — the aggregates.
 *
 * Every aggregate uses the same internal state, a core ta_agg allocated in
 * the aggregate's memory context, and the same generic support functions:
 *
 *   <aggregate>_sfunc / _minvfunc  one C entry per kind (TA_PG_AGG below),
 *                                  shared by the date and integer overloads
 *   tradeagg_final_float8/date/int4  read-only final functions
 *   tradeagg_combine               parallel and partial aggregation
 *   tradeagg_serialize/deserialize the state as bytea between processes
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

#define TA_PG_AGG(agg, kind) \
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

/*
 * Final functions read the state and never change it (FINALFUNC_MODIFY =
 * READ_ONLY): a window calls them once per row on the same state.
 */
static bool
final_result(FunctionCallInfo fcinfo, ta_result *r)
{
	ta_error	e;

	if (PG_ARGISNULL(0))
		return false;
	if (ta_agg_result((const ta_agg *) PG_GETARG_POINTER(0), r, &e) != TA_OK)
		ta_pg_raise(&e);
	return r->type != TA_R_NULL;
}

PG_FUNCTION_INFO_V1(tradeagg_final_float8);
Datum
tradeagg_final_float8(PG_FUNCTION_ARGS)
{
	ta_result	r;

	if (!final_result(fcinfo, &r))
		PG_RETURN_NULL();
	if (r.type != TA_R_REAL)
		elog(ERROR, "tradeagg: aggregate result is not a number");
	PG_RETURN_FLOAT8(r.d);
}

PG_FUNCTION_INFO_V1(tradeagg_final_date);
Datum
tradeagg_final_date(PG_FUNCTION_ARGS)
{
	ta_result	r;

	if (!final_result(fcinfo, &r))
		PG_RETURN_NULL();
	if (r.type != TA_R_PERIOD || r.period.kind != TA_PK_DATE)
		elog(ERROR, "tradeagg: aggregate result is not a date");
	PG_RETURN_DATEADT((DateADT) ta_key_to_days(r.period.key));
}

PG_FUNCTION_INFO_V1(tradeagg_final_int4);
Datum
tradeagg_final_int4(PG_FUNCTION_ARGS)
{
	ta_result	r;

	if (!final_result(fcinfo, &r))
		PG_RETURN_NULL();
	/* A count (ytd_period_count: at most the days of a year) or a year. */
	if (r.type == TA_R_INT && r.i >= 0 && r.i <= PG_INT32_MAX)
		PG_RETURN_INT32((int32) r.i);
	if (r.type != TA_R_PERIOD || r.period.kind != TA_PK_YEAR)
		elog(ERROR, "tradeagg: aggregate result is not an integer");
	PG_RETURN_INT32(r.period.key);
}

/*
 * Not strict: either state may be NULL (a worker that saw no row). When the
 * first is NULL, a fresh state in the aggregate context takes the second.
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
