-- Query plans as text, for pgTAP's matches() and doesnt_match(). Pulled in
-- with `\ir lib/plans.sql`; it only creates pg_temp functions.

-- The output of an EXPLAIN statement (with ANALYZE, also the execution of the
-- statement explained), one line per plan line.
CREATE FUNCTION pg_temp.explain_output(explain_statement text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE explain_statement LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END
$$;

-- The plan of a query, without costs.
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.explain_output('EXPLAIN (COSTS OFF) ' || q)
$$;
