/*
 * ta_value.c — turning engine values into periods, numbers and flags.
 *
 * SQLite is dynamically typed, so this is where "TEXT that reads as a number
 * is a number, other TEXT is an error, never a silent 0" is decided, for both
 * engines at once.
 */
/* uselocale and newlocale are POSIX.1-2008: said here, not left to the
 * build, so the core compiles the same wherever it is embedded. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "ta_internal.h"
#include "ta_value.h"

#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define PERIOD_EXPECTED "YYYY-MM-DD, YYYY-MM or a year"

/* TEXT like '2023': a year that came as TEXT, whose error says how to pass one. */
static bool is_year_text(const char *p, size_t n)
{
    size_t i;

    for (i = 0; i < n && p[i] >= '0' && p[i] <= '9'; i++)
        ;
    return n >= 1 && n <= 4 && i == n;
}

ta_status ta_arg_period(const ta_value *v, const char *fn, ta_period *out, bool *is_null,
                        ta_error *e)
{
    char shown[TA_RENDER_MAX];
    bool ok = false;

    *is_null = v->type == TA_V_NULL;
    if (*is_null)
        return TA_OK;
    switch (v->type) {
    case TA_V_TEXT:
        out->kind = TA_PK_DATE;
        ok = ta_parse_period_text(v->p, v->n, &out->key);
        break;
    case TA_V_DATE:
        out->kind = TA_PK_DATE;
        ok = ta_days_to_key(v->i, &out->key);
        break;
    case TA_V_INT:
        out->kind = TA_PK_YEAR;
        ok = v->i >= TA_YEAR_MIN && v->i <= TA_YEAR_MAX;
        out->key = ok ? (int32_t)v->i : 0;
        break;
    default: /* REAL, BLOB, BOOL */ break;
    }
    if (ok)
        return TA_OK;
    ta_render_value(v, shown);
    if (v->type == TA_V_TEXT && is_year_text(v->p, v->n))
        return ta_fail(e, TA_ERR_PERIOD, "%s: invalid period %s (pass a year as INTEGER, not TEXT)",
                       fn, shown);
    return ta_fail(e, TA_ERR_PERIOD, "%s: invalid period %s (expected " PERIOD_EXPECTED ")", fn,
                   shown);
}

/* The C locale for strtod, made once: the process locale (a ',' decimal
 * point, say) must never change how '12.5' reads, and the global locale is
 * the application's, not ours to set. */
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;
static void make_c_locale(void) { c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0); }

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* SPEC "Values": optional whitespace, [+-] digits [. digits] [e [+-] digits],
 * optional whitespace, any length, read with correct rounding (strtod in
 * the C locale). No hex, no inf/nan words, nothing else. 1 for a number, 0
 * for anything else, -1 when memory for a long number ran out. */
static int parse_number_text(const char *p, size_t n, double *out)
{
    char small[128], *buf = small;
    size_t i = 0, j;
    bool mant = false;

    while (n > 0 && is_space(p[n - 1]))
        n--;
    while (i < n && is_space(p[i]))
        i++;
    j = i;
    if (j < n && (p[j] == '+' || p[j] == '-'))
        j++;
    for (; j < n && is_digit(p[j]); j++)
        mant = true;
    if (j < n && p[j] == '.')
        for (j++; j < n && is_digit(p[j]); j++)
            mant = true;
    if (!mant)
        return 0;
    if (j < n && (p[j] == 'e' || p[j] == 'E')) {
        size_t k = j + 1;
        if (k < n && (p[k] == '+' || p[k] == '-'))
            k++;
        if (k >= n || !is_digit(p[k]))
            return 0;
        for (j = k; j < n && is_digit(p[j]); j++)
            ;
    }
    if (j != n)
        return 0;
    if (n - i >= sizeof small && !(buf = malloc(n - i + 1)))
        return -1;
    memcpy(buf, p + i, n - i);
    buf[n - i] = '\0';
    pthread_once(&c_locale_once, make_c_locale);
    if (c_locale == (locale_t)0) {
        if (buf != small)
            free(buf);
        return -1;
    }
    locale_t before = uselocale(c_locale);
    *out = strtod(buf, NULL);
    uselocale(before);
    if (buf != small)
        free(buf);
    return 1;
}

int ta_parse_decimal(const char *p, size_t n, double *out) { return parse_number_text(p, n, out); }

ta_status ta_arg_number_slow(const ta_value *v, const char *fn, const char *arg, double *out,
                             bool *is_null, ta_error *e)
{
    char shown[TA_RENDER_MAX];

    *is_null = v->type == TA_V_NULL;
    switch (v->type) {
    case TA_V_NULL: return TA_OK;
    case TA_V_INT:
    case TA_V_BOOL: *out = (double)v->i; return TA_OK;
    case TA_V_REAL: *out = v->d; break;
    case TA_V_TEXT: {
        int got = parse_number_text(v->p, v->n, out);
        if (got < 0)
            return ta_fail(e, TA_ERR_NOMEM, "%s: out of memory", fn);
        if (got > 0)
            break;
    }
        /* fall through */
    default:
        ta_render_value(v, shown);
        return ta_fail(e, TA_ERR_VALUE, "%s: invalid %s %s (expected a number)", fn, arg, shown);
    }
    if (isfinite(*out))
        return TA_OK;
    if (v->type == TA_V_TEXT)
        ta_render_value(v, shown);
    else
        ta_render_double(*out, shown);
    return ta_fail(e, TA_ERR_RANGE, "%s: invalid %s %s (expected a finite number)", fn, arg, shown);
}

ta_status ta_arg_flag(const ta_value *v, const char *fn, const char *arg, bool *out, ta_error *e)
{
    double d = 0;
    bool is_null;
    char shown[TA_RENDER_MAX];

    if (v->type == TA_V_BOOL || v->type == TA_V_INT) {
        *out = v->i != 0;
        return TA_OK;
    }
    if (v->type == TA_V_TEXT || v->type == TA_V_BLOB) {
        int got = v->type == TA_V_TEXT ? parse_number_text(v->p, v->n, &d) : 0;
        if (got < 0)
            return ta_fail(e, TA_ERR_NOMEM, "%s: out of memory", fn);
        if (got > 0 && isfinite(d)) {
            *out = d != 0;
            return TA_OK;
        }
        ta_render_value(v, shown);
        return ta_fail(e, TA_ERR_VALUE, "%s: invalid %s %s (expected a boolean)", fn, arg, shown);
    }
    ta_status st = ta_arg_number(v, fn, arg, &d, &is_null, e);
    *out = st == TA_OK && !is_null && d != 0;
    return st;
}
