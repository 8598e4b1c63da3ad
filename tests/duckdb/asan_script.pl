#!/usr/bin/env perl
# The script asan_driver runs (format in asan_driver.c): the shared cases as
# checks in DuckDB's SQL, then tests/duckdb/asan_extra.sql.
#
#   perl tests/duckdb/asan_script.pl > script.sql
use v5.36;
use FindBin;
use lib "$FindBin::Bin/../lib";
use TaCases;

my $set = TaCases::load_dir("$FindBin::Bin/../cases");
print TaCases::setup_sql($set, 'duckdb');

my $dbl = sub ($x) { "CAST('$x' AS DOUBLE)" };
for my $c (TaCases::cases_for($set, 'duckdb')) {
    my ($q, $e) = ($c->{query}, $c->{expect});
    print "-- $c->{id}\n";
    if ($e->{kind} eq 'error') {
        print "-- error: Invalid Input Error: $e->{message}\n$q;\n";
    } elsif ($e->{kind} eq 'null') {
        print "SELECT ($q) IS NULL;\n";
    } elsif ($e->{kind} eq 'number') {
        print "SELECT ($q) = ", $dbl->($e->{value}), ";\n";
    } elsif ($e->{kind} eq 'approx') {
        print "SELECT abs(($q) - ", $dbl->($e->{value}), ') <= ', $dbl->($e->{tol}), ";\n";
    } elsif ($e->{value} =~ /\A5453(?:[0-9A-F]{2})+\z/) {
        # series bytes: a BLOB compares as its hex (or the query writes hex)
        print "SELECT (SELECT CASE WHEN typeof(v) = 'BLOB' THEN hex(CAST(v AS BLOB)) ELSE CAST(v AS VARCHAR) END",
            " FROM ($q) AS r(v)) = ", TaCases::sql_quote($e->{value}), ";\n";
    } else {
        print "SELECT CAST(($q) AS VARCHAR) = ", TaCases::sql_quote($e->{value}), ";\n";
    }
}

open(my $fh, '<', "$FindBin::Bin/asan_extra.sql") or die "asan_extra.sql: $!\n";
print while <$fh>;
