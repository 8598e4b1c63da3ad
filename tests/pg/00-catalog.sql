-- The catalog: every signature exists, every aggregate can be split
-- (combine over the base type tradeagg_state, so that Citus splits it too)
-- and moved (inverse over internal), everything is PARALLEL SAFE and
-- commented; support functions over internal are not for PUBLIC, those
-- over tradeagg_state are (Citus checks EXECUTE as the calling user).
BEGIN;
SELECT plan(245);

SELECT has_extension('tradeagg', 'extension tradeagg is installed');
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'tradeagg'),
          tradeagg_version(), 'tradeagg_version() is the installed extension version');
SELECT results_eq(
    $$SELECT relocatable, trusted, superuser FROM pg_available_extension_versions
      WHERE name = 'tradeagg' AND version = '1.1.0'$$,
    $$VALUES (true, true, true)$$,
    'control file: relocatable and trusted');

CREATE TEMP TABLE sig_public(name text, args text[]);
INSERT INTO sig_public VALUES
    ('tradeagg_version', ARRAY[]::text[]),
    ('growth_rate', ARRAY['double precision', 'double precision']::text[]),
    ('attainment_ratio', ARRAY['double precision', 'double precision']::text[]),
    ('share_ratio', ARRAY['double precision', 'double precision']::text[]),
    ('cagr', ARRAY['double precision', 'double precision', 'double precision']::text[]);
CREATE TEMP TABLE sig_aggs(name text, args text[]);
INSERT INTO sig_aggs VALUES
    ('cumulative_trade', ARRAY['double precision']::text[]),
    ('ytd_trade', ARRAY['date', 'double precision']::text[]),
    ('ytd_trade', ARRAY['date', 'double precision', 'integer']::text[]),
    ('ytd_trade', ARRAY['integer', 'double precision']::text[]),
    ('ytd_trade', ARRAY['integer', 'double precision', 'integer']::text[]),
    ('ttm_trade', ARRAY['date', 'double precision']::text[]),
    ('ttm_trade', ARRAY['integer', 'double precision']::text[]),
    ('yoy_growth', ARRAY['date', 'double precision']::text[]),
    ('yoy_growth', ARRAY['integer', 'double precision']::text[]),
    ('ytd_yoy_growth', ARRAY['date', 'double precision']::text[]),
    ('ytd_yoy_growth', ARRAY['date', 'double precision', 'integer']::text[]),
    ('ytd_yoy_growth', ARRAY['integer', 'double precision']::text[]),
    ('ytd_yoy_growth', ARRAY['integer', 'double precision', 'integer']::text[]),
    ('target_attainment', ARRAY['double precision', 'double precision']::text[]),
    ('target_reached_at', ARRAY['date', 'double precision', 'double precision']::text[]),
    ('target_reached_at', ARRAY['integer', 'double precision', 'double precision']::text[]),
    ('projected_trade', ARRAY['date', 'double precision']::text[]),
    ('projected_trade', ARRAY['date', 'double precision', 'integer']::text[]),
    ('projected_trade', ARRAY['integer', 'double precision']::text[]),
    ('projected_trade', ARRAY['integer', 'double precision', 'integer']::text[]),
    ('period_from_ytd', ARRAY['date', 'double precision']::text[]),
    ('period_from_ytd', ARRAY['date', 'double precision', 'integer']::text[]),
    ('period_from_ytd', ARRAY['integer', 'double precision']::text[]),
    ('period_from_ytd', ARRAY['integer', 'double precision', 'integer']::text[]),
    ('share_of', ARRAY['double precision', 'boolean']::text[]),
    ('hhi', ARRAY['double precision']::text[]),
    ('period_growth', ARRAY['date', 'double precision', 'integer']::text[]),
    ('period_growth', ARRAY['integer', 'double precision', 'integer']::text[]),
    ('trailing_trade', ARRAY['date', 'double precision', 'integer']::text[]),
    ('trailing_trade', ARRAY['integer', 'double precision', 'integer']::text[]),
    ('prior_year_trade', ARRAY['date', 'double precision']::text[]),
    ('prior_year_trade', ARRAY['integer', 'double precision']::text[]),
    ('prior_ytd_trade', ARRAY['date', 'double precision']::text[]),
    ('prior_ytd_trade', ARRAY['date', 'double precision', 'integer']::text[]),
    ('prior_ytd_trade', ARRAY['integer', 'double precision']::text[]),
    ('prior_ytd_trade', ARRAY['integer', 'double precision', 'integer']::text[]),
    ('ytd_contribution', ARRAY['date', 'double precision', 'boolean']::text[]),
    ('ytd_contribution', ARRAY['date', 'double precision', 'boolean', 'integer']::text[]),
    ('ytd_contribution', ARRAY['integer', 'double precision', 'boolean']::text[]),
    ('ytd_contribution', ARRAY['integer', 'double precision', 'boolean', 'integer']::text[]),
    ('trade_balance', ARRAY['double precision', 'boolean']::text[]),
    ('coverage_ratio', ARRAY['double precision', 'boolean']::text[]),
    ('index_number', ARRAY['date', 'double precision', 'date']::text[]),
    ('index_number', ARRAY['integer', 'double precision', 'integer']::text[]),
    ('ytd_period_count', ARRAY['date', 'double precision']::text[]),
    ('ytd_period_count', ARRAY['date', 'double precision', 'integer']::text[]),
    ('ytd_period_count', ARRAY['integer', 'double precision']::text[]),
    ('ytd_period_count', ARRAY['integer', 'double precision', 'integer']::text[]),
    ('hhi', ARRAY['text', 'double precision']::text[]),
    ('hhi', ARRAY['bigint', 'double precision']::text[]);
CREATE TEMP TABLE sig_support(name text, args text[]);
INSERT INTO sig_support VALUES
    ('tradeagg_state_in', ARRAY['cstring']::text[]),
    ('tradeagg_state_out', ARRAY['tradeagg_state']::text[]),
    ('tradeagg_state_recv', ARRAY['internal']::text[]),
    ('tradeagg_state_send', ARRAY['tradeagg_state']::text[]),
    ('tradeagg_final_float8', ARRAY['tradeagg_state']::text[]),
    ('tradeagg_final_date', ARRAY['tradeagg_state']::text[]),
    ('tradeagg_final_int4', ARRAY['tradeagg_state']::text[]),
    ('tradeagg_final_float8', ARRAY['internal']::text[]),
    ('tradeagg_final_date', ARRAY['internal']::text[]),
    ('tradeagg_final_int4', ARRAY['internal']::text[]),
    ('tradeagg_combine', ARRAY['tradeagg_state', 'tradeagg_state']::text[]),
    ('tradeagg_cumulative_trade_sfunc', ARRAY['internal', 'double precision']::text[]),
    ('tradeagg_cumulative_trade_minvfunc', ARRAY['internal', 'double precision']::text[]),
    ('tradeagg_ytd_trade_sfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_ytd_trade_minvfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_ytd_trade_sfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_trade_minvfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_trade_sfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_ytd_trade_minvfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_ytd_trade_sfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_trade_minvfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_ttm_trade_sfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_ttm_trade_minvfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_ttm_trade_sfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_ttm_trade_minvfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_yoy_growth_sfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_yoy_growth_minvfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_yoy_growth_sfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_yoy_growth_minvfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_ytd_yoy_growth_sfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_ytd_yoy_growth_minvfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_ytd_yoy_growth_sfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_yoy_growth_minvfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_yoy_growth_sfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_ytd_yoy_growth_minvfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_ytd_yoy_growth_sfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_yoy_growth_minvfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_target_attainment_sfunc', ARRAY['internal', 'double precision', 'double precision']::text[]),
    ('tradeagg_target_attainment_minvfunc', ARRAY['internal', 'double precision', 'double precision']::text[]),
    ('tradeagg_target_reached_at_sfunc', ARRAY['internal', 'date', 'double precision', 'double precision']::text[]),
    ('tradeagg_target_reached_at_minvfunc', ARRAY['internal', 'date', 'double precision', 'double precision']::text[]),
    ('tradeagg_target_reached_at_sfunc', ARRAY['internal', 'integer', 'double precision', 'double precision']::text[]),
    ('tradeagg_target_reached_at_minvfunc', ARRAY['internal', 'integer', 'double precision', 'double precision']::text[]),
    ('tradeagg_projected_trade_sfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_projected_trade_minvfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_projected_trade_sfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_projected_trade_minvfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_projected_trade_sfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_projected_trade_minvfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_projected_trade_sfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_projected_trade_minvfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_period_from_ytd_sfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_period_from_ytd_minvfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_period_from_ytd_sfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_period_from_ytd_minvfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_period_from_ytd_sfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_period_from_ytd_minvfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_period_from_ytd_sfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_period_from_ytd_minvfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_share_of_sfunc', ARRAY['internal', 'double precision', 'boolean']::text[]),
    ('tradeagg_share_of_minvfunc', ARRAY['internal', 'double precision', 'boolean']::text[]),
    ('tradeagg_hhi_sfunc', ARRAY['internal', 'double precision']::text[]),
    ('tradeagg_hhi_minvfunc', ARRAY['internal', 'double precision']::text[]),
    ('tradeagg_period_growth_sfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_period_growth_minvfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_period_growth_sfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_period_growth_minvfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_trailing_trade_sfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_trailing_trade_minvfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_trailing_trade_sfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_trailing_trade_minvfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_prior_year_trade_sfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_prior_year_trade_minvfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_prior_year_trade_sfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_prior_year_trade_minvfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_prior_ytd_trade_sfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_prior_ytd_trade_minvfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_prior_ytd_trade_sfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_prior_ytd_trade_minvfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_prior_ytd_trade_sfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_prior_ytd_trade_minvfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_prior_ytd_trade_sfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_prior_ytd_trade_minvfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_contribution_sfunc', ARRAY['internal', 'date', 'double precision', 'boolean']::text[]),
    ('tradeagg_ytd_contribution_minvfunc', ARRAY['internal', 'date', 'double precision', 'boolean']::text[]),
    ('tradeagg_ytd_contribution_sfunc', ARRAY['internal', 'date', 'double precision', 'boolean', 'integer']::text[]),
    ('tradeagg_ytd_contribution_minvfunc', ARRAY['internal', 'date', 'double precision', 'boolean', 'integer']::text[]),
    ('tradeagg_ytd_contribution_sfunc', ARRAY['internal', 'integer', 'double precision', 'boolean']::text[]),
    ('tradeagg_ytd_contribution_minvfunc', ARRAY['internal', 'integer', 'double precision', 'boolean']::text[]),
    ('tradeagg_ytd_contribution_sfunc', ARRAY['internal', 'integer', 'double precision', 'boolean', 'integer']::text[]),
    ('tradeagg_ytd_contribution_minvfunc', ARRAY['internal', 'integer', 'double precision', 'boolean', 'integer']::text[]),
    ('tradeagg_trade_balance_sfunc', ARRAY['internal', 'double precision', 'boolean']::text[]),
    ('tradeagg_trade_balance_minvfunc', ARRAY['internal', 'double precision', 'boolean']::text[]),
    ('tradeagg_coverage_ratio_sfunc', ARRAY['internal', 'double precision', 'boolean']::text[]),
    ('tradeagg_coverage_ratio_minvfunc', ARRAY['internal', 'double precision', 'boolean']::text[]),
    ('tradeagg_index_number_sfunc', ARRAY['internal', 'date', 'double precision', 'date']::text[]),
    ('tradeagg_index_number_minvfunc', ARRAY['internal', 'date', 'double precision', 'date']::text[]),
    ('tradeagg_index_number_sfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_index_number_minvfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_period_count_sfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_ytd_period_count_minvfunc', ARRAY['internal', 'date', 'double precision']::text[]),
    ('tradeagg_ytd_period_count_sfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_period_count_minvfunc', ARRAY['internal', 'date', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_period_count_sfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_ytd_period_count_minvfunc', ARRAY['internal', 'integer', 'double precision']::text[]),
    ('tradeagg_ytd_period_count_sfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_ytd_period_count_minvfunc', ARRAY['internal', 'integer', 'double precision', 'integer']::text[]),
    ('tradeagg_hhi_competitor_sfunc', ARRAY['internal', 'text', 'double precision']::text[]),
    ('tradeagg_hhi_competitor_minvfunc', ARRAY['internal', 'text', 'double precision']::text[]),
    ('tradeagg_hhi_competitor_sfunc', ARRAY['internal', 'bigint', 'double precision']::text[]),
    ('tradeagg_hhi_competitor_minvfunc', ARRAY['internal', 'bigint', 'double precision']::text[]);
-- One transition function over tradeagg_state per aggregate signature.
INSERT INTO sig_support
SELECT 'tradeagg_' || CASE WHEN name = 'hhi' AND args[1] IN ('text', 'bigint')
                          THEN 'hhi_competitor' ELSE name END || '_sfunc',
       'tradeagg_state'::text || args FROM sig_aggs;

SELECT has_type('tradeagg_state', 'type tradeagg_state exists');
SELECT results_eq(
    $$SELECT typtype::text, typlen::int, typstorage::text FROM pg_type WHERE oid = 'tradeagg_state'::regtype$$,
    $$VALUES ('b', -1, 'x')$$,
    'tradeagg_state is a varlena base type (not a pseudo-type: Citus splits such aggregates)');
SELECT ok(obj_description('tradeagg_state'::regtype, 'pg_type') IS NOT NULL,
          'tradeagg_state has a COMMENT');

SELECT has_function(name, args, format('function %s(%s) exists', name, array_to_string(args, ', ')))
FROM sig_public ORDER BY name;
SELECT is_aggregate(name, args, format('aggregate %s(%s) exists', name, array_to_string(args, ', ')))
FROM sig_aggs ORDER BY name, args;
SELECT has_function(name, args, format('support function %s(%s) exists', name, array_to_string(args, ', ')))
FROM sig_support ORDER BY name, args;

-- Everything the extension owns.
CREATE TEMP VIEW ext_proc AS
SELECT p.*, p.oid AS procoid
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tradeagg');
CREATE TEMP VIEW ext_agg AS
SELECT a.*, p.proname, p.proparallel, p.oid::regprocedure AS sig
FROM pg_aggregate a JOIN ext_proc p ON p.procoid = a.aggfnoid;

SELECT is((SELECT count(*) FROM ext_proc),
          (SELECT count(*) FROM sig_public) + (SELECT count(*) FROM sig_aggs)
            + (SELECT count(*) FROM sig_support),
          'the extension holds exactly the listed functions and aggregates');
SELECT is((SELECT count(*) FROM ext_agg), 50::bigint, '50 aggregates');
SELECT is((SELECT string_agg(procoid::regprocedure::text, '; ') FROM ext_proc
           WHERE obj_description(procoid, 'pg_proc') IS NULL),
          NULL, 'every function and aggregate has a COMMENT');
SELECT is((SELECT string_agg(procoid::regprocedure::text, '; ') FROM ext_proc
           WHERE proparallel <> 's'),
          NULL, 'every function and aggregate is PARALLEL SAFE');

SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg WHERE aggcombinefn = 0),
          NULL, 'every aggregate has a combine function');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg
           WHERE aggserialfn <> 0 OR aggdeserialfn <> 0),
          NULL, 'no aggregate has serialize or deserialize functions (PostgreSQL allows them only for internal)');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg
           WHERE aggminvtransfn = 0 OR aggmtransfn = 0 OR aggmfinalfn = 0
              OR aggmtranstype <> 'internal'::regtype),
          NULL, 'every aggregate has a moving-aggregate implementation with an inverse');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg
           WHERE aggfinalmodify <> 'r' OR aggmfinalmodify <> 'r'),
          NULL, 'every final function is READ_ONLY');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg
           WHERE aggtranstype <> 'tradeagg_state'::regtype OR aggtransspace <= 0
              OR aggmtransspace <= 0),
          NULL, 'every aggregate has a tradeagg_state state with a size estimate');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg a
           JOIN pg_proc t ON t.oid = a.aggtransfn
           JOIN pg_proc f ON f.oid = a.aggfinalfn
           JOIN pg_proc c ON c.oid = a.aggcombinefn
           JOIN pg_proc m ON m.oid = a.aggmtransfn
           JOIN pg_proc mf ON mf.oid = a.aggmfinalfn
           WHERE t.proargtypes[0] <> 'tradeagg_state'::regtype
              OR t.prorettype <> 'tradeagg_state'::regtype
              OR f.proargtypes[0] <> 'tradeagg_state'::regtype
              OR c.pronargs <> 2 OR c.proargtypes[0] <> 'tradeagg_state'::regtype OR c.proargtypes[1] <> 'tradeagg_state'::regtype
              OR m.proargtypes[0] <> 'internal'::regtype
              OR mf.proargtypes[0] <> 'internal'::regtype
              OR t.proname <> m.proname OR f.proname <> mf.proname),
          NULL, 'transition, final and combine functions take tradeagg_state; the moving ones internal (same names)');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg
           WHERE aggkind <> 'n' OR aggsortop <> 0),
          NULL, 'every aggregate is a normal aggregate (no ORDER BY inside the call)');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg a
           JOIN pg_proc t ON t.oid = a.aggtransfn
           JOIN pg_proc i ON i.oid = a.aggminvtransfn
           JOIN pg_proc c ON c.oid = a.aggcombinefn
           WHERE t.proisstrict OR i.proisstrict OR c.proisstrict),
          NULL, 'transition, inverse and combine functions are not strict');

SELECT is((SELECT string_agg(procoid::regprocedure::text, '; ') FROM ext_proc
           WHERE prokind = 'f' AND proname IN ('tradeagg_version', 'growth_rate',
                 'attainment_ratio', 'share_ratio', 'cagr')
             AND NOT (provolatile = 'i' AND proisstrict)),
          NULL, 'scalar functions are IMMUTABLE STRICT');
SELECT function_returns('target_reached_at', ARRAY['date', 'double precision', 'double precision'],
                        'date', 'target_reached_at over dates returns a date');
SELECT function_returns('target_reached_at', ARRAY['integer', 'double precision', 'double precision'],
                        'integer', 'target_reached_at over years returns an integer');
SELECT function_returns('ytd_period_count', ARRAY['date', 'double precision'],
                        'integer', 'ytd_period_count returns an integer');
SELECT function_returns('hhi', ARRAY['text', 'double precision'],
                        'double precision', 'hhi over text competitors returns double precision');
SELECT function_returns('hhi', ARRAY['bigint', 'double precision'],
                        'double precision', 'hhi over bigint competitors returns double precision');

CREATE ROLE tradeagg_nobody;
SELECT is((SELECT string_agg(procoid::regprocedure::text, '; ') FROM ext_proc
           WHERE prokind = 'f' AND NOT has_function_privilege('tradeagg_nobody', procoid, 'EXECUTE')
             AND NOT ('internal'::regtype = ANY (proargtypes) OR prorettype = 'internal'::regtype)),
          NULL, 'PUBLIC may execute every scalar function');
SELECT is((SELECT string_agg(procoid::regprocedure::text, '; ') FROM ext_proc
           WHERE has_function_privilege('tradeagg_nobody', procoid, 'EXECUTE')
             AND ('internal'::regtype = ANY (proargtypes) OR prorettype = 'internal'::regtype)
             AND procoid <> 'tradeagg_state_recv(internal)'::regprocedure),
          NULL, 'support functions taking or making internal are not executable by PUBLIC (but the type''s receive function)');
SELECT is((SELECT string_agg(procoid::regprocedure::text, '; ') FROM ext_proc
           WHERE NOT has_function_privilege('tradeagg_nobody', procoid, 'EXECUTE')
             AND ('tradeagg_state'::regtype = ANY (proargtypes) OR prorettype = 'tradeagg_state'::regtype)),
          NULL, 'PUBLIC may execute every function over tradeagg_state (Citus checks EXECUTE as the caller)');
SELECT is((SELECT string_agg(f::regprocedure::text, '; ')
           FROM pg_type t, LATERAL (VALUES (t.typinput), (t.typoutput), (t.typreceive), (t.typsend)) AS io(f)
           WHERE t.oid = 'tradeagg_state'::regtype
             AND NOT has_function_privilege('tradeagg_nobody', f, 'EXECUTE')),
          NULL, 'PUBLIC may execute the type''s input, output, receive and send functions');
SELECT is((SELECT string_agg(procoid::regprocedure::text, '; ') FROM ext_proc
           WHERE prokind = 'a' AND NOT has_function_privilege('tradeagg_nobody', procoid, 'EXECUTE')),
          NULL, 'PUBLIC may execute every aggregate');

SELECT * FROM finish();
ROLLBACK;
