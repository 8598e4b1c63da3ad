/*
 * common.c — data generator, result comparison, timing and report for the
 * benchmark drivers (see bench.h).
 */
#include "bench.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- data ---------------------------------------------------------------- */

static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static uint64_t h3(uint64_t a, uint64_t b, uint64_t c)
{
    return mix(mix(mix(a) ^ b) ^ c);
}

static double unit(uint64_t h) { return (double)(h >> 11) / 9007199254740992.0; }

int64_t bench_generate(int64_t rows, bench_row_fn fn, void *ud, int32_t *nseries)
{
    int64_t id = 0;
    int32_t s;
    bench_row r, prev;

    for (s = 1; id < rows || s == 1; s++) {
        double base = 20 + 400 * unit(h3(s, 0, 1));
        double growth = 0.08 * unit(h3(s, 0, 2)) - 0.01;
        for (int m = 0; m < BENCH_MONTHS; m++) {
            uint64_t hm = h3(s, (uint64_t)m + 1, 3);
            if (hm % 64 == 0) /* a missing month */
                continue;
            int n = 1 + (int)((hm >> 8) % (2 * BENCH_ROWS_PER_MONTH - 1));
            double level = base * pow(1 + growth, m / 12.0) *
                           (1 + 0.15 * sin(2 * 3.141592653589793 * (m % 12) / 12.0));
            for (int k = 0; k < n; k++) {
                uint64_t h = h3(s, (uint64_t)m + 1, (uint64_t)k + 10);
                if (k > 0 && h % 20 == 0) {
                    r = prev; /* a duplicate row in the same period */
                } else {
                    r.series = s;
                    r.year = (int16_t)(BENCH_YEAR0 + m / 12);
                    r.month = (int16_t)(m % 12 + 1);
                    r.v_null = (h >> 16) % 50 == 0;
                    r.v = r.v_null ? 0
                                   : round(level / BENCH_ROWS_PER_MONTH *
                                           (0.25 + 1.5 * unit(mix(h))) * 100) / 100;
                    r.part = (h >> 24) % 3 == 0;
                }
                r.id = ++id;
                prev = r;
                if (fn(ud, &r))
                    return -1;
            }
        }
    }
    *nseries = s - 1;
    return id;
}

/* ---- result sets ------------------------------------------------------------ */

void bench_rs_free(bench_rs *rs)
{
    free(rs->c);
    memset(rs, 0, sizeof *rs);
}

bench_cell *bench_rs_add_row(bench_rs *rs, int ncols)
{
    rs->ncols = ncols;
    bench_cell *c = realloc(rs->c, (size_t)(rs->nrows + 1) * ncols * sizeof *c);
    if (!c) {
        fprintf(stderr, "bench: out of memory\n");
        exit(2);
    }
    rs->c = c;
    c += (size_t)rs->nrows++ * ncols;
    memset(c, 0, (size_t)ncols * sizeof *c);
    return c;
}

static void cell_show(const bench_cell *c, char *out, size_t n)
{
    if (c->null)
        snprintf(out, n, "NULL");
    else if (c->num)
        snprintf(out, n, "%.17g", c->d);
    else
        snprintf(out, n, "'%s'", c->s);
}

bool bench_rs_equal(const bench_rs *a, const bench_rs *b, double tol, char *why, size_t n)
{
    char x[64], y[64];
    if (a->nrows != b->nrows || (a->nrows && a->ncols != b->ncols)) {
        snprintf(why, n, "shape %dx%d vs %dx%d", a->nrows, a->ncols, b->nrows, b->ncols);
        return false;
    }
    for (int i = 0; i < a->nrows * a->ncols; i++) {
        const bench_cell *p = &a->c[i], *q = &b->c[i];
        bool same;
        if (p->null || q->null)
            same = p->null == q->null;
        else if (p->num && q->num)
            same = fabs(p->d - q->d) <= tol * fmax(1, fmax(fabs(p->d), fabs(q->d)));
        else
            same = !p->num && !q->num && strcmp(p->s, q->s) == 0;
        if (!same) {
            cell_show(p, x, sizeof x);
            cell_show(q, y, sizeof y);
            snprintf(why, n, "row %d column %d: %s vs %s", i / a->ncols + 1,
                     i % a->ncols + 1, x, y);
            return false;
        }
    }
    return true;
}

/* ---- engines ------------------------------------------------------------- */

void bench_exec(bench_engine *e, const char *sql)
{
    char err[512];
    if (e->query(e->h, sql, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "bench %s: %s\n  in: %s\n", e->name, err, sql);
        exit(2);
    }
}

double bench_query_number(bench_engine *e, const char *sql)
{
    char err[512];
    bench_rs rs = {0};
    if (e->query(e->h, sql, &rs, err, sizeof err) != 0 || rs.nrows < 1 || !rs.c[0].num) {
        fprintf(stderr, "bench %s: no number from: %s (%s)\n", e->name, sql,
                rs.nrows ? "not a number" : err);
        exit(2);
    }
    double d = rs.c[0].d;
    bench_rs_free(&rs);
    return d;
}

/* ---- timing ---------------------------------------------------------------- */

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(double *x, int n)
{
    double *t = malloc((size_t)n * sizeof *t);
    memcpy(t, x, (size_t)n * sizeof *t);
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    double m = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
    free(t);
    return m;
}

static double run_one(bench_engine *e, const char *sql, const char *setup, int reps,
                      bench_rs *rs)
{
    char err[512];
    if (setup)
        bench_exec(e, setup);
    double t0 = bench_now();
    for (int i = 0; i < reps; i++)
        if (e->query(e->h, sql, i == 0 ? rs : NULL, err, sizeof err) != 0) {
            fprintf(stderr, "bench %s: %s\n  in: %s\n", e->name, err, sql);
            exit(2);
        }
    return bench_now() - t0;
}

void bench_rounds(bench_engine *e, int nq, const char *const *sql, const char *const *setup,
                  int rounds, int reps, double **times, bench_rs *rs)
{
    /* Round 0 also collects the results; fetching a few thousand rows is
     * noise next to scanning millions. */
    for (int r = 0; r < rounds; r++)
        for (int k = 0; k < nq; k++) {
            int q = (k + r) % nq;
            times[q][r] = run_one(e, sql[q], setup ? setup[q] : NULL, reps < 1 ? 1 : reps,
                                  r == 0 && rs ? &rs[q] : NULL);
        }
}

/* ---- report ---------------------------------------------------------------- */

typedef struct line {
    char engine[16], section[24], name[40], mode[24], base[40], figure[40], ms[40],
        target[24], verdict[24], check[24];
} line;

static line *lines;
static int nlines, nfail;

static line *new_line(void)
{
    line *l = realloc(lines, (size_t)(nlines + 1) * sizeof *l);
    if (!l)
        exit(2);
    lines = l;
    l = &lines[nlines++];
    memset(l, 0, sizeof *l);
    return l;
}

static void print_line(const line *l)
{
    printf("%-7s %-9s %-18s %-13s %-28s %9s %20s %8s %-6s %s\n", l->engine, l->section, l->name,
           l->mode, l->base, l->figure, l->ms, l->target, l->verdict, l->check);
    fflush(stdout);
}

void bench_report(const char *engine, const char *section, const char *name,
                  const char *mode, const char *base, const double *t_ours,
                  const double *t_base, int rounds, bool as_speedup, bench_tgt tgt,
                  double target, const char *check)
{
    double *ratio = malloc((size_t)rounds * sizeof *ratio);
    double *a = malloc((size_t)rounds * sizeof *a), *b = malloc((size_t)rounds * sizeof *b);
    for (int r = 0; r < rounds; r++) {
        ratio[r] = as_speedup ? t_base[r] / t_ours[r] : t_ours[r] / t_base[r];
        a[r] = t_ours[r];
        b[r] = t_base[r];
    }
    double m = bench_median(ratio, rounds);
    line *l = new_line();
    snprintf(l->engine, sizeof l->engine, "%s", engine);
    snprintf(l->section, sizeof l->section, "%s", section);
    snprintf(l->name, sizeof l->name, "%s", name);
    snprintf(l->mode, sizeof l->mode, "%s", mode);
    snprintf(l->base, sizeof l->base, "%s", base);
    snprintf(l->figure, sizeof l->figure, as_speedup ? "%.2fx" : "%.2f", m);
    snprintf(l->ms, sizeof l->ms, "%.0f / %.0f", bench_median(a, rounds),
             bench_median(b, rounds));
    if (tgt == TGT_MAX)
        snprintf(l->target, sizeof l->target, "<= %.1f", target);
    else if (tgt == TGT_MIN)
        snprintf(l->target, sizeof l->target, ">= %.1fx", target);
    snprintf(l->verdict, sizeof l->verdict, "%s",
             tgt == TGT_NONE                           ? ""
             : (tgt == TGT_MAX ? m <= target : m >= target) ? "met"
                                                           : "MISSED");
    snprintf(l->check, sizeof l->check, "%s", check ? check : "");
    if (check && strncmp(check, "FAIL", 4) == 0)
        nfail++;
    print_line(l);
    free(ratio);
    free(a);
    free(b);
}

void bench_note(const char *engine, const char *section, const char *name,
                const char *mode, const char *value, const char *target, const char *verdict)
{
    line *l = new_line();
    snprintf(l->engine, sizeof l->engine, "%s", engine);
    snprintf(l->section, sizeof l->section, "%s", section);
    snprintf(l->name, sizeof l->name, "%s", name);
    snprintf(l->mode, sizeof l->mode, "%s", mode);
    snprintf(l->figure, sizeof l->figure, "%s", value);
    snprintf(l->target, sizeof l->target, "%s", target ? target : "");
    snprintf(l->verdict, sizeof l->verdict, "%s", verdict ? verdict : "");
    print_line(l);
}

int bench_failures(void) { return nfail; }

int bench_write_markdown(const char *path, const char *heading)
{
    FILE *f = fopen(path, "a");
    if (!f) {
        perror(path);
        return nfail;
    }
    fprintf(f, "\n### %s\n\n", heading);
    fprintf(f, "| section | aggregate | mode | compared with | figure | ms ours / base | target | "
               "verdict | results |\n");
    fprintf(f, "|---|---|---|---|---:|---:|---|---|---|\n");
    for (int i = 0; i < nlines; i++) {
        const line *l = &lines[i];
        fprintf(f, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", l->section, l->name,
                l->mode, l->base, l->figure, l->ms, l->target, l->verdict, l->check);
    }
    fclose(f);
    return nfail;
}

char *bench_subst(const char *tmpl, const char *const *keys, const char *const *vals, int n)
{
    size_t cap = strlen(tmpl) * 4 + 256, len = 0;
    char *out = malloc(cap);
    for (const char *p = tmpl; *p;) {
        int k = -1;
        if (*p == '{')
            for (int i = 0; i < n; i++) {
                size_t kl = strlen(keys[i]);
                if (strncmp(p + 1, keys[i], kl) == 0 && p[1 + kl] == '}') {
                    k = i;
                    break;
                }
            }
        const char *add = k >= 0 ? vals[k] : p;
        size_t al = k >= 0 ? strlen(vals[k]) : 1;
        if (len + al + 1 > cap) {
            cap = 2 * (len + al + 1);
            out = realloc(out, cap);
        }
        memcpy(out + len, add, al);
        len += al;
        p += k >= 0 ? strlen(keys[k]) + 2 : 1;
    }
    out[len] = '\0';
    return out;
}
