/*
 * test_ptable.c — the period table (src/ta_ptable.h) against a plain model
 * (a count and a sum per key, in arrays indexed by key) under every arrival
 * order: ascending, descending, shuffled, random adds and removes, sliding
 * frames, draining, merges and byte round trips. Values are integers, so the
 * model's double sums are exact. After each scenario the tree's structure is
 * checked too: sorted leaves, separators that bound their subtrees, the
 * chain of leaves, and leaves filled as the layout promises.
 */
#include "rows.h"
#include "ta_ptree.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define K 30000 /* keys 1 .. K-1 */

static uint32_t count[K];
static double sum[K];
static const ta_allocator *al = &test_allocator;

static void model_clear(void)
{
    memset(count, 0, sizeof count);
    memset(sum, 0, sizeof sum);
}

static bool add(ta_ptable *t, int32_t k, double v)
{
    count[k]++;
    sum[k] += v;
    return ta_pt_add(t, k, v, al) == TA_OK;
}

static bool del(ta_ptable *t, int32_t k, double v)
{
    count[k]--;
    sum[k] -= v;
    return ta_pt_remove(t, k, v, al) == TA_OK;
}

/* ---- structure ----------------------------------------------------------- */

typedef struct walk {
    const pt_leaf *prev; /* the leaf before, in tree order */
    uint32_t leaves, entries;
    uint64_t rows;
    bool ok;
    char why[120];
} walk;

static void fail(walk *w, const char *why)
{
    if (w->ok)
        snprintf(w->why, sizeof w->why, "%s", why);
    w->ok = false;
}

/* Keys under p lie in [lo, hi). */
static void walk_tree(const ta_ptable *t, const void *p, uint32_t h, int64_t lo, int64_t hi,
                      walk *w)
{
    if (h == 0) {
        const pt_leaf *l = p;
        if (l->n == 0 || l->n > l->cap || (t->height > 0 && l->cap != PT_LEAF_CAP))
            fail(w, "leaf size");
        for (uint32_t i = 0; i < l->n; i++) {
            const int32_t *key = PT_KEY(l);
            if (key[i] < lo || key[i] >= hi || (i && key[i] <= key[i - 1]))
                fail(w, "leaf key out of order or out of its bounds");
            if (PT_CNT(l)[i] == 0)
                fail(w, "empty entry");
            w->rows += PT_CNT(l)[i];
        }
        if (w->prev ? w->prev->next != l : t->first != l)
            fail(w, "leaf chain");
        w->prev = l;
        w->leaves++;
        w->entries += l->n;
        return;
    }
    const pt_node *n = p;
    if (n->n == 0 || n->n > PT_NODE_CAP)
        fail(w, "node size");
    for (uint32_t i = 0; i < n->n; i++) {
        int64_t a = i ? n->key[i] : lo, b = i + 1 < n->n ? n->key[i + 1] : hi;
        if (a < lo || b > hi || a >= b)
            fail(w, "separators");
        walk_tree(t, n->kid[i], h - 1, a, b, w);
    }
}

static walk check_tree(const ta_ptable *t)
{
    walk w = {NULL, 0, 0, 0, true, ""};
    if (t->root)
        walk_tree(t, t->root, t->height, INT64_MIN, INT64_MAX, &w);
    if (w.prev != t->last || (w.prev && w.prev->next))
        fail(&w, "last leaf");
    if (w.entries != t->size || w.rows != t->rows)
        fail(&w, "size or rows");
    if (!t->root && (t->first || t->last || t->height))
        fail(&w, "empty table");
    return w;
}

/* ---- contents --------------------------------------------------------------- */

static double rounded(const ta_xsum *s)
{
    double d = NAN;
    ta_xsum_round(s, &d);
    return d;
}

/* Everything the table answers, against the model. */
static bool same_as_model(const ta_ptable *t, const char *what)
{
    ta_pt_cursor c;
    int32_t key, last = 0, k = 1;
    uint32_t n, periods = 0;
    const ta_xsum *s;
    uint64_t rows = 0;
    char why[160] = "";

    if (ta_pt_settle(t, al) != TA_OK)
        snprintf(why, sizeof why, "the waiting rows could not be applied");
    ta_pt_seek(t, INT32_MIN, &c);
    while (!*why && ta_pt_next(t, &c, &key, &n, &s)) {
        while (k < K && count[k] == 0)
            k++;
        if (key != k || n != count[k] || rounded(s) != sum[k])
            snprintf(why, sizeof why, "entry %d (count %u), expected %d (count %u)", key, n, k,
                     k < K ? count[k] : 0);
        last = k++;
        periods++;
        rows += n;
    }
    for (; !*why && k < K; k++)
        if (count[k])
            snprintf(why, sizeof why, "key %d missing", k);
    if (!*why && (ta_pt_size(t) != periods || ta_pt_rows(t) != rows))
        snprintf(why, sizeof why, "size %u / rows %llu", ta_pt_size(t),
                 (unsigned long long)ta_pt_rows(t));
    int32_t got;
    if (!*why && (ta_pt_last(t, &got) ? got != last || !periods : periods != 0))
        snprintf(why, sizeof why, "last period");
    /* Random ranges, previous periods and seeks. */
    for (int q = 0; q < 200 && !*why; q++) {
        int32_t lo = rnd_int(0, K), hi = lo + rnd_int(-2, q % 2 ? 40 : K);
        ta_xsum acc = TA_XSUM_ZERO;
        uint64_t r = 0, want_r = 0;
        uint32_t p = 0, want_p = 0;
        double want = 0;
        for (int32_t i = lo < 1 ? 1 : lo; i <= hi && i < K; i++)
            if (count[i]) {
                want += sum[i];
                want_r += count[i];
                want_p++;
            }
        ta_pt_range(t, lo, hi, &acc, &r, &p, al);
        if (rounded(&acc) != want || r != want_r || p != want_p)
            snprintf(why, sizeof why, "range %d..%d: %.17g over %u", lo, hi, rounded(&acc), p);
        ta_xsum_free(&acc, al);
        int32_t prev = -1, want_prev = lo - 1;
        while (want_prev > 0 && want_prev < K && count[want_prev] == 0)
            want_prev--;
        if (want_prev >= K)
            want_prev = last;
        bool has = ta_pt_prev(t, lo, &prev);
        if (has != (want_prev > 0 && periods > 0) || (has && prev != want_prev))
            snprintf(why, sizeof why, "prev of %d: %d, expected %d", lo, has ? prev : 0,
                     want_prev);
    }
    walk w = check_tree(t);
    if (!*why && !w.ok)
        snprintf(why, sizeof why, "structure: %s", w.why);
    if (what) /* NULL: the caller reports */
        tap_ok(!*why, "%s: the table matches the model", what);
    if (*why)
        tap_diag("%s", why);
    return !*why;
}

static void shuffle(int32_t *k, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = rnd_int(0, i);
        int32_t x = k[i];
        k[i] = k[j];
        k[j] = x;
    }
}

static int32_t keys[K];

static void fill_keys(int n, int order) /* 0 ascending, 1 descending, 2 shuffled */
{
    for (int i = 0; i < n; i++)
        keys[i] = order == 1 ? n - i : i + 1;
    if (order == 2)
        shuffle(keys, n);
}

/* ---- scenarios ------------------------------------------------------------ */

static void orders(void)
{
    static const char *name[] = {"ascending", "descending", "shuffled"};
    for (int order = 0; order < 3; order++) {
        ta_ptable t;
        int n = K - 1;
        bool ok = true;
        ta_pt_init(&t);
        model_clear();
        fill_keys(n, order);
        for (int i = 0; i < n; i++) {
            ok &= add(&t, keys[i], rnd_int(-1000, 1000));
            if (i % 7 == 0) /* a second row of a period seen before */
                ok &= add(&t, keys[rnd_int(0, i)], rnd_int(-1000, 1000));
        }
        tap_ok(ok, "%s periods: every add succeeds", name[order]);
        same_as_model(&t, name[order]);
        walk w = check_tree(&t);
        /* Leaves at either end of the table split leaving the old leaf full;
         * elsewhere in half. */
        uint32_t most = order < 2 ? (t.size + PT_LEAF_CAP - 1) / PT_LEAF_CAP + 1
                                  : t.size / (PT_LEAF_CAP / 2) + 2;
        tap_ok(w.leaves <= most, "%s periods: %u leaves for %u periods (at most %u)", name[order],
               w.leaves, t.size, most);
        ta_pt_free(&t, al);
    }
}

/* Random adds and removes over a few hundred keys or all of them. */
static void churn(void)
{
    for (int round = 0; round < 2; round++) {
        ta_ptable t;
        int span = round ? K - 1 : 300;
        bool ok = true;
        ta_pt_init(&t);
        model_clear();
        for (int step = 0; step < 200000; step++) {
            int32_t k = rnd_int(1, span);
            if (count[k] && rnd_int(0, 2) == 0)
                ok &= del(&t, k, count[k] == 1 ? sum[k] : rnd_int(-50, 50));
            else
                ok &= add(&t, k, rnd_int(-50, 50));
            if (step % 50000 == 49999)
                ok &= same_as_model(&t, round ? "random adds and removes, many keys"
                                              : "random adds and removes, few keys");
        }
        tap_ok(ok, "random adds and removes: every step succeeds");
        tap_ok(ta_pt_remove(&t, K + 5, 1, al) == TA_ERR_INTERNAL &&
                   ta_pt_remove(&t, 0, 1, al) == TA_ERR_INTERNAL,
               "removing a period without rows is refused");
        /* Drain in random order: the table ends empty and holds nothing. */
        int n = 0;
        int32_t *rows = malloc(ta_pt_rows(&t) * sizeof *rows);
        for (int32_t k = 1; k < K; k++)
            for (uint32_t r = 0; r < count[k]; r++)
                rows[n++] = k;
        shuffle(rows, n);
        for (int i = 0; i < n; i++)
            ok &= del(&t, rows[i], count[rows[i]] == 1 ? sum[rows[i]] : 0);
        free(rows);
        tap_ok(ok && ta_pt_size(&t) == 0 && ta_pt_rows(&t) == 0 && t.root == NULL &&
                   ta_pt_mem_size(&t) == 0,
               "drained in random order: empty, no memory held");
        same_as_model(&t, "drained");
        ok &= add(&t, 7, 1);
        same_as_model(&t, "reused after draining");
        ta_pt_free(&t, al);
    }
}

/* A frame of W periods slides over ascending and descending periods. */
static void sliding(void)
{
    static const int width[] = {1, 5, 200, 5000};
    for (int wi = 0; wi < 4; wi++)
        for (int dir = 0; dir < 2; dir++) {
            ta_ptable t;
            int w = width[wi], n = K - 1;
            bool ok = true;
            size_t peak = 0;
            ta_pt_init(&t);
            model_clear();
            fill_keys(n, dir);
            for (int i = 0; i < n; i++) {
                ok &= add(&t, keys[i], i % 13);
                ok &= add(&t, keys[i], 1);
                if (i >= w) {
                    ok &= del(&t, keys[i - w], (i - w) % 13);
                    ok &= del(&t, keys[i - w], 1);
                }
                if (ta_pt_mem_size(&t) > peak)
                    peak = ta_pt_mem_size(&t);
            }
            char what[80];
            snprintf(what, sizeof what, "frame of %d periods sliding %s", w,
                     dir ? "down" : "up");
            tap_ok(ok, "%s: every step succeeds", what);
            same_as_model(&t, what);
            size_t most = (size_t)(w / (PT_LEAF_CAP / 4) + 3) * pt_leaf_bytes(PT_LEAF_CAP) +
                          (size_t)(w / (PT_LEAF_CAP / 4) / (PT_NODE_MIN) + 3) * 4 * sizeof(pt_node);
            tap_ok(peak <= most, "%s: memory stays with the frame (%zu B, at most %zu)", what,
                   peak, most);
            ta_pt_free(&t, al);
        }
}

/* Enough distinct periods for three inner levels, then removals in every
 * order: leaves and inner nodes join and share with their neighbours, and
 * the root gives way, at every level. One row per period, value key % 13. */
static void deep(void)
{
    static const char *name[] = {"ascending", "descending", "shuffled"};
    enum { N = 600000 };
    int32_t *k = malloc(N * sizeof *k);
    for (int order = 0; order < 3; order++) {
        ta_ptable t;
        bool ok = true;
        int64_t total = 0;
        ta_pt_init(&t);
        for (int i = 0; i < N; i++)
            k[i] = i + 1;
        shuffle(k, N);
        for (int i = 0; i < N; i++) {
            ok &= ta_pt_add(&t, k[i], k[i] % 13, al) == TA_OK;
            total += k[i] % 13;
        }
        uint32_t height = t.height;
        for (int i = 0; i < N; i++)
            k[i] = order == 1 ? N - i : i + 1;
        if (order == 2)
            shuffle(k, N);
        /* Remove all but every 1000th of the removal order, checking the
         * structure on the way. */
        walk w = check_tree(&t);
        for (int i = 0; i < N && w.ok; i++) {
            if (i % 1000 == 999)
                continue;
            ok &= ta_pt_remove(&t, k[i], k[i] % 13, al) == TA_OK;
            total -= k[i] % 13;
            if (i % 25000 == 0)
                w = check_tree(&t);
        }
        if (w.ok)
            w = check_tree(&t);
        ta_xsum acc = TA_XSUM_ZERO;
        uint64_t rows = 0;
        ok &= ta_pt_range(&t, INT32_MIN, INT32_MAX, &acc, &rows, NULL, al) == TA_OK;
        tap_ok(ok && height >= 3 && w.ok && ta_pt_size(&t) == N / 1000 && rows == N / 1000 &&
                   rounded(&acc) == (double)total,
               "%d periods (height %u), removed in %s order down to %d: %s", N, height,
               name[order], N / 1000, w.ok ? "tree and sums intact" : w.why);
        ta_xsum_free(&acc, al);
        /* Then the rest: the table ends empty. */
        for (int i = 999; i < N; i += 1000)
            ok &= ta_pt_remove(&t, k[i], k[i] % 13, al) == TA_OK;
        tap_ok(ok && t.root == NULL && t.height == 0 && ta_pt_mem_size(&t) == 0,
               "%s removal: empty at the end", name[order]);
        ta_pt_free(&t, al);
    }
    free(k);
}

/* An allocator that fails the Nth allocation from now (and every one after). */
static long fail_in;
static void *failing_alloc(void *ud, size_t n)
{
    (void)ud;
    return --fail_in < 0 ? NULL : malloc(n);
}
static void failing_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}
static const ta_allocator failing = {failing_alloc, failing_free, NULL};

/* Out of memory while adding a period, at each allocation an add makes
 * (a new leaf, then a new node per level a split climbs): the add fails
 * with TA_ERR_NOMEM, the table is left as it was, and the same add then
 * succeeds with memory. 20000 ascending periods reach splits of two
 * inner levels. */
static void out_of_memory(void)
{
    for (long at = 0; at < 3; at++) {
        ta_ptable t;
        bool ok = true;
        int refused = 0;
        ta_pt_init(&t);
        for (int32_t key = 1; key <= 20000 && ok; key++) {
            fail_in = at;
            ta_status st = ta_pt_add(&t, key, 1, &failing);
            if (st == TA_ERR_NOMEM) {
                refused++;
                walk w = check_tree(&t);
                ok &= w.ok && ta_pt_size(&t) == (uint32_t)(key - 1);
                fail_in = 1000;
                st = ta_pt_add(&t, key, 1, &failing);
            }
            ok &= st == TA_OK;
        }
        walk w = check_tree(&t);
        tap_ok(ok && refused > 0 && w.ok && ta_pt_size(&t) == 20000,
               "out of memory at allocation %ld of an add: refused %d times, the table "
               "unchanged each time",
               at + 1, refused);
        ta_pt_free(&t, al);
    }
}

static void merges(void)
{
    for (int round = 0; round < 6; round++) {
        ta_ptable a, b;
        bool ok = true;
        ta_pt_init(&a);
        ta_pt_init(&b);
        model_clear();
        int na = round == 0 ? 0 : rnd_int(1, round > 3 ? K - 1 : 500);
        int nb = round == 1 ? 0 : rnd_int(1, round > 3 ? K - 1 : 500);
        for (int i = 0; i < na; i++)
            ok &= add(&a, rnd_int(1, round == 3 ? K / 2 : K - 1), rnd_int(-9, 9));
        for (int i = 0; i < nb; i++)
            ok &= add(&b, rnd_int(round == 3 ? K / 2 : 1, K - 1), rnd_int(-9, 9));
        ok &= ta_pt_settle(&b, al) == TA_OK && ta_pt_merge(&a, &b, al) == TA_OK;
        tap_ok(ok, "merge %d (%d and %d rows) succeeds", round, na, nb);
        same_as_model(&a, "merged");
        ta_pt_free(&a, al);
        ta_pt_free(&b, al);
    }
}

static void bytes(void)
{
    ta_ptable t, back;
    bool ok = true;
    ta_pt_init(&t);
    model_clear();
    fill_keys(9999, 2);
    for (int i = 0; i < 9999; i++)
        ok &= add(&t, keys[i], rnd_int(-99, 99));
    ok &= ta_pt_settle(&t, al) == TA_OK;
    size_t n = ta_pt_serial_size(&t);
    uint8_t *buf = malloc(n + 1);
    const uint8_t *p = buf;
    ok &= ta_pt_serialize(&t, buf) == buf + n;
    ok &= ta_pt_deserialize(&back, TA_PK_YEAR, &p, buf + n, al) == TA_OK && p == buf + n;
    tap_ok(ok, "a table of 9999 years goes to bytes and back");
    same_as_model(&back, "read back");
    ta_pt_free(&back, al);
    /* Bytes that the table would not have written are refused. */
    p = buf;
    tap_ok(ta_pt_deserialize(&back, TA_PK_DATE, &p, buf + n, al) == TA_ERR_STATE &&
               back.root == NULL,
           "years read as dates are refused");
    memcpy(buf + 4 + 24, buf + 4, 4); /* the second key repeats the first */
    p = buf;
    tap_ok(ta_pt_deserialize(&back, TA_PK_YEAR, &p, buf + n, al) == TA_ERR_STATE,
           "repeated keys are refused");
    buf[0] = 0xff;
    p = buf;
    tap_ok(ta_pt_deserialize(&back, TA_PK_YEAR, &p, buf + n, al) == TA_ERR_STATE,
           "a period count past the end is refused");
    free(buf);
    ta_pt_free(&t, al);
}

/* target_reached_at's running scan against recomputing from scratch. */
static bool reached_model(double target, int32_t *key)
{
    double run = 0;
    for (int32_t k = 1; k < K; k++)
        if (count[k]) {
            run += sum[k];
            if (run >= target) {
                *key = k;
                return true;
            }
        }
    return false;
}

static void reached(void)
{
    ta_ptable t;
    bool ok = true;
    int reads = 0;
    ta_pt_init(&t);
    model_clear();
    for (int step = 0; step < 6000; step++) {
        /* Mostly a running window (new periods at the end); now and then a
         * change before the scanned position, or a period removed. */
        int32_t k;
        int r = rnd_int(0, 19);
        if (r == 0)
            k = rnd_int(1, K - 1);
        else
            k = (int32_t)(step * 4 + 1) % (K - 1) + 1;
        if (r == 1 && count[k])
            ok &= del(&t, k, count[k] == 1 ? sum[k] : 3);
        else
            ok &= add(&t, k, rnd_int(-40, 60));
        double target = step < 3000 ? 20000 : 5000 + (step % 3);
        bool found, want_found;
        int32_t got = 0, want = 0;
        ok &= ta_pt_reached(&t, target, &found, &got, al) == TA_OK;
        want_found = reached_model(target, &want);
        if (found != want_found || (found && got != want)) {
            if (ok)
                tap_diag("step %d: reached %d at %d, expected %d at %d", step, found, got,
                         want_found, want);
            ok = false;
        }
        reads++;
    }
    tap_ok(ok, "running target_reached_at scan matches recomputation (%d reads)", reads);
    ta_pt_free(&t, al);
}

/* ---- rows waiting to join the tree ------------------------------------------- */

/* Random adds (mostly to new periods, in random order, so that rows wait),
 * removals, range reads, merges of another table, byte round trips and
 * size queries on a table past PT_PEND_MIN_SIZE periods, against the model
 * after every operation that reads. */
static void waiting(void)
{
    ta_ptable t;
    bool ok = true;
    int waited = 0, bad = 0, reads = 0;
    ta_pt_init(&t);
    model_clear();
    fill_keys(K - 1, 2);
    for (int i = 0; i < PT_PEND_MIN_SIZE + 500; i++)
        ok &= add(&t, keys[i], rnd_int(-50, 50));
    for (int step = 0; step < 4000 && ok && !bad; step++) {
        int op = rnd_int(0, 99);
        if (op < 70) { /* a burst of adds */
            for (int j = rnd_int(1, 300); j > 0; j--)
                ok &= add(&t, rnd_int(1, K - 1), rnd_int(-50, 50));
            waited += !pt_settled(&t);
        } else if (op < 80) { /* remove a row of a period that has one */
            int32_t k = rnd_int(1, K - 1);
            while (count[k] == 0)
                k = k % (K - 1) + 1;
            /* Any value of a period's rows but the last; the last takes
             * what is left, so a period that goes has the exact sum 0. */
            ok &= del(&t, k, count[k] == 1 ? sum[k] : (double)rnd_int(-50, 50));
        } else if (op < 90) { /* a range sum */
            int32_t lo = rnd_int(1, K - 1), hi = lo + rnd_int(0, 3000);
            ta_xsum acc = TA_XSUM_ZERO;
            uint64_t rows = 0, mrows = 0;
            uint32_t periods = 0, mperiods = 0;
            double want = 0;
            ok &= ta_pt_range(&t, lo, hi, &acc, &rows, &periods, al) == TA_OK;
            for (int32_t k = lo; k <= hi && k < K; k++) {
                want += sum[k];
                mrows += count[k];
                mperiods += count[k] > 0;
            }
            bad += !pt_settled(&t) || rounded(&acc) != want || rows != mrows ||
                   periods != mperiods || ta_pt_rows(&t) != t.rows;
            ta_xsum_free(&acc, al);
            reads++;
        } else if (op < 95) { /* merge a small table in */
            ta_ptable o;
            ta_pt_init(&o);
            for (int j = rnd_int(1, 100); j > 0; j--) {
                int32_t k = rnd_int(1, K - 1);
                double v = rnd_int(-50, 50);
                count[k]++;
                sum[k] += v;
                ok &= ta_pt_add(&o, k, v, al) == TA_OK;
            }
            ok &= ta_pt_merge(&t, &o, al) == TA_OK;
            bad += !pt_settled(&t);
            ta_pt_free(&o, al);
        } else { /* the bytes, against those of the model's table built in order */
            ok &= ta_pt_settle(&t, al) == TA_OK;
            size_t n = ta_pt_serial_size(&t);
            uint8_t *buf = malloc(n), *want = NULL;
            ok &= ta_pt_serialize(&t, buf) == buf + n;
            ta_ptable ref;
            ta_pt_init(&ref);
            for (int32_t k = 1; k < K; k++)
                for (uint32_t r = 0; r < count[k]; r++)
                    ok &= ta_pt_add(&ref, k, r ? 0 : sum[k], al) == TA_OK;
            bad += ta_pt_serial_size(&ref) != n || ta_pt_size(&ref) != ta_pt_size(&t);
            if (!bad && (want = malloc(n)) != NULL) {
                ta_pt_serialize(&ref, want);
                bad += memcmp(buf, want, n) != 0;
            }
            ta_pt_free(&ref, al);
            free(want);
            free(buf);
            reads++;
        }
    }
    tap_ok(ok && !bad && waited > 100 && reads > 100,
           "random adds, removals, reads, merges and byte round trips with rows waiting "
           "(%d times, %d reads): every read matches the model",
           waited, reads);
    walk w = check_tree(&t);
    tap_ok(w.ok, "after them: %s", w.ok ? "tree intact" : w.why);
    same_as_model(&t, "after them");
    ta_pt_free(&t, al);
}

/* Out of memory while the waiting rows join the tree, at each allocation
 * that makes (new leaves and nodes): the read fails with TA_ERR_NOMEM,
 * the table holds what it held, and the read then succeeds. */
static void waiting_out_of_memory(void)
{
    int refused = 0, bad = 0;
    for (long at = 0; at < 40; at++) {
        ta_ptable t;
        bool ok = true;
        ta_pt_init(&t);
        model_clear();
        for (int32_t k = 2; k < 2 * (PT_PEND_MIN_SIZE + 100); k += 2) /* even keys */
            ok &= add(&t, k, 1);
        fill_keys(K - 1, 2);
        for (int i = 0; i < K - 1; i++)
            if (keys[i] % 2 && keys[i] < 2000)
                ok &= add(&t, keys[i], 3); /* new periods: they wait */
        bool waited = !pt_settled(&t);
        ta_xsum acc = TA_XSUM_ZERO;
        fail_in = at;
        ta_status st = ta_pt_range(&t, INT32_MIN, INT32_MAX, &acc, NULL, NULL, &failing);
        ta_xsum_free(&acc, al);
        if (st == TA_ERR_NOMEM) {
            refused++;
            walk w = check_tree(&t);
            fail_in = 1L << 30;
            bad += !w.ok || !waited || ta_pt_settle(&t, &failing) != TA_OK;
        } else {
            bad += st != TA_OK;
        }
        bad += !ok || !same_as_model(&t, NULL);
        fail_in = 1L << 30;
        ta_pt_free(&t, &failing);
    }
    tap_ok(refused >= 5 && !bad,
           "out of memory while waiting rows join the tree: refused %d times, the table "
           "unchanged each time (%d bad)",
           refused, bad);
}

/* A value of any magnitude: 1e-300 .. 1e300, subnormals, near the largest
 * double, money amounts, or exactly cancelling its neighbour. */
static double wild(int i)
{
    static const double scale[] = {1e300, -1e300, 1e-300, 5e-324, 0x1.fffffffffffffp1023,
                                   1e150, -1e-150, 0.01};
    return scale[(i * 7 + rnd_int(0, 7)) % 8] * (rnd_int(1, 999999) / 1e6);
}

/* The same rows, of wild magnitudes (sums that escalate, packed in the
 * leaves), in ascending, descending and shuffled period order (so rows wait
 * and join by runs and one at a time), then a third of them removed in
 * random order: the tables' bytes are identical (they depend only on the
 * multiset of rows). */
static void wild_orders(void)
{
    enum { P = 6000, N = 24000 };
    static int32_t key[N], order[N];
    static double val[N];
    ta_ptable t[3];
    uint8_t *b[3] = {NULL, NULL, NULL};
    size_t n[3];
    bool ok = true;
    for (int i = 0; i < N; i++) {
        key[i] = 1 + i % P;
        val[i] = i % 4 == 3 && i >= P ? -val[i - P] : wild(i); /* cancels, same period */
        order[i] = i;
    }
    for (int o = 0; o < 3; o++) {
        ta_pt_init(&t[o]);
        if (o == 2)
            shuffle(order, N);
        for (int j = 0; j < N; j++) {
            int r = order[j]; /* shuffled */
            if (o < 2) {      /* period by period, the rows of each together */
                int k = j / (N / P);
                r = (o == 0 ? k : P - 1 - k) + P * (j % (N / P));
            }
            ok &= ta_pt_add(&t[o], key[r], val[r], al) == TA_OK;
        }
    }
    shuffle(order, N);
    for (int o = 0; o < 3; o++) {
        for (int j = 0; j < N / 3; j++)
            ok &= ta_pt_remove(&t[o], key[order[j]], val[order[j]], al) == TA_OK;
        ok &= ta_pt_settle(&t[o], al) == TA_OK;
        n[o] = ta_pt_serial_size(&t[o]);
        if ((b[o] = malloc(n[o])) != NULL)
            ta_pt_serialize(&t[o], b[o]);
        ok &= b[o] != NULL && check_tree(&t[o]).ok;
    }
    ok &= n[0] == n[1] && n[0] == n[2] && !memcmp(b[0], b[1], n[0]) && !memcmp(b[0], b[2], n[0]);
    tap_ok(ok, "%d rows of wild magnitudes over %d periods, ascending, descending and shuffled, "
               "a third removed: the same bytes",
           N, P);
    for (int o = 0; o < 3; o++) {
        free(b[o]);
        ta_pt_free(&t[o], al);
    }
}

/* A value of wild magnitude chosen by (k, j) alone, so that two tables
 * built from the same keys hold the same rows. */
static double wild_at(int32_t k, int j)
{
    static const double scale[] = {1e300, -1e300, 1e-300, 5e-324, 0x1.fffffffffffffp1023,
                                   1e150, -1e-150, 0.01};
    return scale[(k * 7 + j * 3) % 8] * (double)((k * 131 + j * 17) % 999 + 1) / 1000;
}

/* Rows j0 .. j0+2 of every key in [first, last]: every period's sum needs
 * the exact accumulator. */
static bool wild_table(ta_ptable *t, int32_t first, int32_t last, int j0)
{
    bool ok = true;
    ta_pt_init(t);
    for (int32_t k = first; k <= last; k++)
        for (int j = j0; j < j0 + 3; j++)
            ok &= ta_pt_add(t, k, wild_at(k, j), al) == TA_OK;
    return ok && ta_pt_settle(t, al) == TA_OK;
}

static uint8_t *table_bytes(const ta_ptable *t, size_t *n)
{
    *n = ta_pt_serial_size(t);
    uint8_t *b = malloc(*n);
    if (b)
        ta_pt_serialize(t, b);
    return b;
}

/* Out of memory while merging tables of wild magnitudes (what parallel
 * workers and Citus nodes combine), at each allocation the merge makes: a
 * period's accumulator copied, one grown to take the other's chunks, a new
 * leaf or node. The merge either gives the bytes of a merge with memory,
 * or fails with TA_ERR_NOMEM leaving dst as it was; leaks are left to
 * LeakSanitizer (make check-sanitize-core). */
static void wild_merge_out_of_memory(void)
{
    ta_ptable a, b;
    size_t nwant = 0, nbefore = 0, n = 0;
    bool ok = wild_table(&a, 1, 400, 0) && wild_table(&b, 201, 600, 3);
    uint8_t *before = table_bytes(&a, &nbefore), *want = NULL, *got = NULL;
    ok &= before && ta_pt_merge(&a, &b, al) == TA_OK && (want = table_bytes(&a, &nwant)) != NULL;
    ta_pt_free(&a, al);
    ta_pt_free(&b, al);
    int refused = 0, bad = 0;
    for (long at = 0; ok && at < 100000; at++) {
        ok &= wild_table(&a, 1, 400, 0) && wild_table(&b, 201, 600, 3);
        fail_in = at;
        ta_status st = ta_pt_merge(&a, &b, &failing);
        fail_in = 1L << 30;
        got = table_bytes(&a, &n);
        if (st == TA_ERR_NOMEM) {
            refused++;
            bad += !got || n != nbefore || memcmp(got, before, n) || !check_tree(&a).ok;
        } else {
            bad += st != TA_OK || !got || n != nwant || memcmp(got, want, n) || !check_tree(&a).ok;
        }
        free(got);
        ta_pt_free(&a, al);
        ta_pt_free(&b, al);
        if (st == TA_OK)
            break;
    }
    tap_ok(ok && refused > 400 && !bad,
           "out of memory while merging 400 and 400 periods of wild magnitudes: refused %d "
           "times, dst unchanged each time, then the merged bytes (%d bad)",
           refused, bad);
    free(before);
    free(want);
}

int main(void)
{
    orders();
    churn();
    sliding();
    deep();
    out_of_memory();
    merges();
    bytes();
    reached();
    waiting();
    waiting_out_of_memory();
    wild_orders();
    wild_merge_out_of_memory();
    return tap_done();
}
