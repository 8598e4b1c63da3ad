/* ref.c — the slow reference (see ref.h). Every sum is exact (ref_exact.c)
 * and rounded once, as SPEC "Values" defines it. */
#include "ref.h"
#include "ref_exact.h"

#include <math.h>
#include <stdlib.h>

typedef struct ymd {
    int y, m, d;
} ymd;

static int cmp(ymd a, ymd b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    return a.d == b.d ? 0 : a.d < b.d ? -1 : 1;
}

static ymd at(const ref_row *r) { return (ymd){r->y, r->m, r->d}; }

static ta_result real(double d);
static ta_result null(void);

static ymd one_year_before(ymd p, bool annual)
{
    if (annual)
        return (ymd){p.y - 1, 0, 0};
    if (p.m == 2 && p.d == 29)
        p.d = 28;
    p.y -= 1;
    return p;
}

/* k calendar months earlier, walked one month at a time, the day clamped
 * to the month's end; false before year 1. */
static bool months_before(ymd p, int k, bool annual, ymd *out)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (annual) {
        *out = (ymd){p.y - k / 12, 0, 0};
        return out->y >= 1;
    }
    for (int i = 0; i < k; i++)
        if (--p.m == 0) {
            p.m = 12;
            p.y--;
        }
    int last = dim[p.m - 1] + (p.m == 2 && ((p.y % 4 == 0 && p.y % 100 != 0) || p.y % 400 == 0));
    if (p.d > last)
        p.d = last;
    *out = p;
    return p.y >= 1;
}

static ymd fiscal_start(ymd p, bool annual, int fy)
{
    if (annual)
        return p;
    return (ymd){p.m >= fy ? p.y : p.y - 1, fy, 1};
}

static double rounded(const ref_exact *x)
{
    double d;
    return rx_round(x, 0, &d) ? d : INFINITY;
}

/* Sum (exact, rounded once) and row count over lo <= period <= hi. */
static double between(const ref_set *s, ymd lo, ymd hi, int *count)
{
    ref_exact sum;
    rx_init(&sum);
    *count = 0;
    for (int i = 0; i < s->n; i++)
        if (cmp(at(&s->rows[i]), lo) >= 0 && cmp(at(&s->rows[i]), hi) <= 0) {
            rx_add(&sum, s->rows[i].value);
            ++*count;
        }
    double d = rounded(&sum);
    rx_free(&sum);
    return d;
}

/* The non-periodic aggregates, from the exact sums of every row. */
static ta_result non_periodic(ta_agg_kind kind, const ref_set *s)
{
    ref_exact total, part, squares;
    double d = 0;
    ta_result r;
    rx_init(&total);
    rx_init(&part);
    rx_init(&squares);
    for (int i = 0; i < s->n; i++) {
        rx_add(&total, s->rows[i].value);
        if (s->rows[i].part)
            rx_add(&part, s->rows[i].value);
        rx_add_square(&squares, s->rows[i].value);
    }
    switch (kind) {
    case TA_AGG_CUMULATIVE: r = real(rounded(&total)); break;
    case TA_AGG_TARGET_ATTAINMENT: r = real(rounded(&total) / s->target); break;
    case TA_AGG_SHARE_OF:
        r = rx_sign(&total) == 0 ? null() : real(rounded(&part) / rounded(&total));
        break;
    default: /* hhi */
        r = rx_sign(&total) == 0 ? null() : real(rx_hhi(&squares, &total, &d) ? d : INFINITY);
        break;
    }
    rx_free(&total);
    rx_free(&part);
    rx_free(&squares);
    return r;
}

static ta_result real(double d)
{
    ta_result r = {TA_R_REAL, d, {TA_PK_NONE, 0}, 0};
    return r;
}

static ta_result null(void)
{
    ta_result r = {TA_R_NULL, 0, {TA_PK_NONE, 0}, 0};
    return r;
}

static ta_result growth(double cur, double prev)
{
    return prev == 0 ? null() : real((cur - prev) / fabs(prev));
}

static ta_result count(int64_t n)
{
    ta_result r = {TA_R_INT, 0, {TA_PK_NONE, 0}, n};
    return r;
}

static ymd latest(const ref_set *s)
{
    ymd l = at(&s->rows[0]);
    for (int i = 1; i < s->n; i++)
        if (cmp(at(&s->rows[i]), l) > 0)
            l = at(&s->rows[i]);
    return l;
}

/* Earliest period whose running total over all earlier periods reaches the
 * target: try each distinct period in turn. */
static ta_result reached(const ref_set *s)
{
    ymd best = {0, 0, 0};
    bool found = false;
    for (int i = 0; i < s->n; i++) {
        int c;
        ymd p = at(&s->rows[i]);
        if (between(s, (ymd){-1, 0, 0}, p, &c) >= s->target && (!found || cmp(p, best) < 0)) {
            best = p;
            found = true;
        }
    }
    if (!found)
        return null();
    ta_result r = {TA_R_PERIOD, 0, {TA_PK_YEAR, best.y}, 0};
    if (!s->annual)
        r.period = (ta_period){TA_PK_DATE, best.y * 10000 + best.m * 100 + best.d};
    return r;
}

static ta_result from_ytd(const ref_set *s, ymd l)
{
    int c;
    double cur = between(s, l, l, &c);
    ymd prev = {-1, 0, 0};
    bool has_prev = false;
    for (int i = 0; i < s->n; i++) {
        ymd p = at(&s->rows[i]);
        if (cmp(p, l) < 0 && (!has_prev || cmp(p, prev) > 0)) {
            prev = p;
            has_prev = true;
        }
    }
    if (has_prev && cmp(prev, fiscal_start(l, s->annual, s->fy)) >= 0)
        return real(cur - between(s, prev, prev, &c));
    return real(cur);
}

static bool same_comp(const ref_row *a, const ref_row *b)
{
    return a->comp_type == b->comp_type && a->comp == b->comp;
}

/* HHI over competitors: each competitor's total first (quadratic, on
 * purpose: nothing shared with the core's table). */
static ta_result hhi_by_competitor(const ref_set *s)
{
    double q = 0, total = 0;
    for (int i = 0; i < s->n; i++) {
        bool first = true;
        for (int j = 0; j < i; j++)
            first = first && !same_comp(&s->rows[i], &s->rows[j]);
        if (!first)
            continue;
        double t = 0;
        for (int j = i; j < s->n; j++)
            if (same_comp(&s->rows[i], &s->rows[j]))
                t += s->rows[j].value;
        q += t * t;
        total += t;
    }
    return total == 0 ? null() : real(q / (total * total));
}

/* Distinct periods among the rows with lo <= period <= hi. */
static int distinct_periods(const ref_set *s, ymd lo, ymd hi)
{
    int n = 0;
    for (int i = 0; i < s->n; i++) {
        ymd p = at(&s->rows[i]);
        bool first = cmp(p, lo) >= 0 && cmp(p, hi) <= 0;
        for (int j = 0; first && j < i; j++)
            first = cmp(at(&s->rows[j]), p) != 0;
        n += first;
    }
    return n;
}

/* The part's rows only. */
static double part_between(const ref_set *s, ymd lo, ymd hi)
{
    double sum = 0;
    for (int i = 0; i < s->n; i++)
        if (s->rows[i].part && cmp(at(&s->rows[i]), lo) >= 0 && cmp(at(&s->rows[i]), hi) <= 0)
            sum += s->rows[i].value;
    return sum;
}

static ta_result round2(ta_agg_kind kind, const ref_set *s, ymd l, ymd start)
{
    int c, c2;
    ymd b, ps, pl;
    bool has_pl = months_before(l, 12, s->annual, &pl);
    if (!months_before(start, 12, s->annual, &ps))
        ps = (ymd){-1, 0, 0};
    switch (kind) {
    case TA_AGG_PERIOD_GROWTH: {
        if (!months_before(l, s->months, s->annual, &b))
            return null();
        double prev = between(s, b, b, &c);
        return c == 0 ? null() : growth(between(s, l, l, &c2), prev);
    }
    case TA_AGG_TRAILING: {
        double sum = 0;
        bool any = months_before(l, s->months, s->annual, &b);
        for (int i = 0; i < s->n; i++) {
            ymd p = at(&s->rows[i]);
            if (cmp(p, l) <= 0 && (!any || cmp(p, b) > 0))
                sum += s->rows[i].value;
        }
        return real(sum);
    }
    case TA_AGG_PRIOR_YEAR: {
        double v = has_pl ? between(s, pl, pl, &c) : (c = 0);
        return c == 0 ? null() : real(v);
    }
    case TA_AGG_PRIOR_YTD: {
        double v = has_pl ? between(s, ps, pl, &c) : (c = 0);
        return c == 0 ? null() : real(v);
    }
    case TA_AGG_YTD_CONTRIBUTION: {
        double prev = has_pl ? between(s, ps, pl, &c) : (c = 0);
        if (c == 0 || prev == 0)
            return null();
        double num = part_between(s, start, l) - (has_pl ? part_between(s, ps, pl) : 0);
        return real(num / prev);
    }
    case TA_AGG_INDEX: {
        ymd base = {s->base_y, s->base_m, s->base_d};
        double v = between(s, base, base, &c);
        return c == 0 || v == 0 ? null() : real(100 * (between(s, l, l, &c2) / v));
    }
    case TA_AGG_YTD_PERIOD_COUNT: return count(distinct_periods(s, start, l));
    default: abort();
    }
}

ta_result ref_answer(ta_agg_kind kind, const ref_set *s)
{
    int c, c2;
    if (s->n == 0)
        return null();
    switch (kind) {
    case TA_AGG_CUMULATIVE:
    case TA_AGG_TARGET_ATTAINMENT:
    case TA_AGG_SHARE_OF:
    case TA_AGG_HHI: return non_periodic(kind, s);
    default: break;
    }
    if (kind == TA_AGG_TRADE_BALANCE || kind == TA_AGG_COVERAGE) {
        double ex = 0, im = 0;
        int imports = 0;
        for (int i = 0; i < s->n; i++) {
            ex += s->rows[i].is_export ? s->rows[i].value : 0;
            im += s->rows[i].is_export ? 0 : s->rows[i].value;
            imports += !s->rows[i].is_export;
        }
        if (kind == TA_AGG_TRADE_BALANCE)
            return real(ex - im);
        return imports == 0 || im == 0 ? null() : real(ex / im);
    }
    if (kind == TA_AGG_HHI_COMPETITOR)
        return hhi_by_competitor(s);
    ymd l = latest(s);
    ymd start = fiscal_start(l, s->annual, s->fy);
    ymd before = one_year_before(l, s->annual);
    double ytd = between(s, start, l, &c);
    switch (kind) {
    case TA_AGG_YTD: return real(ytd);
    case TA_AGG_TTM: {
        double upto = between(s, (ymd){-1, 0, 0}, l, &c);
        return real(upto - between(s, (ymd){-1, 0, 0}, before, &c));
    }
    case TA_AGG_YOY: {
        double prev = between(s, before, before, &c);
        return c == 0 ? null() : growth(between(s, l, l, &c2), prev);
    }
    case TA_AGG_YTD_YOY: {
        double prev = between(s, one_year_before(start, s->annual), before, &c);
        return c == 0 ? null() : growth(ytd, prev);
    }
    case TA_AGG_PROJECTED: {
        int months = s->annual ? 12 : (l.m - s->fy + 12) % 12 + 1;
        return real(ytd * 12 / months);
    }
    case TA_AGG_TARGET_REACHED_AT: return reached(s);
    case TA_AGG_PERIOD_FROM_YTD: return from_ytd(s, l);
    default: return round2(kind, s, l, start);
    }
}

ta_result ref_answer_non_null(ta_agg_kind kind, const ref_row *rows, int n, ref_set params)
{
    ref_row *kept = malloc(((size_t)n + 1) * sizeof *kept);
    if (!kept)
        abort();
    params.rows = kept;
    params.n = 0;
    for (int i = 0; i < n; i++)
        if (!isnan(rows[i].value) &&
            !((kind == TA_AGG_TRADE_BALANCE || kind == TA_AGG_COVERAGE) && rows[i].is_export < 0) &&
            !(kind == TA_AGG_HHI_COMPETITOR && rows[i].comp_type == 0))
            kept[params.n++] = rows[i];
    ta_result r = ref_answer(kind, &params);
    free(kept);
    return r;
}
