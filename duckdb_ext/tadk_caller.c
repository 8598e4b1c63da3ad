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

/* Call sites seen so far, by return address. Races only repeat a lookup. */
#define SITES 64
static struct {
    _Atomic uintptr_t addr;
    _Atomic int kind;
} sites[SITES];

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
static tadk_states classify(void *caller, void *grand)
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

static tadk_states site_kind(void *caller, void *grand)
{
    uintptr_t key = (uintptr_t)caller;
    size_t h = (size_t)((key >> 2) * UINT64_C(0x9E3779B97F4A7C15) >> 58);
    int kind;

    for (size_t i = 0; i < SITES; i++) {
        size_t j = (h + i) % SITES;
        uintptr_t a = atomic_load_explicit(&sites[j].addr, memory_order_acquire);
        if (a == key && (kind = atomic_load_explicit(&sites[j].kind, memory_order_acquire)))
            return (tadk_states)kind;
        if (a == 0) {
            kind = (int)classify(caller, grand);
            atomic_store_explicit(&sites[j].kind, kind, memory_order_release);
            atomic_store_explicit(&sites[j].addr, key, memory_order_release);
            return (tadk_states)kind;
        }
    }
    return classify(caller, grand);
}

#if defined(__GNUC__)
__attribute__((noinline))
#endif
tadk_states tadk_update_states(idx_t n, char *where, size_t wherelen)
{
    void *frames[DEPTH];
    int depth, w;
    tadk_states kind;

    if (n < 2)
        return TADK_STATES_PER_ROW; /* one row, one entry: both readings agree */
    depth = backtrace(frames, DEPTH);
    for (w = 1; w + 1 < depth; w++) {
        const char *name = symbol_at(frames[w]);
        if (name && strstr(name, "CAPIAggregateUpdate"))
            break;
    }
    if (w + 1 >= depth) {
        snprintf(where, wherelen, "outside DuckDB's C API wrapper");
        return TADK_STATES_UNKNOWN;
    }
    kind = site_kind(frames[w + 1], w + 2 < depth ? frames[w + 2] : NULL);
    if (kind == TADK_STATES_UNKNOWN) {
        const char *name = symbol_at(frames[w + 1]);
        snprintf(where, wherelen, "%s", name ? name : "a function without an exported name");
    }
    return kind;
}
