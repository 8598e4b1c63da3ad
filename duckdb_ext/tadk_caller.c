/*
 * tadk_caller.c — how many states an update call was really given.
 *
 * DuckDB's C API passes update one state pointer per row. Two of DuckDB's
 * callers (1.4 and 1.5) do not fill that array: the constant-frame window
 * aggregator (OVER (), PARTITION BY without ORDER BY, frames spanning the
 * whole partition) and the wrapper that sorts the rows of an aggregate
 * with an ORDER BY of its own pass one state pointer, in an eight-byte
 * buffer, with a count of n rows (duckdb/duckdb issue 21537). Every row
 * belongs to that one state; reading past it reads memory that is not
 * ours. Nothing in the call's arguments tells the two kinds apart, so the
 * caller is named from the stack:
 *
 *   - the frame inside DuckDB's C API wrapper (CAPIAggregateUpdate) is
 *     found, and the function that called it is named from its return
 *     address (dladdr1: the exported symbol that contains the address;
 *     DuckDB exports its symbols for its C++ extensions);
 *   - a caller that fills the array (hash aggregation, the window segment
 *     tree, the naive and DISTINCT window aggregators) is trusted;
 *   - the constant-frame aggregator gives all rows to states[0];
 *   - two callers have no exported name: the sorting wrapper, the only
 *     code that calls update from inside a finalize (an unnamed caller
 *     whose own caller is a Finalize gives all rows to states[0]), and
 *     list_aggregate, the only scalar function that calls update (an
 *     unnamed caller called by the expression executor fills the array);
 *   - anything else is refused with an error: never a guess, never a read
 *     of an entry that may not exist.
 *
 * Each call site is classified once, by its return address.
 */
#define _GNU_SOURCE /* dladdr1 */
#include "tadk.h"

#include <dlfcn.h>
#include <elf.h>
#include <execinfo.h>
#include <link.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

/* Parts of the (mangled) names of DuckDB's callers of update. */
static const struct {
    const char *part;
    tadk_states kind;
} known_callers[] = {
    {"RowOperations12UpdateStates", TADK_STATES_PER_ROW},
    {"WindowSegmentTreePart11FlushStates", TADK_STATES_PER_ROW},
    {"WindowNaiveLocalState11FlushStates", TADK_STATES_PER_ROW},
    {"WindowDistinctSortTree8BuildRun", TADK_STATES_PER_ROW},
    {"WindowDistinctAggregatorLocalState", TADK_STATES_PER_ROW},
    {"WindowConstantAggregatorLocalState4Sink", TADK_STATES_ONE},
};

#define DEPTH 8 /* frames looked at: ours, the wrapper, its caller and one more */
#define KEY   4 /* return addresses that name a call path: frames 1 to 4 */

/* Call paths seen so far, by their return addresses (naming a function
 * from an address searches the library's symbols: once per path). Races
 * only repeat a lookup. */
#define SITES 64
static struct {
    _Atomic uintptr_t key[KEY];
    _Atomic int kind; /* 0 until key is written */
} sites[SITES];
static char site_where[SITES][96]; /* written before kind */

/* The exported symbol that contains addr, or NULL. */
static const char *symbol_at(void *addr)
{
    Dl_info info;
    const ElfW(Sym) *sym = NULL;
    if (!addr || !dladdr1(addr, &info, (void **)&sym, RTLD_DL_SYMENT) || !info.dli_sname || !sym)
        return NULL;
    uintptr_t start = (uintptr_t)info.dli_saddr;
    if ((uintptr_t)addr < start || (uintptr_t)addr >= start + sym->st_size)
        return NULL;
    return info.dli_sname;
}

/* caller: the return address into the function that called the wrapper;
 * grand: the one into that function's caller (NULL if none). */
static tadk_states classify_caller(void *caller, void *grand)
{
    const char *name = symbol_at(caller), *up = NULL;
    for (size_t i = 0; name && i < sizeof known_callers / sizeof known_callers[0]; i++)
        if (strstr(name, known_callers[i].part))
            return known_callers[i].kind;
    if (!name && (up = symbol_at(grand)) != NULL && strstr(up, "Finalize"))
        return TADK_STATES_ONE;
    if (!name && up && strstr(up, "ExpressionExecutor"))
        return TADK_STATES_PER_ROW;
    return TADK_STATES_UNKNOWN;
}

/* The whole classification of one call path, from its frames. */
static tadk_states classify(void **frames, int depth, char *where, size_t wherelen)
{
    int w;
    for (w = 1; w + 1 < depth; w++) {
        const char *name = symbol_at(frames[w]);
        if (name && strstr(name, "CAPIAggregateUpdate"))
            break;
    }
    if (w + 1 >= depth) {
        snprintf(where, wherelen, "outside DuckDB's C API wrapper");
        return TADK_STATES_UNKNOWN;
    }
    tadk_states kind = classify_caller(frames[w + 1], w + 2 < depth ? frames[w + 2] : NULL);
    if (kind == TADK_STATES_UNKNOWN) {
        const char *name = symbol_at(frames[w + 1]);
        snprintf(where, wherelen, "%s", name ? name : "a function without an exported name");
    }
    return kind;
}

static bool same_path(size_t j, void *const *key)
{
    for (int k = 0; k < KEY; k++)
        if (atomic_load_explicit(&sites[j].key[k], memory_order_relaxed) != (uintptr_t)key[k])
            return false;
    return true;
}

#if defined(__GNUC__)
__attribute__((noinline))
#endif
tadk_states tadk_update_states(idx_t n, char *where, size_t wherelen)
{
    void *frames[DEPTH] = {0};
    int depth;
    tadk_states kind;
    uintptr_t h = 0;

    if (n < 2)
        return TADK_STATES_PER_ROW; /* one row, one entry: both readings agree */
    depth = backtrace(frames, DEPTH);
    for (int k = 1; k <= KEY; k++)
        h = (h ^ ((uintptr_t)frames[k] >> 2)) * UINT64_C(0x9E3779B97F4A7C15);
    for (size_t i = 0, j = (size_t)(h >> 58); i < SITES; i++, j = (j + 1) % SITES) {
        int seen = atomic_load_explicit(&sites[j].kind, memory_order_acquire);
        if (seen && same_path(j, frames + 1)) {
            snprintf(where, wherelen, "%s", site_where[j]);
            return (tadk_states)seen;
        }
        if (!seen && !atomic_load_explicit(&sites[j].key[0], memory_order_relaxed)) {
            uintptr_t none = 0;
            kind = classify(frames, depth, where, wherelen);
            /* claim the slot; another thread claiming it first is harmless */
            if (atomic_compare_exchange_strong(&sites[j].key[0], &none, (uintptr_t)frames[1])) {
                for (int k = 2; k <= KEY; k++)
                    atomic_store_explicit(&sites[j].key[k - 1], (uintptr_t)frames[k],
                                          memory_order_relaxed);
                snprintf(site_where[j], sizeof site_where[j], "%s", where);
                atomic_store_explicit(&sites[j].kind, (int)kind, memory_order_release);
            }
            return kind;
        }
    }
    return classify(frames, depth, where, wherelen);
}
