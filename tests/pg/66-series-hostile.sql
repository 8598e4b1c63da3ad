-- tradeseries is data a user can write: its text input, binary input
-- (receive) and the cast from bytea validate it in full, so every function
-- taking a series (rollup, the accessors, series_text, series_periods) only
-- ever sees a valid one. Truncated, bit-flipped, oversized and foreign text
-- and bytes are 22P03, never a crash. A non-superuser who wraps the series'
-- support functions in her own aggregates with forged states gets 22P03.
-- Everything is rolled back at the end.
BEGIN;
SELECT plan(34);

CREATE TEMP TABLE sh_rows AS
SELECT i, (date '2021-01-01' + make_interval(months => i % 30))::date AS period,
       2000 + i % 25 AS yr, ((i * 7) % 50) * 0.1 AS value
FROM generate_series(1, 300) AS i;
CREATE TEMP TABLE sh_series AS
SELECT 'dated' AS name, trade_series(period, value) AS s FROM sh_rows
UNION ALL SELECT 'annual', trade_series(yr, value) FROM sh_rows
UNION ALL SELECT 'one', trade_series(period, value) FROM sh_rows WHERE i = 1;

-- The SQLSTATE of an expression over `v`, or 'ok'.
CREATE FUNCTION pg_temp.status(expr text, v text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT ' || expr, v);
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;
-- Every function taking a series, applied to a series read from text %L.
CREATE TEMP TABLE sh_calls(expr text);
INSERT INTO sh_calls VALUES
    ('%L::tradeseries'), ('rollup(x) FROM (VALUES (%L::tradeseries)) AS v(x)'),
    ('series_total(%L)'), ('series_ytd(%L)'), ('series_ytd(%L, 4)'), ('series_ttm(%L)'),
    ('series_yoy(%L)'), ('series_ytd_yoy(%L)'), ('series_projected(%L)'), ('series_from_ytd(%L)'),
    ('series_reached_at(%L, 10)'), ('series_reached_at_year(%L, 10)'), ('series_attainment(%L, 10)'), ('series_period_growth(%L, 24)'),
    ('series_trailing(%L, 24)'), ('series_prior_year(%L)'), ('series_prior_ytd(%L)'),
    ('series_index(%L::tradeseries, 2020)'), ('series_ytd_period_count(%L)'), ('series_text(%L)'),
    ('count(*) FROM series_periods(%L)'), ('count(*) FROM series_periods_annual(%L)'),
    ('%L::tradeseries::bytea');
-- The same through the binary input (receive), by a binary COPY of bytes:
-- bytea's binary form is the bytes themselves.
CREATE TEMP TABLE sh_bytes(b bytea);
CREATE TEMP TABLE sh_recv(s tradeseries);
CREATE FUNCTION pg_temp.recv_status(b bytea) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE sh_bytes, sh_recv;
    INSERT INTO sh_bytes VALUES (b);
    EXECUTE format('COPY sh_bytes TO %L (FORMAT binary)',
                   current_setting('data_directory') || '/tradeseries_recv.bin');
    EXECUTE format('COPY sh_recv FROM %L (FORMAT binary)',
                   current_setting('data_directory') || '/tradeseries_recv.bin');
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;
CREATE FUNCTION pg_temp.cast_status(b bytea) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM b::tradeseries;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;

-- Valid series pass every function and every input.
SELECT is((SELECT string_agg(DISTINCT pg_temp.status(expr, s::text), ', ') FROM sh_series, sh_calls
           WHERE CASE WHEN name = 'annual' THEN expr !~ '(series_periods|series_reached_at)\('
                      ELSE expr !~ '(series_index|series_periods_annual|series_reached_at_year)\(' END),
          'ok', 'a valid series passes every function taking a series (of its kind)');
SELECT is((SELECT string_agg(DISTINCT pg_temp.recv_status(s::bytea), ', ') FROM sh_series),
          'ok', 'a valid series'' bytes pass the binary input');
SELECT is((SELECT s::bytea FROM sh_recv), (SELECT s::bytea FROM sh_series WHERE name = 'one'),
          'binary round trip: the received series has the same bytes');

-- ---------------------------------------------------------------------------
-- Hostile text, through every function taking a series.
-- ---------------------------------------------------------------------------
SELECT throws_ok($$SELECT ''::tradeseries$$, '22P03', NULL, 'empty text: 22P03');
SELECT throws_ok($$SELECT series_ytd('hello')$$, '22P03', NULL, 'foreign text into an accessor: 22P03');
SELECT is((SELECT string_agg(DISTINCT pg_temp.status(expr, v), ', ')
           FROM sh_calls, (VALUES (''), ('hello'), ('v1'), ('v2 date; 2023-01-01 1 1'),
                                  ('v1 dote; 2023-01-01 1 1'), ('v1 date; 2023-02-30 1 1'),
                                  ('v1 year; 2023-01-01 1 1'), ('v1 date; 2023 1 1'),
                                  ('v1 date; 2023-02-01 1 2; 2023-01-01 1 1'),
                                  ('v1 date; 2023-01-01 1 1; 2023-01-01 1 1'),
                                  ('v1 date; 2023-01-01 0 1'), ('v1 date; 2023-01-01 -1 1'),
                                  ('v1 date; 2023-01-01 1 NaN'), ('v1 date; 2023-01-01 1 1e999'),
                                  ('v1 date, 2023-01-01 1 1'), ('\x54530101')) AS x(v)),
          '22P03', 'altered and foreign text, into every function taking a series: 22P03');
-- (Cut inside a sum's digits, the text may be another valid series.)
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st) FROM sh_series,
                  LATERAL generate_series(0, length(s::text) - 1) AS n,
                  LATERAL pg_temp.status('%L::tradeseries', substring(s::text FROM 1 FOR n)) AS st
           WHERE name IN ('dated', 'annual')) ~ '^22P03(, ok)?$',
          true, 'every truncation of a series'' text: another valid series or 22P03, nothing else');
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st) FROM sh_series,
                  LATERAL generate_series(1, length(s::text)) AS n,
                  LATERAL (VALUES ('0'), ('9'), (' '), (';'), ('-'), ('.'), ('e'), ('x')) AS c(ch),
                  LATERAL pg_temp.status('series_ytd(%L)', overlay(s::text PLACING c.ch FROM n FOR 1)) AS st
           WHERE name = 'one'),
          '22P03, ok', 'every character of a series'' text replaced: a valid series or 22P03, nothing else');
SELECT is((SELECT string_agg(DISTINCT pg_temp.status('%L::tradeseries', s::text || tail), ', ')
           FROM sh_series, (VALUES (';'), ('; '), (' '), ('x'), ('; 2099-01-01 1 1 1')) AS x(tail)),
          '22P03', 'a valid series'' text with text appended: 22P03');
SELECT is(pg_temp.status('%L::tradeseries', 'v1 date; 2023-01-01 1 1' || repeat('0', 10000000)), '22P03',
          'a sum of ten million digits: 22P03');
SELECT is(pg_temp.status('%L::tradeseries', 'v1 date; 2023-01-01 ' || repeat('9', 100) || ' 1'), '22P03',
          'a row count of 100 digits: 22P03');
SELECT is((SELECT string_agg(DISTINCT pg_temp.status('series_from_text(%L)', v), ', ')
           FROM (VALUES (''), ('hello'), ('v1 date; 2023-02-30 1 1'), ('v1 date; 2023-01-01 1 1;')) AS x(v)),
          '22P03', 'series_from_text: the same text checks, 22P03');

-- ---------------------------------------------------------------------------
-- Hostile bytes: the cast from bytea and the binary input.
-- ---------------------------------------------------------------------------
SELECT throws_ok($$SELECT '\x'::bytea::tradeseries$$, '22P03', NULL, 'no bytes: 22P03');
SELECT throws_ok($$SELECT series_total('\x00ff'::bytea::tradeseries)$$, '22P03', NULL,
                 'foreign bytes cast into an accessor: 22P03');
SELECT is((SELECT string_agg(DISTINCT st, ', ') FROM sh_series,
                  LATERAL generate_series(0, length(s::bytea) - 1) AS n,
                  LATERAL pg_temp.cast_status(substring(s::bytea FROM 1 FOR n)) AS st),
          '22P03', 'every truncation of every series'' bytes, cast: 22P03');
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st) FROM sh_series,
                  LATERAL generate_series(0, length(s::bytea) - 1) AS n,
                  LATERAL (VALUES (1), (16), (128), (255)) AS x(flip),
                  LATERAL pg_temp.cast_status(set_byte(s::bytea, n, get_byte(s::bytea, n) # flip)) AS st
           WHERE name IN ('annual', 'one')) ~ '^22P03(, ok)?$',
          true, 'every bit-flipped byte of a series, cast: a valid series or 22P03, nothing else');
SELECT is((SELECT string_agg(DISTINCT pg_temp.cast_status(s::bytea || tail), ', ')
           FROM sh_series, (VALUES ('\x00'::bytea), ('\xff'), ('\x5453')) AS x(tail)),
          '22P03', 'a valid series with bytes appended (oversized), cast: 22P03');
SELECT is(pg_temp.cast_status(overlay(s::bytea PLACING '\xffffffff'::bytea FROM 5 FOR 4)), '22P03',
          'a period count of 2^32 - 1 with few bytes behind it: 22P03')
FROM sh_series WHERE name = 'dated';
SELECT is(pg_temp.cast_status(s::bytea || decode(repeat('00', 5000000), 'hex')), '22P03',
          'a series followed by five megabytes of zeros: 22P03')
FROM sh_series WHERE name = 'one';
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st)
           FROM generate_series(1, 300) AS k,
                LATERAL (SELECT decode(string_agg(lpad(to_hex((random() * 255)::int), 2, '0'), ''), 'hex') AS r
                         FROM generate_series(1, 1 + k % 97)) AS rnd,
                LATERAL pg_temp.cast_status('\x5453'::bytea || rnd.r) AS st) ~ '^22P03(, ok)?$',
          true, '300 random byte strings after the magic "TS": a valid series or 22P03, nothing else');
SELECT is((SELECT string_agg(DISTINCT pg_temp.cast_status(v), ', ')
           FROM (VALUES (convert_to('tradeseries', 'UTF8')), (convert_to('v1 date; 2023-01-01 1 1', 'UTF8')),
                        ('\x89504e470d0a1a0a'::bytea), (decode(repeat('00', 133), 'hex'))) AS x(v)),
          '22P03', 'foreign bytes (text, the text form, a PNG signature, zeros): 22P03');
SELECT is((SELECT string_agg(DISTINCT pg_temp.recv_status(b), ', ')
           FROM sh_series,
                LATERAL (VALUES (substring(s::bytea FROM 1 FOR 7)), (substring(s::bytea FROM 1 FOR length(s::bytea) - 1)),
                                (s::bytea || '\x00'::bytea), ('\x'::bytea), (convert_to('tradeseries', 'UTF8')),
                                (set_byte(s::bytea, 2, 200)), (set_byte(s::bytea, 3, 9))) AS x(b)),
          '22P03', 'binary input: truncated, oversized, empty, foreign, unknown version or kind: 22P03');

-- ---------------------------------------------------------------------------
-- A non-superuser's own aggregates over the series' support functions.
-- ---------------------------------------------------------------------------
CREATE ROLE tradeagg_mallory;
CREATE SCHEMA mallory AUTHORIZATION tradeagg_mallory;
GRANT SELECT ON sh_rows, sh_series TO tradeagg_mallory;
SET LOCAL ROLE tradeagg_mallory;
SELECT ok(NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
          'the rest of this file runs as a non-superuser');

-- A trade_series state, to forge from.
CREATE AGGREGATE mallory.series_state(date, double precision) (
    SFUNC = tradeagg_trade_series_sfunc, STYPE = tradeagg_state);
CREATE AGGREGATE mallory.hhi_state(double precision) (
    SFUNC = tradeagg_hhi_sfunc, STYPE = tradeagg_state);
CREATE AGGREGATE mallory.rollup_state(tradeseries) (
    SFUNC = tradeagg_rollup_sfunc, STYPE = tradeagg_state);
CREATE TEMP TABLE sh_states AS
SELECT 'series' AS name, mallory.series_state(period, value)::text AS t FROM sh_rows
UNION ALL SELECT 'rollup', mallory.rollup_state(s)::text FROM sh_series WHERE name = 'dated'
UNION ALL SELECT 'hhi', mallory.hhi_state(value)::text FROM sh_rows;

SELECT throws_ok($$CREATE AGGREGATE mallory.bad(tradeseries) (
        SFUNC = tradeagg_rollup_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_series, INITCOND = '\x5441010200')$$,
    '22P03', NULL, 'rollup with a truncated INITCOND: 22P03 at CREATE AGGREGATE');
SELECT throws_ok(format($$CREATE AGGREGATE mallory.bad(date, double precision) (
        SFUNC = tradeagg_trade_series_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_series, INITCOND = %L)$$, t || '00'),
    '22P03', NULL, 'trade_series with an oversized INITCOND: 22P03 at CREATE AGGREGATE')
FROM sh_states WHERE name = 'series';
SELECT throws_ok($$CREATE AGGREGATE mallory.bad(tradeseries) (
        SFUNC = tradeagg_rollup_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_series, INITCOND = 'v1 date; 2023-01-01 1 1')$$,
    '22P03', NULL, 'rollup with a series'' text as INITCOND (not a state): 22P03 at CREATE AGGREGATE');
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st) FROM sh_states,
                  LATERAL generate_series(0, (length(t) - 2) / 2 - 1) AS n,
                  LATERAL (VALUES (1), (128), (255)) AS x(flip),
                  LATERAL (SELECT decode(substring(t FROM 3), 'hex') AS b) AS d,
                  LATERAL pg_temp.status('tradeagg_final_series(%L::tradeagg_state)::text',
                                         '\x' || encode(set_byte(d.b, n, get_byte(d.b, n) # flip), 'hex')) AS st
           WHERE name = 'series') ~ '^(22003|22P03|ok)(, (22003|22P03|ok))*$',
          true, 'every bit flip of a trade_series state, through tradeagg_final_series: a series, 22P03 or 22003');
-- A valid state of another aggregate as INITCOND: accepted at CREATE, refused when used.
SELECT lives_ok(format($$CREATE AGGREGATE mallory.rollup_from_hhi(tradeseries) (
        SFUNC = tradeagg_rollup_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_series, INITCOND = %L)$$, t),
    'an hhi state as the INITCOND of a rollup transition is accepted at CREATE')
FROM sh_states WHERE name = 'hhi';
SELECT throws_ok($$SELECT mallory.rollup_from_hhi(s) FROM sh_series WHERE name = 'dated'$$,
    '22P03', NULL, 'but refused when used: 22P03');
SELECT throws_ok($$SELECT tradeagg_final_series(t::tradeagg_state) FROM sh_states WHERE name = 'hhi'$$,
    '22P03', NULL, 'tradeagg_final_series over an hhi state: 22P03');
SELECT lives_ok(format($$CREATE AGGREGATE mallory.rollup_from_series(tradeseries) (
        SFUNC = tradeagg_rollup_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_series, INITCOND = %L)$$, t),
    'a trade_series state as the INITCOND of a rollup transition is accepted at CREATE')
FROM sh_states WHERE name = 'series';
SELECT throws_ok($$SELECT mallory.rollup_from_series(s) FROM sh_series WHERE name = 'dated'$$,
    '22P03', 'rollup: the state belongs to trade_series, not rollup', 'but refused when used: 22P03');
-- A valid series state as INITCOND is a head start, counted once.
SELECT lives_ok(format($$CREATE AGGREGATE mallory.rollup_from(tradeseries) (
        SFUNC = tradeagg_rollup_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_series, COMBINEFUNC = tradeagg_combine, INITCOND = %L)$$, t),
    'a rollup state as the INITCOND of rollup is accepted')
FROM sh_states WHERE name = 'rollup';
SELECT is((SELECT mallory.rollup_from(s)::bytea FROM sh_series WHERE name = 'dated'),
          (SELECT trade_series(period, value)::bytea FROM sh_rows, generate_series(1, 2)),
          'INITCOND rollup state plus the same series: the series of the rows twice, byte for byte');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
