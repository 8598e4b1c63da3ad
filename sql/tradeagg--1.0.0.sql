-- tradeagg 1.0.0 — trade-statistics aggregates for PostgreSQL.
--
-- Every function and aggregate is a thin wrapper of the C core shared with
-- the SQLite extension, so both engines give the same answers and the same
-- error messages. Periods are `date` (monthly or any dated series) or
-- `integer` (a year, for annual series): every period aggregate has both
-- overloads, and the result period has the input's type.

\echo Use "CREATE EXTENSION tradeagg" to load this file. \quit

-- ---------------------------------------------------------------------------
-- Scalar functions
-- ---------------------------------------------------------------------------

CREATE FUNCTION tradeagg_version() RETURNS text
    AS 'MODULE_PATHNAME', 'tradeagg_version'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_version() IS
    'the version of the tradeagg library, e.g. 1.0.0';

CREATE FUNCTION growth_rate(current double precision, previous double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_growth_rate'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION growth_rate(double precision, double precision) IS
    '(current - previous) / |previous|; NULL if previous = 0';

CREATE FUNCTION attainment_ratio(actual double precision, target double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_attainment_ratio'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION attainment_ratio(double precision, double precision) IS
    'actual / target; error if target <= 0';

CREATE FUNCTION share_ratio(part double precision, total double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_share_ratio'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_ratio(double precision, double precision) IS
    'part / total; NULL if total = 0';

CREATE FUNCTION cagr(first double precision, last double precision, years double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_cagr'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cagr(double precision, double precision, double precision) IS
    'compound annual growth rate (last / first)^(1/years) - 1; NULL if first <= 0 or last < 0; error if years <= 0';

-- ---------------------------------------------------------------------------
-- Aggregate support functions, shared by every aggregate. The state is the
-- core's aggregate state (internal); these are not meant to be called
-- directly: EXECUTE on them is revoked from PUBLIC at the end of this file.
-- ---------------------------------------------------------------------------

CREATE FUNCTION tradeagg_final_float8(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_final_float8'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_final_float8(internal) IS
    'tradeagg aggregate support: read-only final function with a double precision result';

CREATE FUNCTION tradeagg_final_date(internal) RETURNS date
    AS 'MODULE_PATHNAME', 'tradeagg_final_date'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_final_date(internal) IS
    'tradeagg aggregate support: read-only final function with a date result';

CREATE FUNCTION tradeagg_final_int4(internal) RETURNS integer
    AS 'MODULE_PATHNAME', 'tradeagg_final_int4'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_final_int4(internal) IS
    'tradeagg aggregate support: read-only final function with a year (integer) result';

CREATE FUNCTION tradeagg_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_combine'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_combine(internal, internal) IS
    'tradeagg aggregate support: merges two partial states (parallel and partitionwise aggregation); either may be NULL; states with different target or fy_start_month are an error';

CREATE FUNCTION tradeagg_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'tradeagg_serialize'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_serialize(internal) IS
    'tradeagg aggregate support: a partial state as versioned bytes';

CREATE FUNCTION tradeagg_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_deserialize'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_deserialize(bytea, internal) IS
    'tradeagg aggregate support: a partial state back from bytes, validated before use (SQLSTATE 22P03 if corrupt)';
-- ---------------------------------------------------------------------------
-- Aggregates. Each has one transition and one inverse transition function
-- per SQL signature (all overloads of an aggregate share one C entry point),
-- and the shared final, combine, serialize and deserialize functions above.
-- ---------------------------------------------------------------------------
-- cumulative_trade
CREATE FUNCTION tradeagg_cumulative_trade_sfunc(internal, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_cumulative_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_cumulative_trade_sfunc(internal, double precision) IS
    'tradeagg aggregate support: transition function of cumulative_trade(double precision)';
CREATE FUNCTION tradeagg_cumulative_trade_minvfunc(internal, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_cumulative_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_cumulative_trade_minvfunc(internal, double precision) IS
    'tradeagg aggregate support: inverse transition function of cumulative_trade(double precision)';
CREATE AGGREGATE cumulative_trade(value double precision) (
    SFUNC = tradeagg_cumulative_trade_sfunc,
    STYPE = internal,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_cumulative_trade_sfunc,
    MINVFUNC = tradeagg_cumulative_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 128,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE cumulative_trade(double precision) IS
    'compensated (Neumaier) sum of value; over ORDER BY period the running total, over a sliding frame a rolling total kept with an inverse step';

-- ytd_trade
CREATE FUNCTION tradeagg_ytd_trade_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of ytd_trade(date, double precision)';
CREATE FUNCTION tradeagg_ytd_trade_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of ytd_trade(date, double precision)';
CREATE AGGREGATE ytd_trade(period date, value double precision) (
    SFUNC = tradeagg_ytd_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_ytd_trade_sfunc,
    MINVFUNC = tradeagg_ytd_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_trade(date, double precision) IS
    'sum of value over the (fiscal) year of the latest period; over ORDER BY period the running year-to-date that restarts each year';

CREATE FUNCTION tradeagg_ytd_trade_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_trade(date, double precision, integer)';
CREATE FUNCTION tradeagg_ytd_trade_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_trade(date, double precision, integer)';
CREATE AGGREGATE ytd_trade(period date, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_ytd_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_ytd_trade_sfunc,
    MINVFUNC = tradeagg_ytd_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_trade(date, double precision, integer) IS
    'sum of value over the (fiscal) year of the latest period; over ORDER BY period the running year-to-date that restarts each year';

CREATE FUNCTION tradeagg_ytd_trade_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of ytd_trade(integer, double precision)';
CREATE FUNCTION tradeagg_ytd_trade_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of ytd_trade(integer, double precision)';
CREATE AGGREGATE ytd_trade(period integer, value double precision) (
    SFUNC = tradeagg_ytd_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_ytd_trade_sfunc,
    MINVFUNC = tradeagg_ytd_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_trade(integer, double precision) IS
    'sum of value over the (fiscal) year of the latest period; over ORDER BY period the running year-to-date that restarts each year';

CREATE FUNCTION tradeagg_ytd_trade_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_trade(integer, double precision, integer)';
CREATE FUNCTION tradeagg_ytd_trade_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_trade_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_trade(integer, double precision, integer)';
CREATE AGGREGATE ytd_trade(period integer, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_ytd_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_ytd_trade_sfunc,
    MINVFUNC = tradeagg_ytd_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_trade(integer, double precision, integer) IS
    'sum of value over the (fiscal) year of the latest period; over ORDER BY period the running year-to-date that restarts each year';

-- ttm_trade
CREATE FUNCTION tradeagg_ttm_trade_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ttm_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ttm_trade_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of ttm_trade(date, double precision)';
CREATE FUNCTION tradeagg_ttm_trade_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ttm_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ttm_trade_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of ttm_trade(date, double precision)';
CREATE AGGREGATE ttm_trade(period date, value double precision) (
    SFUNC = tradeagg_ttm_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_ttm_trade_sfunc,
    MINVFUNC = tradeagg_ttm_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ttm_trade(date, double precision) IS
    'trailing twelve months: sum of value over periods after (latest - 1 year) up to the latest';

CREATE FUNCTION tradeagg_ttm_trade_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ttm_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ttm_trade_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of ttm_trade(integer, double precision)';
CREATE FUNCTION tradeagg_ttm_trade_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ttm_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ttm_trade_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of ttm_trade(integer, double precision)';
CREATE AGGREGATE ttm_trade(period integer, value double precision) (
    SFUNC = tradeagg_ttm_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_ttm_trade_sfunc,
    MINVFUNC = tradeagg_ttm_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ttm_trade(integer, double precision) IS
    'trailing twelve months: sum of value over periods after (latest - 1 year) up to the latest';

-- yoy_growth
CREATE FUNCTION tradeagg_yoy_growth_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_yoy_growth_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_yoy_growth_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of yoy_growth(date, double precision)';
CREATE FUNCTION tradeagg_yoy_growth_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_yoy_growth_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_yoy_growth_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of yoy_growth(date, double precision)';
CREATE AGGREGATE yoy_growth(period date, value double precision) (
    SFUNC = tradeagg_yoy_growth_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_yoy_growth_sfunc,
    MINVFUNC = tradeagg_yoy_growth_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE yoy_growth(date, double precision) IS
    'growth_rate(total at the latest period, total at the period one year earlier); NULL if that period has no rows';

CREATE FUNCTION tradeagg_yoy_growth_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_yoy_growth_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_yoy_growth_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of yoy_growth(integer, double precision)';
CREATE FUNCTION tradeagg_yoy_growth_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_yoy_growth_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_yoy_growth_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of yoy_growth(integer, double precision)';
CREATE AGGREGATE yoy_growth(period integer, value double precision) (
    SFUNC = tradeagg_yoy_growth_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_yoy_growth_sfunc,
    MINVFUNC = tradeagg_yoy_growth_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE yoy_growth(integer, double precision) IS
    'growth_rate(total at the latest period, total at the period one year earlier); NULL if that period has no rows';

-- ytd_yoy_growth
CREATE FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of ytd_yoy_growth(date, double precision)';
CREATE FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of ytd_yoy_growth(date, double precision)';
CREATE AGGREGATE ytd_yoy_growth(period date, value double precision) (
    SFUNC = tradeagg_ytd_yoy_growth_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_ytd_yoy_growth_sfunc,
    MINVFUNC = tradeagg_ytd_yoy_growth_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_yoy_growth(date, double precision) IS
    'growth_rate(year-to-date through the latest period, the previous (fiscal) year through the same point)';

CREATE FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_yoy_growth(date, double precision, integer)';
CREATE FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_yoy_growth(date, double precision, integer)';
CREATE AGGREGATE ytd_yoy_growth(period date, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_ytd_yoy_growth_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_ytd_yoy_growth_sfunc,
    MINVFUNC = tradeagg_ytd_yoy_growth_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_yoy_growth(date, double precision, integer) IS
    'growth_rate(year-to-date through the latest period, the previous (fiscal) year through the same point)';

CREATE FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of ytd_yoy_growth(integer, double precision)';
CREATE FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of ytd_yoy_growth(integer, double precision)';
CREATE AGGREGATE ytd_yoy_growth(period integer, value double precision) (
    SFUNC = tradeagg_ytd_yoy_growth_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_ytd_yoy_growth_sfunc,
    MINVFUNC = tradeagg_ytd_yoy_growth_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_yoy_growth(integer, double precision) IS
    'growth_rate(year-to-date through the latest period, the previous (fiscal) year through the same point)';

CREATE FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_yoy_growth(integer, double precision, integer)';
CREATE FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_yoy_growth_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_yoy_growth_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_yoy_growth(integer, double precision, integer)';
CREATE AGGREGATE ytd_yoy_growth(period integer, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_ytd_yoy_growth_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_ytd_yoy_growth_sfunc,
    MINVFUNC = tradeagg_ytd_yoy_growth_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ytd_yoy_growth(integer, double precision, integer) IS
    'growth_rate(year-to-date through the latest period, the previous (fiscal) year through the same point)';

-- target_attainment
CREATE FUNCTION tradeagg_target_attainment_sfunc(internal, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_target_attainment_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_target_attainment_sfunc(internal, double precision, double precision) IS
    'tradeagg aggregate support: transition function of target_attainment(double precision, double precision)';
CREATE FUNCTION tradeagg_target_attainment_minvfunc(internal, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_target_attainment_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_target_attainment_minvfunc(internal, double precision, double precision) IS
    'tradeagg aggregate support: inverse transition function of target_attainment(double precision, double precision)';
CREATE AGGREGATE target_attainment(value double precision, target double precision) (
    SFUNC = tradeagg_target_attainment_sfunc,
    STYPE = internal,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_target_attainment_sfunc,
    MINVFUNC = tradeagg_target_attainment_minvfunc,
    MSTYPE = internal,
    MSSPACE = 128,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE target_attainment(double precision, double precision) IS
    'compensated sum of value / target; target must be the same in every row, > 0 and finite';

-- target_reached_at
CREATE FUNCTION tradeagg_target_reached_at_sfunc(internal, date, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_target_reached_at_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_target_reached_at_sfunc(internal, date, double precision, double precision) IS
    'tradeagg aggregate support: transition function of target_reached_at(date, double precision, double precision)';
CREATE FUNCTION tradeagg_target_reached_at_minvfunc(internal, date, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_target_reached_at_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_target_reached_at_minvfunc(internal, date, double precision, double precision) IS
    'tradeagg aggregate support: inverse transition function of target_reached_at(date, double precision, double precision)';
CREATE AGGREGATE target_reached_at(period date, value double precision, target double precision) (
    SFUNC = tradeagg_target_reached_at_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_date,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_target_reached_at_sfunc,
    MINVFUNC = tradeagg_target_reached_at_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_date,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE target_reached_at(date, double precision, double precision) IS
    'the earliest period at which the running sum reaches target; NULL if it never does';

CREATE FUNCTION tradeagg_target_reached_at_sfunc(internal, integer, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_target_reached_at_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_target_reached_at_sfunc(internal, integer, double precision, double precision) IS
    'tradeagg aggregate support: transition function of target_reached_at(integer, double precision, double precision)';
CREATE FUNCTION tradeagg_target_reached_at_minvfunc(internal, integer, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_target_reached_at_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_target_reached_at_minvfunc(internal, integer, double precision, double precision) IS
    'tradeagg aggregate support: inverse transition function of target_reached_at(integer, double precision, double precision)';
CREATE AGGREGATE target_reached_at(period integer, value double precision, target double precision) (
    SFUNC = tradeagg_target_reached_at_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_int4,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_target_reached_at_sfunc,
    MINVFUNC = tradeagg_target_reached_at_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_int4,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE target_reached_at(integer, double precision, double precision) IS
    'the earliest period at which the running sum reaches target; NULL if it never does';

-- projected_trade
CREATE FUNCTION tradeagg_projected_trade_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of projected_trade(date, double precision)';
CREATE FUNCTION tradeagg_projected_trade_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of projected_trade(date, double precision)';
CREATE AGGREGATE projected_trade(period date, value double precision) (
    SFUNC = tradeagg_projected_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_projected_trade_sfunc,
    MINVFUNC = tradeagg_projected_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE projected_trade(date, double precision) IS
    'run-rate projection of the full (fiscal) year: year-to-date * 12 / months elapsed; annual periods: the latest year''s total';

CREATE FUNCTION tradeagg_projected_trade_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of projected_trade(date, double precision, integer)';
CREATE FUNCTION tradeagg_projected_trade_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of projected_trade(date, double precision, integer)';
CREATE AGGREGATE projected_trade(period date, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_projected_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_projected_trade_sfunc,
    MINVFUNC = tradeagg_projected_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE projected_trade(date, double precision, integer) IS
    'run-rate projection of the full (fiscal) year: year-to-date * 12 / months elapsed; annual periods: the latest year''s total';

CREATE FUNCTION tradeagg_projected_trade_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of projected_trade(integer, double precision)';
CREATE FUNCTION tradeagg_projected_trade_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of projected_trade(integer, double precision)';
CREATE AGGREGATE projected_trade(period integer, value double precision) (
    SFUNC = tradeagg_projected_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_projected_trade_sfunc,
    MINVFUNC = tradeagg_projected_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE projected_trade(integer, double precision) IS
    'run-rate projection of the full (fiscal) year: year-to-date * 12 / months elapsed; annual periods: the latest year''s total';

CREATE FUNCTION tradeagg_projected_trade_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of projected_trade(integer, double precision, integer)';
CREATE FUNCTION tradeagg_projected_trade_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_projected_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_projected_trade_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of projected_trade(integer, double precision, integer)';
CREATE AGGREGATE projected_trade(period integer, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_projected_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_projected_trade_sfunc,
    MINVFUNC = tradeagg_projected_trade_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE projected_trade(integer, double precision, integer) IS
    'run-rate projection of the full (fiscal) year: year-to-date * 12 / months elapsed; annual periods: the latest year''s total';

-- period_from_ytd
CREATE FUNCTION tradeagg_period_from_ytd_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of period_from_ytd(date, double precision)';
CREATE FUNCTION tradeagg_period_from_ytd_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of period_from_ytd(date, double precision)';
CREATE AGGREGATE period_from_ytd(period date, ytd_value double precision) (
    SFUNC = tradeagg_period_from_ytd_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_period_from_ytd_sfunc,
    MINVFUNC = tradeagg_period_from_ytd_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE period_from_ytd(date, double precision) IS
    'the flow of the latest period recovered from year-to-date figures: YTD(latest) - YTD(previous period of the same year)';

CREATE FUNCTION tradeagg_period_from_ytd_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of period_from_ytd(date, double precision, integer)';
CREATE FUNCTION tradeagg_period_from_ytd_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of period_from_ytd(date, double precision, integer)';
CREATE AGGREGATE period_from_ytd(period date, ytd_value double precision, fy_start_month integer) (
    SFUNC = tradeagg_period_from_ytd_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_period_from_ytd_sfunc,
    MINVFUNC = tradeagg_period_from_ytd_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE period_from_ytd(date, double precision, integer) IS
    'the flow of the latest period recovered from year-to-date figures: YTD(latest) - YTD(previous period of the same year)';

CREATE FUNCTION tradeagg_period_from_ytd_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of period_from_ytd(integer, double precision)';
CREATE FUNCTION tradeagg_period_from_ytd_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of period_from_ytd(integer, double precision)';
CREATE AGGREGATE period_from_ytd(period integer, ytd_value double precision) (
    SFUNC = tradeagg_period_from_ytd_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_period_from_ytd_sfunc,
    MINVFUNC = tradeagg_period_from_ytd_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE period_from_ytd(integer, double precision) IS
    'the flow of the latest period recovered from year-to-date figures: YTD(latest) - YTD(previous period of the same year)';

CREATE FUNCTION tradeagg_period_from_ytd_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of period_from_ytd(integer, double precision, integer)';
CREATE FUNCTION tradeagg_period_from_ytd_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_from_ytd_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_from_ytd_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of period_from_ytd(integer, double precision, integer)';
CREATE AGGREGATE period_from_ytd(period integer, ytd_value double precision, fy_start_month integer) (
    SFUNC = tradeagg_period_from_ytd_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_period_from_ytd_sfunc,
    MINVFUNC = tradeagg_period_from_ytd_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE period_from_ytd(integer, double precision, integer) IS
    'the flow of the latest period recovered from year-to-date figures: YTD(latest) - YTD(previous period of the same year)';

-- share_of
CREATE FUNCTION tradeagg_share_of_sfunc(internal, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_share_of_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_share_of_sfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: transition function of share_of(double precision, boolean)';
CREATE FUNCTION tradeagg_share_of_minvfunc(internal, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_share_of_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_share_of_minvfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: inverse transition function of share_of(double precision, boolean)';
CREATE AGGREGATE share_of(value double precision, is_part boolean) (
    SFUNC = tradeagg_share_of_sfunc,
    STYPE = internal,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_share_of_sfunc,
    MINVFUNC = tradeagg_share_of_minvfunc,
    MSTYPE = internal,
    MSSPACE = 128,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_of(double precision, boolean) IS
    'sum of value where is_part is true / sum of all values; NULL if the total is 0; is_part NULL counts as false';

-- hhi
CREATE FUNCTION tradeagg_hhi_sfunc(internal, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_sfunc(internal, double precision) IS
    'tradeagg aggregate support: transition function of hhi(double precision)';
CREATE FUNCTION tradeagg_hhi_minvfunc(internal, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_minvfunc(internal, double precision) IS
    'tradeagg aggregate support: inverse transition function of hhi(double precision)';
CREATE AGGREGATE hhi(value double precision) (
    SFUNC = tradeagg_hhi_sfunc,
    STYPE = internal,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_hhi_sfunc,
    MINVFUNC = tradeagg_hhi_minvfunc,
    MSTYPE = internal,
    MSSPACE = 128,
    MFINALFUNC = tradeagg_final_float8,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(double precision) IS
    'Herfindahl-Hirschman concentration sum((v / sum(v))^2), one row per competitor; error on a negative value; NULL if the sum is 0';

-- ---------------------------------------------------------------------------
-- The support functions take or make `internal` values and are for the
-- aggregates only; the aggregates run them with their owner's rights.
-- ---------------------------------------------------------------------------

REVOKE ALL ON FUNCTION tradeagg_final_float8(internal) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_final_date(internal) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_final_int4(internal) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_combine(internal, internal) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_serialize(internal) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_deserialize(bytea, internal) FROM PUBLIC;
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
