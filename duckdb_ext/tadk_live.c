/*
 * tadk_live.c — the set of aggregate states alive in this process.
 *
 * DuckDB 1.4 and 1.5 call update from their constant-frame window
 * aggregator (OVER (), and frames spanning the whole partition) with an
 * array that holds one state pointer but a count of n rows (duckdb/duckdb
 * issue 21537): what follows the first entry is whatever memory lies there,
 * often pointers. Nothing in the call says which kind of call it is, and a
 * pointer that is not a state must never be dereferenced, so every state
 * is entered here from init to destroy and an update checks its entries
 * against this set before using them (tadk_functions.c).
 *
 * An open-addressing hash set of addresses under a readers-writer lock:
 * init and destroy write, update reads once per call of up to 2048 rows.
 */
#include "tadk.h"

#include <pthread.h>
#include <stdlib.h>

#define EMPTY ((uintptr_t)0)
#define GONE  ((uintptr_t)1) /* a removed entry, skipped by lookups */

static pthread_rwlock_t live_lock = PTHREAD_RWLOCK_INITIALIZER;
static uintptr_t *slots;
static size_t cap, used; /* used counts GONE entries too */

static size_t slot_of(uintptr_t p, size_t mask)
{
    return (size_t)((p >> 3) * UINT64_C(0x9E3779B97F4A7C15) >> 17) & mask;
}

static bool find(uintptr_t p, size_t *at)
{
    size_t mask = cap - 1, i = slot_of(p, mask);
    while (slots[i] != EMPTY) {
        if (slots[i] == p) {
            *at = i;
            return true;
        }
        i = (i + 1) & mask;
    }
    *at = i;
    return false;
}

/* Rebuilds the table at twice the live count (at least 1024), dropping
 * removed entries. */
static bool regrow(size_t live)
{
    size_t ncap = 1024, at;
    while (ncap < 4 * (live + 1))
        ncap *= 2;
    uintptr_t *old = slots, *fresh = calloc(ncap, sizeof *fresh);
    size_t ocap = cap;
    if (!fresh)
        return false;
    slots = fresh;
    cap = ncap;
    used = 0;
    for (size_t i = 0; i < ocap; i++) {
        if (old[i] > GONE) {
            find(old[i], &at);
            slots[at] = old[i];
            used++;
        }
    }
    free(old);
    return true;
}

static size_t live_count(void)
{
    size_t n = 0;
    for (size_t i = 0; i < cap; i++)
        n += slots[i] > GONE;
    return n;
}

bool tadk_live_add(const void *state)
{
    uintptr_t p = (uintptr_t)state;
    size_t at;
    bool ok = true;

    pthread_rwlock_wrlock(&live_lock);
    if (2 * (used + 1) > cap)
        ok = regrow(cap ? live_count() : 0);
    if (ok && !find(p, &at)) {
        slots[at] = p;
        used++;
    }
    pthread_rwlock_unlock(&live_lock);
    return ok;
}

void tadk_live_remove(const void *state)
{
    size_t at;
    pthread_rwlock_wrlock(&live_lock);
    if (cap && find((uintptr_t)state, &at))
        slots[at] = GONE;
    pthread_rwlock_unlock(&live_lock);
}

/* How many leading entries of states[0 .. n-1] are live states (a run of
 * equal entries is looked up once). Entries are read as plain words,
 * outside AddressSanitizer's view: past the first they may lie beyond
 * DuckDB's array (see above). */
#if defined(__GNUC__)
__attribute__((no_sanitize_address))
#endif
idx_t
tadk_live_prefix(duckdb_aggregate_state *states, idx_t n)
{
    idx_t i = 0;
    size_t at;

    pthread_rwlock_rdlock(&live_lock);
    for (; i < n && cap; i++) {
        if (i > 0 && states[i] == states[i - 1])
            continue;
        if ((uintptr_t)states[i] <= GONE || !find((uintptr_t)states[i], &at))
            break;
    }
    pthread_rwlock_unlock(&live_lock);
    return i;
}
