/*
 * series_vtab.c — series_periods(s) for SQLite: an eponymous table-valued
 * function with columns period, value, rows and the hidden argument s.
 *
 *   SELECT period, value, rows FROM series_periods(trade_series_blob);
 *
 * Compiled as part of tradeagg.c (it uses that file's allocator and error
 * mapping, and the extension API pointer of its translation unit). The
 * rows come from the core's iterator, in period order.
 */

typedef struct tasq_pvtab {
    sqlite3_vtab base;
} tasq_pvtab;

typedef struct tasq_pcursor {
    sqlite3_vtab_cursor base;
    ta_series_iter it;
    bool open, row;
    sqlite3_int64 rowid;
    ta_period period;
    double value;
    int64_t rows;
} tasq_pcursor;

enum { PCOL_PERIOD, PCOL_VALUE, PCOL_ROWS, PCOL_S };

static int tasq_pconnect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                         sqlite3_vtab **out, char **err)
{
    (void)aux;
    (void)argc;
    (void)argv;
    (void)err;
    int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(period, value REAL, rows INTEGER, s HIDDEN)");
    if (rc != SQLITE_OK)
        return rc;
    tasq_pvtab *v = sqlite3_malloc(sizeof *v);
    if (!v)
        return SQLITE_NOMEM;
    memset(v, 0, sizeof *v);
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    *out = &v->base;
    return SQLITE_OK;
}

static int tasq_pdisconnect(sqlite3_vtab *v)
{
    sqlite3_free(v);
    return SQLITE_OK;
}

/* The argument s must be given (= constraint on the hidden column). */
static int tasq_pbest(sqlite3_vtab *v, sqlite3_index_info *info)
{
    (void)v;
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *c = &info->aConstraint[i];
        if (c->iColumn != PCOL_S || c->op != SQLITE_INDEX_CONSTRAINT_EQ)
            continue;
        if (!c->usable)
            return SQLITE_CONSTRAINT;
        info->aConstraintUsage[i].argvIndex = 1;
        info->aConstraintUsage[i].omit = 1;
        info->idxNum = 1;
        info->estimatedCost = 10;
        info->orderByConsumed = info->nOrderBy == 1 && info->aOrderBy[0].iColumn == PCOL_PERIOD &&
                                !info->aOrderBy[0].desc;
        return SQLITE_OK;
    }
    info->idxNum = 0;
    info->estimatedCost = 1e12;
    return SQLITE_OK;
}

static int tasq_popen(sqlite3_vtab *v, sqlite3_vtab_cursor **out)
{
    (void)v;
    tasq_pcursor *c = sqlite3_malloc(sizeof *c);
    if (!c)
        return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    *out = &c->base;
    return SQLITE_OK;
}

static void tasq_preset(tasq_pcursor *c)
{
    if (c->open)
        ta_series_iter_close(&c->it);
    c->open = c->row = false;
}

static int tasq_pclose(sqlite3_vtab_cursor *cur)
{
    tasq_preset((tasq_pcursor *)cur);
    sqlite3_free(cur);
    return SQLITE_OK;
}

/* A core error as the statement's error. */
static int tasq_pfail(tasq_pcursor *c, const ta_error *e)
{
    if (e->code == TA_ERR_NOMEM)
        return SQLITE_NOMEM;
    sqlite3_free(c->base.pVtab->zErrMsg);
    c->base.pVtab->zErrMsg = sqlite3_mprintf("%s", e->msg);
    return SQLITE_ERROR;
}

static int tasq_pnext(sqlite3_vtab_cursor *cur)
{
    tasq_pcursor *c = (tasq_pcursor *)cur;
    ta_error e;
    if (ta_series_iter_next(&c->it, &c->row, &c->period, &c->value, &c->rows, &e) != TA_OK)
        return tasq_pfail(c, &e);
    c->rowid++;
    return SQLITE_OK;
}

static int tasq_pfilter(sqlite3_vtab_cursor *cur, int idx, const char *idxstr, int argc,
                        sqlite3_value **argv)
{
    tasq_pcursor *c = (tasq_pcursor *)cur;
    ta_value s = {TA_V_NULL, 0, 0, NULL, 0};
    ta_error e;
    (void)idxstr;
    tasq_preset(c);
    c->rowid = 0;
    if (idx == 1 && argc == 1)
        tasq_values(1, argv, &s);
    if (ta_series_iter_open(&c->it, &s, "series_periods", &tasq_allocator, &e) != TA_OK)
        return tasq_pfail(c, &e);
    c->open = true;
    return tasq_pnext(cur);
}

static int tasq_peof(sqlite3_vtab_cursor *cur) { return !((tasq_pcursor *)cur)->row; }

static int tasq_pcolumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col)
{
    tasq_pcursor *c = (tasq_pcursor *)cur;
    ta_result r = {TA_R_PERIOD, 0, c->period, 0};
    switch (col) {
    case PCOL_PERIOD: tasq_result(ctx, &r); break;
    case PCOL_VALUE: sqlite3_result_double(ctx, c->value); break;
    case PCOL_ROWS: sqlite3_result_int64(ctx, c->rows); break;
    default: sqlite3_result_null(ctx); break;
    }
    return SQLITE_OK;
}

static int tasq_prowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
    *rowid = ((tasq_pcursor *)cur)->rowid;
    return SQLITE_OK;
}

static const sqlite3_module tasq_periods_module = {
    .xConnect = tasq_pconnect,
    .xBestIndex = tasq_pbest,
    .xDisconnect = tasq_pdisconnect,
    .xOpen = tasq_popen,
    .xClose = tasq_pclose,
    .xFilter = tasq_pfilter,
    .xNext = tasq_pnext,
    .xEof = tasq_peof,
    .xColumn = tasq_pcolumn,
    .xRowid = tasq_prowid,
};

static int tasq_register_periods(sqlite3 *db)
{
    return sqlite3_create_module(db, "series_periods", &tasq_periods_module, NULL);
}
