#!/usr/bin/perl
# The hostile-input matrix: every row of tests/hostile/matrix.tsv runs in a
# fresh in-memory database of the real sqlite3 shell, with the extension
# loaded and tests/hostile/setup.sql applied, and must give exactly the
# documented answer or the documented error. A crash, a sanitizer or
# valgrind report, or any other output on stderr fails the row.
#
#   TA_SQLITE3     the sqlite3 command (default: sqlite3); may carry a
#                  wrapper, e.g. "valgrind -q --error-exitcode=99 sqlite3"
#   TA_SQLITE_EXT  the extension to .load (default: sqlite_ext/tradeagg)
#
# Format of matrix.tsv (tab-separated, '#' lines and blank lines ignored):
#   id <TAB> sql <TAB> expect [<TAB> todo reason]
# expect is the shell's output in list mode with NULL shown as NULL, rows
# joined by ' ; ', or 'error: <message>' (the exact message), or
# 'error^ <prefix>' (the message starts with it). A fourth column marks a
# row as TODO (a known bug, named there): it runs, but does not fail prove.
use strict;
use warnings;
use File::Temp qw(tempdir);
use FindBin qw($Bin);

my @sqlite3 = split ' ', ($ENV{TA_SQLITE3} // 'sqlite3');
my $ext = $ENV{TA_SQLITE_EXT} // 'sqlite_ext/tradeagg';
my $dir = tempdir(CLEANUP => 1);

open(my $sfh, '<:raw', "$Bin/setup.sql") or die "cannot read setup.sql: $!\n";
my $setup = do { local $/; <$sfh> };
close $sfh;

open(my $fh, '<:raw', "$Bin/matrix.tsv") or die "cannot read matrix.tsv: $!\n";
my (@rows, %seen);
while (my $l = <$fh>) {
    chomp $l;
    next if $l =~ /^\s*(#|$)/;
    my ($id, $sql, $expect, $todo) = split /\t/, $l, 4;
    die "matrix.tsv:$.: expected 'id<TAB>sql<TAB>expect[<TAB>todo]'\n"
        unless defined $expect && length $sql && length $expect;
    die "matrix.tsv:$.: duplicate id '$id'\n" if $seen{$id}++;
    push @rows, { id => $id, sql => $sql, expect => $expect, todo => $todo, line => $. };
}
close $fh;

# All rows go through one sqlite3 process (each row in a database of its
# own, opened with .open), which keeps the matrix fast under valgrind. When
# that process dies at a row, the row is judged on how it died and the rest
# run in a new process. TA_MATRIX_SEPARATE=1 runs one process per row.
my ($n, $extra) = (0, 0);
my @todo_rows = (0 .. $#rows);
if ($ENV{TA_MATRIX_SEPARATE}) {
    report($_, run_one($rows[$_])) for @todo_rows;
} else {
    while (@todo_rows) {
        my ($results, $done, $tail) = run_batch(@todo_rows);
        report($_, @{ $results->{$_} }) for grep { exists $results->{$_} } @todo_rows;
        if ($tail) {
            $extra++;
            print "not ok ", $n + $extra, " - sqlite3 $tail\n";
        }
        @todo_rows = grep { $_ > $done } @todo_rows;
    }
}
print "1..", $n + $extra, "\n";

sub report {
    my ($i, $ok, $got) = @_;
    my $r = $rows[$i];
    $n++;
    my $todo = defined $r->{todo} && length $r->{todo} ? " # TODO $r->{todo}" : '';
    print(($ok ? 'ok' : 'not ok'), " ", $n + $extra, " - $r->{id}$todo\n");
    unless ($ok) {
        my $diag = "  line $r->{line}: $r->{sql}\n  expected: $r->{expect}\n  got:      $got\n";
        $diag =~ s/^/# /mg;
        print $diag;
    }
}

# Runs rows (indexes, ascending) in one process. Returns the judged rows
# { index => [ok, got] }, the last row index reached, and a complaint about
# the process as a whole (an exit status no row explains), if any.
sub run_batch {
    my @idx = @_;
    my $script = "$dir/batch.sql";
    my $setup_lines = () = "$setup\n" =~ /\n/g;
    my (%at_line, $line);
    open(my $out, '>:raw', $script) or die "cannot write $script: $!\n";
    print $out ".mode list\n.nullvalue NULL\n";
    $line = 2;
    for my $i (@idx) {
        print $out ".open :memory:\n.load $ext\n$setup\nSELECT '\@\@row $i';\n$rows[$i]{sql}\n";
        $line += 3 + $setup_lines;
        $line++;
        $at_line{$line} = $i;
    }
    close $out;
    my ($stdout, $stderr, $status) = run_sqlite($script);
    my (%lines, $cur);
    for my $l (split /\n/, $stdout) {
        if ($l =~ /^\@\@row (\d+)$/) { $cur = $1; $lines{$cur} = []; next; }
        push @{ $lines{$cur} }, $l if defined $cur;
    }
    my (%err, @stray);
    for my $l (split /\n/, $stderr) {
        next if $l eq '' || $l =~ /^\s/;
        if ($l =~ /^(?:Runtime|Parse) error near line (\d+): (.*)$/ && exists $at_line{$1}) {
            $err{ $at_line{$1} } = $l;
        } else {
            push @stray, $l;
        }
    }
    my $last = $cur // $idx[0] - 1;
    my $died = ($status & 127) || ($status >> 8) > 1;
    my %res;
    for my $i (@idx) {
        last if $i > $last;
        next if $died && $i == $last; # judged below, on how the process died
        my $e = $err{$i} // '';
        $res{$i} = [ judge($rows[$i]{expect}, join("\n", @{ $lines{$i} // [] }) . "\n",
                           $e eq '' ? '' : "$e\n", $e eq '' ? 0 : 256) ];
    }
    if ($died) {
        if (defined $cur) {
            my $e = join("\n", ($err{$last} // ()), @stray);
            $res{$last} = [ judge($rows[$last]{expect}, join("\n", @{ $lines{$last} }) . "\n",
                                  $e, $status) ];
            # Died after its last row had finished: not that row's doing.
            return (\%res, $last, undef);
        }
        return (\%res, $idx[0], "died before the first row: status $status: $stderr");
    }
    return (\%res, $idx[-1], @stray ? "wrote to stderr: @stray" : undef);
}

sub run_one {
    my ($r) = @_;
    my $script = "$dir/one.sql";
    open(my $out, '>:raw', $script) or die "cannot write $script: $!\n";
    print $out ".load $ext\n.mode list\n.nullvalue NULL\n.bail on\n$setup\n$r->{sql}\n";
    close $out;
    return judge($r->{expect}, run_sqlite($script));
}

sub run_sqlite {
    my ($script) = @_;
    my $cmd = join(' ', map { quote($_) } @sqlite3, '-batch', ':memory:')
        . ' < ' . quote($script) . ' 2> ' . quote("$script.err");
    my $stdout = `$cmd`;
    my $status = $?;
    return ($stdout, slurp("$script.err"), $status);
}

sub judge {
    my ($expect, $stdout, $stderr, $status) = @_;
    my $sig = $status & 127;
    my $code = $status >> 8;
    return (0, "killed by signal $sig" . ($stderr ne '' ? ": $stderr" : '')) if $sig;
    # sqlite3 exits 0, or 1 after an SQL error; anything else is a crash or a
    # sanitizer (86) or valgrind (99) report.
    return (0, "exit $code, stderr: $stderr") if $code > 1;
    # A parse error is followed by the statement and a caret, indented.
    my @err = grep { length && !/^\s/ } split /\n/, $stderr;
    if ($expect =~ /^error([:^]) (.*)$/s) {
        my ($how, $want) = ($1, $2);
        return (0, "no error (exit $code): " . rows($stdout)) if $code == 0 || !@err;
        return (0, "stderr: $stderr") if @err != 1;
        my ($msg) = $err[0] =~ /^(?:(?:Runtime|Parse) error(?: near line \d+)?|Error(?: near line \d+)?):\s*(.*)$/
            or return (0, "stderr: $stderr");
        $msg =~ s/^stepping, //;
        my $ok = $how eq ':' ? $msg eq $want : substr($msg, 0, length $want) eq $want;
        return ($ok, "error: $msg");
    }
    return (0, "exit $code, stderr: $stderr") if $code != 0 || @err;
    my $got = rows($stdout);
    return ($got eq $expect, $got);
}

sub rows {
    my ($s) = @_;
    my @l = split /\n/, $s;
    return join(' ; ', @l);
}

sub slurp {
    my ($f) = @_;
    open(my $h, '<:raw', $f) or return '';
    local $/;
    my $s = <$h>;
    close $h;
    return $s // '';
}

sub quote {
    my ($s) = @_;
    return $s if $s =~ m{\A[\w./:=,+-]+\z};
    $s =~ s/'/'\\''/g;
    return "'$s'";
}
