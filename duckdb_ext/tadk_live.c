/*
 * tadk_live.c — the set of aggregate states alive in this process.
 *
 * Some callers inside DuckDB hand update an array holding one state pointer
 * with a count of n rows (see tadk_caller.c); what follows the first entry
 * is whatever memory lies there. When the caller cannot be named, an update
 * trusts its entries only if every one of them is a state that init made
 * for this very overload and destroy has not freed: so every state is
 * entered here from init to destroy. The entries are looked up, never
 * dereferenced.
 *
 * An open-addressing hash set of addresses under a readers-writer lock:
 * init and destroy write, a lookup reads once per update call.
 */
#include "tadk.h"

#include <pthread.h>
#include <stdlib.h>

#define EMPTY ((uintptr_t)0)
#define GONE  ((uintptr_t)1) /* a removed entry, skipped by lookups */

typedef struct slot {
    uintptr_t state;   /* EMPTY, GONE or a state's address */
    const void *owner; /* the overload (tadk_sig) that made it */
} slot;

static pthread_rwlock_t live_lock = PTHREAD_RWLOCK_INITIALIZER;
static slot *slots;
static size_t cap, used; /* used counts GONE entries too */

static size_t slot_of(uintptr_t p, size_t mask)
{
    return (size_t)((p >> 3) * UINT64_C(0x9E3779B97F4A7C15) >> 17) & mask;
}

static bool find(uintptr_t p, size_t *at)
{
    size_t mask = cap - 1, i = slot_of(p, mask);
    while (slots[i].state != EMPTY) {
        if (slots[i].state == p) {
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
    slot *old = slots, *fresh = calloc(ncap, sizeof *fresh);
    size_t ocap = cap;
    if (!fresh)
        return false;
    slots = fresh;
    cap = ncap;
    used = 0;
    for (size_t i = 0; i < ocap; i++) {
        if (old[i].state > GONE) {
            find(old[i].state, &at);
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
        n += slots[i].state > GONE;
    return n;
}

bool tadk_live_add(const void *state, const void *owner)
{
    uintptr_t p = (uintptr_t)state;
    size_t at;
    bool ok = true;

    pthread_rwlock_wrlock(&live_lock);
    if (2 * (used + 1) > cap)
        ok = regrow(cap ? live_count() : 0);
    if (ok && !find(p, &at))
        used++;
    if (ok)
        slots[at] = (slot){p, owner};
    pthread_rwlock_unlock(&live_lock);
    return ok;
}

void tadk_live_remove(const void *state)
{
    size_t at;
    pthread_rwlock_wrlock(&live_lock);
    if (cap && find((uintptr_t)state, &at))
        slots[at].state = GONE;
    pthread_rwlock_unlock(&live_lock);
}

/* How many leading entries of states[0 .. n-1] are live states made by
 * owner (a run of equal entries is looked up once). Entries are read as
 * plain words, outside AddressSanitizer's view: past the first they may lie
 * beyond DuckDB's array (see above). */
#if defined(__GNUC__)
__attribute__((no_sanitize_address))
#endif
idx_t
tadk_live_prefix(duckdb_aggregate_state *states, idx_t n, const void *owner)
{
    idx_t i = 0;
    size_t at;

    pthread_rwlock_rdlock(&live_lock);
    for (; i < n && cap; i++) {
        if (i > 0 && states[i] == states[i - 1])
            continue;
        if ((uintptr_t)states[i] <= GONE || !find((uintptr_t)states[i], &at) ||
            slots[at].owner != owner)
            break;
    }
    pthread_rwlock_unlock(&live_lock);
    return i;
}
