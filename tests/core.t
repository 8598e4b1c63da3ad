#!/usr/bin/perl
# Runs the core's C unit tests (built by `make core-tests` into build/core,
# or into the directory named by TA_CORE_BUILD, e.g. build/asan/core)
# and merges their TAP into one stream for prove.
use strict;
use warnings;
use FindBin qw($RealBin);
use lib "$RealBin/lib";
use TapRun qw(run_tap_binaries);

my $dir = $ENV{TA_CORE_BUILD} // 'build/core';
my @bins = grep { -x } glob("$dir/test_*");
die "no core test binaries in $dir (run make core-tests)\n" unless @bins;
run_tap_binaries(1, @bins);
