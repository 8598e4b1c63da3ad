/*
 * tradeagg.h — the public interface of the tradeagg core.
 *
 * The core is plain C11 and knows nothing of SQLite or PostgreSQL. An engine
 * wrapper converts its arguments into ta_value, calls one of the verbs below,
 * and converts the ta_result or the ta_error back. Every rule of the SQL
 * contract (NULL skipping, argument validation, error wording) lives here, so
 * both engines give the same answers and say the same words.
 *
 * No function here longjmps, exits or aborts: failures come back as a
 * ta_status with a ready-made message in a ta_error.
 */
#ifndef TRADEAGG_H
#define TRADEAGG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The release: default_version of pg_ext/tradeagg.control, the one place it
 * is written. Every build passes it (-DTA_VERSION="x.y.z"). */
#ifndef TA_VERSION
#error "TA_VERSION is not defined: build with -DTA_VERSION=\"x.y.z\" (default_version in pg_ext/tradeagg.control)"
#endif

/* The core's symbols stay inside the engine's shared object: calls between
 * its files then need no PLT indirection, and nothing leaks into the
 * server's or the application's namespace. */
#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* ---- status and errors ------------------------------------------------- */

typedef enum ta_status {
    TA_OK = 0,
    TA_ERR_PERIOD,  /* malformed period, mixed period kinds   (SQLSTATE 22007) */
    TA_ERR_PARAM,   /* bad or inconsistent parameter/argument  (SQLSTATE 22023) */
    TA_ERR_RANGE,   /* NaN, infinity, overflow                 (SQLSTATE 22003) */
    TA_ERR_VALUE,   /* text or blob that is not a number       (SQLSTATE 22P02) */
    TA_ERR_STATE,   /* corrupt or foreign serialized state     (SQLSTATE 22P03) */
    TA_ERR_NOMEM,   /* allocation failed                       (SQLSTATE 53200) */
    TA_ERR_INTERNAL /* a caller broke the protocol             (SQLSTATE XX000) */
} ta_status;

#define TA_ERRMSG_MAX 256

typedef struct ta_error {
    ta_status code;
    char msg[TA_ERRMSG_MAX]; /* "fn: what is wrong", NUL-terminated */
} ta_error;

/* The five-character SQLSTATE for a status ("00000" for TA_OK). */
const char *ta_status_sqlstate(ta_status st);

/* ---- values handed in by an engine ------------------------------------- */

typedef enum ta_vtype {
    TA_V_NULL = 0,
    TA_V_INT,  /* i: a 64-bit integer                                   */
    TA_V_REAL, /* d: a double                                           */
    TA_V_TEXT, /* p, n: bytes, not necessarily NUL-terminated           */
    TA_V_BLOB, /* p, n: bytes                                           */
    TA_V_BOOL, /* i: 0 or 1                                             */
    TA_V_DATE  /* i: days since 2000-01-01; INT32_MIN / INT32_MAX are
                  -infinity / infinity (PostgreSQL's date encoding)      */
} ta_vtype;

typedef struct ta_value {
    ta_vtype type;
    int64_t i;
    double d;
    const char *p;
    size_t n;
} ta_value;

/* ---- periods ----------------------------------------------------------- */

typedef enum ta_pkind {
    TA_PK_NONE = 0, /* no period seen yet */
    TA_PK_DATE = 1, /* key = y*10000 + m*100 + d, 1 <= y <= 9999 */
    TA_PK_YEAR = 2  /* key = y, 1 <= y <= 9999 (annual series)  */
} ta_pkind;

typedef struct ta_period {
    ta_pkind kind;
    int32_t key;
} ta_period;

/* Days since 2000-01-01 of a dated key, and back. */
int64_t ta_key_to_days(int32_t key);
bool ta_days_to_key(int64_t days, int32_t *key); /* false outside years 1..9999 */

/* "YYYY-MM-DD" (10 chars + NUL) for a dated key; the year's digits otherwise. */
size_t ta_period_format(ta_period p, char buf[12]);

/* ---- results ----------------------------------------------------------- */

/* TA_R_INT is a count (SQLite INTEGER, PostgreSQL integer). */
/* TA_R_SERIES: the series held by the state that was read (trade_series,
 * rollup); an engine sizes and writes its bytes with ta_series_size and
 * ta_series_write on that state. */
typedef enum ta_rtype { TA_R_NULL = 0, TA_R_REAL, TA_R_PERIOD, TA_R_INT, TA_R_SERIES } ta_rtype;

typedef struct ta_result {
    ta_rtype type;
    double d;
    ta_period period;
    int64_t i;
} ta_result;

/* ---- memory ------------------------------------------------------------ */

/* Aggregate states take their memory from the engine: sqlite3_malloc in
 * SQLite (so SQLITE_CONFIG_MALLOC sees it), the aggregate's memory context in
 * PostgreSQL. alloc returns NULL on failure; it must never longjmp. */
typedef struct ta_allocator {
    void *(*alloc)(void *ud, size_t n);
    void (*free)(void *ud, void *p);
    void *ud;
} ta_allocator;

/* An exact sum of doubles (src/ta_xsum.h; treat as opaque). Zero-filled is
 * the exact 0. */
struct ta_xbig;
typedef struct ta_xsum {
    double hi, lo;       /* the sum is exactly hi + lo + big */
    struct ta_xbig *big; /* NULL until two doubles are not enough */
} ta_xsum;

/* ---- scalar functions -------------------------------------------------- */

typedef enum ta_scalar_kind {
    TA_FN_GROWTH_RATE = 0,
    TA_FN_ATTAINMENT_RATIO,
    TA_FN_SHARE_RATIO,
    TA_FN_CAGR,
    TA_FN_COUNT
} ta_scalar_kind;

typedef struct ta_scalar_desc {
    const char *name;
    ta_scalar_kind kind;
    int nargs;
    const char *argnames[3];
} ta_scalar_desc;

extern const ta_scalar_desc ta_scalars[TA_FN_COUNT];

/* Any NULL argument gives a NULL result (TA_R_NULL) and TA_OK. */
ta_status ta_scalar_call(ta_scalar_kind k, const ta_value *argv, int argc, ta_result *out,
                         ta_error *e);

/* ---- aggregates -------------------------------------------------------- */

/* Kinds start at 1 so that a zero-filled ta_agg reads as "not initialized"
 * (SQLite hands out zeroed aggregate contexts). */
typedef enum ta_agg_kind {
    TA_AGG_CUMULATIVE = 1,
    TA_AGG_YTD,
    TA_AGG_TTM,
    TA_AGG_YOY,
    TA_AGG_YTD_YOY,
    TA_AGG_TARGET_ATTAINMENT,
    TA_AGG_TARGET_REACHED_AT,
    TA_AGG_PROJECTED,
    TA_AGG_PERIOD_FROM_YTD,
    TA_AGG_SHARE_OF,
    TA_AGG_HHI,
    TA_AGG_PERIOD_GROWTH,
    TA_AGG_TRAILING,
    TA_AGG_PRIOR_YEAR,
    TA_AGG_PRIOR_YTD,
    TA_AGG_YTD_CONTRIBUTION,
    TA_AGG_TRADE_BALANCE,
    TA_AGG_COVERAGE,
    TA_AGG_INDEX,
    TA_AGG_YTD_PERIOD_COUNT,
    TA_AGG_HHI_COMPETITOR, /* hhi(competitor, value): same SQL name as hhi(value) */
    TA_AGG_SERIES,         /* trade_series(period, value) -> a series    */
    TA_AGG_ROLLUP,         /* rollup(series) -> the series of all rows    */
    TA_AGG_END
} ta_agg_kind;

/* The one-step aggregates are the kinds below this one; the two-step
 * aggregates (trade_series, rollup) follow them. */
#define TA_AGG_ONESTEP_END TA_AGG_SERIES

typedef enum ta_role {
    TA_ROLE_PERIOD = 1,
    TA_ROLE_VALUE,
    TA_ROLE_TARGET,    /* parameter: same in every row, > 0, finite  */
    TA_ROLE_FY,        /* parameter: same in every row, 1..12; optional (default 1) */
    TA_ROLE_FLAG,      /* boolean; NULL counts as false */
    TA_ROLE_MONTHS,    /* parameter: same in every row, an integer 1..1200; on an
                          annual series a multiple of 12 */
    TA_ROLE_BASE,      /* parameter: same in every row, a period of the group's
                          kind, compared after normalization ('2021-01' is
                          '2021-01-01') */
    TA_ROLE_EXPORT,    /* boolean; a row whose flag is NULL is skipped */
    TA_ROLE_COMPETITOR, /* TEXT or INTEGER, compared by type and bytes; a row
                          whose competitor is NULL is skipped */
    TA_ROLE_SERIES      /* a series (BLOB / bytea / tradeseries); NULL skipped */
} ta_role;

/* Most arguments an aggregate takes. */
#define TA_MAX_ARGS 4

typedef struct ta_agg_desc {
    const char *name; /* SQL name; two entries may share one (hhi) */
    ta_agg_kind kind;
    int min_args, max_args; /* only a trailing fy_start_month is optional */
    ta_role roles[TA_MAX_ARGS];
    const char *argnames[TA_MAX_ARGS];
    ta_rtype result; /* TA_R_REAL, TA_R_PERIOD, TA_R_INT or TA_R_SERIES */
    bool periodic;   /* keeps per-period sums */
} ta_agg_desc;

/* Indexed by ta_agg_kind; entry 0 is unused. */
extern const ta_agg_desc ta_aggs[TA_AGG_END];

/* A per-period table (src/ta_ptable.h): a B+ tree. Treat as opaque;
 * zero-filled is empty. */
typedef struct ta_ptable {
    void *root;                      /* a leaf when height is 0; NULL: empty */
    struct ta_pt_leaf *first, *last; /* the ends of the chain of leaves */
    struct ta_pt_leaf *hint;         /* the leaf touched last */
    struct ta_pt_scan *scan;         /* target_reached_at's running scan */
    struct ta_pt_pend *pend;         /* rows added but not yet in the tree */
    uint64_t rows;
    uint32_t size;   /* periods */
    uint32_t height; /* levels of inner nodes above the leaves */
    uint32_t hint_i; /* the entry of hint touched last */
} ta_ptable;

/* One state serves every aggregate; kind says which. Treat as opaque. */
typedef struct ta_agg {
    ta_allocator al;
    ta_ptable pt;     /* periodic aggregates: the sums per period */
    int32_t memo_key; /* the key of the last dated period read ...     */
    uint8_t kind;     /* ta_agg_kind, 0 = not initialized */
    uint8_t pkind;    /* ta_pkind of every period seen */
    uint8_t fy;       /* fiscal year start month, 0 = not seen yet */
    uint8_t has_target;
    int64_t memo_days;  /* ... its day number if it came as TA_V_DATE,   */
    char memo_text[10]; /* ... or its text if it came as TA_V_TEXT       */
    uint8_t memo_type;  /* TA_V_DATE, TA_V_TEXT, or 0: no memo yet       */
    uint8_t memo_len;
    int64_t nrows; /* usable rows currently in the state */
    ta_xsum sum;   /* every value (non-periodic aggregates) */
    ta_xsum aux;   /* share_of: the part; hhi: the squares */
    double target;
    int32_t base;           /* index_number: the base period's key ...     */
    uint8_t base_kind;      /* ... and its ta_pkind, 0 = not seen yet      */
    uint16_t months;        /* period_growth, trailing_trade; 0 = not seen */
    struct ta_extra *extra; /* what some round-2 aggregates keep besides
                               (ta_extra.c); NULL until needed            */
} ta_agg;

void ta_agg_init(ta_agg *a, ta_agg_kind kind, const ta_allocator *al);
void ta_agg_free(ta_agg *a); /* releases memory; a may be reused after init */

/* argv holds the SQL call's arguments in order (argc between the kind's
 * min_args and max_args). Rows with a NULL period or value are skipped after
 * every non-NULL argument has been validated. */
ta_status ta_agg_add(ta_agg *a, const ta_value *argv, int argc, ta_error *e);
/* The inverse of add, for moving window frames. */
ta_status ta_agg_remove(ta_agg *a, const ta_value *argv, int argc, ta_error *e);
/* dst += src. Either may be empty; kinds and parameters must agree. */
ta_status ta_agg_merge(ta_agg *dst, const ta_agg *src, ta_error *e);
/* Reads the state; what it holds never changes (final functions run many
 * times), though rows waiting to join it are applied first. */
ta_status ta_agg_result(const ta_agg *a, ta_result *out, ta_error *e);
/* Applies the rows a state keeps waiting (rows in random period order join
 * its period tables in sorted batches). Every function here that reads a
 * state does it first, so only an engine whose threads read one state at
 * the same time (DuckDB's window segment tree) needs to call it: after the
 * last change, before the state is shared. TA_ERR_NOMEM only; the state
 * then holds what it held. */
ta_status ta_agg_settle(const ta_agg *a);

/* Serialized form: versioned, little-endian, validated on the way back.
 * serial_size may need memory (a state's period table applies the rows
 * still waiting to join it): 0 means out of memory, the state unchanged.
 * serialize writes serial_size bytes, and only after serial_size. */
size_t ta_agg_serial_size(const ta_agg *a);
void ta_agg_serialize(const ta_agg *a, uint8_t *buf);
/* a is initialized here; on failure it holds no memory. */
ta_status ta_agg_deserialize(ta_agg *a, const uint8_t *buf, size_t n, const ta_allocator *al,
                             ta_error *e);

/* Bytes held by a state, for memory accounting and the benchmark. */
size_t ta_agg_mem_size(const ta_agg *a);

/* ---- series (src/ta_series.c, ta_series_text.c) ------------------------- */

/* A series is a group's per-period row counts and exact sums as bytes
 * (format in ta_series.c), the same in every engine. Every function below
 * validates the bytes it is given in full: TA_ERR_STATE for anything that
 * trade_series could not have made. */

/* The bytes of a TA_R_SERIES result: size (0: out of memory, as for
 * ta_agg_serial_size), then write that many. */
size_t ta_series_size(const ta_agg *a);
void ta_series_write(const ta_agg *a, uint8_t *buf);

/* Checks bytes from elsewhere (a bytea cast, binary input). */
ta_status ta_series_check(const uint8_t *b, size_t n, const char *fn, const ta_allocator *al,
                          ta_error *e);

/* Accessors: series_ytd(s [, fy]) and the like. Each maps to a one-step
 * aggregate whose result it returns, bit for bit, over the same rows. */
typedef enum ta_accessor_kind {
    TA_ACC_TOTAL = 0,
    TA_ACC_YTD,
    TA_ACC_TTM,
    TA_ACC_YOY,
    TA_ACC_YTD_YOY,
    TA_ACC_PROJECTED,
    TA_ACC_FROM_YTD,
    TA_ACC_REACHED_AT,
    TA_ACC_ATTAINMENT,
    TA_ACC_PERIOD_GROWTH,
    TA_ACC_TRAILING,
    TA_ACC_PRIOR_YEAR,
    TA_ACC_PRIOR_YTD,
    TA_ACC_INDEX,
    TA_ACC_YTD_PERIOD_COUNT,
    TA_ACC_COUNT
} ta_accessor_kind;

typedef struct ta_accessor_desc {
    const char *name;   /* series_ytd */
    ta_agg_kind agg;    /* the one-step aggregate it answers as */
    int min_args, max_args; /* the series included; only a trailing fy is optional */
    ta_role roles[2];   /* TA_ROLE_SERIES, then a parameter role or 0 */
    const char *argnames[2];
    ta_rtype result;    /* that of the aggregate */
} ta_accessor_desc;

extern const ta_accessor_desc ta_accessors[TA_ACC_COUNT];

/* argv[0] is the series (TA_V_BLOB; NULL gives NULL), then the parameters,
 * validated as the aggregate validates them. */
ta_status ta_accessor_call(const ta_accessor_desc *d, const ta_value *argv, int argc,
                           const ta_allocator *al, ta_result *out, ta_error *e);

/* An engine whose function has its result type fixed when declared (a
 * PostgreSQL or DuckDB overload) has one function for dated series and one
 * for annual ones (series_reached_at / series_reached_at_year,
 * series_periods / series_periods_annual): TA_ERR_PARAM when the series is
 * of the other kind than want, naming the function to use. */
ta_status ta_series_kind_check(ta_pkind got, ta_pkind want, const char *fn, const char *dated_fn,
                               const char *annual_fn, ta_error *e);

/* series_periods: the periods of a series in order. */
typedef struct ta_series_iter {
    ta_ptable pt;
    const void *node; /* the cursor */
    uint32_t i;
    uint8_t kind; /* ta_pkind */
    ta_allocator al;
    const char *fn;
} ta_series_iter;
/* Validates s in full (a NULL s gives an iterator with no rows). */
ta_status ta_series_iter_open(ta_series_iter *it, const ta_value *s, const char *fn,
                              const ta_allocator *al, ta_error *e);
/* The next period: *row false at the end; value is its exact sum rounded
 * once ("sum out of range" if that is infinite), rows its row count. */
ta_status ta_series_iter_next(ta_series_iter *it, bool *row, ta_period *p, double *value,
                              int64_t *rows, ta_error *e);
void ta_series_iter_close(ta_series_iter *it);

/* The text form (README "The series text form") and back. Both return
 * memory from al: *out is NUL-terminated; NULL s gives *out NULL. */
ta_status ta_series_to_text(const ta_value *s, const char *fn, const ta_allocator *al, char **out,
                            size_t *n, ta_error *e);
ta_status ta_series_from_text(const char *p, size_t n, const char *fn, const ta_allocator *al,
                              uint8_t **out, size_t *outn, ta_error *e);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TRADEAGG_H */
