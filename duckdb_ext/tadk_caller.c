/*
 * tadk_caller.c — whether all rows of an update call belong to its first
 * state.
 *
 * DuckDB's C API passes update one state pointer per row, and most callers
 * inside DuckDB fill that array. Some do not: DuckDB 1.4 and 1.5's
 * constant-frame window aggregator (OVER (), PARTITION BY without ORDER BY,
 * frames spanning the whole partition) and its wrapper for aggregates with
 * an ORDER BY of their own pass an array holding one state pointer with a
 * count of n rows
 * (duckdb/duckdb issue 21537): every row belongs to states[0], and what
 * follows it in memory is whatever lies there, often pointers to other live
 * states. Nothing in the call's arguments tells the two apart, so:
 *
 *   - the caller of DuckDB's C API wrapper is named from its return address
 *     (dladdr1, the symbol must contain the address; DuckDB exports these
 *     symbols for its C++ extensions), once per call site: the window
 *     segment tree fills the array, the constant-frame aggregator does not;
 *   - for any other caller, the entries are trusted only if every one is a
 *     live state made for this overload (tadk_live.c); otherwise all rows go
 *     to states[0].
 */
#define _GNU_SOURCE /* dladdr1 */
#include "tadk.h"

#include <dlfcn.h>
#include <elf.h>
#include <execinfo.h>
#include <link.h>
#include <stdatomic.h>
#include <string.h>

enum { SITE_FILLS = 1, SITE_ONE_STATE, SITE_ASK };

/* Parts of the (mangled) names of DuckDB's callers. */
static const struct {
    const char *part;
    int kind;
} known_sites[] = {
    {"WindowConstantAggregatorLocalState4Sink", SITE_ONE_STATE},
    {"WindowSegmentTreePart11FlushStates", SITE_FILLS},
};

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
    if (!dladdr1(addr, &info, (void **)&sym, RTLD_DL_SYMENT) || !info.dli_sname || !sym)
        return NULL;
    uintptr_t start = (uintptr_t)info.dli_saddr;
    if ((uintptr_t)addr < start || (uintptr_t)addr >= start + sym->st_size)
        return NULL;
    return info.dli_sname;
}

/* frames: [0] tadk_one_state_for_all, [1] tadk_update, [2] DuckDB's C API
 * wrapper, [3] the part of DuckDB that called it. */
static int classify(void **frames, int depth)
{
    const char *wrapper = depth >= 4 ? symbol_at(frames[2]) : NULL;
    const char *caller =
        wrapper && strstr(wrapper, "CAPIAggregateUpdate") ? symbol_at(frames[3]) : NULL;
    for (size_t i = 0; caller && i < sizeof known_sites / sizeof known_sites[0]; i++)
        if (strstr(caller, known_sites[i].part))
            return known_sites[i].kind;
    return SITE_ASK;
}

static int site_kind(void **frames, int depth)
{
    uintptr_t key = depth >= 4 ? (uintptr_t)frames[3] : 0;
    size_t h = (size_t)((key >> 2) * UINT64_C(0x9E3779B97F4A7C15) >> 58);
    int kind;

    for (size_t i = 0; key && i < SITES; i++) {
        size_t j = (h + i) % SITES;
        uintptr_t a = atomic_load_explicit(&sites[j].addr, memory_order_acquire);
        if (a == key && (kind = atomic_load_explicit(&sites[j].kind, memory_order_acquire)))
            return kind;
        if (a == 0) {
            kind = classify(frames, depth);
            atomic_store_explicit(&sites[j].kind, kind, memory_order_release);
            atomic_store_explicit(&sites[j].addr, key, memory_order_release);
            return kind;
        }
    }
    return classify(frames, depth);
}

#if defined(__GNUC__)
__attribute__((noinline))
#endif
bool tadk_one_state_for_all(const tadk_sig *s, duckdb_aggregate_state *states, idx_t n)
{
    void *frames[4];
    int depth;

    if (n < 2)
        return false;
    depth = backtrace(frames, 4);
    switch (site_kind(frames, depth)) {
    case SITE_FILLS: return false;
    case SITE_ONE_STATE: return true;
    default: return tadk_live_prefix(states, n, s) < n;
    }
}
