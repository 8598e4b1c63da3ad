-- Serialized states, through the C entry points that release 1.0.0's
-- aggregates use (tradeagg_serialize / tradeagg_deserialize and the final
-- functions over internal): the library keeps serving them until ALTER
-- EXTENSION tradeagg UPDATE replaces those objects. The round trip must be
-- exact, and bytes that are not a valid state (truncated, altered, random)
-- must raise 22P03, never crash. The same bytes are the flat form of
-- tradeagg_state (65-state-type.sql).
--
-- `internal` values cannot be made in SQL, so this file binds those C entry
-- points to test-only signatures that carry the state pointer as a bigint
-- (a 64-bit pass-by-value Datum). Everything is rolled back at the end.
BEGIN;
SELECT plan(22);

CREATE FUNCTION pg_temp.deser(bytea, integer) RETURNS bigint
    AS '$libdir/tradeagg', 'tradeagg_deserialize' LANGUAGE C;
CREATE FUNCTION pg_temp.ser(bigint) RETURNS bytea
    AS '$libdir/tradeagg', 'tradeagg_serialize' LANGUAGE C STRICT;
CREATE FUNCTION pg_temp.serialize(internal) RETURNS bytea
    AS '$libdir/tradeagg', 'tradeagg_serialize' LANGUAGE C STRICT;
CREATE FUNCTION pg_temp.final_float8(bigint) RETURNS double precision
    AS '$libdir/tradeagg', 'tradeagg_final_float8' LANGUAGE C STRICT;
CREATE FUNCTION pg_temp.final_date(bigint) RETURNS date
    AS '$libdir/tradeagg', 'tradeagg_final_date' LANGUAGE C STRICT;
CREATE FUNCTION pg_temp.final_int4(bigint) RETURNS integer
    AS '$libdir/tradeagg', 'tradeagg_final_int4' LANGUAGE C STRICT;

-- The SQLSTATE that deserializing b raises, or 'ok'.
CREATE FUNCTION pg_temp.deser_status(b bytea) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.deser(b, 0);
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;

-- Aggregates whose result is the serialized state of a real one.
CREATE AGGREGATE pg_temp.ytd_state(date, double precision, integer) (
    SFUNC = tradeagg_ytd_trade_sfunc, STYPE = internal, FINALFUNC = pg_temp.serialize);
CREATE AGGREGATE pg_temp.ttm_state(integer, double precision) (
    SFUNC = tradeagg_ttm_trade_sfunc, STYPE = internal, FINALFUNC = pg_temp.serialize);
CREATE AGGREGATE pg_temp.reached_state(date, double precision, double precision) (
    SFUNC = tradeagg_target_reached_at_sfunc, STYPE = internal, FINALFUNC = pg_temp.serialize);
CREATE AGGREGATE pg_temp.reached_state(integer, double precision, double precision) (
    SFUNC = tradeagg_target_reached_at_sfunc, STYPE = internal, FINALFUNC = pg_temp.serialize);
CREATE AGGREGATE pg_temp.share_state(double precision, boolean) (
    SFUNC = tradeagg_share_of_sfunc, STYPE = internal, FINALFUNC = pg_temp.serialize);
CREATE AGGREGATE pg_temp.hhi_state(double precision) (
    SFUNC = tradeagg_hhi_sfunc, STYPE = internal, FINALFUNC = pg_temp.serialize);
CREATE AGGREGATE pg_temp.cum_state(double precision) (
    SFUNC = tradeagg_cumulative_trade_sfunc, STYPE = internal, FINALFUNC = pg_temp.serialize);

CREATE TEMP TABLE s AS
SELECT i, (date '2021-01-01' + make_interval(months => i % 30))::date AS period,
       2000 + i % 25 AS yr, ((i * 7) % 50) * 0.5 AS value, i % 4 = 0 AS part
FROM generate_series(1, 500) AS i;

CREATE TEMP TABLE states AS
SELECT 'ytd' AS name, pg_temp.ytd_state(period, value, 4) AS b FROM s
UNION ALL SELECT 'ttm', pg_temp.ttm_state(yr, value) FROM s
UNION ALL SELECT 'reached', pg_temp.reached_state(period, value, 1000) FROM s
UNION ALL SELECT 'share', pg_temp.share_state(value, part) FROM s
UNION ALL SELECT 'hhi', pg_temp.hhi_state(value) FROM s
UNION ALL SELECT 'empty', pg_temp.ytd_state(period, NULL, 1) FROM s;

SELECT is((SELECT count(*) FROM states WHERE b IS NOT NULL), 6::bigint, 'six serialized states');
SELECT is((SELECT string_agg(name, ', ') FROM states WHERE pg_temp.ser(pg_temp.deser(b, 0)) <> b),
          NULL, 'serialize(deserialize(bytes)) gives the same bytes back');
SELECT is((SELECT pg_temp.final_float8(pg_temp.deser(b, 0)) FROM states WHERE name = 'ytd'),
          (SELECT ytd_trade(period, value, 4) FROM s), 'ytd_trade from a deserialized state');
SELECT is((SELECT pg_temp.final_float8(pg_temp.deser(pg_temp.ttm_state(yr, value), 0)) FROM s),
          (SELECT ttm_trade(yr, value) FROM s), 'ttm_trade (years) from a deserialized state');
SELECT is((SELECT pg_temp.final_date(pg_temp.deser(b, 0)) FROM states WHERE name = 'reached'),
          (SELECT target_reached_at(period, value, 1000) FROM s), 'target_reached_at (date) from a deserialized state');
SELECT is((SELECT pg_temp.final_int4(pg_temp.deser(pg_temp.reached_state(yr, value, 1000), 0)) FROM s),
          (SELECT target_reached_at(yr, value, 1000) FROM s), 'target_reached_at (year) from a deserialized state');
SELECT is((SELECT pg_temp.final_float8(pg_temp.deser(b, 0)) FROM states WHERE name = 'share'),
          (SELECT share_of(value, part) FROM s), 'share_of from a deserialized state');
SELECT is((SELECT pg_temp.final_float8(pg_temp.deser(b, 0)) FROM states WHERE name = 'hhi'),
          (SELECT hhi(value) FROM s), 'hhi from a deserialized state');
SELECT is((SELECT pg_temp.final_float8(pg_temp.deser(b, 0)) FROM states WHERE name = 'empty'),
          NULL, 'an empty state survives the round trip and gives NULL');
SELECT is(pg_temp.deser(NULL, 0), NULL, 'NULL bytes deserialize to a NULL state');
SELECT throws_ok($$SELECT pg_temp.final_date(pg_temp.deser(pg_temp.ttm_state(yr, value), 0)) FROM s$$,
                 '22P03', 'tradeagg_final_date: a ttm_trade state has no date result',
                 'a final function of the wrong type is refused, not misread');

-- Damaged bytes.
SELECT throws_ok($$SELECT pg_temp.deser('\x'::bytea, 0)$$, '22P03', NULL, 'empty bytes: 22P03');
SELECT throws_ok($$SELECT pg_temp.deser('\x00'::bytea, 0)$$, '22P03', NULL, 'one zero byte: 22P03');
SELECT throws_ok($$SELECT pg_temp.deser(convert_to(repeat('tradeagg', 40), 'UTF8'), 0)$$, '22P03', NULL,
                 'text bytes: 22P03');
SELECT throws_ok($$SELECT pg_temp.deser(set_byte(b, 2, 200), 0) FROM states WHERE name = 'ytd'$$,
                 '22P03', NULL, 'an unknown format version: 22P03');
SELECT throws_ok($$SELECT pg_temp.deser(b || '\x00'::bytea, 0) FROM states WHERE name = 'ytd'$$,
                 '22P03', NULL, 'a trailing extra byte: 22P03');
SELECT is((SELECT string_agg(DISTINCT st, ', ') FROM states,
                  LATERAL generate_series(0, length(b) - 1) AS n,
                  LATERAL pg_temp.deser_status(substring(b FROM 1 FOR n)) AS st
           WHERE name <> 'empty'),
          '22P03', 'every truncation of every state: 22P03');
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st) FROM states,
                  LATERAL generate_series(0, length(b) - 1) AS n,
                  LATERAL (VALUES (1), (128), (255)) AS x(flip),
                  LATERAL pg_temp.deser_status(set_byte(b, n, get_byte(b, n) # flip)) AS st
           WHERE name IN ('ytd', 'share', 'empty')) IN ('22P03', '22P03, ok', 'ok'),
          true, 'every single-byte change of a state: a valid state or 22P03, nothing else');
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st)
           FROM generate_series(1, 300) AS k,
                LATERAL (SELECT decode(string_agg(lpad(to_hex((random() * 255)::int), 2, '0'), ''), 'hex') AS r
                         FROM generate_series(1, 1 + k % 97)) AS rnd,
                LATERAL pg_temp.deser_status(rnd.r) AS st) IN ('22P03', '22P03, ok', 'ok'),
          true, '300 random byte strings: a valid state or 22P03, nothing else');
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st)
           FROM states,
                generate_series(1, 200) AS k,
                LATERAL pg_temp.deser_status(substring(b FROM 1 FOR 24)
                        || decode(repeat(lpad(to_hex(k), 2, '0'), length(b) - 24), 'hex')) AS st
           WHERE name = 'ytd') IN ('22P03', '22P03, ok', 'ok'),
          true, 'a valid header followed by junk: a valid state or 22P03, nothing else');

-- A deserialized state keeps answering: the final function does not change it.
SELECT is((SELECT array[pg_temp.final_float8(p), pg_temp.final_float8(p)]
           FROM (SELECT pg_temp.deser(b, 0) AS p FROM states WHERE name = 'ytd') x),
          (SELECT array[ytd_trade(period, value, 4), ytd_trade(period, value, 4)] FROM s),
          'the final function reads the state and leaves it intact');

SELECT ok((SELECT length(b) FROM states WHERE name = 'ytd') < 2000,
          'a state holds one entry per period, not per row (30 periods, 500 rows)');

SELECT * FROM finish();
ROLLBACK;
