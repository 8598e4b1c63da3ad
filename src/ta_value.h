/*
 * ta_value.h — the arguments engines hand over, read as the core needs
 * them (ta_value.c): each function returns TA_OK with *is_null set for
 * NULL, or an error naming the function and the argument.
 */
#ifndef TA_VALUE_H
#define TA_VALUE_H

#include "ta_internal.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

ta_status ta_arg_period(const ta_value *v, const char *fn, ta_period *out, bool *is_null,
                        ta_error *e);
ta_status ta_arg_number_slow(const ta_value *v, const char *fn, const char *arg, double *out,
                             bool *is_null, ta_error *e);
/* Every row goes through here: a finite REAL takes no call. */
static inline ta_status ta_arg_number(const ta_value *v, const char *fn, const char *arg,
                                      double *out, bool *is_null, ta_error *e)
{
    if (v->type == TA_V_REAL && isfinite(v->d)) {
        *out = v->d;
        *is_null = false;
        return TA_OK;
    }
    if (v->type == TA_V_INT) {
        *out = (double)v->i;
        *is_null = false;
        return TA_OK;
    }
    return ta_arg_number_slow(v, fn, arg, out, is_null, e);
}
ta_status ta_arg_flag(const ta_value *v, const char *fn, const char *arg, bool *out, ta_error *e);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* TA_VALUE_H */
