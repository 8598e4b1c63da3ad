#!/usr/bin/perl
# Runs the core's C unit tests (built by `make core-tests` into build/core,
# or into the directory named by TA_CORE_BUILD, e.g. build/asan/core)
# and merges their TAP into one stream for prove. A binary that dies or
# exits non-zero without a failing test counts as a failure.
use strict;
use warnings;
use File::Basename qw(basename);

my $dir = $ENV{TA_CORE_BUILD} // 'build/core';
my @bins = grep { -x } glob("$dir/test_*");
die "no core test binaries in $dir (run make core-tests)\n" unless @bins;
my ($n, @out) = (0);
for my $bin (@bins) {
    my $name = basename($bin);
    open(my $fh, '-|', $bin) or die "cannot run $bin: $!\n";
    my $failed = 0;
    while (my $line = <$fh>) {
        if ($line =~ /^(not )?ok \d+ - (.*)$/) {
            $n++;
            $failed++ if $1;
            push @out, ($1 // '') . "ok $n - $name: $2\n";
        } elsif ($line !~ /^1\.\.\d+$/) {
            push @out, $line;
        }
    }
    close $fh;
    if ($? != 0 && !$failed) {
        $n++;
        push @out, "not ok $n - $name exited with status " . ($? >> 8) . " signal " . ($? & 127) . "\n";
    }
}
print "1..$n\n", @out;
