#!/usr/bin/perl
# The committed PostgreSQL install script of the newest release must be
# exactly what sql/gen_install.pl prints: the script is generated, never
# edited by hand. On a difference, regenerate it with `make install-script`.
# The scripts of earlier releases are frozen as released: each must have the
# SHA-256 recorded below, and an upgrade script must start from it.
use v5.36;
use warnings FATAL => 'all';
use Cwd qw(abs_path);
use FindBin qw($RealBin);
use File::Temp qw(tempfile);
use Digest::SHA qw(sha256_hex);
use Test::More;

# Released install scripts, frozen (sql/README.md).
my %FROZEN = (
    '1.0.0' => 'f9d45d158b4218ab380db2f42619332884671371631e7e0b7973b6dc7f59da8a',
);

my $root = abs_path("$RealBin/..");

sub slurp_raw ($path) {
    open(my $fh, '<:raw', $path) or die "$path: $!\n";
    local $/;
    my $data = <$fh>;
    close $fh;
    return $data // '';
}

my ($control_version) = slurp_raw("$root/pg_ext/tradeagg.control")
    =~ /^\s*default_version\s*=\s*'([^']+)'/m;
my $script = "sql/tradeagg--" . ($control_version // '?') . ".sql";

ok(defined $control_version && !exists $FROZEN{$control_version},
   "the newest release (" . ($control_version // '?') . ") is not a frozen one");
my @installs = sort map { m{/tradeagg--([^-]+)\.sql\z} ? $1 : () }
    glob("$root/sql/tradeagg--*.sql");
is_deeply(\@installs, [sort keys(%FROZEN), $control_version // '?'],
          'the install scripts are the frozen releases and the newest');
for my $v (sort keys %FROZEN) {
    my $path = "$root/sql/tradeagg--$v.sql";
    is(-e $path ? sha256_hex(slurp_raw($path)) : '(missing)', $FROZEN{$v},
       "sql/tradeagg--$v.sql is byte for byte the $v release");
    my @up = glob("$root/sql/tradeagg--$v--*.sql");
    ok(@up == 1, "one upgrade script from $v (" . scalar(@up) . ")");
}

open(my $gen, '-|:raw', $^X, "$root/sql/gen_install.pl")
    or die "cannot run sql/gen_install.pl: $!\n";
my $generated = do { local $/; <$gen> } // '';
my $ok = close $gen;
ok($ok && length $generated, 'perl sql/gen_install.pl runs and prints a script')
    or diag("sql/gen_install.pl exited with status " . ($? >> 8));

my $committed = -e "$root/$script" ? slurp_raw("$root/$script") : undef;
if (defined $committed && $committed eq $generated) {
    pass("$script is the generator's output byte for byte");
    done_testing();
    exit 0;
}
fail("$script is the generator's output byte for byte");
if (!defined $committed) {
    diag("$script does not exist: run `make install-script`");
    done_testing();
    exit 0;
}

# Where they part, and a unified diff when diff(1) is there.
my @c = split /^/, $committed;
my @g = split /^/, $generated;
my $i = 0;
$i++ while $i < @c && $i < @g && $c[$i] eq $g[$i];
diag("first difference at line " . ($i + 1) . ":");
diag("  committed: " . ($c[$i] // "(end of file)\n") =~ s/\n\z//r);
diag("  generated: " . ($g[$i] // "(end of file)\n") =~ s/\n\z//r);
my ($fh, $tmp) = tempfile(UNLINK => 1);
binmode $fh;
print $fh $generated;
close $fh;
my @diff = `diff -u "$root/$script" "$tmp" 2>/dev/null`;
if (@diff) {
    my $max = 60;
    diag($_ =~ s/\n\z//r) for @diff[0 .. ($#diff < $max ? $#diff : $max - 1)];
    diag("... (" . (@diff - $max) . " more diff lines)") if @diff > $max;
}
diag("the script is generated: edit sql/gen_install.pl (or src/ta_registry.c)"
     . " and run `make install-script`; do not edit $script by hand");
done_testing();
