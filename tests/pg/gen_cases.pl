#!/usr/bin/perl
# Writes the shared cases (tests/cases/*.cases) as a pgTAP script:
#
#   perl tests/pg/gen_cases.pl build/pg/cases.sql [tests/cases]
#
# BEGIN; plan(N); the tables as TEMP tables; one is()/ok()/throws_ok() per
# case; finish(); ROLLBACK. Cases marked "only: sqlite" are left out.
# Perl 5.32 (Debian bullseye) and later: the PostgreSQL 13 chroot runs this.
use v5.32;
use warnings FATAL => "all";
use feature qw(signatures);
no warnings qw(experimental::signatures);
use FindBin qw($RealBin);
use lib "$RealBin/../lib";
use File::Basename qw(dirname);
use File::Path qw(make_path);
use TaCases;

my ($outfile, $dir) = @ARGV;
die "usage: $0 OUTPUT.sql [CASES_DIR]\n" unless defined $outfile;
$dir //= "$RealBin/../cases";

my $set = TaCases::load_dir($dir);
my $sql = TaCases::pg_script($set);

make_path(dirname($outfile));
my $tmp = "$outfile.tmp$$";
open(my $fh, '>:encoding(UTF-8)', $tmp) or die "$tmp: $!\n";
print $fh $sql;
close $fh or die "$tmp: $!\n";
rename $tmp, $outfile or die "rename $tmp -> $outfile: $!\n";
