/*
 * pg_scalar.c — the scalar functions: growth_rate, attainment_ratio,
 * share_ratio, cagr (all float8, IMMUTABLE STRICT) and tradeagg_version().
 */
#include "tradeagg_pg.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"

static Datum
scalar_call(FunctionCallInfo fcinfo, ta_scalar_kind kind)
{
	ta_value	argv[TA_PG_MAX_ARGS];
	ta_result	r;
	ta_error	e;
	int			argc = PG_NARGS();
	int			i;

	if (argc > TA_PG_MAX_ARGS)
		elog(ERROR, "%s: too many arguments", ta_scalars[kind].name);
	for (i = 0; i < argc; i++)
		ta_pg_value(FLOAT8OID, PG_GETARG_DATUM(i), PG_ARGISNULL(i), &argv[i]);
	if (ta_scalar_call(kind, argv, argc, &r, &e) != TA_OK)
		ta_pg_raise(&e);
	if (r.type == TA_R_NULL)
		PG_RETURN_NULL();
	if (r.type != TA_R_REAL)
		elog(ERROR, "%s: unexpected result type", ta_scalars[kind].name);
	PG_RETURN_FLOAT8(r.d);
}

#define TA_PG_SCALAR(fn, kind) \
	PG_FUNCTION_INFO_V1(fn); \
	Datum fn(PG_FUNCTION_ARGS) { return scalar_call(fcinfo, kind); }

TA_PG_SCALAR(tradeagg_growth_rate, TA_FN_GROWTH_RATE)
TA_PG_SCALAR(tradeagg_attainment_ratio, TA_FN_ATTAINMENT_RATIO)
TA_PG_SCALAR(tradeagg_share_ratio, TA_FN_SHARE_RATIO)
TA_PG_SCALAR(tradeagg_cagr, TA_FN_CAGR)

PG_FUNCTION_INFO_V1(tradeagg_version);
Datum
tradeagg_version(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TEXT_P(cstring_to_text(TA_VERSION));
}
