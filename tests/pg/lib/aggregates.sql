-- The 40 aggregate calls that several pgTAP files check side by side, and
-- the query that computes all of them at once. Pulled in with
-- `\ir lib/aggregates.sql`; it only creates pg_temp functions and runs no
-- test (it lives outside tests/pg/*.sql, so pg_prove does not run it alone).

-- Every aggregate with each kind of period (a date column `period`, a year
-- column `yr`) and with and without its optional parameter, over the columns
-- value and part. `target` is the target of target_attainment and
-- target_reached_at. n numbers the calls; col (a01 .. a40) is the column
-- aggregates_query gives each.
CREATE FUNCTION pg_temp.aggregate_calls(target text DEFAULT '1000000')
RETURNS TABLE (n int, col text, call text) LANGUAGE sql AS $$
    SELECT c.n::int, format('a%s', lpad(c.n::text, 2, '0')), replace(c.call, 'TARGET', target)
    FROM unnest(ARRAY[
        'cumulative_trade(value)',
        'ytd_trade(period, value)',
        'ytd_trade(yr, value)',
        'ytd_trade(period, value, 4)',
        'ytd_trade(yr, value, 4)',
        'ttm_trade(period, value)',
        'ttm_trade(yr, value)',
        'yoy_growth(period, value)',
        'yoy_growth(yr, value)',
        'ytd_yoy_growth(period, value)',
        'ytd_yoy_growth(yr, value)',
        'ytd_yoy_growth(period, value, 7)',
        'ytd_yoy_growth(yr, value, 7)',
        'target_attainment(value, TARGET)',
        'target_reached_at(period, value, TARGET)',
        'target_reached_at(yr, value, TARGET)',
        'projected_trade(period, value)',
        'projected_trade(yr, value)',
        'projected_trade(period, value, 4)',
        'projected_trade(yr, value, 4)',
        'period_from_ytd(period, value)',
        'period_from_ytd(yr, value)',
        'period_from_ytd(period, value, 4)',
        'period_from_ytd(yr, value, 4)',
        'share_of(value, part)',
        'hhi(value)',
        'period_growth(period, value, 3)',
        'period_growth(yr, value, 12)',
        'trailing_trade(period, value, 3)',
        'trailing_trade(yr, value, 24)',
        'prior_year_trade(period, value)',
        'prior_ytd_trade(period, value, 4)',
        'ytd_contribution(period, value, part)',
        'ytd_contribution(yr, value, part, 7)',
        'trade_balance(value, part)',
        'coverage_ratio(value, part)',
        'index_number(period, value, ''2020-01-01'')',
        'index_number(yr, value, 2020)',
        'ytd_period_count(period, value, 7)',
        'hhi(yr::text, value)'
    ]) WITH ORDINALITY AS c(call, n)
    ORDER BY c.n
$$;

-- The text of
--   SELECT [group_by,] cumulative_trade(value) AS a01, ..., hhi(yr::text, value) AS a40
--   FROM source [GROUP BY group_by]
-- with the target 1000000.
CREATE FUNCTION pg_temp.aggregates_query(source text, group_by text DEFAULT NULL)
RETURNS text LANGUAGE sql AS $$
    SELECT format(E'SELECT%s\n       %s\nFROM %s%s',
                  ' ' || group_by || ',',
                  string_agg(format('%s AS %s', call, col), E',\n       ' ORDER BY n),
                  source,
                  ' GROUP BY ' || group_by)
    FROM pg_temp.aggregate_calls()
$$;
