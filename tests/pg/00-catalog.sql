-- The catalog: every signature exists, every aggregate can be split
-- (combine, serialize, deserialize) and moved (inverse), everything is
-- PARALLEL SAFE and commented, support functions are not for PUBLIC.
BEGIN;
SELECT plan(184);

SELECT has_extension('tradeagg', 'extension tradeagg is installed');
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'tradeagg'),
          tradeagg_version(), 'tradeagg_version() is the installed extension version');
SELECT results_eq(
    $$SELECT relocatable, trusted, superuser FROM pg_available_extension_versions
      WHERE name = 'tradeagg' AND version = '1.0.0'$$,
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
    ('tradeagg_final_float8', ARRAY['internal']::text[]),
    ('tradeagg_final_date', ARRAY['internal']::text[]),
    ('tradeagg_final_int4', ARRAY['internal']::text[]),
    ('tradeagg_combine', ARRAY['internal', 'internal']::text[]),
    ('tradeagg_serialize', ARRAY['internal']::text[]),
    ('tradeagg_deserialize', ARRAY['bytea', 'internal']::text[]),
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
            + (SELECT count(*) FROM sig_support)
            -- the series (tests/cases/series.cases): the type's functions,
            -- accessors, trade_series, rollup and their support functions
            + (SELECT count(*) FROM ext_proc WHERE proname ~ '^(series_|tradeseries|trade_series$|rollup$|tradeagg_(trade_series|rollup)_|tradeagg_final_series$)'),
          'the extension holds exactly the listed functions and aggregates');
SELECT is((SELECT count(*) FROM ext_agg), 53::bigint, '50 one-step aggregates, trade_series (2) and rollup');
SELECT is((SELECT string_agg(procoid::regprocedure::text, '; ') FROM ext_proc
           WHERE obj_description(procoid, 'pg_proc') IS NULL),
          NULL, 'every function and aggregate has a COMMENT');
SELECT is((SELECT string_agg(procoid::regprocedure::text, '; ') FROM ext_proc
           WHERE proparallel <> 's'),
          NULL, 'every function and aggregate is PARALLEL SAFE');

SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg WHERE aggcombinefn = 0),
          NULL, 'every aggregate has a combine function');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg
           WHERE aggserialfn = 0 OR aggdeserialfn = 0),
          NULL, 'every aggregate has serialize and deserialize functions');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg
           WHERE aggminvtransfn = 0 OR aggmtransfn = 0 OR aggmfinalfn = 0
              OR aggmtranstype <> 'internal'::regtype),
          NULL, 'every aggregate has a moving-aggregate implementation with an inverse');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg
           WHERE aggfinalmodify <> 'r' OR aggmfinalmodify <> 'r'),
          NULL, 'every final function is READ_ONLY');
SELECT is((SELECT string_agg(sig::text, '; ') FROM ext_agg
           WHERE aggtranstype <> 'internal'::regtype OR aggtransspace <= 0
              OR aggmtransspace <= 0),
          NULL, 'every aggregate has an internal state with a size estimate');
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
             AND ('internal'::regtype = ANY (proargtypes) OR prorettype = 'internal'::regtype)),
          NULL, 'support functions taking or making internal are not executable by PUBLIC');
SELECT is((SELECT string_agg(procoid::regprocedure::text, '; ') FROM ext_proc
           WHERE prokind = 'a' AND NOT has_function_privilege('tradeagg_nobody', procoid, 'EXECUTE')),
          NULL, 'PUBLIC may execute every aggregate');

SELECT * FROM finish();
ROLLBACK;
