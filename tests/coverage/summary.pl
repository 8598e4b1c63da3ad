#!/usr/bin/perl
# Prints gcov's per-file summary (`gcov -b` output) as a table: lines %
# and branches % taken at least once, per file of src/ and in total.
use strict;
use warnings;

my (%f, $cur);
while (<>) {
    if (/^File '(?:.*\/)?(src\/[^']+\.c)'/) { $cur = $1; next; }
    next unless defined $cur;
    if (/^Lines executed:([\d.]+)% of (\d+)/) {
        $f{$cur}{l} = [$1, $2];
    } elsif (/^Taken at least once:([\d.]+)% of (\d+)/) {
        $f{$cur}{b} = [$1, $2];
    } elsif (/^No branches/) {
        $f{$cur}{b} = [100, 0];
    } elsif (/^$/) {
        undef $cur;
    }
}
die "no coverage data\n" unless %f;
my ($lh, $ln, $bh, $bn) = (0, 0, 0, 0);
printf "%-24s %8s %7s %10s %7s\n", 'file', 'lines', '%', 'branches', '%';
for my $name (sort keys %f) {
    my ($lp, $lc) = @{ $f{$name}{l} // [0, 0] };
    my ($bp, $bc) = @{ $f{$name}{b} // [100, 0] };
    my ($lx, $bx) = (int($lp * $lc / 100 + 0.5), int($bp * $bc / 100 + 0.5));
    ($lh, $ln, $bh, $bn) = ($lh + $lx, $ln + $lc, $bh + $bx, $bn + $bc);
    printf "%-24s %8s %6.1f%% %10s %6.1f%%\n", $name, "$lx/$lc", $lp, "$bx/$bc", $bp;
}
printf "%-24s %8s %6.1f%% %10s %6.1f%%\n", 'total', "$lh/$ln", $ln ? 100 * $lh / $ln : 100,
    "$bh/$bn", $bn ? 100 * $bh / $bn : 100;
