/*
 * pg_common.c — module magic, the status mapping, value conversion and the
 * memory bridge shared by the scalar and aggregate glue.
 */
#include "tradeagg_pg.h"

#include "utils/lsyscache.h"

#include "catalog/pg_type.h"
#include "utils/date.h"
#include "utils/memutils.h"

PG_MODULE_MAGIC;

void
ta_pg_raise(const ta_error *e)
{
	const char *s = ta_status_sqlstate(e->code);

	if (s == NULL || strlen(s) != 5)
		s = "XX000";
	ereport(ERROR,
			(errcode(MAKE_SQLSTATE(s[0], s[1], s[2], s[3], s[4])),
			 errmsg("%s", e->msg)));
	pg_unreachable();
}

void
ta_pg_value_other(Oid type, Datum d, bool isnull, ta_value *out)
{
	/* float8 and date arrive here only as NULL: ta_pg_value reads them */
	if (isnull)
	{
		out->type = TA_V_NULL;
		return;
	}
	switch (type)
	{
		case INT4OID:
			out->type = TA_V_INT;
			out->i = DatumGetInt32(d);
			break;
		case INT8OID:
			out->type = TA_V_INT;
			out->i = DatumGetInt64(d);
			break;
		case TEXTOID:
			{
				/* Detoasted in the per-row context; the core copies what it keeps. */
				text	   *t = DatumGetTextPP(d);

				out->type = TA_V_TEXT;
				out->p = VARDATA_ANY(t);
				out->n = VARSIZE_ANY_EXHDR(t);
			}
			break;
		case BOOLOID:
			out->type = TA_V_BOOL;
			out->i = DatumGetBool(d) ? 1 : 0;
			break;
		default:
			/* A series (tradeseries, whose OID is the extension's): its bytes,
			 * detoasted; the core validates them. */
			if (get_typlen(type) != -1)
				elog(ERROR, "tradeagg: unsupported argument type %u", type);
			{
				bytea	   *b = DatumGetByteaPP(d);

				out->type = TA_V_BLOB;
				out->p = VARDATA_ANY(b);
				out->n = VARSIZE_ANY_EXHDR(b);
			}
	}
}

/*
 * The core must never see a longjmp: ask for memory with MCXT_ALLOC_NO_OOM
 * and refuse sizes the context would reject with an error.
 */
static void *
ta_pg_alloc(void *ud, size_t n)
{
	if (!AllocSizeIsValid(n))
		return NULL;
	return MemoryContextAllocExtended((MemoryContext) ud, n, MCXT_ALLOC_NO_OOM);
}

static void
ta_pg_free(void *ud, void *p)
{
	(void) ud;
	if (p != NULL)
		pfree(p);
}

void
ta_pg_allocator(ta_allocator *al, MemoryContext cxt)
{
	al->alloc = ta_pg_alloc;
	al->free = ta_pg_free;
	al->ud = cxt;
}
