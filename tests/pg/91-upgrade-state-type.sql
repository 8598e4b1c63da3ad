-- ALTER EXTENSION tradeagg UPDATE from 1.0.0 changes every aggregate's
-- state type from internal to tradeagg_state in place (the state-type
-- section of the 1.0.0 -> 1.1.0 upgrade script). Plain and window views and
-- a materialized view over the aggregates keep their answers, a plan cached
-- before the update is planned again, parallel plans are still split into
-- Partial and Finalize Aggregate, and the aggregates afterwards have what
-- Citus needs. Runs where the server has the 1.0.0 -> 1.1.0 update path;
-- everything is rolled back at the end.
BEGIN;

SELECT EXISTS (SELECT 1 FROM pg_extension_update_paths('tradeagg')
               WHERE source = '1.0.0' AND target = '1.1.0' AND path IS NOT NULL)
       AS have_update_path \gset
\if :have_update_path

SELECT plan(19);

DROP EXTENSION tradeagg;
CREATE EXTENSION tradeagg VERSION '1.0.0';
SELECT is((SELECT count(*) FROM pg_aggregate a
           JOIN pg_depend d ON d.objid = a.aggfnoid AND d.deptype = 'e'
            AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tradeagg')
           WHERE a.aggtranstype = 'internal'::regtype AND a.aggserialfn <> 0),
          26::bigint, '1.0.0: 26 aggregates over internal with serialize functions');

-- 120,000 rows over 60 months and 40 partners, values multiples of 0.25
-- (every sum exact in any order).
CREATE TABLE upg_trade AS
SELECT i % 40 AS partner, i % 7 AS region,
       make_date(2019 + (i % 60) / 12, (i % 60) % 12 + 1, 1) AS period,
       2019 + (i % 60) / 12 AS yr,
       ((i % 401) * 0.25)::float8 AS flow
FROM generate_series(1, 120000) AS i;
ANALYZE upg_trade;

CREATE VIEW upg_by_region AS
SELECT region, ytd_trade(period, flow) AS ytd, ttm_trade(period, flow) AS ttm,
       yoy_growth(period, flow) AS yoy, ytd_yoy_growth(period, flow, 4) AS ytd_yoy,
       target_reached_at(period, flow, 50000) AS reached_date,
       target_reached_at(yr, flow, 50000) AS reached_year,
       projected_trade(yr, flow) AS projected, period_from_ytd(period, flow) AS from_ytd,
       cumulative_trade(flow) AS total, target_attainment(flow, 1e6) AS attainment,
       share_of(flow, partner < 10) AS share, hhi(flow) AS hhi
FROM upg_trade GROUP BY region;

CREATE VIEW upg_running AS
SELECT partner, period,
       ytd_trade(period, total) OVER w AS ytd,
       target_reached_at(period, total, 5000) OVER w AS reached,
       ttm_trade(period, total) OVER (PARTITION BY partner ORDER BY period
                                      ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS ttm_rolling,
       cumulative_trade(total) OVER (PARTITION BY partner ORDER BY period
                                     ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS last_three
FROM (SELECT partner, period, sum(flow) AS total FROM upg_trade GROUP BY 1, 2) m
WINDOW w AS (PARTITION BY partner ORDER BY period);

CREATE MATERIALIZED VIEW upg_mv AS
SELECT yr, ytd_trade(yr, flow) AS annual, hhi(flow) AS hhi, share_of(flow, region = 0) AS share
FROM upg_trade GROUP BY yr;

-- Answers before the update, serial.
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE before_by_region AS SELECT * FROM upg_by_region;
CREATE TEMP TABLE before_running AS SELECT * FROM upg_running;
CREATE TEMP TABLE before_mv AS SELECT * FROM upg_mv;
SELECT is((SELECT total FROM before_by_region WHERE region = 0),
          (SELECT sum(flow) FROM upg_trade WHERE region = 0),
          'before: the view answers (a total checked against sum)');

-- A parallel plan cached before the update (a statement without
-- parameters keeps its generic plan).
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
PREPARE upg_cached AS SELECT * FROM upg_by_region ORDER BY region;
CREATE TEMP TABLE before_cached AS SELECT * FROM before_by_region;
SELECT results_eq('EXECUTE upg_cached', 'SELECT * FROM before_by_region ORDER BY region',
                  'before: the prepared parallel statement gives the serial answers');

SELECT lives_ok($$ALTER EXTENSION tradeagg UPDATE TO '1.1.0'$$,
                'ALTER EXTENSION tradeagg UPDATE with views and a materialized view on the aggregates');

SELECT is((SELECT string_agg(a.aggfnoid::regprocedure::text, '; ') FROM pg_aggregate a
           JOIN pg_depend d ON d.objid = a.aggfnoid AND d.deptype = 'e'
            AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tradeagg')
           WHERE a.aggtranstype <> 'tradeagg_state'::regtype OR a.aggserialfn <> 0
              OR a.aggdeserialfn <> 0 OR a.aggmtranstype <> 'internal'::regtype
              OR a.aggcombinefn <> 'tradeagg_combine(tradeagg_state, tradeagg_state)'::regprocedure),
          NULL, 'after: every aggregate''s state is tradeagg_state, combined over it, moving state internal');
SELECT is((SELECT string_agg(p.oid::regprocedure::text, '; ') FROM pg_proc p
           WHERE p.proname IN ('tradeagg_serialize', 'tradeagg_deserialize')
              OR p.oid = to_regprocedure('tradeagg_combine(internal, internal)')),
          NULL, 'after: the 1.0.0 combine, serialize and deserialize functions are gone');
SELECT is((SELECT string_agg(pg_describe_object(refclassid, refobjid, 0), '; '
                          ORDER BY pg_describe_object(refclassid, refobjid, 0)) FROM pg_depend
           WHERE objid = 'ytd_trade(date, double precision, integer)'::regprocedure
             AND refclassid = 'pg_proc'::regclass),
          'function tradeagg_combine(tradeagg_state,tradeagg_state); '
          || 'function tradeagg_final_float8(internal); '
          || 'function tradeagg_final_float8(tradeagg_state); '
          || 'function tradeagg_ytd_trade_minvfunc(internal,date,double precision,integer); '
          || 'function tradeagg_ytd_trade_sfunc(internal,date,double precision,integer); '
          || 'function tradeagg_ytd_trade_sfunc(tradeagg_state,date,double precision,integer)',
          'after: an aggregate depends on exactly its support functions, as CREATE AGGREGATE records them');
SELECT throws_ok($$DROP FUNCTION tradeagg_final_float8(tradeagg_state)$$, '2BP01', NULL,
                 'after: a new support function cannot be dropped from under the aggregates');

SELECT results_eq('EXECUTE upg_cached', 'SELECT * FROM before_cached ORDER BY region',
                  'after: the statement prepared before the update gives the same answers');

SET LOCAL max_parallel_workers_per_gather = 0;
SELECT results_eq('SELECT * FROM upg_by_region ORDER BY region',
                  'SELECT * FROM before_by_region ORDER BY region',
                  'after: the grouped view gives the same answers');
SELECT results_eq('SELECT * FROM upg_running ORDER BY partner, period',
                  'SELECT * FROM before_running ORDER BY partner, period',
                  'after: the window view (growing and sliding frames) gives the same answers');
SELECT results_eq('SELECT * FROM upg_mv ORDER BY yr', 'SELECT * FROM before_mv ORDER BY yr',
                  'after: the materialized view reads the same');
SELECT lives_ok('REFRESH MATERIALIZED VIEW upg_mv', 'after: REFRESH MATERIALIZED VIEW');
SELECT results_eq('SELECT * FROM upg_mv ORDER BY yr', 'SELECT * FROM before_mv ORDER BY yr',
                  'after: the refreshed materialized view gives the same answers');

SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
CREATE FUNCTION pg_temp.upg_plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END
$$;
SELECT matches(pg_temp.upg_plan('SELECT * FROM upg_by_region'),
               'Finalize (Hash|Group)?Aggregate.*Partial (Hash|Group)?Aggregate.*Workers Launched: [1-9]|Finalize (Hash|Group)?Aggregate.*Workers Launched: [1-9].*Partial (Hash|Group)?Aggregate',
               'after: the view runs as Partial Aggregates in parallel workers and a Finalize Aggregate');
SELECT results_eq('SELECT * FROM upg_by_region ORDER BY region',
                  'SELECT * FROM before_by_region ORDER BY region',
                  'after: the parallel answers are the serial answers of 1.0.0');
SELECT lives_ok('REFRESH MATERIALIZED VIEW upg_mv', 'after: REFRESH MATERIALIZED VIEW with a parallel plan');
SELECT results_eq('SELECT * FROM upg_mv ORDER BY yr', 'SELECT * FROM before_mv ORDER BY yr',
                  'after: the materialized view refreshed in parallel gives the same answers');

SELECT ytd AS region0_ytd FROM before_by_region WHERE region = 0 \gset
CREATE ROLE tradeagg_upg_reader;
GRANT SELECT ON upg_trade TO tradeagg_upg_reader;
SET LOCAL ROLE tradeagg_upg_reader;
SELECT is((SELECT ytd_trade(period, flow) FROM upg_trade WHERE region = 0), :'region0_ytd'::float8,
          'after: a role that owns nothing runs the updated aggregate, in parallel, with the same answer');
RESET ROLE;

SELECT * FROM finish();

\else

SELECT plan(1);
SELECT skip('this server has no tradeagg 1.0.0 -> 1.1.0 update path', 1);
SELECT * FROM finish();

\endif

ROLLBACK;
