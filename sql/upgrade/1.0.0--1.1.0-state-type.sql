-- tradeagg 1.0.0 -> 1.1.0, the state type: every aggregate of 1.0.0 takes
-- the base type tradeagg_state as its state (STYPE) instead of internal,
-- with a combine function over it and no serialize/deserialize functions,
-- so that Citus splits it into partial aggregates on the workers.
--
-- A section of sql/tradeagg--1.0.0--1.1.0.sql: it must run before any
-- section that creates an aggregate over tradeagg_state. After it, the
-- objects it touches are exactly those of a fresh 1.1.0 install.
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

\echo Use "ALTER EXTENSION tradeagg UPDATE TO '1.1.0'" to load this file. \quit

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
