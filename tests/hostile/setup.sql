-- Tables shared by the rows of matrix.tsv (run in a fresh database each time).
-- f: five months, one row each, values 1, 2, 4, 8, 16.
CREATE TABLE f(period TEXT, value REAL);
INSERT INTO f VALUES ('2023-01-01', 1), ('2023-02-01', 2), ('2023-03-01', 4),
                     ('2023-04-01', 8), ('2023-05-01', 16);
-- g: repeated periods (two rows in January, two in March).
CREATE TABLE g(period TEXT, value REAL);
INSERT INTO g VALUES ('2023-01-01', 1), ('2023-01-01', 2), ('2023-02-01', 4),
                     ('2023-03-01', 8), ('2023-03-01', 16);
-- y: two years, March and April, for year-on-year answers.
CREATE TABLE y(period TEXT, value REAL);
INSERT INTO y VALUES ('2022-03-01', 10), ('2022-04-01', 20), ('2023-03-01', 15),
                     ('2023-04-01', 30);
-- a: an annual series.
CREATE TABLE a(period INTEGER, value REAL);
INSERT INTO a VALUES (2021, 100), (2022, 150), (2023, 120);
-- e: no rows at all.
CREATE TABLE e(period TEXT, value REAL, flag INTEGER);
