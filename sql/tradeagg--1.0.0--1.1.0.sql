-- tradeagg 1.0.0 -> 1.1.0 (ALTER EXTENSION tradeagg UPDATE).
--
-- Written by hand, one section per change, in the order the changes were
-- made (see sql/README.md). After it runs, the database must hold exactly
-- the objects a fresh CREATE EXTENSION tradeagg (1.1.0) makes, with the same
-- definitions, comments and grants: tests/pg/90-upgrade.sql compares them.

\echo Use "ALTER EXTENSION tradeagg UPDATE TO '1.1.0'" to load this file. \quit

-- 1.1.0 keeps every 1.0.0 object as it was (same C symbols in the same
-- module); only tradeagg_version(), read from the library, now says 1.1.0.
