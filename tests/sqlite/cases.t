#!/usr/bin/perl
# The shared cases (tests/cases/*.cases) against the SQLite extension, run
# through the real sqlite3 shell. Every case that expects a value runs in one
# sqlite3 process and prints one line, "id|ok" or "id|got <value>"; every case
# that expects an error runs in a process of its own and its message is
# compared with the shell's error line. One TAP test per case.
use v5.36;
use FindBin qw($RealBin);
use lib "$RealBin/../lib";
use File::Spec;
use File::Temp qw(tempdir);
use Test::More;
use TaCases;

my $root = File::Spec->rel2abs("$RealBin/../..");
chdir $root or die "cannot chdir to $root: $!";

my $SQLITE = $ENV{SQLITE3} // 'sqlite3';
my $EXT    = $ENV{TA_SQLITE_EXT} // './sqlite_ext/tradeagg';

plan skip_all => "$EXT.so is not built (run make)" unless -f "$EXT.so";
plan skip_all => "no $SQLITE shell" unless system("$SQLITE -version >/dev/null 2>&1") == 0;

my $set   = TaCases::load_dir('tests/cases');
my @cases = TaCases::cases_for($set, 'sqlite');
my $setup = TaCases::setup_sql($set, 'sqlite');
my $tmp   = tempdir(CLEANUP => 1);

# Runs sqlite3 on $sql; returns (stdout, stderr, exit status).
sub run_sqlite ($sql) {
    my ($in, $out, $err) = map { "$tmp/$_" } qw(in out err);
    open(my $fh, '>:encoding(UTF-8)', $in) or die "$in: $!";
    print $fh $sql;
    close $fh or die "$in: $!";
    my $rc = system("$SQLITE -batch :memory: <'$in' >'$out' 2>'$err'");
    return (slurp($out), slurp($err), $rc >> 8);
}

sub slurp ($path) {
    open(my $fh, '<:encoding(UTF-8)', $path) or die "$path: $!";
    local $/;
    my $s = <$fh>;
    return $s // '';
}

# "Runtime error near line 7: msg" -> { 7 => "msg" }; a line number of 0 when
# the shell gives none.
sub error_lines ($stderr) {
    my %msg;
    for my $l (split /\n/, $stderr) {
        next unless $l =~ /\A(?:Runtime error|Parse error|Error)(?: near line (\d+))?: (.*)\z/;
        $msg{ $1 // 0 } //= $2;
    }
    return \%msg;
}

my $head = ".load $EXT\n$setup";
my $head_lines = () = $head =~ /\n/g;

# ---- the setup alone must run cleanly ------------------------------------------
{
    my ($out, $err, $rc) = run_sqlite($head);
    ok($rc == 0 && $err eq '', 'setup: extension loads, tables are created')
        or diag("exit $rc\n$err");
}

# ---- value cases, one process -----------------------------------------------
my @values = grep { $_->{expect}{kind} ne 'error' } @cases;
my @errors = grep { $_->{expect}{kind} eq 'error' } @cases;

my %by_line;    # line number of the case's statement -> case
my $sql = $head;
my $line = $head_lines;
for my $c (@values) {
    $line++;
    $by_line{$line} = $c;
    $sql .= TaCases::sqlite_check_sql($c) . "\n";
}
my ($out, $err) = run_sqlite($sql);
my %got;
for my $l (split /\n/, $out) {
    my ($id, $res) = split /\|/, $l, 2;
    push @{ $got{$id} }, $res // '';
}
my %err_by_case;
my $errs = error_lines($err);
for my $n (keys %$errs) {
    my $c = $by_line{$n} or next;
    $err_by_case{ $c->{id} } = $errs->{$n};
}

for my $c (@values) {
    my $res = $got{ $c->{id} } // [];
    my $ok = @$res == 1 && $res->[0] eq 'ok';
    ok($ok, $c->{id}) or diag(
        "  at tests/cases/$c->{file}:$c->{line}\n"
        . "  query:  $c->{query}\n"
        . "  expect: " . expect_text($c) . "\n"
        . (@$res == 0 ? "  got:    nothing"
            . (defined $err_by_case{ $c->{id} } ? " (error: $err_by_case{ $c->{id} })" : '')
          : @$res > 1 ? '  got:    ' . scalar(@$res) . ' rows'
          :             "  $res->[0]"));
}

# ---- error cases, one process each -----------------------------------------------
for my $c (@errors) {
    my $want = $c->{expect}{message};
    my ($o, $e, $rc) = run_sqlite("$head$c->{query};\n");
    my $msgs = error_lines($e);
    my $got = $msgs->{ $head_lines + 1 };
    # The shell appends " (N)" when the result code is not plain SQLITE_ERROR.
    (my $bare = $got // '') =~ s/ \(\d+\)\z//;
    my $ok = defined $got && ($got eq $want || $bare eq $want);
    ok($ok, $c->{id}) or diag(
        "  at tests/cases/$c->{file}:$c->{line}\n"
        . "  query:  $c->{query}\n"
        . "  expect: $want\n"
        . (defined $got ? "  got:    $got" : "  got:    no error" . ($o ne '' ? ", output: $o" : '') . ($e ne '' ? "\n  stderr: $e" : '')));
}

sub expect_text ($c) {
    my $e = $c->{expect};
    return $e->{kind} eq 'null'   ? 'NULL'
         : $e->{kind} eq 'approx' ? "$e->{value} +/- $e->{tol}"
         : $e->{kind} eq 'text'   ? TaCases::sql_quote($e->{value})
         :                          $e->{value};
}

done_testing();
