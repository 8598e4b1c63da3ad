#!/usr/bin/perl
# Runs the out-of-memory injection test (tests/oom/oom.c) and passes its TAP
# to prove. The binary is the first argument (prove tests/oom/oom.t ::
# build/asan/oom), else $TA_OOM_BIN, else build/oom.
use strict;
use warnings;
use FindBin qw($RealBin);
use lib "$RealBin/../lib";
use TapRun qw(run_tap_binaries);

my $bin = $ARGV[0] // $ENV{TA_OOM_BIN} // 'build/oom';
unless (-x $bin) {
    print "1..0 # SKIP $bin not built (make $bin)\n";
    exit 0;
}
run_tap_binaries(0, $bin);
