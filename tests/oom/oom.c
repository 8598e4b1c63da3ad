/*
 * oom.c — out-of-memory injection for the SQLite extension.
 *
 * The extension is compiled in (-DSQLITE_CORE) and registered on each
 * connection by calling sqlite3_tradeagg_init. SQLite's allocator is wrapped
 * (SQLITE_CONFIG_GETMALLOC, then SQLITE_CONFIG_MALLOC) so that the Nth
 * allocation after arming fails. For every function, as an aggregate and as
 * a window function, and for every N from 1 until a run completes without
 * reaching its Nth allocation, a fresh in-memory database runs the query:
 *   - once with only the Nth allocation failing (one-shot), and
 *   - once with every allocation from the Nth on failing (persistent).
 * Each run must end in SQLITE_OK (then with exactly the answer of a run
 * without failures) or SQLITE_NOMEM; any other outcome fails. After each run
 * the connection is closed and SQLite's memory counter must be back where it
 * started; built with ASan, LeakSanitizer also checks after each function.
 *
 * Output is TAP, one line per function and mode, with the number of
 * injection points exercised; tests/oom/oom.t runs it under prove.
 */
#include <sqlite3.h>

#include "tradeagg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/lsan_interface.h>
#define HAVE_LSAN 1
#endif
#endif
#if !defined(HAVE_LSAN) && defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define HAVE_LSAN 1
#endif

int sqlite3_tradeagg_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

/* ---- the failing allocator ------------------------------------------------ */

static sqlite3_mem_methods real_mem;
static int armed;      /* counting allocations */
static long nalloc;    /* allocations since arming */
static long fail_at;   /* the allocation that fails (1-based); 0 = none */
static int persistent; /* keep failing after the first failure */
static long injected;  /* failures injected in this run */

static int should_fail(void)
{
    if (!armed)
        return 0;
    nalloc++;
    if (fail_at > 0 && (nalloc == fail_at || (persistent && nalloc > fail_at))) {
        injected++;
        return 1;
    }
    return 0;
}

static void *oom_malloc(int n) { return should_fail() ? NULL : real_mem.xMalloc(n); }
static void *oom_realloc(void *p, int n) { return should_fail() ? NULL : real_mem.xRealloc(p, n); }

static void install_allocator(void)
{
    sqlite3_mem_methods m;
    if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem) != SQLITE_OK) {
        printf("Bail out! SQLITE_CONFIG_GETMALLOC failed\n");
        exit(2);
    }
    m = real_mem;
    m.xMalloc = oom_malloc;
    m.xRealloc = oom_realloc;
    /* Lookaside would serve small allocations without the allocator; off,
     * every allocation is an injection point. */
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK ||
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1) != SQLITE_OK ||
        sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0) != SQLITE_OK ||
        sqlite3_initialize() != SQLITE_OK) {
        printf("Bail out! cannot install the failing allocator\n");
        exit(2);
    }
}

/* ---- one run ----------------------------------------------------------------- */

#define OUT_MAX 16384

typedef struct outcome {
    int rc; /* SQLITE_OK or the first error */
    char err[256];
    char out[OUT_MAX]; /* the rows, as text */
    size_t len;
} outcome;

static void append(outcome *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->out + o->len, OUT_MAX - o->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n < OUT_MAX - o->len ? (size_t)n : OUT_MAX - o->len - 1;
}

/* Two groups of monthly rows, inserted out of period order, some periods
 * twice, so the per-period tables grow several times and insert in the
 * middle. */
static const char *setup_sql =
    "CREATE TABLE t(grp INTEGER, period TEXT, value REAL, flag INTEGER);"
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 79)"
    " INSERT INTO t SELECT i % 2, printf('%04d-%02d-01', 2021 + (i * 7 % 40) / 12,"
    "  (i * 7 % 40) % 12 + 1), (i * 13 % 29) + 0.25, i % 3 = 0 FROM n;";

static int setup(sqlite3 **db, char *err, size_t errlen)
{
    char *msg = NULL;
    int rc = sqlite3_open(":memory:", db);
    if (rc == SQLITE_OK)
        rc = sqlite3_tradeagg_init(*db, &msg, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(*db, setup_sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        snprintf(err, errlen, "%s", msg ? msg : *db ? sqlite3_errmsg(*db) : "open failed");
    sqlite3_free(msg);
    return rc;
}

/* Runs sql with allocation fail_at failing (0: none). With arm_setup, the
 * connection's opening and registration are inside the armed region too. */
static void run(const char *sql, int arm_setup, outcome *o)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int rc;

    o->rc = SQLITE_OK;
    o->err[0] = '\0';
    o->len = 0;
    o->out[0] = '\0';
    nalloc = 0;
    injected = 0;
    armed = arm_setup;
    rc = setup(&db, o->err, sizeof o->err);
    if (rc != SQLITE_OK) {
        o->rc = rc;
        goto done;
    }
    armed = 1;
    rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK) {
        if ((rc = sqlite3_step(st)) != SQLITE_ROW)
            break;
        rc = SQLITE_OK;
        for (int i = 0; i < sqlite3_column_count(st) && rc == SQLITE_OK; i++) {
            const unsigned char *txt = sqlite3_column_text(st, i);
            if (!txt && sqlite3_column_type(st, i) != SQLITE_NULL)
                rc = SQLITE_NOMEM; /* the text conversion itself failed */
            else
                append(o, "%s%s", i ? "|" : "", txt ? (const char *)txt : "NULL");
        }
        append(o, "\n");
    }
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    if (rc != SQLITE_OK)
        snprintf(o->err, sizeof o->err, "%s", sqlite3_errmsg(db));
    int frc = sqlite3_finalize(st);
    if (rc == SQLITE_OK && frc != SQLITE_OK)
        rc = frc;
    o->rc = rc;
done:
    armed = 0;
    sqlite3_close(db);
}

/* ---- the functions ----------------------------------------------------------- */

static int tests, failures;
static long total_points;

static void tap(int ok, const char *fmt, ...)
{
    va_list ap;
    tests++;
    failures += !ok;
    printf("%sok %d - ", ok ? "" : "not ", tests);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

/* Every N from 1 until a run never reaches its Nth allocation, in both modes.
 * Returns the number of injection points, or -1 after a failure (reported
 * in why). */
static long sweep(const char *sql, int arm_setup, char *why, size_t whylen)
{
    static outcome base, o;
    sqlite3_int64 mem0 = sqlite3_memory_used();
    long points = 0;

    fail_at = 0;
    run(sql, arm_setup, &base);
    if (base.rc != SQLITE_OK) {
        snprintf(why, whylen, "fails without injection: %s", base.err);
        return -1;
    }
    for (persistent = 0; persistent <= 1; persistent++) {
        for (fail_at = 1;; fail_at++) {
            run(sql, arm_setup, &o);
            if (sqlite3_memory_used() != mem0) {
                snprintf(why, whylen, "%s failure at allocation %ld: %lld bytes not freed",
                         persistent ? "persistent" : "one-shot", fail_at,
                         (long long)(sqlite3_memory_used() - mem0));
                return -1;
            }
            if (o.rc != SQLITE_OK && o.rc != SQLITE_NOMEM) {
                snprintf(why, whylen, "%s failure at allocation %ld: rc %d (%s)",
                         persistent ? "persistent" : "one-shot", fail_at, o.rc, o.err);
                return -1;
            }
            if (o.rc == SQLITE_OK && (o.len != base.len || memcmp(o.out, base.out, o.len))) {
                snprintf(why, whylen,
                         "%s failure at allocation %ld: SQLITE_OK with a wrong "
                         "answer",
                         persistent ? "persistent" : "one-shot", fail_at);
                return -1;
            }
            if (o.rc == SQLITE_NOMEM && injected == 0) {
                snprintf(why, whylen, "SQLITE_NOMEM without an injected failure (N=%ld)", fail_at);
                return -1;
            }
            if (injected == 0)
                break; /* ran to the end without reaching allocation N */
            points++;
        }
    }
    fail_at = 0;
    persistent = 0;
    return points;
}

static int leak_check(char *why, size_t whylen)
{
#ifdef HAVE_LSAN
    if (__lsan_do_recoverable_leak_check()) {
        snprintf(why, whylen, "LeakSanitizer found leaks (report above)");
        return 0;
    }
#else
    (void)why;
    (void)whylen;
#endif
    return 1;
}

static void check(const char *label, const char *sql, int arm_setup)
{
    char why[512] = "";
    long points = sweep(sql, arm_setup, why, sizeof why);
    int ok = points > 0 && leak_check(why, sizeof why);
    if (points == 0)
        snprintf(why, sizeof why, "no allocation was ever reached");
    tap(ok, "%s: %ld injection points, each SQLITE_OK or SQLITE_NOMEM%s%s", label,
        points < 0 ? 0 : points, ok ? "" : ": ", ok ? "" : why);
    if (points > 0)
        total_points += points;
}

/* The arguments of an aggregate call, from the core's table. */
static void call_args(const ta_agg_desc *d, char *out, size_t len)
{
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < d->max_args; i++) {
        const char *arg = "";
        switch (d->roles[i]) {
        case TA_ROLE_PERIOD: arg = "period"; break;
        case TA_ROLE_VALUE:
            arg =
                d->kind == TA_AGG_HHI || d->kind == TA_AGG_HHI_COMPETITOR ? "abs(value)" : "value";
            break;
        case TA_ROLE_TARGET: arg = "100"; break;
        case TA_ROLE_FY: arg = "4"; break;
        case TA_ROLE_FLAG: arg = "flag"; break;
        case TA_ROLE_MONTHS: arg = "3"; break;
        case TA_ROLE_BASE: arg = "'2022-01'"; break;
        case TA_ROLE_EXPORT: arg = "flag"; break;
        /* long names: competitor keys allocated apart from the table */
        case TA_ROLE_COMPETITOR:
            arg = "printf('competitor-with-a-long-name-%d', CAST(abs(value) AS INTEGER) % 7)";
            break;
        }
        o += (size_t)snprintf(out + o, len - o, "%s%s", i ? ", " : "", arg);
    }
}

int main(void)
{
    char sql[1024], args[256], label[128];

    install_allocator();
    check("registration (sqlite3_open + sqlite3_tradeagg_init)", "SELECT tradeagg_version()", 1);
    for (int k = TA_AGG_CUMULATIVE; k < TA_AGG_END; k++) {
        const ta_agg_desc *d = &ta_aggs[k];
        call_args(d, args, sizeof args);
        snprintf(sql, sizeof sql, "SELECT grp, %s(%s) FROM t GROUP BY grp ORDER BY grp", d->name,
                 args);
        snprintf(label, sizeof label, "%s as aggregate", d->name);
        check(label, sql, 0);
        snprintf(sql, sizeof sql,
                 "SELECT grp, period, %s(%s) OVER (PARTITION BY grp ORDER BY period, rowid"
                 " ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING) FROM t ORDER BY grp, period, rowid",
                 d->name, args);
        snprintf(label, sizeof label, "%s as window (moving frame, xInverse)", d->name);
        check(label, sql, 0);
        snprintf(sql, sizeof sql,
                 "SELECT grp, period, %s(%s) OVER (PARTITION BY grp ORDER BY period)"
                 " FROM t ORDER BY grp, period, rowid",
                 d->name, args);
        snprintf(label, sizeof label, "%s as window (running, xValue)", d->name);
        check(label, sql, 0);
    }
    for (int k = 0; k < TA_FN_COUNT; k++) {
        const ta_scalar_desc *d = &ta_scalars[k];
        snprintf(sql, sizeof sql, "SELECT %s(%s) FROM t", d->name,
                 d->nargs == 2 ? "value, value + 1" : "value, value + 1, 2");
        snprintf(label, sizeof label, "%s as scalar", d->name);
        check(label, sql, 0);
    }
    printf("# %ld injection points in all\n", total_points);
    printf("1..%d\n", tests);
    sqlite3_shutdown();
    return failures ? 1 : 0;
}
