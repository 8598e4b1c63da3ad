-- ALTER EXTENSION tradeagg UPDATE from the previous release (1.0.0) to the
-- newest (1.1.0), on a database whose views and materialized view use the
-- aggregates: the update succeeds, they give the same answers before and
-- after (the new library serves the old objects until the update runs),
-- and the updated extension holds exactly the objects of a fresh install,
-- definitions, comments and grants included (sql/README.md).
--
-- Everything happens in one transaction that is rolled back, so the
-- extension the other files use is back as it was afterwards.
BEGIN;
SELECT plan(15);

-- Every member of the extension, described by what a user or the planner
-- can see of it; two installs with the same rows are the same extension.
CREATE FUNCTION pg_temp.ta_objects()
RETURNS TABLE (object text, definition text, comment text, acl text)
LANGUAGE sql AS $$
SELECT pg_describe_object(d.classid, d.objid, 0),
       CASE d.classid
       WHEN 'pg_proc'::regclass THEN (
           SELECT concat_ws(' | ', p.prokind, pg_get_function_arguments(p.oid),
                  pg_get_function_result(p.oid), p.provolatile, p.proisstrict,
                  p.proparallel, p.prosecdef, p.prosrc, p.probin,
                  (SELECT row(a.aggkind, a.aggnumdirectargs,
                              a.aggtransfn::regprocedure, a.aggfinalfn::regprocedure,
                              a.aggcombinefn::regprocedure, a.aggserialfn::regprocedure,
                              a.aggdeserialfn::regprocedure, a.aggmtransfn::regprocedure,
                              a.aggminvtransfn::regprocedure, a.aggmfinalfn::regprocedure,
                              a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify,
                              a.aggmfinalmodify, a.aggsortop::regoperator,
                              format_type(a.aggtranstype, NULL), a.aggtransspace,
                              format_type(a.aggmtranstype, NULL), a.aggmtransspace,
                              a.agginitval, a.aggminitval)::text
                   FROM pg_aggregate a WHERE a.aggfnoid = p.oid))
           FROM pg_proc p WHERE p.oid = d.objid)
       WHEN 'pg_type'::regclass THEN (
           SELECT concat_ws(' | ', t.typtype, t.typlen, t.typbyval, t.typalign,
                  t.typstorage, t.typinput::regproc, t.typoutput::regproc,
                  t.typreceive::regproc, t.typsend::regproc)
           FROM pg_type t WHERE t.oid = d.objid)
       END,
       obj_description(d.objid, c.relname),
       CASE d.classid
       WHEN 'pg_proc'::regclass THEN (SELECT proacl::text FROM pg_proc WHERE oid = d.objid)
       WHEN 'pg_type'::regclass THEN (SELECT typacl::text FROM pg_type WHERE oid = d.objid)
       END
FROM pg_depend d
JOIN pg_class c ON c.oid = d.classid
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tradeagg')
  AND d.deptype = 'e'
$$;

SELECT is(
    (SELECT path FROM pg_extension_update_paths('tradeagg')
      WHERE source = '1.0.0' AND target = '1.1.0'),
    '1.0.0--1.1.0', 'pg_extension_update_paths: 1.0.0 updates to 1.1.0 directly');

DROP EXTENSION tradeagg;
SELECT lives_ok($$CREATE EXTENSION tradeagg VERSION '1.0.0'$$,
                'the 1.0.0 release installs from its frozen script');
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'tradeagg'), '1.0.0',
          'installed version 1.0.0');
SELECT is(tradeagg_version(), '1.1.0',
          '1.0.0''s tradeagg_version() runs in the new library, which says 1.1.0');

CREATE TABLE tradeagg_upgrade_flows (period date, partner text, flow float8);
INSERT INTO tradeagg_upgrade_flows VALUES
    ('2022-01-01', 'ru', 10), ('2022-02-01', 'ru', 20),
    ('2023-01-01', 'ru', 15), ('2023-02-01', 'ru', 30),
    ('2022-01-01', 'kz', 5),  ('2023-01-01', 'kz', 5), ('2023-02-01', 'kz', 10);

CREATE VIEW tradeagg_upgrade_by_partner AS
SELECT partner, ytd_trade(period, flow) AS ytd, ttm_trade(period, flow) AS ttm,
       yoy_growth(period, flow) AS yoy, ytd_yoy_growth(period, flow) AS ytd_yoy,
       target_reached_at(period, flow, 40) AS reached,
       projected_trade(period, flow) AS projected,
       period_from_ytd(period, flow, 1) AS from_ytd,
       cumulative_trade(flow) AS total, target_attainment(flow, 100) AS attainment
FROM tradeagg_upgrade_flows GROUP BY partner;

CREATE VIEW tradeagg_upgrade_running AS
SELECT partner, period,
       ytd_trade(period, flow) OVER (PARTITION BY partner ORDER BY period) AS ytd,
       cumulative_trade(flow) OVER (PARTITION BY partner ORDER BY period
                                    ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS last_two
FROM tradeagg_upgrade_flows;

-- Plain tables and views (a materialized view cannot read temporary ones);
-- the rollback removes them.
CREATE MATERIALIZED VIEW tradeagg_upgrade_mv AS
SELECT extract(year FROM period)::int AS year,
       share_of(flow, partner = 'ru') AS ru_share, hhi(flow) AS hhi,
       ytd_trade(extract(year FROM period)::int, flow) AS annual
FROM tradeagg_upgrade_flows GROUP BY 1;

SELECT results_eq(
    $$SELECT ytd, ttm, yoy, ytd_yoy, reached, projected, from_ytd, total, attainment
      FROM tradeagg_upgrade_by_partner WHERE partner = 'ru'$$,
    $$VALUES (45::float8, 45::float8, 0.5::float8, 0.5::float8, '2023-01-01'::date,
              270::float8, 15::float8, 75::float8, 0.75::float8)$$,
    'before the update, the view gives the hand-computed answers');
SELECT results_eq(
    $$SELECT year, annual FROM tradeagg_upgrade_mv ORDER BY year$$,
    $$VALUES (2022, 35::float8), (2023, 60::float8)$$,
    'before the update, the materialized view gives the hand-computed answers');

CREATE TEMP TABLE before_by_partner AS SELECT * FROM tradeagg_upgrade_by_partner;
CREATE TEMP TABLE before_running AS SELECT * FROM tradeagg_upgrade_running;
CREATE TEMP TABLE before_mv AS SELECT * FROM tradeagg_upgrade_mv;

SELECT lives_ok($$ALTER EXTENSION tradeagg UPDATE$$,
                'ALTER EXTENSION tradeagg UPDATE with views and a materialized view on it');
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'tradeagg'), '1.1.0',
          'installed version 1.1.0 after the update');

SELECT results_eq(
    $$SELECT * FROM tradeagg_upgrade_by_partner ORDER BY partner$$,
    $$SELECT * FROM before_by_partner ORDER BY partner$$,
    'the grouped view gives the same answers after the update');
SELECT results_eq(
    $$SELECT * FROM tradeagg_upgrade_running ORDER BY partner, period$$,
    $$SELECT * FROM before_running ORDER BY partner, period$$,
    'the window view gives the same answers after the update');
SELECT results_eq(
    $$SELECT * FROM tradeagg_upgrade_mv ORDER BY year$$,
    $$SELECT * FROM before_mv ORDER BY year$$,
    'the materialized view still reads the same after the update');
SELECT lives_ok($$REFRESH MATERIALIZED VIEW tradeagg_upgrade_mv$$,
                'REFRESH MATERIALIZED VIEW after the update');
SELECT results_eq(
    $$SELECT * FROM tradeagg_upgrade_mv ORDER BY year$$,
    $$SELECT * FROM before_mv ORDER BY year$$,
    'the refreshed materialized view gives the same answers');

-- The updated extension against a fresh install of the newest version.
CREATE TEMP TABLE updated_objects AS SELECT * FROM pg_temp.ta_objects();
DROP MATERIALIZED VIEW tradeagg_upgrade_mv;
DROP VIEW tradeagg_upgrade_by_partner, tradeagg_upgrade_running;
DROP EXTENSION tradeagg;
CREATE EXTENSION tradeagg;
CREATE TEMP TABLE fresh_objects AS SELECT * FROM pg_temp.ta_objects();

SELECT cmp_ok((SELECT count(*) FROM fresh_objects), '>=', 89::bigint,
              'a fresh install has its functions and aggregates');
SELECT bag_eq(
    $$SELECT * FROM updated_objects$$,
    $$SELECT * FROM fresh_objects$$,
    '1.0.0 + update has exactly the objects, definitions, comments and grants of a fresh 1.1.0');

SELECT * FROM finish();
ROLLBACK;
