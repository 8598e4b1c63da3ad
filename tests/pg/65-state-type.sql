-- tradeagg_state, the aggregates' transition type, is data a user can
-- write: its text and binary input validate it in full, and every support
-- function over it (executable by PUBLIC, since Citus checks EXECUTE as the
-- calling user) validates a state it did not make. A non-superuser who
-- wraps them in her own aggregates with forged states gets 22P03, never a
-- crash or a wrong answer. Everything is rolled back at the end.
BEGIN;
SELECT plan(40);

CREATE TEMP TABLE st_rows AS
SELECT i, (date '2021-01-01' + make_interval(months => i % 30))::date AS period,
       2000 + i % 25 AS yr, ((i * 7) % 50) * 0.5 AS value, i % 4 = 0 AS part
FROM generate_series(1, 500) AS i;

-- The SQLSTATE that reading `t` as a tradeagg_state raises, or 'ok'.
CREATE FUNCTION pg_temp.in_status(t text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM t::tradeagg_state;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;
-- The same for the three final functions over a state read from `t`.
CREATE FUNCTION pg_temp.final_status(t text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM t::tradeagg_state;
    BEGIN
        PERFORM tradeagg_final_float8(t::tradeagg_state);
    EXCEPTION WHEN SQLSTATE '22P03' THEN NULL;
    END;
    BEGIN
        PERFORM tradeagg_final_date(t::tradeagg_state);
    EXCEPTION WHEN SQLSTATE '22P03' THEN NULL;
    END;
    BEGIN
        PERFORM tradeagg_final_int4(t::tradeagg_state);
    EXCEPTION WHEN SQLSTATE '22P03' THEN NULL;
    END;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;
-- The same through the binary input (receive), by a binary COPY of the
-- bytes: bytea's binary form is the bytes themselves.
CREATE TEMP TABLE st_bytes(b bytea);
CREATE TEMP TABLE st_recv(s tradeagg_state);
CREATE FUNCTION pg_temp.recv_status(b bytea) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE st_bytes, st_recv;
    INSERT INTO st_bytes VALUES (b);
    EXECUTE format('COPY st_bytes TO %L (FORMAT binary)',
                   current_setting('data_directory') || '/tradeagg_state_recv.bin');
    EXECUTE format('COPY st_recv FROM %L (FORMAT binary)',
                   current_setting('data_directory') || '/tradeagg_state_recv.bin');
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;

-- ---------------------------------------------------------------------------
-- States made by aggregates without a final function (any user may).
-- ---------------------------------------------------------------------------
CREATE AGGREGATE pg_temp.ytd_state(date, double precision, integer) (
    SFUNC = tradeagg_ytd_trade_sfunc, STYPE = tradeagg_state);
CREATE AGGREGATE pg_temp.reached_state(integer, double precision, double precision) (
    SFUNC = tradeagg_target_reached_at_sfunc, STYPE = tradeagg_state);
CREATE AGGREGATE pg_temp.share_state(double precision, boolean) (
    SFUNC = tradeagg_share_of_sfunc, STYPE = tradeagg_state);
CREATE AGGREGATE pg_temp.hhi_state(double precision) (
    SFUNC = tradeagg_hhi_sfunc, STYPE = tradeagg_state);

CREATE TEMP TABLE st_states AS
SELECT 'ytd' AS name, pg_temp.ytd_state(period, value, 4)::text AS t FROM st_rows
UNION ALL SELECT 'reached', pg_temp.reached_state(yr, value, 1000)::text FROM st_rows
UNION ALL SELECT 'share', pg_temp.share_state(value, part)::text FROM st_rows
UNION ALL SELECT 'hhi', pg_temp.hhi_state(value)::text FROM st_rows
UNION ALL SELECT 'empty', pg_temp.ytd_state(period, NULL, 1)::text FROM st_rows;

SELECT is((SELECT count(*) FROM st_states WHERE t ~ '^\\x5441[0-9a-f]+$'), 5::bigint,
          'the text form is \x and the hex of the serialized state (which starts with "TA")');
SELECT is((SELECT string_agg(name, ', ') FROM st_states WHERE t::tradeagg_state::text <> t),
          NULL, 'text round trip: output(input(t)) = t');
SELECT is((SELECT string_agg(name, ', ') FROM st_states
           WHERE '\x' || encode(tradeagg_state_send(t::tradeagg_state), 'hex') <> t),
          NULL, 'the binary form is the same bytes as the text form');
SELECT is((SELECT string_agg(name, ', ') FROM st_states
           WHERE pg_temp.recv_status(decode(substring(t FROM 3), 'hex')) <> 'ok'),
          NULL, 'every state is accepted by the binary input (receive)');
SELECT is((SELECT s::text FROM st_recv), (SELECT t FROM st_states WHERE name = 'empty'),
          'binary round trip: the received state has the same text');
SELECT is(('\x' || upper(substring(t FROM 3)))::tradeagg_state::text, t, 'upper-case hex digits are read too')
FROM st_states WHERE name = 'share';

-- The final functions over tradeagg_state read a state given as a value.
SELECT is(tradeagg_final_float8(t::tradeagg_state), (SELECT ytd_trade(period, value, 4) FROM st_rows),
          'final function on a state read from text: ytd_trade')
FROM st_states WHERE name = 'ytd';
SELECT is(tradeagg_final_int4(t::tradeagg_state), (SELECT target_reached_at(yr, value, 1000) FROM st_rows),
          'final function on a state read from text: target_reached_at over years')
FROM st_states WHERE name = 'reached';
SELECT is(tradeagg_final_float8(t::tradeagg_state), (SELECT share_of(value, part) FROM st_rows),
          'final function on a state read from text: share_of')
FROM st_states WHERE name = 'share';
SELECT is(tradeagg_final_float8(t::tradeagg_state), NULL::float8,
          'final function on an empty state: NULL')
FROM st_states WHERE name = 'empty';

-- ---------------------------------------------------------------------------
-- Hostile text and bytes.
-- ---------------------------------------------------------------------------
SELECT throws_ok($$SELECT ''::tradeagg_state$$, '22P03',
    'tradeagg_state_in: invalid input "" (expected \x and an even number of hex digits)',
    'empty text: 22P03 naming the function and the value');
SELECT throws_ok($$SELECT 'hello'::tradeagg_state$$, '22P03',
    'tradeagg_state_in: invalid input "hello" (expected \x and an even number of hex digits)',
    'text without \x: 22P03');
SELECT throws_ok($$SELECT '\x'::tradeagg_state$$, '22P03',
    'tradeagg: invalid serialized state (truncated header)', 'no bytes: 22P03');
SELECT is((SELECT string_agg(DISTINCT pg_temp.in_status(v), ', ')
           FROM (VALUES ('\x5'), ('\xzz'), ('\X5441'), (' \x5441'), ('\x5441 '), ('\x54 41'),
                        ('\\x5441'), ('x5441'), ('\x54410g')) AS x(v)),
          '22P03', 'odd digit count, non-hex digits, whitespace, wrong prefix: 22P03');
SELECT is((SELECT string_agg(DISTINCT st, ', ') FROM st_states,
                  LATERAL generate_series(2, length(t) - 1) AS n,
                  LATERAL pg_temp.in_status(substring(t FROM 1 FOR n)) AS st),
          '22P03', 'every truncation of every state''s text: 22P03');
SELECT is((SELECT string_agg(DISTINCT st, ', ') FROM st_states,
                  LATERAL (VALUES ('00'), ('ff'), ('5441')) AS x(tail),
                  LATERAL pg_temp.in_status(t || tail) AS st),
          '22P03', 'a valid state with bytes appended (oversized): 22P03');
SELECT is(pg_temp.in_status('\x' || repeat('5441', 2500000)), '22P03',
          'ten megabytes of "TATA...": 22P03');
SELECT is(pg_temp.in_status(substring(t FROM 1 FOR 114) || 'ffffffff' || substring(t FROM 123)), '22P03',
          'a period count of 2^32 - 1 with few bytes behind it: 22P03')
FROM st_states WHERE name = 'ytd';
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st) FROM st_states,
                  LATERAL generate_series(0, (length(t) - 2) / 2 - 1) AS n,
                  LATERAL (VALUES (1), (128), (255)) AS x(flip),
                  LATERAL (SELECT decode(substring(t FROM 3), 'hex') AS b) AS d,
                  LATERAL pg_temp.in_status('\x' || encode(set_byte(d.b, n, get_byte(d.b, n) # flip), 'hex')) AS st
           WHERE name IN ('ytd', 'share', 'empty')) IN ('22P03', '22P03, ok'),
          true, 'every bit-flipped byte of a state''s text: a valid state or 22P03, nothing else');
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st)
           FROM generate_series(1, 300) AS k,
                LATERAL (SELECT string_agg(lpad(to_hex((random() * 255)::int), 2, '0'), '') AS r
                         FROM generate_series(1, 1 + k % 97)) AS rnd,
                LATERAL pg_temp.in_status('\x' || rnd.r) AS st),
          '22P03', '300 random byte strings: 22P03');
SELECT is((SELECT string_agg(DISTINCT pg_temp.in_status('\x' || encode(v, 'hex')), ', ')
           FROM (VALUES (convert_to('tradeagg', 'UTF8')), (convert_to(repeat('TA', 100), 'UTF8')),
                        (convert_to('{"kind":"ytd"}', 'UTF8')), ('\x89504e470d0a1a0a'::bytea)) AS x(v)),
          '22P03', 'foreign bytes (text, JSON, a PNG signature): 22P03');
SELECT is((SELECT string_agg(DISTINCT pg_temp.recv_status(b), ', ')
           FROM st_states,
                LATERAL (SELECT decode(substring(t FROM 3), 'hex') AS full_b) AS d,
                LATERAL (VALUES (substring(d.full_b FROM 1 FOR 59)), (d.full_b || '\x00'::bytea),
                                ('\x'::bytea), (convert_to('tradeagg', 'UTF8')),
                                (set_byte(d.full_b, 2, 200))) AS x(b)),
          '22P03', 'binary input: truncated, oversized, empty, foreign, unknown version: 22P03');

-- ---------------------------------------------------------------------------
-- A non-superuser's own aggregates over our support functions.
-- ---------------------------------------------------------------------------
CREATE ROLE tradeagg_mallory;
CREATE SCHEMA mallory AUTHORIZATION tradeagg_mallory;
GRANT SELECT ON st_rows, st_states TO tradeagg_mallory;
SET LOCAL ROLE tradeagg_mallory;

SELECT ok(NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
          'the rest of this file runs as a non-superuser');

-- INITCOND is read by the type's input when the aggregate is created.
SELECT throws_ok($$CREATE AGGREGATE mallory.bad(date, double precision) (
        SFUNC = tradeagg_ytd_trade_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_float8, INITCOND = '\x5441010200')$$,
    '22P03', NULL, 'a truncated INITCOND: 22P03 at CREATE AGGREGATE');
SELECT throws_ok(format($$CREATE AGGREGATE mallory.bad(date, double precision) (
        SFUNC = tradeagg_ytd_trade_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_float8, INITCOND = %L)$$,
        '\x' || encode(set_byte(decode(substring(t FROM 3), 'hex'), 24, 255), 'hex')),
    '22P03', NULL, 'a bit-flipped INITCOND (a NaN sum): 22P03 at CREATE AGGREGATE')
FROM st_states WHERE name = 'ytd';
SELECT throws_ok($$CREATE AGGREGATE mallory.bad(date, double precision) (
        SFUNC = tradeagg_ytd_trade_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_float8, INITCOND = 'random words')$$,
    '22P03', NULL, 'a random-text INITCOND: 22P03 at CREATE AGGREGATE');

-- A valid state as INITCOND is a head start, counted exactly once per group.
SELECT lives_ok(format($$CREATE AGGREGATE mallory.ytd_from(date, double precision, integer) (
        SFUNC = tradeagg_ytd_trade_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_float8, COMBINEFUNC = tradeagg_combine,
        PARALLEL = SAFE, INITCOND = %L)$$, t),
    'a valid state as INITCOND is accepted')
FROM st_states WHERE name = 'ytd';
SELECT is((SELECT mallory.ytd_from(period, value, 4) FROM st_rows WHERE false), 
          (SELECT ytd_trade(period, value, 4) FROM st_rows),
          'INITCOND state and no row: the state''s own answer');
SELECT is((SELECT mallory.ytd_from(period, value, 4) FROM st_rows WHERE i <= 250),
          (SELECT ytd_trade(period, value, 4) FROM st_rows, (VALUES (1), (2)) AS twice(k)
           WHERE NOT (k = 2 AND i > 250)),
          'INITCOND state plus rows: the answer over both');
SELECT is((SELECT array_agg(x ORDER BY g) FROM (
               SELECT i % 3 AS g, mallory.ytd_from(period, value, 4) AS x FROM st_rows GROUP BY 1) q),
          (SELECT array_agg(x ORDER BY g) FROM (
               SELECT g, ytd_trade(period, value, 4) AS x
               FROM (SELECT i % 3 AS g, period, value FROM st_rows
                     UNION ALL SELECT g, period, value FROM st_rows, generate_series(0, 2) AS g) u
               GROUP BY 1) q),
          'INITCOND state, grouped: each group starts from its own copy');
SELECT is((SELECT array_agg(x ORDER BY i) FROM (
               SELECT i, mallory.ytd_from(period, value, 4) OVER (ORDER BY i) AS x
               FROM st_rows WHERE i <= 5) q),
          (SELECT array_agg(x ORDER BY i) FROM (
               SELECT i, (SELECT ytd_trade(period, value, 4) FROM (
                   SELECT period, value FROM st_rows
                   UNION ALL SELECT period, value FROM st_rows r2 WHERE r2.i <= o.i) u) AS x
               FROM st_rows o WHERE i <= 5) q),
          'INITCOND state, as a window over a growing frame');

-- A valid state of another aggregate, or a final function of another kind.
SELECT lives_ok(format($$CREATE AGGREGATE mallory.ytd_from_hhi(date, double precision, integer) (
        SFUNC = tradeagg_ytd_trade_sfunc, STYPE = tradeagg_state,
        FINALFUNC = tradeagg_final_float8, INITCOND = %L)$$, t),
    'an hhi state as the INITCOND of a ytd_trade transition is accepted at CREATE')
FROM st_states WHERE name = 'hhi';
SELECT throws_ok($$SELECT mallory.ytd_from_hhi(period, value, 4) FROM st_rows$$,
    '22P03', 'ytd_trade: the state belongs to hhi, not ytd_trade',
    'but refused when used: 22P03');
CREATE AGGREGATE mallory.ytd_as_date(date, double precision) (
    SFUNC = tradeagg_ytd_trade_sfunc, STYPE = tradeagg_state, FINALFUNC = tradeagg_final_date);
SELECT throws_ok($$SELECT mallory.ytd_as_date(period, value) FROM st_rows$$,
    '22P03', 'tradeagg_final_date: a ytd_trade state has no date result',
    'a final function of another result type: 22P03');

-- The combine function as her transition: states from text, cast or stored.
CREATE AGGREGATE mallory.merge(tradeagg_state) (
    SFUNC = tradeagg_combine, STYPE = tradeagg_state, FINALFUNC = tradeagg_final_float8);
SELECT is((SELECT mallory.merge(t::tradeagg_state) FROM st_states, generate_series(1, 2)
           WHERE name = 'share'),
          (SELECT share_of(value, part) FROM st_rows, generate_series(1, 2)),
          'merging a state read from text with itself: the answer over the rows twice');
SELECT is((SELECT mallory.merge(t::tradeagg_state) FROM st_states WHERE name = 'empty'),
          NULL::float8, 'merging an empty state: NULL');
SELECT throws_ok($$SELECT mallory.merge(t::tradeagg_state) FROM st_states WHERE name IN ('ytd', 'hhi')$$,
    '22P03', NULL, 'merging states of two aggregates: 22P03');
SELECT throws_ok($$SELECT mallory.merge(v::tradeagg_state)
                   FROM (VALUES ('\x5441'), ('\x00')) AS x(v)$$,
    '22P03', NULL, 'a cast from bad text inside her aggregate: 22P03');
SELECT throws_ok($$SELECT mallory.merge(v::tradeagg_state)
                   FROM (VALUES ((SELECT t FROM st_states WHERE name = 'ytd')),
                                ((SELECT pg_temp.ytd_state(period, value, 7)::text FROM st_rows))) AS x(v)$$,
    '22023', NULL, 'merging states with different fy_start_month: 22023');
SELECT is((SELECT string_agg(DISTINCT st, ', ' ORDER BY st) FROM st_states,
                  LATERAL generate_series(0, (length(t) - 2) / 2 - 1) AS n,
                  LATERAL (VALUES (1), (64), (255)) AS x(flip),
                  LATERAL (SELECT decode(substring(t FROM 3), 'hex') AS b) AS d,
                  LATERAL pg_temp.final_status('\x' || encode(set_byte(d.b, n, get_byte(d.b, n) # flip), 'hex')) AS st
           WHERE name IN ('share', 'hhi', 'reached')) ~ '^(22003|22P03|ok)(, (22003|22P03|ok))*$',
          true, 'every bit flip of a state, through the final functions: an answer, 22P03, or 22003 for a sum out of range');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
