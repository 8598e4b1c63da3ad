/*
 * ta_error.c — status codes, their SQLSTATEs, and the rendering of offending
 * values, so that both engines print the same message for the same mistake.
 */
#include "ta_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *ta_status_sqlstate(ta_status st)
{
    switch (st) {
    case TA_OK: return "00000";
    case TA_ERR_PERIOD: return "22007";   /* invalid_datetime_format */
    case TA_ERR_PARAM: return "22023";    /* invalid_parameter_value */
    case TA_ERR_RANGE: return "22003";    /* numeric_value_out_of_range */
    case TA_ERR_VALUE: return "22P02";    /* invalid_text_representation */
    case TA_ERR_STATE: return "22P03";    /* invalid_binary_representation */
    case TA_ERR_NOMEM: return "53200";    /* out_of_memory */
    case TA_ERR_INTERNAL: return "XX000"; /* internal_error */
    }
    return "XX000";
}

ta_status ta_fail(ta_error *e, ta_status code, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(e->msg, sizeof e->msg, fmt, ap);
        va_end(ap);
        e->code = code;
    }
    return code;
}

void ta_render_double(double d, char out[TA_RENDER_MAX])
{
    if (isnan(d)) {
        strcpy(out, "NaN");
        return;
    }
    if (isinf(d)) {
        strcpy(out, d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    /* The shortest of %.15g .. %.17g that reads back as the same double. */
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(out, TA_RENDER_MAX, "%.*g", prec, d);
        if (strtod(out, NULL) == d)
            return;
    }
}

/* 'text' with non-printable bytes as \xNN; what does not fit in out (with
 * room kept for "...", the quote and the NUL) is cut and marked "...". */
static void render_text(const char *p, size_t n, char out[TA_RENDER_MAX])
{
    static const char hex[] = "0123456789abcdef";
    const size_t room = TA_RENDER_MAX - sizeof "...'"; /* last index + 1 for bytes */
    size_t o = 0, i = 0;
    out[o++] = '\'';
    for (; i < n && i < 32; i++) {
        unsigned char c = (unsigned char)p[i];
        bool plain = c >= 0x20 && c < 0x7f;
        if (o + (plain ? 1 : 4) > room)
            break;
        if (plain) {
            out[o++] = (char)c;
        } else {
            out[o++] = '\\';
            out[o++] = 'x';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    if (i < n) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o++] = '\'';
    out[o] = '\0';
}

/* x'0a1b' for the first 16 bytes: 2 + 32 + 3 + 1 + 1 bytes fit in out. */
static void render_blob(const unsigned char *p, size_t n, char out[TA_RENDER_MAX])
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0, limit = n > 16 ? 16 : n;
    out[o++] = 'x';
    out[o++] = '\'';
    for (size_t i = 0; i < limit; i++) {
        out[o++] = hex[p[i] >> 4];
        out[o++] = hex[p[i] & 15];
    }
    if (n > limit) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o++] = '\'';
    out[o] = '\0';
}

static void render_date(int64_t days, char *out)
{
    if (days == INT32_MAX) {
        strcpy(out, "'infinity'");
    } else if (days == INT32_MIN) {
        strcpy(out, "'-infinity'");
    } else {
        /* Any date, even outside years 1..9999, shown as PostgreSQL shows it. */
        int64_t y;
        int m, d;
        ta_civil_from_days(days, &y, &m, &d);
        if (y > 0)
            snprintf(out, TA_RENDER_MAX, "'%04lld-%02d-%02d'", (long long)y, m, d);
        else
            snprintf(out, TA_RENDER_MAX, "'%04lld-%02d-%02d BC'", (long long)(1 - y), m, d);
    }
}

void ta_render_value(const ta_value *v, char out[TA_RENDER_MAX])
{
    switch (v->type) {
    case TA_V_NULL: strcpy(out, "NULL"); break;
    case TA_V_INT: snprintf(out, TA_RENDER_MAX, "%lld", (long long)v->i); break;
    case TA_V_BOOL: strcpy(out, v->i ? "true" : "false"); break;
    case TA_V_TEXT: render_text(v->p, v->n, out); break;
    case TA_V_BLOB: render_blob((const unsigned char *)v->p, v->n, out); break;
    case TA_V_DATE: render_date(v->i, out); break;
    case TA_V_REAL:
        ta_render_double(v->d, out);
        /* 2023.0 must not read as the integer year 2023. */
        if (isfinite(v->d) && !strpbrk(out, ".e"))
            strcat(out, ".0");
        break;
    }
}

ta_status ta_result_real(ta_result *r, double d, const char *fn, ta_error *e)
{
    if (!isfinite(d))
        return ta_fail(e, TA_ERR_RANGE, "%s: result out of range", fn);
    r->type = TA_R_REAL;
    r->d = d;
    return TA_OK;
}
