/*
 * pg_compat.h — every PostgreSQL version difference the glue cares about,
 * and nothing else. Supported: PostgreSQL 13 and later (tested on 13, 15,
 * 17 and 18).
 *
 * Included by tradeagg_pg.h right after postgres.h and fmgr.h, so no other
 * file tests PG_VERSION_NUM.
 */
#ifndef TRADEAGG_PG_COMPAT_H
#define TRADEAGG_PG_COMPAT_H

#if PG_VERSION_NUM < 130000
#error "tradeagg needs PostgreSQL 13 or later"
#endif

/* 16 moved the varlena macros (VARDATA, SET_VARSIZE, ...) out of
 * postgres.h into varatt.h. */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* 18 replaced pg_attribute_noreturn(), written after a declaration, with
 * pg_noreturn (C11 _Noreturn), written before it. A declaration carries
 * both macros; one of them is always empty. */
#if PG_VERSION_NUM >= 180000
#define TA_PG_NORETURN pg_noreturn
#define TA_PG_NORETURN_AFTER
#else
#define TA_PG_NORETURN
#define TA_PG_NORETURN_AFTER pg_attribute_noreturn()
#endif

#endif /* TRADEAGG_PG_COMPAT_H */
