/* tap.h — a minimal Test Anything Protocol emitter for the core's tests. */
#ifndef TA_TAP_H
#define TA_TAP_H

#include <stdbool.h>

void tap_ok(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tap_is_double(double got, double want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tap_is_str(const char *got, const char *want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the plan and returns the exit status (0 when every test passed). */
int tap_done(void);

#endif
