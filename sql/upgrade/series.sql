-- ---------------------------------------------------------------------------
-- Series (two-step aggregates). A tradeseries holds a group's per-period
-- row counts and exact sums, the same bytes in every engine: store it,
-- roll it up later, read it with the accessors, each of which answers
-- exactly as its one-step aggregate over the same rows.
-- ---------------------------------------------------------------------------

CREATE TYPE tradeseries;

CREATE FUNCTION tradeseries_in(cstring) RETURNS tradeseries
    AS 'MODULE_PATHNAME', 'tradeseries_in'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeseries_in(cstring) IS
    'tradeseries: the series from its text form (exact; SQLSTATE 22P03 if malformed)';

CREATE FUNCTION tradeseries_out(tradeseries) RETURNS cstring
    AS 'MODULE_PATHNAME', 'tradeseries_out'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeseries_out(tradeseries) IS
    'tradeseries: the text form of a series (exact round trip)';

CREATE FUNCTION tradeseries_recv(internal) RETURNS tradeseries
    AS 'MODULE_PATHNAME', 'tradeseries_recv'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeseries_recv(internal) IS
    'tradeseries: the series from its binary form, validated (SQLSTATE 22P03 if corrupt)';

CREATE FUNCTION tradeseries_send(tradeseries) RETURNS bytea
    AS 'MODULE_PATHNAME', 'tradeseries_send'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeseries_send(tradeseries) IS
    'tradeseries: the binary form of a series: its bytes';

CREATE TYPE tradeseries (
    INPUT = tradeseries_in,
    OUTPUT = tradeseries_out,
    RECEIVE = tradeseries_recv,
    SEND = tradeseries_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended
);
COMMENT ON TYPE tradeseries IS
    'a series: per-period row counts and exact sums (trade_series, rollup); text form "v1 date; 2023-01-01 3 12.5; ..."';

CREATE FUNCTION tradeseries(bytea) RETURNS tradeseries
    AS 'MODULE_PATHNAME', 'tradeseries_from_bytea'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeseries(bytea) IS
    'the cast from bytea: the bytes validated as a series (SQLSTATE 22P03 if not one)';

CREATE FUNCTION tradeseries_bytea(tradeseries) RETURNS bytea
    AS 'MODULE_PATHNAME', 'tradeseries_to_bytea'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeseries_bytea(tradeseries) IS
    'the cast to bytea: the bytes of a series, the same as SQLite''s BLOB';

CREATE CAST (bytea AS tradeseries) WITH FUNCTION tradeseries(bytea);
CREATE CAST (tradeseries AS bytea) WITH FUNCTION tradeseries_bytea(tradeseries);

CREATE FUNCTION series_text(s tradeseries)
    RETURNS text
    AS 'MODULE_PATHNAME', 'tradeagg_series_text'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION series_text(tradeseries) IS
    'the text form of a series (README "The series text form")';

CREATE FUNCTION series_from_text(t text)
    RETURNS tradeseries
    AS 'MODULE_PATHNAME', 'tradeagg_series_from_text'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION series_from_text(text) IS
    'a series from its text form, exactly as series_text writes it (SQLSTATE 22P03 otherwise)';

CREATE FUNCTION series_total(s tradeseries)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_total(tradeseries) IS
    'cumulative_trade over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_ytd(s tradeseries)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_ytd(tradeseries) IS
    'ytd_trade over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_ytd(s tradeseries, fy_start_month integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_ytd(tradeseries, integer) IS
    'ytd_trade over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_ttm(s tradeseries)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_ttm(tradeseries) IS
    'ttm_trade over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_yoy(s tradeseries)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_yoy(tradeseries) IS
    'yoy_growth over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_ytd_yoy(s tradeseries)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_ytd_yoy(tradeseries) IS
    'ytd_yoy_growth over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_ytd_yoy(s tradeseries, fy_start_month integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_ytd_yoy(tradeseries, integer) IS
    'ytd_yoy_growth over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_projected(s tradeseries)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_projected(tradeseries) IS
    'projected_trade over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_projected(s tradeseries, fy_start_month integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_projected(tradeseries, integer) IS
    'projected_trade over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_from_ytd(s tradeseries)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_from_ytd(tradeseries) IS
    'period_from_ytd over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_from_ytd(s tradeseries, fy_start_month integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_from_ytd(tradeseries, integer) IS
    'period_from_ytd over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_reached_at(s tradeseries, target double precision)
    RETURNS date
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_reached_at(tradeseries, double precision) IS
    'target_reached_at over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_reached_at_year(s tradeseries, target double precision)
    RETURNS integer
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_reached_at_year(tradeseries, double precision) IS
    'target_reached_at of an annual series (the year) over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_attainment(s tradeseries, target double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_attainment(tradeseries, double precision) IS
    'target_attainment over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_period_growth(s tradeseries, months integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_period_growth(tradeseries, integer) IS
    'period_growth over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_trailing(s tradeseries, months integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_trailing(tradeseries, integer) IS
    'trailing_trade over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_prior_year(s tradeseries)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_prior_year(tradeseries) IS
    'prior_year_trade over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_prior_ytd(s tradeseries)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_prior_ytd(tradeseries) IS
    'prior_ytd_trade over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_prior_ytd(s tradeseries, fy_start_month integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_prior_ytd(tradeseries, integer) IS
    'prior_ytd_trade over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_index(s tradeseries, base_period date)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_index(tradeseries, date) IS
    'index_number over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_index(s tradeseries, base_period integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_index(tradeseries, integer) IS
    'index_number over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_ytd_period_count(s tradeseries)
    RETURNS integer
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_ytd_period_count(tradeseries) IS
    'ytd_period_count over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION series_ytd_period_count(s tradeseries, fy_start_month integer)
    RETURNS integer
    AS 'MODULE_PATHNAME', 'tradeagg_series_accessor'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION series_ytd_period_count(tradeseries, integer) IS
    'ytd_period_count over the rows of the series, bit for bit; NULL for a NULL series';

CREATE FUNCTION tradeagg_trade_series_sfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trade_series_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trade_series_sfunc(internal, date, double precision) IS
    'tradeagg aggregate support: transition function of trade_series(date, double precision)';
CREATE FUNCTION tradeagg_trade_series_minvfunc(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trade_series_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trade_series_minvfunc(internal, date, double precision) IS
    'tradeagg aggregate support: inverse transition function of trade_series(date, double precision)';
CREATE FUNCTION tradeagg_trade_series_sfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trade_series_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trade_series_sfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: transition function of trade_series(integer, double precision)';
CREATE FUNCTION tradeagg_trade_series_minvfunc(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_trade_series_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_trade_series_minvfunc(internal, integer, double precision) IS
    'tradeagg aggregate support: inverse transition function of trade_series(integer, double precision)';
CREATE FUNCTION tradeagg_rollup_sfunc(internal, tradeseries) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_rollup_sfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_rollup_sfunc(internal, tradeseries) IS
    'tradeagg aggregate support: transition function of rollup(tradeseries)';
CREATE FUNCTION tradeagg_rollup_minvfunc(internal, tradeseries) RETURNS internal
    AS 'MODULE_PATHNAME', 'tradeagg_rollup_minvfunc'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_rollup_minvfunc(internal, tradeseries) IS
    'tradeagg aggregate support: inverse transition function of rollup(tradeseries)';

CREATE FUNCTION tradeagg_final_series(internal) RETURNS tradeseries
    AS 'MODULE_PATHNAME', 'tradeagg_final_series'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tradeagg_final_series(internal) IS
    'tradeagg aggregate support: read-only final function with a tradeseries result';

CREATE AGGREGATE trade_series(period date, value double precision) (
    SFUNC = tradeagg_trade_series_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_series,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_trade_series_sfunc,
    MINVFUNC = tradeagg_trade_series_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_series,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE trade_series(date, double precision) IS
    'the series of the rows (per-period row counts and exact sums); NULL if no row has a period and a value';

CREATE AGGREGATE trade_series(period integer, value double precision) (
    SFUNC = tradeagg_trade_series_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_series,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_trade_series_sfunc,
    MINVFUNC = tradeagg_trade_series_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_series,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE trade_series(integer, double precision) IS
    'the series of the rows (per-period row counts and exact sums); NULL if no row has a period and a value';

CREATE AGGREGATE rollup(series tradeseries) (
    SFUNC = tradeagg_rollup_sfunc,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = tradeagg_final_series,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = tradeagg_combine,
    SERIALFUNC = tradeagg_serialize,
    DESERIALFUNC = tradeagg_deserialize,
    MSFUNC = tradeagg_rollup_sfunc,
    MINVFUNC = tradeagg_rollup_minvfunc,
    MSTYPE = internal,
    MSSPACE = 1024,
    MFINALFUNC = tradeagg_final_series,
    MFINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(tradeseries) IS
    'the series of all the rows behind the series rolled up; NULL series skipped; dated and annual series mixed are an error';

CREATE FUNCTION series_periods(s tradeseries)
    RETURNS TABLE (period date, value double precision, rows bigint)
    AS 'MODULE_PATHNAME', 'tradeagg_series_periods'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 120;
COMMENT ON FUNCTION series_periods(tradeseries) IS
    'the periods of a dated series as rows (period, value, rows) in period order; value is the exact sum rounded once';

CREATE FUNCTION series_periods_annual(s tradeseries)
    RETURNS TABLE (year integer, value double precision, rows bigint)
    AS 'MODULE_PATHNAME', 'tradeagg_series_periods_annual'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 120;
COMMENT ON FUNCTION series_periods_annual(tradeseries) IS
    'the periods of an annual series as rows (year, value, rows) in year order; value is the exact sum rounded once';

REVOKE ALL ON FUNCTION tradeseries_recv(internal) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_trade_series_sfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_trade_series_minvfunc(internal, date, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_trade_series_sfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_trade_series_minvfunc(internal, integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_rollup_sfunc(internal, tradeseries) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_rollup_minvfunc(internal, tradeseries) FROM PUBLIC;
REVOKE ALL ON FUNCTION tradeagg_final_series(internal) FROM PUBLIC;
