#!/usr/bin/perl
# Runs the out-of-memory injection test (tests/oom/oom.c) and passes its TAP
# to prove. The binary is the first argument (prove tests/oom/oom.t ::
# build/asan/oom), else $TA_OOM_BIN, else build/oom. A binary that dies, or
# exits non-zero (a sanitizer report at exit) with no failing test, counts
# as one more failure.
use strict;
use warnings;

my $bin = $ARGV[0] // $ENV{TA_OOM_BIN} // 'build/oom';
unless (-x $bin) {
    print "1..0 # SKIP $bin not built (make $bin)\n";
    exit 0;
}
open(my $fh, '-|', $bin) or die "cannot run $bin: $!\n";
my ($n, $failed, @out) = (0, 0);
while (my $line = <$fh>) {
    if ($line =~ /^(not )?ok \d+ - (.*)$/) {
        $n++;
        $failed++ if $1;
        push @out, ($1 // '') . "ok $n - $2\n";
    } elsif ($line !~ /^1\.\.\d+$/) {
        push @out, $line;
    }
}
close $fh;
if ($? != 0 && !$failed) {
    $n++;
    push @out, "not ok $n - $bin exited with status " . ($? >> 8) . " signal " . ($? & 127) . "\n";
}
print @out, "1..$n\n";
