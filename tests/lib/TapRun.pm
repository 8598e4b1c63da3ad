package TapRun;
# Runs test binaries that print TAP and merges their output into one stream
# for prove, numbering the tests afresh. A binary that dies, or exits
# non-zero with no failing test (a sanitizer report at exit, say), counts as
# one more failure.
use strict;
use warnings;
use File::Basename qw(basename);
use Exporter qw(import);
our @EXPORT_OK = qw(run_tap_binaries);

# run_tap_binaries($label, @bins): prints the merged TAP; test names get
# "<binary>: " in front when $label is true.
sub run_tap_binaries {
    my ($label, @bins) = @_;
    my ($n, @out) = (0);
    for my $bin (@bins) {
        my $name = basename($bin);
        open(my $fh, '-|', $bin) or die "cannot run $bin: $!\n";
        my $failed = 0;
        while (my $line = <$fh>) {
            if ($line =~ /^(not )?ok \d+ - (.*)$/) {
                $n++;
                $failed++ if $1;
                push @out, ($1 // '') . "ok $n - " . ($label ? "$name: " : '') . "$2\n";
            } elsif ($line !~ /^1\.\.\d+$/) {
                push @out, $line;
            }
        }
        close $fh;
        if ($? != 0 && !$failed) {
            $n++;
            push @out, "not ok $n - $name exited with status " . ($? >> 8)
                . " signal " . ($? & 127) . "\n";
        }
    }
    print "1..$n\n", @out;
}

1;
