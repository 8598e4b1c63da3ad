#!/usr/bin/env perl
# The shared cases (tests/cases/*.cases) that run in DuckDB, as JSON for the
# Node.js suite: { "setup": "<CREATE and INSERT statements>", "cases": [...] }.
# One parser (tests/lib/TaCases.pm) serves every engine.
#
#   perl tests/duckdb/cases_json.pl [CASES_DIR]
use v5.36;
use FindBin;
use lib "$FindBin::Bin/../lib";
use JSON::PP ();
use TaCases;

my $set   = TaCases::load_dir($ARGV[0] // "$FindBin::Bin/../cases");
my @cases = map {
    { id => $_->{id}, query => $_->{query}, expect => $_->{expect}, where => "$_->{file}:$_->{line}" }
} TaCases::cases_for($set, 'duckdb');
print JSON::PP->new->canonical->encode({ setup => TaCases::setup_sql($set, 'duckdb'), cases => \@cases });
