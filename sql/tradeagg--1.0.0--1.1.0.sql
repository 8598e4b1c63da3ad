-- tradeagg 1.0.0 -> 1.1.0 (ALTER EXTENSION tradeagg UPDATE).
--
-- Written by hand, one section per change, in the order the changes were
-- made (see sql/README.md). After it runs, the database must hold exactly
-- the objects a fresh CREATE EXTENSION tradeagg (1.1.0) makes, with the same
-- definitions, comments and grants: tests/pg/90-upgrade.sql compares them.

\echo Use "ALTER EXTENSION tradeagg UPDATE TO '1.1.0'" to load this file. \quit

-- 1.1.0 keeps every 1.0.0 object as it was (same C symbols in the same
-- module); only tradeagg_version(), read from the library, now says 1.1.0.

-- Round 2 aggregates: period_growth, trailing_trade, prior_year_trade,
-- prior_ytd_trade, ytd_contribution, trade_balance, coverage_ratio,
-- index_number, ytd_period_count and hhi(competitor, value), with their
-- support functions; tradeagg_final_int4 now also returns counts.
COMMENT ON FUNCTION tradeagg_final_int4(internal) IS
    'tradeagg aggregate support: read-only final function with an integer result (a year or a count)';

-- period_growth
CREATE FUNCTION tradeagg_period_growth_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_growth_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_growth_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of period_growth(date, double precision, integer)';
CREATE FUNCTION tradeagg_period_growth_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_growth_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_growth_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of period_growth(date, double precision, integer)';
CREATE AGGREGATE period_growth(period date, value double precision, months integer) (
    SFUNC = tradeagg_period_growth_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_period_growth_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_growth_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_growth_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of period_growth(integer, double precision, integer)';
CREATE FUNCTION tradeagg_period_growth_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_period_growth_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_period_growth_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of period_growth(integer, double precision, integer)';
CREATE AGGREGATE period_growth(period integer, value double precision, months integer) (
    SFUNC = tradeagg_period_growth_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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
CREATE FUNCTION tradeagg_trailing_trade_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trailing_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trailing_trade_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of trailing_trade(date, double precision, integer)';
CREATE FUNCTION tradeagg_trailing_trade_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trailing_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trailing_trade_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of trailing_trade(date, double precision, integer)';
CREATE AGGREGATE trailing_trade(period date, value double precision, months integer) (
    SFUNC = tradeagg_trailing_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_trailing_trade_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trailing_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trailing_trade_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of trailing_trade(integer, double precision, integer)';
CREATE FUNCTION tradeagg_trailing_trade_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trailing_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trailing_trade_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of trailing_trade(integer, double precision, integer)';
CREATE AGGREGATE trailing_trade(period integer, value double precision, months integer) (
    SFUNC = tradeagg_trailing_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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
CREATE FUNCTION tradeagg_prior_year_trade_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_year_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_year_trade_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of prior_year_trade(date, double precision)';
CREATE FUNCTION tradeagg_prior_year_trade_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_year_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_year_trade_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of prior_year_trade(date, double precision)';
CREATE AGGREGATE prior_year_trade(period date, value double precision) (
    SFUNC = tradeagg_prior_year_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_prior_year_trade_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_year_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_year_trade_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of prior_year_trade(integer, double precision)';
CREATE FUNCTION tradeagg_prior_year_trade_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_year_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_year_trade_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of prior_year_trade(integer, double precision)';
CREATE AGGREGATE prior_year_trade(period integer, value double precision) (
    SFUNC = tradeagg_prior_year_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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
CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of prior_ytd_trade(date, double precision)';
CREATE FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of prior_ytd_trade(date, double precision)';
CREATE AGGREGATE prior_ytd_trade(period date, value double precision) (
    SFUNC = tradeagg_prior_ytd_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of prior_ytd_trade(date, double precision, integer)';
CREATE FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of prior_ytd_trade(date, double precision, integer)';
CREATE AGGREGATE prior_ytd_trade(period date, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_prior_ytd_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of prior_ytd_trade(integer, double precision)';
CREATE FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of prior_ytd_trade(integer, double precision)';
CREATE AGGREGATE prior_ytd_trade(period integer, value double precision) (
    SFUNC = tradeagg_prior_ytd_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of prior_ytd_trade(integer, double precision, integer)';
CREATE FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_prior_ytd_trade_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_prior_ytd_trade_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of prior_ytd_trade(integer, double precision, integer)';
CREATE AGGREGATE prior_ytd_trade(period integer, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_prior_ytd_trade_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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
CREATE FUNCTION tradeagg_ytd_contribution_sfunc(internal, date, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, date, double precision, boolean) IS
    'tradeagg aggregate support: transition function of ytd_contribution(date, double precision, boolean)';
CREATE FUNCTION tradeagg_ytd_contribution_minvfunc(internal, date, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, date, double precision, boolean) IS
    'tradeagg aggregate support: inverse transition function of ytd_contribution(date, double precision, boolean)';
CREATE AGGREGATE ytd_contribution(period date, value double precision, is_part boolean) (
    SFUNC = tradeagg_ytd_contribution_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_ytd_contribution_sfunc(internal, date, double precision, boolean, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, date, double precision, boolean, integer) IS
    'tradeagg aggregate support: transition function of ytd_contribution(date, double precision, boolean, integer)';
CREATE FUNCTION tradeagg_ytd_contribution_minvfunc(internal, date, double precision, boolean, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, date, double precision, boolean, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_contribution(date, double precision, boolean, integer)';
CREATE AGGREGATE ytd_contribution(period date, value double precision, is_part boolean, fy_start_month integer) (
    SFUNC = tradeagg_ytd_contribution_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_ytd_contribution_sfunc(internal, integer, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, integer, double precision, boolean) IS
    'tradeagg aggregate support: transition function of ytd_contribution(integer, double precision, boolean)';
CREATE FUNCTION tradeagg_ytd_contribution_minvfunc(internal, integer, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, integer, double precision, boolean) IS
    'tradeagg aggregate support: inverse transition function of ytd_contribution(integer, double precision, boolean)';
CREATE AGGREGATE ytd_contribution(period integer, value double precision, is_part boolean) (
    SFUNC = tradeagg_ytd_contribution_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_ytd_contribution_sfunc(internal, integer, double precision, boolean, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_sfunc(internal, integer, double precision, boolean, integer) IS
    'tradeagg aggregate support: transition function of ytd_contribution(integer, double precision, boolean, integer)';
CREATE FUNCTION tradeagg_ytd_contribution_minvfunc(internal, integer, double precision, boolean, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_contribution_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_contribution_minvfunc(internal, integer, double precision, boolean, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_contribution(integer, double precision, boolean, integer)';
CREATE AGGREGATE ytd_contribution(period integer, value double precision, is_part boolean, fy_start_month integer) (
    SFUNC = tradeagg_ytd_contribution_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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
CREATE FUNCTION tradeagg_trade_balance_sfunc(internal, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trade_balance_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trade_balance_sfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: transition function of trade_balance(double precision, boolean)';
CREATE FUNCTION tradeagg_trade_balance_minvfunc(internal, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trade_balance_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trade_balance_minvfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: inverse transition function of trade_balance(double precision, boolean)';
CREATE AGGREGATE trade_balance(value double precision, is_export boolean) (
    SFUNC = tradeagg_trade_balance_sfunc,
    STYPE = internal,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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
CREATE FUNCTION tradeagg_coverage_ratio_sfunc(internal, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_coverage_ratio_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_coverage_ratio_sfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: transition function of coverage_ratio(double precision, boolean)';
CREATE FUNCTION tradeagg_coverage_ratio_minvfunc(internal, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_coverage_ratio_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_coverage_ratio_minvfunc(internal, double precision, boolean) IS
    'tradeagg aggregate support: inverse transition function of coverage_ratio(double precision, boolean)';
CREATE AGGREGATE coverage_ratio(value double precision, is_export boolean) (
    SFUNC = tradeagg_coverage_ratio_sfunc,
    STYPE = internal,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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
CREATE FUNCTION tradeagg_index_number_sfunc(internal, date, double precision, date) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_index_number_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_index_number_sfunc(internal, date, double precision, date) IS
    'tradeagg aggregate support: transition function of index_number(date, double precision, date)';
CREATE FUNCTION tradeagg_index_number_minvfunc(internal, date, double precision, date) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_index_number_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_index_number_minvfunc(internal, date, double precision, date) IS
    'tradeagg aggregate support: inverse transition function of index_number(date, double precision, date)';
CREATE AGGREGATE index_number(period date, value double precision, base_period date) (
    SFUNC = tradeagg_index_number_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_index_number_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_index_number_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_index_number_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of index_number(integer, double precision, integer)';
CREATE FUNCTION tradeagg_index_number_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_index_number_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_index_number_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of index_number(integer, double precision, integer)';
CREATE AGGREGATE index_number(period integer, value double precision, base_period integer) (
    SFUNC = tradeagg_index_number_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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
CREATE FUNCTION tradeagg_ytd_period_count_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of ytd_period_count(date, double precision)';
CREATE FUNCTION tradeagg_ytd_period_count_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of ytd_period_count(date, double precision)';
CREATE AGGREGATE ytd_period_count(period date, value double precision) (
    SFUNC = tradeagg_ytd_period_count_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_int4,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_ytd_period_count_sfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_period_count(date, double precision, integer)';
CREATE FUNCTION tradeagg_ytd_period_count_minvfunc(internal, date, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, date, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_period_count(date, double precision, integer)';
CREATE AGGREGATE ytd_period_count(period date, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_ytd_period_count_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_int4,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_ytd_period_count_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of ytd_period_count(integer, double precision)';
CREATE FUNCTION tradeagg_ytd_period_count_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of ytd_period_count(integer, double precision)';
CREATE AGGREGATE ytd_period_count(period integer, value double precision) (
    SFUNC = tradeagg_ytd_period_count_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_int4,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_ytd_period_count_sfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_sfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: transition function of ytd_period_count(integer, double precision, integer)';
CREATE FUNCTION tradeagg_ytd_period_count_minvfunc(internal, integer, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_ytd_period_count_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_ytd_period_count_minvfunc(internal, integer, double precision, integer) IS
    'tradeagg aggregate support: inverse transition function of ytd_period_count(integer, double precision, integer)';
CREATE AGGREGATE ytd_period_count(period integer, value double precision, fy_start_month integer) (
    SFUNC = tradeagg_ytd_period_count_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_int4,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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
CREATE FUNCTION tradeagg_hhi_competitor_sfunc(internal, text, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_competitor_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_competitor_sfunc(internal, text, double precision) IS
    'tradeagg aggregate support: transition function of hhi(text, double precision)';
CREATE FUNCTION tradeagg_hhi_competitor_minvfunc(internal, text, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_competitor_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_competitor_minvfunc(internal, text, double precision) IS
    'tradeagg aggregate support: inverse transition function of hhi(text, double precision)';
CREATE AGGREGATE hhi(competitor text, value double precision) (
    SFUNC = tradeagg_hhi_competitor_sfunc,
    STYPE = internal,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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

CREATE FUNCTION tradeagg_hhi_competitor_sfunc(internal, bigint, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_competitor_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_competitor_sfunc(internal, bigint, double precision) IS
    'tradeagg aggregate support: transition function of hhi(bigint, double precision)';
CREATE FUNCTION tradeagg_hhi_competitor_minvfunc(internal, bigint, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_hhi_competitor_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_hhi_competitor_minvfunc(internal, bigint, double precision) IS
    'tradeagg aggregate support: inverse transition function of hhi(bigint, double precision)';
CREATE AGGREGATE hhi(competitor bigint, value double precision) (
    SFUNC = tradeagg_hhi_competitor_sfunc,
    STYPE = internal,
    SSPACE = 128,
    FINALFUNC = tradeagg_final_float8,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
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
