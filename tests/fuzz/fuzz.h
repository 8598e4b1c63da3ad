/* fuzz.h — what every fuzz target shares: a malloc allocator for states and
 * CHECK, which aborts (so libFuzzer saves the input) when a property fails. */
#ifndef TA_FUZZ_H
#define TA_FUZZ_H

#include "tradeagg.h"

#include <stdio.h>
#include <stdlib.h>

static void *fuzz_alloc(void *ud, size_t n)
{
    (void)ud;
    return malloc(n);
}

static void fuzz_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}

static const ta_allocator fuzz_allocator = {fuzz_alloc, fuzz_free, NULL};

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);                  \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif
