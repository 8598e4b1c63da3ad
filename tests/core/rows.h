/*
 * rows.h — building ta_value argument lists for the core's tests, and a small
 * deterministic random generator.
 */
#ifndef TA_ROWS_H
#define TA_ROWS_H

#include "ref.h"
#include "tradeagg.h"

extern const ta_allocator test_allocator;

/* Arguments for one row of aggregate kind, as an engine would pass them.
 * With row_typed false (SQLite's way), dated periods go in as 'YYYY-MM-DD'
 * text (buf holds it), a target as REAL, flags as booleans; with row_typed
 * true (PostgreSQL's and DuckDB's way, and SQLite's integer columns), dated
 * periods as TA_V_DATE day numbers, and a whole value or target, and every
 * flag, as INTEGER. Annual periods are integers; a NaN value stands for
 * NULL. Both ways must give the same answers. */
extern bool row_typed;
int row_args(ta_agg_kind kind, const ref_row *r, const ref_set *params, bool with_fy, char buf[48],
             ta_value argv[TA_MAX_ARGS]);

/* Adds or removes a row, failing the test binary on any error. */
void row_apply(ta_agg *a, const ref_row *r, const ref_set *params, bool remove);

bool same_result(ta_result x, ta_result y);
void describe(ta_result r, char out[64]);

uint64_t rnd(void);
int rnd_int(int lo, int hi); /* lo..hi inclusive */

#endif
