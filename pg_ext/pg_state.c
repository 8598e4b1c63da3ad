/*
 * pg_state.c — tradeagg_state, the transition type of every aggregate.
 *
 * A real base type (not `internal`) lets a state leave the process: Citus
 * ships partial states between nodes as text through the type's output and
 * input functions, and splits only aggregates whose state type is not a
 * pseudo-type. Its flat form is a varlena holding the core's serialized
 * state (ta_agg_serialize); its text form is that byte string in hex after
 * "\x", as bytea writes it.
 *
 * During aggregation a state is an expanded object (utils/expandeddatum.h):
 * a core ta_agg whose memory context is a child of the aggregate context.
 * The transition function changes it in place and hands back the same
 * read-write pointer, so a row costs what it cost with `internal`; nodeAgg,
 * nodeWindowAgg and Citus keep such an object as the state only when its
 * context is a direct child of the aggregate context (otherwise they
 * flatten it), and they free a replaced state themselves, which is why a
 * flat state is never changed or reallocated here.
 *
 * All the states of one aggregate context share one child context, not a
 * context each: hash aggregation sums the memory of the hash context's
 * children for every new group, so a million per-group contexts would make
 * it quadratic. Sharing is safe because the executors (and Citus) delete a
 * read-write state only when a transition function returns another
 * pointer, and ours always return the read-write object they were given;
 * every state goes when the aggregate context is reset.
 *
 * Every value of the type that was not made by this file as an expanded
 * object (the input function's result, an INITCOND, a value stored in a
 * table, a state shipped by Citus) is flat, and is validated in full by
 * ta_agg_deserialize before it is used: users can write these values.
 */
#include "tradeagg_pg.h"

#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"

static Size state_flat_size(ExpandedObjectHeader *eohptr);
static void state_flatten(ExpandedObjectHeader *eohptr, void *result, Size size);

static const ExpandedObjectMethods state_methods = {
	state_flat_size,
	state_flatten
};

static Size
state_flat_size(ExpandedObjectHeader *eohptr)
{
	const ta_pg_state *s = (const ta_pg_state *) eohptr;
	size_t		n = ta_agg_serial_size(&s->agg);

	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("%s: out of memory", ta_aggs[s->agg.kind].name)));
	if (n > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: aggregate state too large to serialize",
						ta_aggs[s->agg.kind].name)));
	return VARHDRSZ + n;
}

static void
state_flatten(ExpandedObjectHeader *eohptr, void *result, Size size)
{
	const ta_pg_state *s = (const ta_pg_state *) eohptr;

	SET_VARSIZE(result, size);
	ta_agg_serialize(&s->agg, (uint8_t *) VARDATA(result));
}

/* Our expanded object behind datum d (read-only or read-write), or NULL. */
static ta_pg_state *
as_state(Datum d)
{
	ExpandedObjectHeader *eoh;

	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
		return NULL;
	/* DatumGetEOHP, without a call into the server for every row */
	memcpy(&eoh, &((varattrib_1b_e *) DatumGetPointer(d))->va_data, sizeof eoh);
	return eoh->eoh_methods == &state_methods ? (ta_pg_state *) eoh : NULL;
}

/* Context names must be string literals. */
#define STATES_CONTEXT_NAME "tradeagg states"

/*
 * The child of aggcxt that holds its states, made on first use. Children
 * are few (this one, and those of other aggregates' expanded states), and
 * the newest comes first; it is known by its name.
 */
static MemoryContext
states_context(MemoryContext aggcxt)
{
	MemoryContext c;

	for (c = aggcxt->firstchild; c != NULL; c = c->nextchild)
		if (strcmp(c->name, STATES_CONTEXT_NAME) == 0)
			return c;
	return AllocSetContextCreate(aggcxt, STATES_CONTEXT_NAME,
								 ALLOCSET_DEFAULT_SIZES);
}

/* A new object with an uninitialized ta_agg, in the states context of aggcxt. */
static ta_pg_state *
state_alloc(MemoryContext aggcxt)
{
	MemoryContext cxt = states_context(aggcxt);
	ta_pg_state *s = MemoryContextAlloc(cxt, sizeof(ta_pg_state));

	EOH_init_header(&s->hdr, &state_methods, cxt);
	return s;
}

static void
state_allocator(ta_pg_state *s, ta_allocator *al)
{
	ta_pg_allocator(al, s->hdr.eoh_context);
}

ta_pg_state *
ta_pg_state_new(MemoryContext aggcxt, ta_agg_kind kind)
{
	ta_pg_state *s = state_alloc(aggcxt);
	ta_allocator al;

	state_allocator(s, &al);
	ta_agg_init(&s->agg, kind, &al);
	return s;
}

/* Raises a core error about a state, naming the SQL function that met it. */
static void
raise_state_error(const ta_error *e, const char *fn)
{
	const char *s = ta_status_sqlstate(e->code);

	if (s == NULL || strlen(s) != 5)
		s = "XX000";
	ereport(ERROR,
			(errcode(MAKE_SQLSTATE(s[0], s[1], s[2], s[3], s[4])),
			 errmsg("%s", e->msg),
			 errdetail("The state was handed to %s.", fn)));
}

/* Validates and decodes n bytes into a (initialized on return, even on error). */
static void
decode(ta_agg *a, const uint8_t *bytes, size_t n, const ta_allocator *al,
	   const char *fn)
{
	ta_error	e;

	if (ta_agg_deserialize(a, bytes, n, al, &e) != TA_OK)
	{
		ta_agg_free(a);
		raise_state_error(&e, fn);
	}
}

/* A new object holding a copy of the state d, which is not our read-write
 * object: out of line, as it runs once per group at most. */
static pg_noinline ta_pg_state *
state_copy(Datum d, ta_pg_state *src, MemoryContext aggcxt, const char *fn)
{
	ta_pg_state *s = state_alloc(aggcxt);
	ta_allocator al;

	state_allocator(s, &al);
	if (src != NULL)
	{
		/* Made by this file, so valid: copy it by merging into an empty one. */
		ta_error	e;

		ta_agg_init(&s->agg, (ta_agg_kind) src->agg.kind, &al);
		if (ta_agg_merge(&s->agg, &src->agg, &e) != TA_OK)
			raise_state_error(&e, fn);
	}
	else
	{
		struct varlena *flat = PG_DETOAST_DATUM(d);

		decode(&s->agg, (const uint8_t *) VARDATA_ANY(flat),
			   VARSIZE_ANY_EXHDR(flat), &al, fn);
		if ((Pointer) flat != DatumGetPointer(d))
			pfree(flat);
	}
	return s;
}

ta_pg_state *
ta_pg_state_writable(Datum d, MemoryContext aggcxt, const char *fn)
{
	ta_pg_state *src = as_state(d);

	/*
	 * Ours and read-write: the executor's own state, changed in place. (Were
	 * another pointer returned, the executor would delete this object's
	 * context, which other states share.)
	 */
	if (src != NULL && VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)))
		return src;
	return state_copy(d, src, aggcxt, fn);
}

void
ta_pg_state_view(Datum d, ta_pg_view *v, const char *fn)
{
	ta_pg_state *s = as_state(d);

	if (s != NULL)
	{
		v->agg = &s->agg;
		v->decoded = false;
	}
	else
	{
		struct varlena *flat = PG_DETOAST_DATUM_PACKED(d);
		ta_allocator al;

		ta_pg_allocator(&al, CurrentMemoryContext);
		decode(&v->tmp, (const uint8_t *) VARDATA_ANY(flat),
			   VARSIZE_ANY_EXHDR(flat), &al, fn);
		v->agg = &v->tmp;
		v->decoded = true;
	}
}

void
ta_pg_state_view_end(ta_pg_view *v)
{
	if (v->decoded)
		ta_agg_free(&v->tmp);
	v->agg = NULL;
}

/* ---- the type's I/O functions --------------------------------------- */

/* A flat value holding bytes that ta_agg_deserialize accepted. */
static bytea *
validated_flat(const uint8_t *bytes, size_t n, const char *fn)
{
	ta_allocator al;
	ta_agg		a;
	bytea	   *out;

	ta_pg_allocator(&al, CurrentMemoryContext);
	decode(&a, bytes, n, &al, fn);
	ta_agg_free(&a);
	out = (bytea *) palloc(VARHDRSZ + n);
	SET_VARSIZE(out, VARHDRSZ + n);
	memcpy(VARDATA(out), bytes, n);
	return out;
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void
bad_text(const char *text)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("tradeagg_state_in: invalid input \"%.40s%s\" (expected \\x and an even number of hex digits)",
					text, strlen(text) > 40 ? "..." : "")));
}

PG_FUNCTION_INFO_V1(tradeagg_state_in);
Datum
tradeagg_state_in(PG_FUNCTION_ARGS)
{
	const char *text = PG_GETARG_CSTRING(0);
	size_t		len = strlen(text);
	size_t		n,
				i;
	uint8_t    *bytes;
	bytea	   *out;

	if (len < 2 || text[0] != '\\' || text[1] != 'x' || len % 2 != 0)
		bad_text(text);
	n = (len - 2) / 2;
	bytes = palloc(n > 0 ? n : 1);
	for (i = 0; i < n; i++)
	{
		int			hi = hex_digit(text[2 + 2 * i]);
		int			lo = hex_digit(text[3 + 2 * i]);

		if (hi < 0 || lo < 0)
			bad_text(text);
		bytes[i] = (uint8_t) (hi << 4 | lo);
	}
	out = validated_flat(bytes, n, "tradeagg_state_in");
	pfree(bytes);
	PG_RETURN_BYTEA_P(out);
}

/* The state's bytes, from an expanded object or a flat value, in palloc'd memory. */
static bytea *
state_bytes(Datum d)
{
	ta_pg_state *s = as_state(d);
	bytea	   *out;
	Size		size;

	if (s == NULL)
		return (bytea *) PG_DETOAST_DATUM_PACKED(d);
	size = state_flat_size(&s->hdr);
	out = (bytea *) palloc(size);
	state_flatten(&s->hdr, out, size);
	return out;
}

PG_FUNCTION_INFO_V1(tradeagg_state_out);
Datum
tradeagg_state_out(PG_FUNCTION_ARGS)
{
	static const char digits[] = "0123456789abcdef";
	bytea	   *b = state_bytes(PG_GETARG_DATUM(0));
	const uint8_t *p = (const uint8_t *) VARDATA_ANY(b);
	size_t		n = VARSIZE_ANY_EXHDR(b);
	char	   *out = palloc(2 * n + 3);
	size_t		i;

	out[0] = '\\';
	out[1] = 'x';
	for (i = 0; i < n; i++)
	{
		out[2 + 2 * i] = digits[p[i] >> 4];
		out[3 + 2 * i] = digits[p[i] & 15];
	}
	out[2 + 2 * n] = '\0';
	PG_RETURN_CSTRING(out);
}

PG_FUNCTION_INFO_V1(tradeagg_state_recv);
Datum
tradeagg_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = buf->len - buf->cursor;
	const char *bytes = pq_getmsgbytes(buf, n);

	PG_RETURN_BYTEA_P(validated_flat((const uint8_t *) bytes, (size_t) n,
									 "tradeagg_state_recv"));
}

PG_FUNCTION_INFO_V1(tradeagg_state_send);
Datum
tradeagg_state_send(PG_FUNCTION_ARGS)
{
	bytea	   *b = state_bytes(PG_GETARG_DATUM(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
