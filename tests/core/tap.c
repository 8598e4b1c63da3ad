/* tap.c — TAP output: "ok N - name", the plan at the end. */
#include "tap.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tests, failed;

static void vreport(bool cond, const char *fmt, va_list ap)
{
    tests++;
    if (!cond)
        failed++;
    printf("%sok %d - ", cond ? "" : "not ", tests);
    vprintf(fmt, ap);
    printf("\n");
}

void tap_ok(bool cond, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(cond, fmt, ap);
    va_end(ap);
}

void tap_is_double(double got, double want, const char *fmt, ...)
{
    va_list ap;
    /* Bit-for-bit equality; NaN equals NaN here. */
    bool same = got == want || (got != got && want != want);
    va_start(ap, fmt);
    vreport(same, fmt, ap);
    va_end(ap);
    if (!same)
        tap_diag("got %.17g, expected %.17g", got, want);
}

void tap_is_str(const char *got, const char *want, const char *fmt, ...)
{
    va_list ap;
    bool same = got && want && strcmp(got, want) == 0;
    va_start(ap, fmt);
    vreport(same, fmt, ap);
    va_end(ap);
    if (!same)
        tap_diag("got '%s', expected '%s'", got ? got : "(null)", want ? want : "(null)");
}

void tap_diag(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("# ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
}

int tap_done(void)
{
    printf("1..%d\n", tests);
    return failed ? 1 : 0;
}
