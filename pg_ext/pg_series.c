/*
 * pg_series.c — the series type `tradeseries` and its functions.
 *
 *   tradeseries_in/out         the text form (ta_series_text.c), exact
 *   tradeseries_recv/send      the bytes, validated on the way in
 *   tradeseries_from_bytea/to_bytea   the casts to and from bytea
 *   series_text, series_from_text     the text form as functions
 *   tradeagg_series_accessor   every accessor (series_ytd, ...): the core's
 *                              accessor table, found by the SQL name
 *   trade_series, rollup       transition, inverse and final functions; the
 *                              state is the core's ta_agg as for every
 *                              aggregate (tradeagg_combine/serialize/
 *                              deserialize serve them too)
 *   series_periods(_annual)    the periods as rows
 *
 * A tradeseries value holds the core's bytes as they are: every function
 * hands them to the core, which validates them in full before use.
 */
#include "tradeagg_pg.h"

/* The server's inline functions in these headers leave parameters unused. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "funcapi.h"
#pragma GCC diagnostic pop
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

static ta_value
series_value(Datum d)
{
	bytea	   *b = DatumGetByteaPP(d);
	ta_value	v = {TA_V_BLOB, 0, 0, VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)};

	return v;
}

static bytea *
make_varlena(const uint8_t *p, size_t n)
{
	bytea	   *out;

	if (n > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("tradeseries: series too large")));
	out = (bytea *) palloc(VARHDRSZ + n);
	SET_VARSIZE(out, VARHDRSZ + n);
	memcpy(VARDATA(out), p, n);
	return out;
}

/* Validated bytes as a tradeseries (fn names the caller in errors). */
static Datum
checked(const char *p, size_t n, const char *fn)
{
	ta_allocator al;
	ta_error	e;

	ta_pg_allocator(&al, CurrentMemoryContext);
	if (ta_series_check((const uint8_t *) p, n, fn, &al, &e) != TA_OK)
		ta_pg_raise(&e);
	return PointerGetDatum(make_varlena((const uint8_t *) p, n));
}

static Datum
from_text(const char *p, size_t n, const char *fn)
{
	ta_allocator al;
	ta_error	e;
	uint8_t    *b;
	size_t		len;

	ta_pg_allocator(&al, CurrentMemoryContext);
	if (ta_series_from_text(p, n, fn, &al, &b, &len, &e) != TA_OK)
		ta_pg_raise(&e);
	return PointerGetDatum(make_varlena(b, len));
}

static char *
to_text(Datum d, const char *fn, size_t *n)
{
	ta_value	v = series_value(d);
	ta_allocator al;
	ta_error	e;
	char	   *out;

	ta_pg_allocator(&al, CurrentMemoryContext);
	if (ta_series_to_text(&v, fn, &al, &out, n, &e) != TA_OK)
		ta_pg_raise(&e);
	return out;
}

PG_FUNCTION_INFO_V1(tradeseries_in);
Datum
tradeseries_in(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);

	return from_text(s, strlen(s), "tradeseries");
}

PG_FUNCTION_INFO_V1(tradeseries_out);
Datum
tradeseries_out(PG_FUNCTION_ARGS)
{
	size_t		n;

	PG_RETURN_CSTRING(to_text(PG_GETARG_DATUM(0), "tradeseries", &n));
}

PG_FUNCTION_INFO_V1(tradeseries_recv);
Datum
tradeseries_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *p = pq_getmsgbytes(buf, buf->len - buf->cursor);

	return checked(p, (size_t) (buf->len - (p - buf->data)), "tradeseries");
}

PG_FUNCTION_INFO_V1(tradeseries_send);
Datum
tradeseries_send(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);

	PG_RETURN_BYTEA_P(make_varlena((const uint8_t *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
}

PG_FUNCTION_INFO_V1(tradeseries_from_bytea);
Datum
tradeseries_from_bytea(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);

	return checked(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), "tradeseries");
}

PG_FUNCTION_INFO_V1(tradeseries_to_bytea);
Datum
tradeseries_to_bytea(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);

	PG_RETURN_BYTEA_P(make_varlena((const uint8_t *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
}

PG_FUNCTION_INFO_V1(tradeagg_series_text);
Datum
tradeagg_series_text(PG_FUNCTION_ARGS)
{
	size_t		n;
	char	   *s = to_text(PG_GETARG_DATUM(0), "series_text", &n);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(s, (int) n));
}

PG_FUNCTION_INFO_V1(tradeagg_series_from_text);
Datum
tradeagg_series_from_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	return from_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), "series_from_text");
}

/* ---- accessors ------------------------------------------------------------ */

static const ta_accessor_desc *
accessor_of(FunctionCallInfo fcinfo)
{
	FmgrInfo   *fl = fcinfo->flinfo;

	if (fl->fn_extra == NULL)
	{
		char	   *name = get_func_name(fl->fn_oid);
		int			k;

		size_t		n = name ? strlen(name) : 0;

		for (k = 0; name && k < TA_ACC_COUNT; k++)
			if (strcmp(ta_accessors[k].name, name) == 0)
				fl->fn_extra = (void *) &ta_accessors[k];
		/* series_reached_at_year: series_reached_at for annual series */
		if (fl->fn_extra == NULL && n > 5 && strcmp(name + n - 5, "_year") == 0)
		{
			name[n - 5] = '\0';
			for (k = 0; k < TA_ACC_COUNT; k++)
				if (strcmp(ta_accessors[k].name, name) == 0 &&
					ta_accessors[k].result == TA_R_PERIOD)
					fl->fn_extra = (void *) &ta_accessors[k];
		}
		if (fl->fn_extra == NULL)
			elog(ERROR, "tradeagg: %s is not a series accessor", name ? name : "?");
	}
	return (const ta_accessor_desc *) fl->fn_extra;
}

/* Not strict: a NULL parameter is an error, as in the aggregates. */
PG_FUNCTION_INFO_V1(tradeagg_series_accessor);
Datum
tradeagg_series_accessor(PG_FUNCTION_ARGS)
{
	const ta_accessor_desc *d = accessor_of(fcinfo);
	ta_value	argv[2];
	ta_allocator al;
	ta_result	r;
	ta_error	e;
	int			i;

	if (PG_NARGS() < 1 || PG_NARGS() > 2)
		elog(ERROR, "%s: unexpected number of arguments", d->name);
	if (PG_ARGISNULL(0))
		argv[0].type = TA_V_NULL;
	else
		argv[0] = series_value(PG_GETARG_DATUM(0));
	for (i = 1; i < PG_NARGS(); i++)
		ta_pg_value(get_fn_expr_argtype(fcinfo->flinfo, i), PG_GETARG_DATUM(i),
					PG_ARGISNULL(i), &argv[i]);
	ta_pg_allocator(&al, CurrentMemoryContext);
	if (ta_accessor_call(d, argv, PG_NARGS(), &al, &r, &e) != TA_OK)
		ta_pg_raise(&e);
	switch (r.type)
	{
		case TA_R_REAL:
			PG_RETURN_FLOAT8(r.d);
		case TA_R_INT:
			PG_RETURN_INT32((int32) r.i);
		case TA_R_PERIOD:
			{
				char		annual[64];
				bool		year = get_func_rettype(fcinfo->flinfo->fn_oid) == INT4OID;

				snprintf(annual, sizeof annual, "%s_year", d->name);
				if (ta_series_kind_check((ta_pkind) r.period.kind,
										 year ? TA_PK_YEAR : TA_PK_DATE,
										 d->name, d->name, annual, &e) != TA_OK)
					ta_pg_raise(&e);
				if (year)
					PG_RETURN_INT32(r.period.key);
			}
			PG_RETURN_DATEADT((DateADT) ta_key_to_days(r.period.key));
		default:
			PG_RETURN_NULL();
	}
}

/* ---- trade_series and rollup ------------------------------------------------ */

/* The series a state answers (NULL: *isnull), as a tradeseries. */
static Datum
series_result(const ta_agg *a, bool *isnull)
{
	ta_result	r;
	ta_error	e;
	bytea	   *out;
	size_t		n;

	if (ta_agg_result(a, &r, &e) != TA_OK)
		ta_pg_raise(&e);
	*isnull = r.type == TA_R_NULL;
	if (*isnull)
		return (Datum) 0;
	if (r.type != TA_R_SERIES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("tradeagg_final_series: a %s state has no series result",
						ta_aggs[a->kind].name)));
	n = ta_series_size(a);
	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("%s: out of memory", ta_aggs[a->kind].name)));
	if (n > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: series too large", ta_aggs[a->kind].name)));
	out = (bytea *) palloc(VARHDRSZ + n);
	SET_VARSIZE(out, VARHDRSZ + n);
	ta_series_write(a, (uint8_t *) VARDATA(out));
	return PointerGetDatum(out);
}

/* Read-only final functions: a window calls them once per row on the same
 * state. Over `internal` (moving frames) the state is our own ta_agg. */
PG_FUNCTION_INFO_V1(tradeagg_final_series);
Datum
tradeagg_final_series(PG_FUNCTION_ARGS)
{
	Datum		d;
	bool		isnull;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	d = series_result((const ta_agg *) PG_GETARG_POINTER(0), &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(d);
}

/* Over tradeagg_state: expanded (read in place) or flat (validated). */
PG_FUNCTION_INFO_V1(tradeagg_state_final_series);
Datum
tradeagg_state_final_series(PG_FUNCTION_ARGS)
{
	ta_pg_view	v;
	Datum		d;
	bool		isnull;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	ta_pg_state_view(PG_GETARG_DATUM(0), &v, "tradeagg_final_series");
	d = series_result(v.agg, &isnull);
	ta_pg_state_view_end(&v);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(d);
}

/* ---- series_periods ----------------------------------------------------------- */

/* series_periods (dated: period date) and series_periods_annual (year
 * integer): value-per-call rows from the core's iterator. */
static Datum
periods(FunctionCallInfo fcinfo, ta_pkind want, const char *fn)
{
	FuncCallContext *fc;
	ta_series_iter *it;
	ta_error	e;
	bool		row;
	ta_period	p;
	double		value;
	int64_t		rows;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		ta_allocator al;
		ta_value	s;
		TupleDesc	td;

		fc = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(fc->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "%s: return type must be a row type", fn);
		fc->tuple_desc = BlessTupleDesc(td);
		s.type = TA_V_NULL;
		if (!PG_ARGISNULL(0))
			s = series_value(PG_GETARG_DATUM(0));
		it = palloc(sizeof *it);
		ta_pg_allocator(&al, fc->multi_call_memory_ctx);
		if (ta_series_iter_open(it, &s, fn, &al, &e) != TA_OK)
			ta_pg_raise(&e);
		if (ta_series_kind_check((ta_pkind) it->kind, want, fn, "series_periods",
								 "series_periods_annual", &e) != TA_OK)
			ta_pg_raise(&e);
		fc->user_fctx = it;
		MemoryContextSwitchTo(old);
	}
	fc = SRF_PERCALL_SETUP();
	it = fc->user_fctx;
	if (ta_series_iter_next(it, &row, &p, &value, &rows, &e) != TA_OK)
		ta_pg_raise(&e);
	if (row)
	{
		Datum		vals[3];
		bool		nulls[3] = {false, false, false};

		vals[0] = p.kind == TA_PK_YEAR ? Int32GetDatum(p.key)
			: DateADTGetDatum((DateADT) ta_key_to_days(p.key));
		vals[1] = Float8GetDatum(value);
		vals[2] = Int64GetDatum(rows);
		SRF_RETURN_NEXT(fc, HeapTupleGetDatum(heap_form_tuple(fc->tuple_desc, vals, nulls)));
	}
	SRF_RETURN_DONE(fc);
}

PG_FUNCTION_INFO_V1(tradeagg_series_periods);
Datum
tradeagg_series_periods(PG_FUNCTION_ARGS)
{
	return periods(fcinfo, TA_PK_DATE, "series_periods");
}

PG_FUNCTION_INFO_V1(tradeagg_series_periods_annual);
Datum
tradeagg_series_periods_annual(PG_FUNCTION_ARGS)
{
	return periods(fcinfo, TA_PK_YEAR, "series_periods_annual");
}
