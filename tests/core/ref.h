/*
 * ref.h — a slow reference for the aggregates, written apart from the core:
 * it keeps every row and recomputes each answer from the SPEC's definitions
 * with its own calendar arithmetic on (year, month, day) triples.
 */
#ifndef TA_REF_H
#define TA_REF_H

#include "tradeagg.h"

typedef struct ref_row {
    int y, m, d; /* annual rows: m = d = 0 */
    double value;
    bool part;
    int is_export; /* 1, 0, or -1 for NULL */
    int comp_type; /* hhi competitor: 0 NULL, 1 INTEGER comp, 2 TEXT of comp's digits */
    int comp;
} ref_row;

typedef struct ref_set {
    ref_row *rows;
    int n;
    bool annual;
    int fy; /* 1..12 */
    double target;
    int months;                 /* period_growth, trailing_trade */
    int base_y, base_m, base_d; /* index_number (annual: m = d = 0) */
} ref_set;

/* The answer the SPEC defines for aggregate kind over the rows. */
ta_result ref_answer(ta_agg_kind kind, const ref_set *s);

/* The same over the rows whose value is not NaN (NaN stands for NULL, which
 * the aggregates skip); the other fields of params are used as they are. */
ta_result ref_answer_non_null(ta_agg_kind kind, const ref_row *rows, int n, ref_set params);

#endif
