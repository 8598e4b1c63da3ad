/*
 * ta_internal.h — shared by the core's files, not by the engines.
 */
#ifndef TA_INTERNAL_H
#define TA_INTERNAL_H

#include "tradeagg.h"
#include "ta_ptable.h"

#include <math.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* ---- byte forms: n-byte little-endian integers ----------------------------- */

static inline void ta_put_le(uint8_t *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static inline uint64_t ta_get_le(const uint8_t *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* ---- errors (ta_error.c) ------------------------------------------------ */

#if defined(__GNUC__)
#define TA_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define TA_PRINTF(a, b)
#endif

/* Marks a rare path kept out of line, so that the per-row function that
 * calls it stays small (no saved registers, no stack guard). */
#if defined(__GNUC__)
#define TA_COLD __attribute__((noinline, cold))
#else
#define TA_COLD
#endif

/* Fills e (if not NULL) and returns code. */
ta_status ta_fail(ta_error *e, ta_status code, const char *fmt, ...) TA_PRINTF(3, 4);

/* Renderings of offending values for messages. */
#define TA_RENDER_MAX 80
/* A value as the user gave it: 'text', 42, 2023.0, x'01ff', true, 'date'. */
void ta_render_value(const ta_value *v, char out[TA_RENDER_MAX]);
/* A double in its shortest round-trip form: 0, -5, 0.1, NaN, Infinity. */
void ta_render_double(double d, char out[TA_RENDER_MAX]);

/* ---- periods (ta_period.c) ---------------------------------------------- */

#define TA_YEAR_MIN 1
#define TA_YEAR_MAX 9999
#define TA_DAYS_MIN (-730119) /* 0001-01-01 as days since 2000-01-01 */
#define TA_DAYS_MAX 2921939   /* 9999-12-31 */

static inline int ta_key_y(int32_t key) { return key / 10000; }
static inline int ta_key_m(int32_t key) { return key / 100 % 100; }
static inline int ta_key_d(int32_t key) { return key % 100; }
static inline int32_t ta_key_make(int y, int m, int d)
{
    return (int32_t)(y * 10000 + m * 100 + d);
}

bool ta_date_valid(int y, int m, int d);
/* The key of the day delta days after key's day (a valid dated key), when
 * delta is 1..62 and that day lies in key's month or the next, before
 * year 10000: rows in date order, read without the calendar's divisions.
 * False otherwise (*out untouched). */
bool ta_key_step(int32_t key, int64_t delta, int32_t *out);
/* The proleptic Gregorian date of a day number (days since 2000-01-01), for
 * any day number a 32-bit date can hold; year 0 is 1 BC. */
void ta_civil_from_days(int64_t days, int64_t *y, int *m, int *d);
/* Parses 'YYYY-MM-DD[anything]' or 'YYYY-MM'. */
bool ta_parse_period_text(const char *p, size_t n, int32_t *key);
/* SPEC "Shift": the date `months` calendar months before key, its day clamped
 * to the end of that month (Mar 31 - 1 = Feb 28 or 29; 12 months is "one year
 * earlier", Feb 29 -> Feb 28); annual: key - months / 12, months a multiple
 * of 12. False when that falls before year 1: it reaches no period. */
bool ta_key_shift(ta_pkind pk, int32_t key, int months, int32_t *out);
/* First period of the (fiscal) year containing key; annual: key itself. */
int32_t ta_key_fy_start(ta_pkind pk, int32_t key, int fy);
/* Months of the (fiscal) year up to and including key's month; annual: 12. */
int ta_months_elapsed(ta_pkind pk, int32_t key, int fy);

/* ---- round 2 ---------------------------------------------------------------- */

#define TA_MONTHS_MAX 1200

/* Aggregates with a ta_extra (ta_extra.h). */
static inline bool ta_extra_kind(int kind)
{
    return kind == TA_AGG_TRADE_BALANCE || kind == TA_AGG_COVERAGE ||
           kind == TA_AGG_HHI_COMPETITOR || kind == TA_AGG_YTD_CONTRIBUTION;
}
ta_status ta_extra_row(ta_agg *a, int32_t key, const ta_value *competitor, double v, bool flag,
                       int sign);
ta_status ta_extra_merge(ta_agg *dst, const ta_agg *src);
void ta_extra_free(ta_agg *a);
size_t ta_extra_mem_size(const ta_agg *a);
ta_status ta_extra_settle(const ta_agg *a);
ta_status ta_extra_result(const ta_agg *a, ta_result *r, ta_error *e);
size_t ta_extra_serial_size(const ta_agg *a);
uint8_t *ta_extra_serialize(const ta_agg *a, uint8_t *p);
ta_status ta_extra_deserialize(ta_agg *a, const uint8_t **p, const uint8_t *end, ta_error *e);
/* The results of ta_compare.c. */
ta_status ta_compare_result(const ta_agg *a, ta_result *r, ta_error *e);

/* ---- series (ta_series.c, ta_accessor.c) ---------------------------------- */

/* A parameter (target, fy_start_month, months, base_period) read into a as
 * the aggregates read it, errors naming fn; v NULL: an omitted
 * fy_start_month. Then the checks that need the period kind too. */
ta_status ta_agg_param(ta_agg *a, ta_role role, const ta_value *v, const char *fn, ta_error *e);
ta_status ta_agg_check_params(const ta_agg *a, const char *fn, ta_error *e);
/* rollup: adds (sign 1) or takes away (sign -1) the series argv[0]. */
ta_status ta_series_rollup_row(ta_agg *a, const ta_value *argv, int argc, int sign, ta_error *e);
/* OK for NULL or a BLOB; otherwise "invalid series", naming fn and v. */
ta_status ta_series_arg(const ta_value *v, const char *fn, ta_error *e);
/* The bytes of a series (ta_series.c) into a table: validated in full;
 * on failure t is empty and an error naming fn is set. */
ta_status ta_series_load(const uint8_t *b, size_t n, const char *fn, ta_ptable *t, ta_pkind *pk,
                         const ta_allocator *al, ta_error *e);
/* Parses a decimal number (SPEC "Values" grammar) correctly rounded in the
 * C locale: 1, 0 for not a number, -1 when out of memory (ta_value.c). */
int ta_parse_decimal(const char *p, size_t n, double *out);

/* ---- derived results (ta_derive.c): SPEC "Values", to the operation ------- */

/* growth_rate(c, p) = (c - p) / |p|; false (a NULL result) when p == 0. */
bool ta_growth(double c, double p, double *out);
/* share, attainment, coverage: a / b, one division. */
double ta_ratio(double a, double b);
/* projected = (ytd * 12) / months. */
double ta_projected(double ytd, int months);
/* index = 100 * (a / b). */
double ta_index(double a, double b);

/* ---- results (ta_result.c) ------------------------------------------------ */

ta_status ta_agg_compute(const ta_agg *a, ta_result *out, ta_error *e);

/* Pieces of results shared by ta_result.c and ta_compare.c (ta_sums.c). */
/* The latest period of a periodic state with rows. */
int32_t ta_latest(const ta_agg *a);
/* The exact sum over lo <= period <= hi rounded once ("sum out of range"
 * past the double range); *rows (if not NULL) says how many rows it covers. */
ta_status ta_range_sum(const ta_agg *a, int32_t lo, int32_t hi, double *out, uint64_t *rows,
                       const char *fn, ta_error *e);
/* acc rounded once, then released. */
ta_status ta_rounded(const ta_agg *a, ta_xsum *acc, double *out, const char *fn, ta_error *e);
/* r = growth_rate(cur, prev), NULL when prev is 0. */
ta_status ta_growth_result(ta_result *r, double cur, double prev, const char *fn, ta_error *e);
ta_status ta_no_memory(const char *fn, ta_error *e);

/* ---- helpers shared by the aggregate files ---------------------------------- */

static inline const ta_agg_desc *ta_desc(const ta_agg *a) { return &ta_aggs[a->kind]; }

/* Whether aggregate kind takes an argument with this role (ta_registry.c). */
bool ta_has_role(ta_agg_kind kind, ta_role role);

static inline void ta_result_null(ta_result *r)
{
    r->type = TA_R_NULL;
    r->d = 0;
    r->period.kind = TA_PK_NONE;
    r->period.key = 0;
}

/* A finite double result, or "result out of range". */
ta_status ta_result_real(ta_result *r, double d, const char *fn, ta_error *e);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TA_INTERNAL_H */
