-- tradeagg 1.0.0 -> 1.1.0 (ALTER EXTENSION tradeagg UPDATE).
--
-- Written by hand, one section per change, in the order the changes were
-- made (see sql/README.md). After it runs, the database must hold exactly
-- the objects a fresh CREATE EXTENSION tradeagg (1.1.0) makes, with the same
-- definitions, comments and grants: tests/pg/90-upgrade.sql compares them.
-- The C symbols of 1.0.0 keep their meaning, so the library serves the
-- 1.0.0 objects until this runs; tradeagg_version(), read from the library,
-- says 1.1.0.

\echo Use "ALTER EXTENSION tradeagg UPDATE TO '1.1.0'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- tradeagg 1.0.0 -> 1.1.0, the state type: every aggregate of 1.0.0 takes
-- the base type tradeagg_state as its state (STYPE) instead of internal,
-- with a combine function over it and no serialize/deserialize functions,
-- so that Citus splits it into partial aggregates on the workers.
--
-- It runs before the sections that create aggregates over tradeagg_state.
--
-- PostgreSQL has no ALTER AGGREGATE for the state type, and dropping and
-- re-creating the aggregates would drop every view and materialized view
-- built on them. So the aggregates keep their identity (same OID, which
-- views and materialized views reference) and only their own rows in
-- pg_aggregate and pg_depend are rewritten. A stored view holds no state
-- type (the planner reads it from pg_aggregate), so views need no change.
-- The moving-aggregate side (MSFUNC, MINVFUNC, MFINALFUNC, MSTYPE internal)
-- is kept as it was. The library serves the 1.0.0 objects until this runs
-- (the C symbols of 1.0.0 keep their meaning).

-- 1. The state type and its input/output functions (as in the install
--    script; PUBLIC may execute them: Citus ships states through them).

CREATE TYPE tradeagg_state;
CREATE FUNCTION tradeagg_state_in(cstring) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_state_in'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_state_in(cstring) IS
    'tradeagg_state text input, validated';

CREATE FUNCTION tradeagg_state_out(tradeagg_state) RETURNS cstring
    AS 'MODULE_PATHNAME', 'tradeagg_state_out'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_state_out(tradeagg_state) IS
    'tradeagg_state text output';

CREATE FUNCTION tradeagg_state_recv(internal) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_state_recv'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_state_recv(internal) IS
    'tradeagg_state binary input, validated';

CREATE FUNCTION tradeagg_state_send(tradeagg_state) RETURNS bytea
    AS 'MODULE_PATHNAME', 'tradeagg_state_send'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_state_send(tradeagg_state) IS
    'tradeagg_state binary output';

CREATE TYPE tradeagg_state (
    INPUT = tradeagg_state_in,
    OUTPUT = tradeagg_state_out,
    RECEIVE = tradeagg_state_recv,
    SEND = tradeagg_state_send,
    INTERNALLENGTH = VARIABLE,
    STORAGE = extended
);
COMMENT ON TYPE tradeagg_state IS
    'the state of a tradeagg aggregate (internal use, e.g. Citus''s partial aggregates); text form: the versioned serialized state in hex after \x, validated on input (SQLSTATE 22P03 if invalid)';

-- 2. The support functions over tradeagg_state: final and combine
--    functions, and one transition function per aggregate signature (an
--    overload of the 1.0.0 transition function over internal, which stays
--    as the moving-aggregate transition).

CREATE FUNCTION tradeagg_final_float8(tradeagg_state) RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_state_final_float8'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_final_float8(tradeagg_state) IS
    'tradeagg aggregate support: read-only final function with a double precision result; validates a state it did not make';

CREATE FUNCTION tradeagg_final_date(tradeagg_state) RETURNS date
    AS 'MODULE_PATHNAME', 'tradeagg_state_final_date'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_final_date(tradeagg_state) IS
    'tradeagg aggregate support: read-only final function with a date result; validates a state it did not make';

CREATE FUNCTION tradeagg_final_int4(tradeagg_state) RETURNS integer
    AS 'MODULE_PATHNAME', 'tradeagg_state_final_int4'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_final_int4(tradeagg_state) IS
    'tradeagg aggregate support: read-only final function with a year (integer) result; validates a state it did not make';

CREATE FUNCTION tradeagg_combine(tradeagg_state, tradeagg_state) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_state_combine'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_combine(tradeagg_state, tradeagg_state) IS
    'tradeagg aggregate support: merges two partial states (parallel, partitionwise and distributed aggregation); either may be NULL; validates a state it did not make; states with different target or fy_start_month are an error';

CREATE FUNCTION tradeagg_cumulative_trade_sfunc(tradeagg_state, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_cumulative_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_cumulative_trade_sfunc(tradeagg_state, double precision) IS
    'tradeagg aggregate support: transition function of cumulative_trade(double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_ytd_trade_sfunc(tradeagg_state, date, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(tradeagg_state, date, double precision) IS
    'tradeagg aggregate support: transition function of ytd_trade(date, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_ytd_trade_sfunc(tradeagg_state, date, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(tradeagg_state, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_trade(date, double precision, integer); validates a state it did not make';

CREATE FUNCTION tradeagg_ytd_trade_sfunc(tradeagg_state, integer, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(tradeagg_state, integer, double precision) IS
    'tradeagg aggregate support: transition function of ytd_trade(integer, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_ytd_trade_sfunc(tradeagg_state, integer, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(tradeagg_state, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_trade(integer, double precision, integer); validates a state it did not make';

CREATE FUNCTION tradeagg_ttm_trade_sfunc(tradeagg_state, date, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ttm_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ttm_trade_sfunc(tradeagg_state, date, double precision) IS
    'tradeagg aggregate support: transition function of ttm_trade(date, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_ttm_trade_sfunc(tradeagg_state, integer, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ttm_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ttm_trade_sfunc(tradeagg_state, integer, double precision) IS
    'tradeagg aggregate support: transition function of ttm_trade(integer, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_yoy_growth_sfunc(tradeagg_state, date, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_yoy_growth_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_yoy_growth_sfunc(tradeagg_state, date, double precision) IS
    'tradeagg aggregate support: transition function of yoy_growth(date, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_yoy_growth_sfunc(tradeagg_state, integer, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_yoy_growth_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_yoy_growth_sfunc(tradeagg_state, integer, double precision) IS
    'tradeagg aggregate support: transition function of yoy_growth(integer, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_ytd_yoy_growth_sfunc(tradeagg_state, date, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(tradeagg_state, date, double precision) IS
    'tradeagg aggregate support: transition function of ytd_yoy_growth(date, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_ytd_yoy_growth_sfunc(tradeagg_state, date, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(tradeagg_state, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_yoy_growth(date, double precision, integer); validates a state it did not make';

CREATE FUNCTION tradeagg_ytd_yoy_growth_sfunc(tradeagg_state, integer, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(tradeagg_state, integer, double precision) IS
    'tradeagg aggregate support: transition function of ytd_yoy_growth(integer, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_ytd_yoy_growth_sfunc(tradeagg_state, integer, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(tradeagg_state, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_yoy_growth(integer, double precision, integer); validates a state it did not make';

CREATE FUNCTION tradeagg_target_attainment_sfunc(tradeagg_state, double precision, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_target_attainment_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_target_attainment_sfunc(tradeagg_state, double precision, double precision) IS
    'tradeagg aggregate support: transition function of target_attainment(double precision, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_target_reached_at_sfunc(tradeagg_state, date, double precision, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_target_reached_at_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_target_reached_at_sfunc(tradeagg_state, date, double precision, double precision) IS
    'tradeagg aggregate support: transition function of target_reached_at(date, double precision, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_target_reached_at_sfunc(tradeagg_state, integer, double precision, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_target_reached_at_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_target_reached_at_sfunc(tradeagg_state, integer, double precision, double precision) IS
    'tradeagg aggregate support: transition function of target_reached_at(integer, double precision, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_projected_trade_sfunc(tradeagg_state, date, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(tradeagg_state, date, double precision) IS
    'tradeagg aggregate support: transition function of projected_trade(date, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_projected_trade_sfunc(tradeagg_state, date, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(tradeagg_state, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of projected_trade(date, double precision, integer); validates a state it did not make';

CREATE FUNCTION tradeagg_projected_trade_sfunc(tradeagg_state, integer, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(tradeagg_state, integer, double precision) IS
    'tradeagg aggregate support: transition function of projected_trade(integer, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_projected_trade_sfunc(tradeagg_state, integer, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(tradeagg_state, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of projected_trade(integer, double precision, integer); validates a state it did not make';

CREATE FUNCTION tradeagg_period_from_ytd_sfunc(tradeagg_state, date, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(tradeagg_state, date, double precision) IS
    'tradeagg aggregate support: transition function of period_from_ytd(date, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_period_from_ytd_sfunc(tradeagg_state, date, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(tradeagg_state, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of period_from_ytd(date, double precision, integer); validates a state it did not make';

CREATE FUNCTION tradeagg_period_from_ytd_sfunc(tradeagg_state, integer, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(tradeagg_state, integer, double precision) IS
    'tradeagg aggregate support: transition function of period_from_ytd(integer, double precision); validates a state it did not make';

CREATE FUNCTION tradeagg_period_from_ytd_sfunc(tradeagg_state, integer, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(tradeagg_state, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of period_from_ytd(integer, double precision, integer); validates a state it did not make';

CREATE FUNCTION tradeagg_share_of_sfunc(tradeagg_state, double precision, boolean) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_share_of_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_share_of_sfunc(tradeagg_state, double precision, boolean) IS
    'tradeagg aggregate support: transition function of share_of(double precision, boolean); validates a state it did not make';

CREATE FUNCTION tradeagg_hhi_sfunc(tradeagg_state, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_sfunc(tradeagg_state, double precision) IS
    'tradeagg aggregate support: transition function of hhi(double precision); validates a state it did not make';

-- 3. The functions over internal that stay serve moving window frames.

COMMENT ON FUNCTION tradeagg_final_float8(internal) IS
    'tradeagg aggregate support: read-only final function of moving window frames with a double precision result';
COMMENT ON FUNCTION tradeagg_final_date(internal) IS
    'tradeagg aggregate support: read-only final function of moving window frames with a date result';
COMMENT ON FUNCTION tradeagg_final_int4(internal) IS
    'tradeagg aggregate support: read-only final function of moving window frames with a year (integer) result';
COMMENT ON FUNCTION tradeagg_cumulative_trade_sfunc(internal, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of cumulative_trade(double precision)';
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_trade(date, double precision)';
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_trade(date, double precision, integer)';
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_trade(integer, double precision)';
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_trade(integer, double precision, integer)';
COMMENT ON FUNCTION tradeagg_ttm_trade_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of ttm_trade(date, double precision)';
COMMENT ON FUNCTION tradeagg_ttm_trade_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of ttm_trade(integer, double precision)';
COMMENT ON FUNCTION tradeagg_yoy_growth_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of yoy_growth(date, double precision)';
COMMENT ON FUNCTION tradeagg_yoy_growth_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of yoy_growth(integer, double precision)';
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_yoy_growth(date, double precision)';
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_yoy_growth(date, double precision, integer)';
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_yoy_growth(integer, double precision)';
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_yoy_growth(integer, double precision, integer)';
COMMENT ON FUNCTION tradeagg_target_attainment_sfunc(internal, double precision, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of target_attainment(double precision, double precision)';
COMMENT ON FUNCTION tradeagg_target_reached_at_sfunc(internal, date, double precision, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of target_reached_at(date, double precision, double precision)';
COMMENT ON FUNCTION tradeagg_target_reached_at_sfunc(internal, integer, double precision, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of target_reached_at(integer, double precision, double precision)';
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of projected_trade(date, double precision)';
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of projected_trade(date, double precision, integer)';
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of projected_trade(integer, double precision)';
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of projected_trade(integer, double precision, integer)';
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of period_from_ytd(date, double precision)';
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of period_from_ytd(date, double precision, integer)';
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of period_from_ytd(integer, double precision)';
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of period_from_ytd(integer, double precision, integer)';
COMMENT ON FUNCTION tradeagg_share_of_sfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: transition function of moving window frames of share_of(double precision, boolean)';
COMMENT ON FUNCTION tradeagg_hhi_sfunc(internal, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of hhi(double precision)';

-- 4. Each aggregate of this extension whose state is still internal: the
--    transition and final functions become their overloads over
--    tradeagg_state (same name, same arguments after the state), the
--    combine function the one over tradeagg_state, no serialize or
--    deserialize function.
UPDATE pg_catalog.pg_aggregate AS a
SET aggtransfn = s.oid,
    aggfinalfn = f.oid,
    aggcombinefn = 'tradeagg_combine(tradeagg_state, tradeagg_state)'::pg_catalog.regprocedure,
    aggserialfn = 0,
    aggdeserialfn = 0,
    aggtranstype = 'tradeagg_state'::pg_catalog.regtype
FROM pg_catalog.pg_depend AS e,
     pg_catalog.pg_proc AS old_s, pg_catalog.pg_proc AS s,
     pg_catalog.pg_proc AS old_f, pg_catalog.pg_proc AS f
WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
  AND e.objid = a.aggfnoid
  AND e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
  AND e.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'tradeagg')
  AND e.deptype = 'e'
  AND a.aggtranstype = 'internal'::pg_catalog.regtype
  AND old_s.oid = a.aggtransfn
  AND s.proname = old_s.proname
  AND s.pronamespace = old_s.pronamespace
  AND s.pronargs = old_s.pronargs
  AND s.proargtypes[0] = 'tradeagg_state'::pg_catalog.regtype
  AND (s.proargtypes::pg_catalog.oid[])[1:] = (old_s.proargtypes::pg_catalog.oid[])[1:]
  AND s.prorettype = 'tradeagg_state'::pg_catalog.regtype
  AND old_f.oid = a.aggfinalfn
  AND f.proname = old_f.proname
  AND f.pronamespace = old_f.pronamespace
  AND f.pronargs = 1
  AND f.proargtypes[0] = 'tradeagg_state'::pg_catalog.regtype
  AND f.prorettype = old_f.prorettype;

-- Every one of them must have been rewritten: otherwise stop the update.
DO $$
DECLARE
    left_over text;
BEGIN
    SELECT string_agg(a.aggfnoid::pg_catalog.regprocedure::text, ', ')
      INTO left_over
      FROM pg_catalog.pg_aggregate AS a
      JOIN pg_catalog.pg_depend AS e
        ON e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND e.objid = a.aggfnoid
       AND e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND e.deptype = 'e'
       AND e.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'tradeagg')
     WHERE a.aggtranstype <> 'tradeagg_state'::pg_catalog.regtype
        OR a.aggserialfn <> 0 OR a.aggdeserialfn <> 0;
    IF left_over IS NOT NULL THEN
        RAISE EXCEPTION 'tradeagg update: aggregates whose state could not be changed to tradeagg_state: %', left_over;
    END IF;
END
$$;

-- 5. The dependencies CREATE AGGREGATE would have recorded: on the new
--    transition, final and combine functions, no longer on the 1.0.0
--    combine, serialize and deserialize functions (still on the moving
--    transition, inverse and final functions, which are unchanged).
DELETE FROM pg_catalog.pg_depend AS d
USING pg_catalog.pg_aggregate AS a
WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
  AND d.objid = a.aggfnoid
  AND d.objsubid = 0
  AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
  AND d.refobjid IN ('tradeagg_combine(internal, internal)'::pg_catalog.regprocedure,
                     'tradeagg_serialize(internal)'::pg_catalog.regprocedure,
                     'tradeagg_deserialize(bytea, internal)'::pg_catalog.regprocedure)
  AND d.deptype = 'n'
  AND a.aggtranstype = 'tradeagg_state'::pg_catalog.regtype;

INSERT INTO pg_catalog.pg_depend
    (classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype)
SELECT DISTINCT 'pg_catalog.pg_proc'::pg_catalog.regclass, a.aggfnoid, 0,
       'pg_catalog.pg_proc'::pg_catalog.regclass, x.fn, 0, 'n'
FROM pg_catalog.pg_aggregate AS a
JOIN pg_catalog.pg_depend AS e
  ON e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND e.objid = a.aggfnoid
 AND e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND e.deptype = 'e'
 AND e.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'tradeagg'),
LATERAL (VALUES (a.aggtransfn), (a.aggfinalfn), (a.aggcombinefn)) AS x(fn)
WHERE a.aggtranstype = 'tradeagg_state'::pg_catalog.regtype
  AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend AS d
      WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = a.aggfnoid
        AND d.objsubid = 0 AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
        AND d.refobjid = x.fn AND d.deptype = 'n');

-- 6. Plans cached in other sessions name the aggregates: touching their
--    pg_proc rows invalidates those plans, so that they are planned again
--    with the new state type.
UPDATE pg_catalog.pg_proc AS p
SET proname = p.proname
FROM pg_catalog.pg_aggregate AS a
WHERE p.oid = a.aggfnoid
  AND a.aggcombinefn = 'tradeagg_combine(tradeagg_state, tradeagg_state)'::pg_catalog.regprocedure;

-- 7. The 1.0.0 support functions nothing uses any more (their C symbols
--    stay in the library).
DROP FUNCTION tradeagg_combine(internal, internal);
DROP FUNCTION tradeagg_serialize(internal);
DROP FUNCTION tradeagg_deserialize(bytea, internal);

-- ---------------------------------------------------------------------------
-- Round 2 aggregates: period_growth, trailing_trade, prior_year_trade,
-- prior_ytd_trade, ytd_contribution, trade_balance, coverage_ratio,
-- index_number, ytd_period_count and hhi(competitor, value), with their
-- support functions (as in the install script); tradeagg_final_int4 now also
-- returns counts.
COMMENT ON FUNCTION tradeagg_final_int4(tradeagg_state) IS
    'tradeagg aggregate support: read-only final function with an integer (a year or a count) result; validates a state it did not make';
COMMENT ON FUNCTION tradeagg_final_int4(internal) IS
    'tradeagg aggregate support: read-only final function of moving window frames with an integer (a year or a count) result';

-- period_growth
CREATE FUNCTION tradeagg_period_growth_sfunc(tradeagg_state, date, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_period_growth_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_growth_sfunc(tradeagg_state, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of period_growth(date, double precision, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_period_growth_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_growth_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_growth_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of period_growth(date, double precision, integer)';
CREATE FUNCTION tradeagg_period_growth_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_growth_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_growth_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of period_growth(date, double precision, integer)';
CREATE AGGREGATE period_growth(period date, value double precision, months integer) (
    SFUNC = tradeagg_period_growth_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_period_growth_sfunc,
    MINVFUNC = tradeagg_period_growth_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE period_growth(date, double precision, integer) IS
    'growth_rate(total at the latest period, total at the period months calendar months earlier, day clamped to the month end); NULL if that period has no rows; months 1-1200, a multiple of 12 on annual periods';

CREATE FUNCTION tradeagg_period_growth_sfunc(tradeagg_state, integer, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_period_growth_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_growth_sfunc(tradeagg_state, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of period_growth(integer, double precision, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_period_growth_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_growth_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_growth_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of period_growth(integer, double precision, integer)';
CREATE FUNCTION tradeagg_period_growth_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_growth_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_growth_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of period_growth(integer, double precision, integer)';
CREATE AGGREGATE period_growth(period integer, value double precision, months integer) (
    SFUNC = tradeagg_period_growth_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_period_growth_sfunc,
    MINVFUNC = tradeagg_period_growth_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE period_growth(integer, double precision, integer) IS
    'growth_rate(total at the latest period, total at the period months calendar months earlier, day clamped to the month end); NULL if that period has no rows; months 1-1200, a multiple of 12 on annual periods';

-- trailing_trade
CREATE FUNCTION tradeagg_trailing_trade_sfunc(tradeagg_state, date, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_trailing_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trailing_trade_sfunc(tradeagg_state, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of trailing_trade(date, double precision, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_trailing_trade_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trailing_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trailing_trade_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of trailing_trade(date, double precision, integer)';
CREATE FUNCTION tradeagg_trailing_trade_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trailing_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trailing_trade_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of trailing_trade(date, double precision, integer)';
CREATE AGGREGATE trailing_trade(period date, value double precision, months integer) (
    SFUNC = tradeagg_trailing_trade_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_trailing_trade_sfunc,
    MINVFUNC = tradeagg_trailing_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE trailing_trade(date, double precision, integer) IS
    'calendar trailing sum: periods after (latest - months calendar months) up to the latest; 12 is ttm_trade';

CREATE FUNCTION tradeagg_trailing_trade_sfunc(tradeagg_state, integer, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_trailing_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trailing_trade_sfunc(tradeagg_state, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of trailing_trade(integer, double precision, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_trailing_trade_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trailing_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trailing_trade_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of trailing_trade(integer, double precision, integer)';
CREATE FUNCTION tradeagg_trailing_trade_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trailing_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trailing_trade_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of trailing_trade(integer, double precision, integer)';
CREATE AGGREGATE trailing_trade(period integer, value double precision, months integer) (
    SFUNC = tradeagg_trailing_trade_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_trailing_trade_sfunc,
    MINVFUNC = tradeagg_trailing_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE trailing_trade(integer, double precision, integer) IS
    'calendar trailing sum: periods after (latest - months calendar months) up to the latest; 12 is ttm_trade';

-- prior_year_trade
CREATE FUNCTION tradeagg_prior_year_trade_sfunc(tradeagg_state, date, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_prior_year_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_year_trade_sfunc(tradeagg_state, date, double precision) IS
    'tradeagg aggregate support: transition function of prior_year_trade(date, double precision); validates a state it did not make';
CREATE FUNCTION tradeagg_prior_year_trade_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_year_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_year_trade_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of prior_year_trade(date, double precision)';
CREATE FUNCTION tradeagg_prior_year_trade_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_year_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_year_trade_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of prior_year_trade(date, double precision)';
CREATE AGGREGATE prior_year_trade(period date, value double precision) (
    SFUNC = tradeagg_prior_year_trade_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_prior_year_trade_sfunc,
    MINVFUNC = tradeagg_prior_year_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE prior_year_trade(date, double precision) IS
    'total at the period one year before the latest (the base of yoy_growth); NULL if it has no rows';

CREATE FUNCTION tradeagg_prior_year_trade_sfunc(tradeagg_state, integer, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_prior_year_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_year_trade_sfunc(tradeagg_state, integer, double precision) IS
    'tradeagg aggregate support: transition function of prior_year_trade(integer, double precision); validates a state it did not make';
CREATE FUNCTION tradeagg_prior_year_trade_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_year_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_year_trade_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of prior_year_trade(integer, double precision)';
CREATE FUNCTION tradeagg_prior_year_trade_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_year_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_year_trade_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of prior_year_trade(integer, double precision)';
CREATE AGGREGATE prior_year_trade(period integer, value double precision) (
    SFUNC = tradeagg_prior_year_trade_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_prior_year_trade_sfunc,
    MINVFUNC = tradeagg_prior_year_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE prior_year_trade(integer, double precision) IS
    'total at the period one year before the latest (the base of yoy_growth); NULL if it has no rows';

-- prior_ytd_trade
CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(tradeagg_state, date, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(tradeagg_state, date, double precision) IS
    'tradeagg aggregate support: transition function of prior_ytd_trade(date, double precision); validates a state it did not make';
CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of prior_ytd_trade(date, double precision)';
CREATE FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of prior_ytd_trade(date, double precision)';
CREATE AGGREGATE prior_ytd_trade(period date, value double precision) (
    SFUNC = tradeagg_prior_ytd_trade_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_prior_ytd_trade_sfunc,
    MINVFUNC = tradeagg_prior_ytd_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE prior_ytd_trade(date, double precision) IS
    'the previous (fiscal) year through the same point one year earlier (the base of ytd_yoy_growth); NULL if it has no rows';

CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(tradeagg_state, date, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(tradeagg_state, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of prior_ytd_trade(date, double precision, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of prior_ytd_trade(date, double precision, integer)';
CREATE FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of prior_ytd_trade(date, double precision, integer)';
CREATE AGGREGATE prior_ytd_trade(period date, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_prior_ytd_trade_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_prior_ytd_trade_sfunc,
    MINVFUNC = tradeagg_prior_ytd_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE prior_ytd_trade(date, double precision, integer) IS
    'the previous (fiscal) year through the same point one year earlier (the base of ytd_yoy_growth); NULL if it has no rows';

CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(tradeagg_state, integer, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(tradeagg_state, integer, double precision) IS
    'tradeagg aggregate support: transition function of prior_ytd_trade(integer, double precision); validates a state it did not make';
CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of prior_ytd_trade(integer, double precision)';
CREATE FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of prior_ytd_trade(integer, double precision)';
CREATE AGGREGATE prior_ytd_trade(period integer, value double precision) (
    SFUNC = tradeagg_prior_ytd_trade_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_prior_ytd_trade_sfunc,
    MINVFUNC = tradeagg_prior_ytd_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE prior_ytd_trade(integer, double precision) IS
    'the previous (fiscal) year through the same point one year earlier (the base of ytd_yoy_growth); NULL if it has no rows';

CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(tradeagg_state, integer, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(tradeagg_state, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of prior_ytd_trade(integer, double precision, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of prior_ytd_trade(integer, double precision, integer)';
CREATE FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of prior_ytd_trade(integer, double precision, integer)';
CREATE AGGREGATE prior_ytd_trade(period integer, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_prior_ytd_trade_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_prior_ytd_trade_sfunc,
    MINVFUNC = tradeagg_prior_ytd_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE prior_ytd_trade(integer, double precision, integer) IS
    'the previous (fiscal) year through the same point one year earlier (the base of ytd_yoy_growth); NULL if it has no rows';

-- ytd_contribution
CREATE FUNCTION tradeagg_ytd_contribution_sfunc(tradeagg_state, date, double precision, boolean) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(tradeagg_state, date, double precision, boolean) IS
    'tradeagg aggregate support: transition function of ytd_contribution(date, double precision, boolean); validates a state it did not make';
CREATE FUNCTION tradeagg_ytd_contribution_sfunc(internal, date, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, date, double precision, boolean) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_contribution(date, double precision, boolean)';
CREATE FUNCTION tradeagg_ytd_contribution_minvfunc(internal, date, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, date, double precision, boolean) IS
    'tradeagg aggregate support: inverse transition function of ytd_contribution(date, double precision, boolean)';
CREATE AGGREGATE ytd_contribution(period date, value double precision, is_part boolean) (
    SFUNC = tradeagg_ytd_contribution_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_ytd_contribution_sfunc,
    MINVFUNC = tradeagg_ytd_contribution_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_contribution(date, double precision, boolean) IS
    'contribution of the part (is_part true) to the total''s YTD growth: (part YTD - part prior YTD) / prior YTD of all rows; NULL if the prior YTD has no rows or sums to 0';

CREATE FUNCTION tradeagg_ytd_contribution_sfunc(tradeagg_state, date, double precision, boolean, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(tradeagg_state, date, double precision, boolean, integer) IS
    'tradeagg aggregate support: transition function of ytd_contribution(date, double precision, boolean, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_ytd_contribution_sfunc(internal, date, double precision, boolean, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, date, double precision, boolean, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_contribution(date, double precision, boolean, integer)';
CREATE FUNCTION tradeagg_ytd_contribution_minvfunc(internal, date, double precision, boolean, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, date, double precision, boolean, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_contribution(date, double precision, boolean, integer)';
CREATE AGGREGATE ytd_contribution(period date, value double precision, is_part boolean, fy_start_month integer) (
    SFUNC = tradeagg_ytd_contribution_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_ytd_contribution_sfunc,
    MINVFUNC = tradeagg_ytd_contribution_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_contribution(date, double precision, boolean, integer) IS
    'contribution of the part (is_part true) to the total''s YTD growth: (part YTD - part prior YTD) / prior YTD of all rows; NULL if the prior YTD has no rows or sums to 0';

CREATE FUNCTION tradeagg_ytd_contribution_sfunc(tradeagg_state, integer, double precision, boolean) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(tradeagg_state, integer, double precision, boolean) IS
    'tradeagg aggregate support: transition function of ytd_contribution(integer, double precision, boolean); validates a state it did not make';
CREATE FUNCTION tradeagg_ytd_contribution_sfunc(internal, integer, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, integer, double precision, boolean) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_contribution(integer, double precision, boolean)';
CREATE FUNCTION tradeagg_ytd_contribution_minvfunc(internal, integer, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, integer, double precision, boolean) IS
    'tradeagg aggregate support: inverse transition function of ytd_contribution(integer, double precision, boolean)';
CREATE AGGREGATE ytd_contribution(period integer, value double precision, is_part boolean) (
    SFUNC = tradeagg_ytd_contribution_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_ytd_contribution_sfunc,
    MINVFUNC = tradeagg_ytd_contribution_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_contribution(integer, double precision, boolean) IS
    'contribution of the part (is_part true) to the total''s YTD growth: (part YTD - part prior YTD) / prior YTD of all rows; NULL if the prior YTD has no rows or sums to 0';

CREATE FUNCTION tradeagg_ytd_contribution_sfunc(tradeagg_state, integer, double precision, boolean, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(tradeagg_state, integer, double precision, boolean, integer) IS
    'tradeagg aggregate support: transition function of ytd_contribution(integer, double precision, boolean, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_ytd_contribution_sfunc(internal, integer, double precision, boolean, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, integer, double precision, boolean, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_contribution(integer, double precision, boolean, integer)';
CREATE FUNCTION tradeagg_ytd_contribution_minvfunc(internal, integer, double precision, boolean, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, integer, double precision, boolean, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_contribution(integer, double precision, boolean, integer)';
CREATE AGGREGATE ytd_contribution(period integer, value double precision, is_part boolean, fy_start_month integer) (
    SFUNC = tradeagg_ytd_contribution_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_ytd_contribution_sfunc,
    MINVFUNC = tradeagg_ytd_contribution_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_contribution(integer, double precision, boolean, integer) IS
    'contribution of the part (is_part true) to the total''s YTD growth: (part YTD - part prior YTD) / prior YTD of all rows; NULL if the prior YTD has no rows or sums to 0';

-- trade_balance
CREATE FUNCTION tradeagg_trade_balance_sfunc(tradeagg_state, double precision, boolean) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_trade_balance_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trade_balance_sfunc(tradeagg_state, double precision, boolean) IS
    'tradeagg aggregate support: transition function of trade_balance(double precision, boolean); validates a state it did not make';
CREATE FUNCTION tradeagg_trade_balance_sfunc(internal, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trade_balance_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trade_balance_sfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: transition function of moving window frames of trade_balance(double precision, boolean)';
CREATE FUNCTION tradeagg_trade_balance_minvfunc(internal, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trade_balance_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trade_balance_minvfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: inverse transition function of trade_balance(double precision, boolean)';
CREATE AGGREGATE trade_balance(value double precision, is_export boolean) (
    SFUNC = tradeagg_trade_balance_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_trade_balance_sfunc,
    MINVFUNC = tradeagg_trade_balance_minvfunc,
    MSTYPE = internal,
    MSSPACE = 128,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE trade_balance(double precision, boolean) IS
    'sum of value where is_export is true - sum where it is false, exact; rows with a NULL is_export are skipped';

-- coverage_ratio
CREATE FUNCTION tradeagg_coverage_ratio_sfunc(tradeagg_state, double precision, boolean) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_coverage_ratio_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_coverage_ratio_sfunc(tradeagg_state, double precision, boolean) IS
    'tradeagg aggregate support: transition function of coverage_ratio(double precision, boolean); validates a state it did not make';
CREATE FUNCTION tradeagg_coverage_ratio_sfunc(internal, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_coverage_ratio_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_coverage_ratio_sfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: transition function of moving window frames of coverage_ratio(double precision, boolean)';
CREATE FUNCTION tradeagg_coverage_ratio_minvfunc(internal, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_coverage_ratio_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_coverage_ratio_minvfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: inverse transition function of coverage_ratio(double precision, boolean)';
CREATE AGGREGATE coverage_ratio(value double precision, is_export boolean) (
    SFUNC = tradeagg_coverage_ratio_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_coverage_ratio_sfunc,
    MINVFUNC = tradeagg_coverage_ratio_minvfunc,
    MSTYPE = internal,
    MSSPACE = 128,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE coverage_ratio(double precision, boolean) IS
    'sum of exports / sum of imports; NULL if there is no import row or imports sum to 0; rows with a NULL is_export are skipped';

-- index_number
CREATE FUNCTION tradeagg_index_number_sfunc(tradeagg_state, date, double precision, date) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_index_number_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_index_number_sfunc(tradeagg_state, date, double precision, date) IS
    'tradeagg aggregate support: transition function of index_number(date, double precision, date); validates a state it did not make';
CREATE FUNCTION tradeagg_index_number_sfunc(internal, date, double precision, date) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_index_number_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_index_number_sfunc(internal, date, double precision, date) IS
    'tradeagg aggregate support: transition function of moving window frames of index_number(date, double precision, date)';
CREATE FUNCTION tradeagg_index_number_minvfunc(internal, date, double precision, date) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_index_number_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_index_number_minvfunc(internal, date, double precision, date) IS
    'tradeagg aggregate support: inverse transition function of index_number(date, double precision, date)';
CREATE AGGREGATE index_number(period date, value double precision, base_period date) (
    SFUNC = tradeagg_index_number_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_index_number_sfunc,
    MINVFUNC = tradeagg_index_number_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_number(date, double precision, date) IS
    '100 * (total at the latest period / total at base_period); NULL if the base period has no rows or sums to 0';

CREATE FUNCTION tradeagg_index_number_sfunc(tradeagg_state, integer, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_index_number_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_index_number_sfunc(tradeagg_state, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of index_number(integer, double precision, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_index_number_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_index_number_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_index_number_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of index_number(integer, double precision, integer)';
CREATE FUNCTION tradeagg_index_number_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_index_number_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_index_number_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of index_number(integer, double precision, integer)';
CREATE AGGREGATE index_number(period integer, value double precision, base_period integer) (
    SFUNC = tradeagg_index_number_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_index_number_sfunc,
    MINVFUNC = tradeagg_index_number_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_number(integer, double precision, integer) IS
    '100 * (total at the latest period / total at base_period); NULL if the base period has no rows or sums to 0';

-- ytd_period_count
CREATE FUNCTION tradeagg_ytd_period_count_sfunc(tradeagg_state, date, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(tradeagg_state, date, double precision) IS
    'tradeagg aggregate support: transition function of ytd_period_count(date, double precision); validates a state it did not make';
CREATE FUNCTION tradeagg_ytd_period_count_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_period_count(date, double precision)';
CREATE FUNCTION tradeagg_ytd_period_count_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of ytd_period_count(date, double precision)';
CREATE AGGREGATE ytd_period_count(period date, value double precision) (
    SFUNC = tradeagg_ytd_period_count_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_int4,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_ytd_period_count_sfunc,
    MINVFUNC = tradeagg_ytd_period_count_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_int4,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_period_count(date, double precision) IS
    'how many distinct periods have rows in the (fiscal) year-to-date of the latest period';

CREATE FUNCTION tradeagg_ytd_period_count_sfunc(tradeagg_state, date, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(tradeagg_state, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_period_count(date, double precision, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_ytd_period_count_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_period_count(date, double precision, integer)';
CREATE FUNCTION tradeagg_ytd_period_count_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_period_count(date, double precision, integer)';
CREATE AGGREGATE ytd_period_count(period date, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_ytd_period_count_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_int4,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_ytd_period_count_sfunc,
    MINVFUNC = tradeagg_ytd_period_count_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_int4,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_period_count(date, double precision, integer) IS
    'how many distinct periods have rows in the (fiscal) year-to-date of the latest period';

CREATE FUNCTION tradeagg_ytd_period_count_sfunc(tradeagg_state, integer, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(tradeagg_state, integer, double precision) IS
    'tradeagg aggregate support: transition function of ytd_period_count(integer, double precision); validates a state it did not make';
CREATE FUNCTION tradeagg_ytd_period_count_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_period_count(integer, double precision)';
CREATE FUNCTION tradeagg_ytd_period_count_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of ytd_period_count(integer, double precision)';
CREATE AGGREGATE ytd_period_count(period integer, value double precision) (
    SFUNC = tradeagg_ytd_period_count_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_int4,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_ytd_period_count_sfunc,
    MINVFUNC = tradeagg_ytd_period_count_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_int4,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_period_count(integer, double precision) IS
    'how many distinct periods have rows in the (fiscal) year-to-date of the latest period';

CREATE FUNCTION tradeagg_ytd_period_count_sfunc(tradeagg_state, integer, double precision, integer) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(tradeagg_state, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_period_count(integer, double precision, integer); validates a state it did not make';
CREATE FUNCTION tradeagg_ytd_period_count_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of moving window frames of ytd_period_count(integer, double precision, integer)';
CREATE FUNCTION tradeagg_ytd_period_count_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_period_count(integer, double precision, integer)';
CREATE AGGREGATE ytd_period_count(period integer, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_ytd_period_count_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_int4,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_ytd_period_count_sfunc,
    MINVFUNC = tradeagg_ytd_period_count_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_int4,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_period_count(integer, double precision, integer) IS
    'how many distinct periods have rows in the (fiscal) year-to-date of the latest period';

-- hhi
CREATE FUNCTION tradeagg_hhi_competitor_sfunc(tradeagg_state, text, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_competitor_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_competitor_sfunc(tradeagg_state, text, double precision) IS
    'tradeagg aggregate support: transition function of hhi(text, double precision); validates a state it did not make';
CREATE FUNCTION tradeagg_hhi_competitor_sfunc(internal, text, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_competitor_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_competitor_sfunc(internal, text, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of hhi(text, double precision)';
CREATE FUNCTION tradeagg_hhi_competitor_minvfunc(internal, text, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_competitor_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_competitor_minvfunc(internal, text, double precision) IS
    'tradeagg aggregate support: inverse transition function of hhi(text, double precision)';
CREATE AGGREGATE hhi(competitor text, value double precision) (
    SFUNC = tradeagg_hhi_competitor_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_hhi_competitor_sfunc,
    MINVFUNC = tradeagg_hhi_competitor_minvfunc,
    MSTYPE = internal,
    MSSPACE = 128,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(text, double precision) IS
    'Herfindahl-Hirschman concentration over competitors, each competitor''s rows summed first; error if a competitor''s total is negative; NULL if the sum is 0';

CREATE FUNCTION tradeagg_hhi_competitor_sfunc(tradeagg_state, bigint, double precision) RETURNS tradeagg_state
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_competitor_state_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_competitor_sfunc(tradeagg_state, bigint, double precision) IS
    'tradeagg aggregate support: transition function of hhi(bigint, double precision); validates a state it did not make';
CREATE FUNCTION tradeagg_hhi_competitor_sfunc(internal, bigint, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_competitor_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_competitor_sfunc(internal, bigint, double precision) IS
    'tradeagg aggregate support: transition function of moving window frames of hhi(bigint, double precision)';
CREATE FUNCTION tradeagg_hhi_competitor_minvfunc(internal, bigint, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_competitor_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_competitor_minvfunc(internal, bigint, double precision) IS
    'tradeagg aggregate support: inverse transition function of hhi(bigint, double precision)';
CREATE AGGREGATE hhi(competitor bigint, value double precision) (
    SFUNC = tradeagg_hhi_competitor_sfunc,
    STYPE = tradeagg_state,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    MSFUNC = tradeagg_hhi_competitor_sfunc,
    MINVFUNC = tradeagg_hhi_competitor_minvfunc,
    MSTYPE = internal,
    MSSPACE = 128,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(bigint, double precision) IS
    'Herfindahl-Hirschman concentration over competitors, each competitor''s rows summed first; error if a competitor''s total is negative; NULL if the sum is 0';

-- ---------------------------------------------------------------------------
-- The support functions that take or make `internal` values are for the
-- aggregates only; the aggregates run them with their owner's rights.
-- ---------------------------------------------------------------------------

REVOKE ALL ON FUNCTION tradeagg_final_float8(internal) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_final_date(internal) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_final_int4(internal) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_cumulative_trade_sfunc(internal, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_cumulative_trade_minvfunc(internal, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_trade_sfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_trade_minvfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_trade_sfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_trade_minvfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_trade_sfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_trade_minvfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_trade_sfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_trade_minvfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ttm_trade_sfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ttm_trade_minvfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ttm_trade_sfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ttm_trade_minvfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_yoy_growth_sfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_yoy_growth_minvfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_yoy_growth_sfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_yoy_growth_minvfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_target_attainment_sfunc(internal, double precision, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_target_attainment_minvfunc(internal, double precision, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_target_reached_at_sfunc(internal, date, double precision, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_target_reached_at_minvfunc(internal, date, double precision, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_target_reached_at_sfunc(internal, integer, double precision, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_target_reached_at_minvfunc(internal, integer, double precision, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_projected_trade_sfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_projected_trade_minvfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_projected_trade_sfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_projected_trade_minvfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_projected_trade_sfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_projected_trade_minvfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_projected_trade_sfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_projected_trade_minvfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_from_ytd_minvfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_from_ytd_minvfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_from_ytd_minvfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_from_ytd_minvfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_share_of_sfunc(internal, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_share_of_minvfunc(internal, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_hhi_sfunc(internal, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_hhi_minvfunc(internal, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_growth_sfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_growth_minvfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_growth_sfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_period_growth_minvfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_trailing_trade_sfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_trailing_trade_minvfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_trailing_trade_sfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_trailing_trade_minvfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_year_trade_sfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_year_trade_minvfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_year_trade_sfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_year_trade_minvfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, date, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, date, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, date, double precision, boolean, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, date, double precision, boolean, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, integer, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, integer, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, integer, double precision, boolean, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, integer, double precision, boolean, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_trade_balance_sfunc(internal, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_trade_balance_minvfunc(internal, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_coverage_ratio_sfunc(internal, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_coverage_ratio_minvfunc(internal, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_index_number_sfunc(internal, date, double precision, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_index_number_minvfunc(internal, date, double precision, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_index_number_sfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_index_number_minvfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, date, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, integer, double precision, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_hhi_competitor_sfunc(internal, text, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_hhi_competitor_minvfunc(internal, text, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_hhi_competitor_sfunc(internal, bigint, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_hhi_competitor_minvfunc(internal, bigint, double precision) FROM PUBLIC;
