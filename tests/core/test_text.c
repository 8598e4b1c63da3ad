/*
 * test_text.c — TEXT that reads as a number (SQLite), per SPEC "Values":
 * C locale, whitespace (space, tab, newline, CR, FF, VT) around, optional
 * sign, digits with optional fraction and exponent, any length, correctly
 * rounded, whatever the process locale.
 */
#include "rows.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* cumulative_trade over one TEXT value: its status and result. */
static ta_status read_text(const char *s, size_t n, double *out, ta_error *e)
{
    ta_agg a;
    ta_result r = {TA_R_NULL, 0, {TA_PK_NONE, 0}, 0};
    ta_value v = {TA_V_TEXT, 0, 0, s, n};
    ta_agg_init(&a, TA_AGG_CUMULATIVE, &test_allocator);
    ta_status st = ta_agg_add(&a, &v, 1, e);
    if (st == TA_OK)
        st = ta_agg_result(&a, &r, e);
    ta_agg_free(&a);
    *out = r.d;
    return st;
}

static void reads(const char *s, double want, const char *what)
{
    double d = 0;
    ta_error e;
    ta_status st = read_text(s, strlen(s), &d, &e);
    tap_ok(st == TA_OK && memcmp(&d, &want, sizeof d) == 0, "%s reads as %.17g", what, want);
}

static void refused(const char *s, size_t n, ta_status code, const char *what)
{
    double d;
    ta_error e;
    tap_ok(read_text(s, n, &d, &e) == code, "%s is refused (%s)", what, ta_status_sqlstate(code));
}

/* "0." then the digits of d, then zeros up to len characters. */
static char *long_number(const char *head, const char *tail, size_t len)
{
    char *s = malloc(len + 1);
    size_t h = strlen(head), t = strlen(tail);
    memcpy(s, head, h);
    memset(s + h, '0', len - h - t);
    memcpy(s + len - t, tail, t);
    s[len] = '\0';
    return s;
}

int main(void)
{
    reads("12.5", 12.5, "'12.5'");
    reads(" \t\n\r\f\v12.5\t \n", 12.5, "'12.5' between every kind of whitespace");
    reads("-0.25e+2", -25, "'-0.25e+2'");
    reads("+.5", 0.5, "'+.5'");
    reads("5.", 5, "'5.'");
    reads("1E-2", 0.01, "'1E-2'");
    reads("1e-400", 0, "'1e-400' (rounds to 0)");
    reads("4.9406564584124654e-324", 0x1p-1074, "the smallest subnormal");

    char *s = long_number("0.1", "", 400);
    reads(s, 0.1, "0.1 written with 400 digits");
    free(s);
    /* 2^53 + 1 is halfway between two doubles: exactly, it rounds to even;
     * a 1 in the 400th digit decides the tie upward. */
    s = long_number("9007199254740993.", "", 400);
    reads(s, 9007199254740992.0, "2^53 + 1 with 383 zero decimals (a tie: to even)");
    free(s);
    s = long_number("9007199254740993.", "1", 400);
    reads(s, 9007199254740994.0, "2^53 + 1 + 10^-383 (past the tie: up)");
    free(s);
    s = long_number("1", "e-4999", 5000);
    reads(s, 1e-6, "10^4993 written out, then e-4999: 5000 characters");
    free(s);

    refused("12abc", 5, TA_ERR_VALUE, "'12abc'");
    refused("0x10", 4, TA_ERR_VALUE, "'0x10'");
    refused("", 0, TA_ERR_VALUE, "''");
    refused(" \t ", 3, TA_ERR_VALUE, "whitespace alone");
    refused("nan", 3, TA_ERR_VALUE, "'nan'");
    refused("inf", 3, TA_ERR_VALUE, "'inf'");
    refused("1e", 2, TA_ERR_VALUE, "'1e'");
    refused(".", 1, TA_ERR_VALUE, "'.'");
    refused("1 2", 3, TA_ERR_VALUE, "'1 2'");
    refused("12,5", 4, TA_ERR_VALUE, "'12,5'");
    refused("12\0", 3, TA_ERR_VALUE, "a NUL after the digits");
    refused("1e400", 5, TA_ERR_RANGE, "'1e400' (infinite)");
    refused("12.5", 2, TA_OK, "the first 2 bytes of '12.5' (not NUL-terminated)");

    /* A process locale whose decimal point is ',' must not change anything. */
    static const char *comma[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "fr_FR", "ru_RU.UTF-8"};
    const char *got = NULL;
    for (size_t i = 0; i < sizeof comma / sizeof *comma && !got; i++)
        if (setlocale(LC_NUMERIC, comma[i]) && strcmp(localeconv()->decimal_point, ",") == 0)
            got = comma[i];
    if (got) {
        reads("12.5", 12.5, "'12.5' under a ',' locale");
        refused("12,5", 4, TA_ERR_VALUE, "'12,5' under a ',' locale");
        setlocale(LC_NUMERIC, "C");
    } else {
        tap_ok(true, "# SKIP no locale with a ',' decimal point is installed");
        tap_ok(true, "# SKIP no locale with a ',' decimal point is installed");
    }
    return tap_done();
}
