#!/usr/bin/perl
# The committed PostgreSQL install script must be exactly what
# sql/gen_install.pl prints: the script is generated, never edited by hand.
# On a difference, regenerate it with `make install-script`.
use v5.36;
use warnings FATAL => 'all';
use Cwd qw(abs_path);
use FindBin qw($RealBin);
use File::Temp qw(tempfile);
use Test::More tests => 2;

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

open(my $gen, '-|:raw', $^X, "$root/sql/gen_install.pl")
    or die "cannot run sql/gen_install.pl: $!\n";
my $generated = do { local $/; <$gen> } // '';
my $ok = close $gen;
ok($ok && length $generated, 'perl sql/gen_install.pl runs and prints a script')
    or diag("sql/gen_install.pl exited with status " . ($? >> 8));

my $committed = -e "$root/$script" ? slurp_raw("$root/$script") : undef;
if (defined $committed && $committed eq $generated) {
    pass("$script is the generator's output byte for byte");
    exit 0;
}
fail("$script is the generator's output byte for byte");
if (!defined $committed) {
    diag("$script does not exist: run `make install-script`");
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
