/*
 * bench.h — shared by the SQLite and PostgreSQL benchmark drivers.
 *
 * The data generator, result sets and their comparison, the alternating
 * timing loop, and the report (stdout table and a Markdown fragment).
 */
#ifndef TA_BENCH_H
#define TA_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- data ---------------------------------------------------------------- */

/* 240 months, 2004-01 .. 2023-12; every period is the 1st of its month. */
#define BENCH_YEAR0 2004
#define BENCH_MONTHS 240
#define BENCH_ROWS_PER_MONTH 4 /* average */

typedef struct bench_row {
    int64_t id;
    int32_t series;
    int16_t year, month;
    bool v_null;
    double v;   /* >= 0, whole cents */
    bool part;  /* share_of's is_part */
} bench_row;

typedef int (*bench_row_fn)(void *ud, const bench_row *r);

/* Emits about `rows` rows (whole series), deterministically. Returns the row
 * count, or -1 when fn returned non-zero. *nseries gets the series count. */
int64_t bench_generate(int64_t rows, bench_row_fn fn, void *ud, int32_t *nseries);

/* ---- result sets ------------------------------------------------------------ */

typedef struct bench_cell {
    bool null, num;
    double d;
    char s[32];
} bench_cell;

typedef struct bench_rs {
    int nrows, ncols;
    bench_cell *c; /* row-major */
} bench_rs;

void bench_rs_free(bench_rs *rs);
bench_cell *bench_rs_add_row(bench_rs *rs, int ncols);
/* Cell by cell: numbers within tol * max(1, |a|, |b|), text exactly, NULLs
 * alike. Returns true when equal; otherwise why describes the first
 * difference. */
bool bench_rs_equal(const bench_rs *a, const bench_rs *b, double tol, char *why, size_t n);

/* ---- engines ------------------------------------------------------------- */

typedef struct bench_engine {
    const char *name;
    void *h;
    /* Runs sql; fills rs when not NULL. Returns 0, or -1 with err set. */
    int (*query)(void *h, const char *sql, bench_rs *rs, char *err, size_t n);
} bench_engine;

/* Runs sql or exits with the engine's message. */
void bench_exec(bench_engine *e, const char *sql);
double bench_query_number(bench_engine *e, const char *sql);

/* ---- timing ---------------------------------------------------------------- */

double bench_now(void);
double bench_median(double *x, int n);

/* What a figure is compared with. */
typedef enum { TGT_NONE, TGT_MAX, TGT_MIN } bench_tgt;


/* Queries timed together: every round runs each of them once, in a rotated
 * order (the drivers warm the cache before). A sample is `reps` back-to-back
 * executions (small tables need many to be measurable). times[q][r] gets
 * milliseconds. rs[q] (may be NULL) gets the first round's result. A setup
 * statement per query (may be NULL) runs untimed before it. */
void bench_rounds(bench_engine *e, int nq, const char *const *sql, const char *const *setup,
                  int rounds, int reps, double **times, bench_rs *rs);

/* Records one line of the report and prints it. speedup = base/ours when
 * `as_speedup`, else ours/base. */
void bench_report(const char *engine, const char *section, const char *name,
                  const char *mode, const char *base, const double *t_ours,
                  const double *t_base, int rounds, bool as_speedup, bench_tgt tgt,
                  double target, const char *check);
/* A free-form line (memory figures). */
void bench_note(const char *engine, const char *section, const char *name,
                const char *mode, const char *value, const char *target, const char *verdict);

/* Writes the table as Markdown to path (appending). Returns the number of
 * failed checks recorded. */
int bench_write_markdown(const char *path, const char *heading);
int bench_failures(void);

/* Replaces every {KEY} in tmpl with the matching value; returns malloc'd. */
char *bench_subst(const char *tmpl, const char *const *keys, const char *const *vals, int n);

#endif
