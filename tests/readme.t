#!/usr/bin/perl
# Every example in README.md runs, and prints what the README says it prints.
#
# Each fenced block of the README is preceded by a marker line:
#
#   <!-- test: sqlite -->       run by `sqlite3 -bail :memory:` in the checkout
#   <!-- test: python -->       run by Debian's /usr/bin/python3, in an empty
#                               directory holding only a sqlite_ext/ link
#   <!-- test: psql -->         run by `psql -X -q -A -t` in a new database
#                               where tradeagg is created (psql-bare: not)
#   <!-- test: messages -->     each line is an error message that a shared
#                               case or the hostile matrix expects verbatim
#   <!-- untested: why -->      shell commands and code for other clients
#
# A tested block (messages aside) is followed by a ```text block: its exact
# output, stdout and stderr together (from psql's errors, the
# "psql:<stdin>:N: " prefix and the LINE, caret and HINT lines dropped). A block with no marker is an error, so a new example cannot
# slip in untested.
#
#   prove tests/readme.t                 SQLite, Python and message examples
#   TA_README_PG=1 prove tests/readme.t  the psql examples, against the
#                                        server libpq's environment names
#                                        (tests/pg/suite.sh does this)
use v5.32;
use warnings FATAL => 'all';
use feature qw(signatures);
no warnings qw(experimental::signatures);
use Cwd qw(abs_path);
use FindBin qw($RealBin);
use File::Temp qw(tempdir);
use Test::More;

my $root = abs_path("$RealBin/..");
my $pg_mode = ($ENV{TA_README_PG} // '') eq '1';

sub slurp ($path) {
    open(my $fh, '<:raw', $path) or die "$path: $!\n";
    local $/;
    return scalar(<$fh>) // '';
}

# The fenced blocks: {line, info, marker, body}.
my @blocks;
{
    my @lines = split /\n/, slurp("$root/README.md"), -1;
    my ($marker, $open);
    for my $i (0 .. $#lines) {
        my $l = $lines[$i];
        if ($open) {
            if ($l =~ /^```\s*$/) { push @blocks, $open; $open = undef; }
            else { $open->{body} .= "$l\n"; }
            next;
        }
        if ($l =~ /^```(\S*)\s*$/) {
            $open = { line => $i + 1, info => $1, marker => $marker, body => '' };
            $marker = undef;
            next;
        }
        if ($l =~ /^<!--\s*((?:test|untested):.*?)\s*-->\s*$/) { $marker = $1; next; }
        $marker = undef if $l =~ /\S/;
    }
    die "README.md: unterminated block at line $open->{line}\n" if $open;
}

# Pair each tested block with the ```text block after it.
my (@tests, @problems);
for (my $i = 0; $i < @blocks; $i++) {
    my $b = $blocks[$i];
    my $m = $b->{marker};
    if (!defined $m) {
        push @problems, "README.md:$b->{line}: a ```$b->{info} block with no <!-- test: ... --> or <!-- untested: ... --> marker";
        next;
    }
    next if $m =~ /^untested:/;
    my ($kind) = $m =~ /^test:\s*(\S+)\s*$/
        or do { push @problems, "README.md:$b->{line}: bad marker '$m'"; next };
    if ($kind eq 'messages') { push @tests, { %$b, kind => $kind }; next; }
    my $out = $blocks[$i + 1];
    if (!$out || $out->{info} ne 'text' || defined $out->{marker}) {
        push @problems, "README.md:$b->{line}: a tested block must be followed by a ```text block of its output";
        next;
    }
    $i++;
    push @tests, { %$b, kind => $kind, expect => $out->{body} };
}

is(join("\n", @problems), '', 'every README block is marked, every tested one has its output');

my %RUN = (
    sqlite   => \&run_sqlite,
    python   => \&run_python,
    psql     => sub ($b) { run_psql($b, 1) },
    'psql-bare' => sub ($b) { run_psql($b, 0) },
    messages => \&check_messages,
);

# The scalar examples of the reference table: `fn(literals)` → shown value,
# all its digits when it ends in "…", else the value to the shown decimals.
if (!$pg_mode) {
    my $n = 0;
    for my $line (split /\n/, slurp("$root/README.md")) {
        while ($line =~ /`(\w+\([-\d., ]+\))` → ([-\d.]+)(…)?/g) {
            my ($call, $shown, $cut) = ($1, $2, $3);
            my $got = run_capture($root, ".load sqlite_ext/tradeagg\nSELECT $call;\n",
                                  'sqlite3', '-bail', ':memory:');
            chomp $got;
            my $ok = $cut ? index($got, $shown) == 0
                : $got =~ /^-?[\d.]+(?:e[-+]?\d+)?\z/i
                  && sprintf('%.*f', length(($shown =~ /\.(\d+)/)[0] // ''), $got) eq $shown;
            ok($ok, "README.md table: $call → $shown" . ($cut // '')) or diag("sqlite3 says $got");
            $n++;
        }
    }
    ok($n >= 4, "the reference table's scalar examples were found ($n)");
}

for my $t (@tests) {
    my $run = $RUN{ $t->{kind} }
        or do { fail("README.md:$t->{line}: unknown kind $t->{kind}"); next };
    my $is_pg = $t->{kind} =~ /^psql/;
    next if $is_pg != $pg_mode;
    $run->($t);
}
done_testing();

sub first_line ($t) { ($t->{body} =~ /^(?:--.*\n|\.\S.*\n|\s*\n)*\s*(.*)/)[0] // '' }

sub shell_quote ($s) { "'" . ($s =~ s/'/'\\''/gr) . "'" }

sub run_capture ($dir, $stdin, @cmd) {
    my $tmp = tempdir(CLEANUP => 1);
    open(my $fh, '>', "$tmp/in") or die $!;
    print $fh $stdin;
    close $fh;
    my $cmd = join(' ', map { shell_quote($_) } @cmd);
    return scalar `cd @{[shell_quote($dir)]} && $cmd < $tmp/in 2>&1`;
}

sub run_sqlite ($t) {
    my $got = run_capture($root, $t->{body}, 'sqlite3', '-bail', ':memory:');
    is($got, $t->{expect}, "README.md:$t->{line} (sqlite3): " . first_line($t));
}

sub run_python ($t) {
    my $py = '/usr/bin/python3';
    SKIP: {
        skip "$py not installed", 1 unless -x $py;
        my $dir = tempdir(CLEANUP => 1);
        symlink("$root/sqlite_ext", "$dir/sqlite_ext") or die "symlink: $!\n";
        my $got = run_capture($dir, $t->{body}, $py, '-');
        is($got, $t->{expect}, "README.md:$t->{line} (python3): " . first_line($t));
    }
}

my $db_seq = 0;
sub run_psql ($t, $with_ext) {
    my $db = "tradeagg_readme_$$" . '_' . ++$db_seq;
    my $setup = run_capture($root, '', 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', 'postgres',
                            '-c', qq{CREATE DATABASE "$db"});
    $setup .= run_capture($root, '', 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $db,
                          '-c', 'CREATE EXTENSION tradeagg') if $with_ext;
    my $got = run_capture($root, $t->{body}, 'psql', '-X', '-q', '-A', '-t', '-d', $db);
    $got =~ s/^psql:<stdin>:\d+: //mg;
    # Where PostgreSQL points and what it hints vary between versions.
    $got =~ s/^(?:LINE \d+: .*|\s*\^|HINT:  .*)\n//mg;
    run_capture($root, '', 'psql', '-X', '-q', '-d', 'postgres', '-c', qq{DROP DATABASE IF EXISTS "$db"});
    is($setup . $got, $t->{expect}, "README.md:$t->{line} (psql): " . first_line($t));
}

sub check_messages ($t) {
    my $known = join('', map { slurp($_) } glob("$root/tests/cases/*.cases"),
                     "$root/tests/hostile/matrix.tsv");
    my @missing = grep { length && index($known, $_) < 0 } split /\n/, $t->{body};
    is("@missing", '', "README.md:$t->{line}: every message is one the tests expect");
}
