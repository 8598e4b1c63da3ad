package TaCases;

# Reads the shared test cases (tests/cases/*.cases, format in
# tests/cases/README.md) and turns them into SQL for SQLite, PostgreSQL or
# DuckDB.
#
#   my $set   = TaCases::load_dir('tests/cases');
#   my @cases = TaCases::cases_for($set, 'sqlite');
#   my $ddl   = TaCases::setup_sql($set, 'pg');
#   my $line  = TaCases::sqlite_check_sql($case);   # one line, prints id|ok
#   my $stmt  = TaCases::pg_test_sql($case);        # one pgTAP statement
#
# The parser is strict: an unknown key, a repeated key, a duplicate case id or
# table name, a malformed row or expect line stops everything with file:line.

# Perl 5.32 (Debian bullseye) and later: the PostgreSQL 13 chroot runs this.
use v5.32;
use warnings;
use feature qw(signatures);
no warnings qw(experimental::signatures);
use Carp qw(croak);
use File::Basename qw(basename);

our $VERSION = '1.0';

my %COLTYPE = (
    date => { sqlite => 'TEXT',    pg => 'date',    duckdb => 'DATE' },
    year => { sqlite => 'INTEGER', pg => 'integer', duckdb => 'INTEGER' },
    real => { sqlite => 'REAL',    pg => 'float8',  duckdb => 'DOUBLE' },
    int  => { sqlite => 'INTEGER', pg => 'integer', duckdb => 'INTEGER' },
    bool => { sqlite => 'INTEGER', pg => 'boolean', duckdb => 'BOOLEAN' },
    text => { sqlite => 'TEXT',    pg => 'text',    duckdb => 'VARCHAR' },
);

my %ENGINE = (sqlite => 1, pg => 1, duckdb => 1);

my %KEYS = (
    table => { table => 'one', columns => 'one', row => 'many', only => 'one' },
    case  => { case  => 'one', query   => 'one', expect => 'one', only => 'one' },
);
my %REQUIRED = (table => ['columns'], case => ['query', 'expect']);
my %CONTINUES = (query => 1, row => 1);

my $NUM   = qr/[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
my $IDENT = qr/[A-Za-z_][A-Za-z0-9_]*/;
my $STR   = qr/'(?:[^']|'')*'/;

# ---- parsing ----------------------------------------------------------------

sub load_dir ($dir = 'tests/cases') {
    opendir(my $dh, $dir) or croak "cannot read $dir: $!";
    my @files = sort map { "$dir/$_" } grep { /\.cases\z/ } readdir $dh;
    closedir $dh;
    croak "no *.cases files in $dir" unless @files;
    return load_files(@files);
}

sub load_files (@files) {
    my $set = { tables => [], cases => [], table_by_name => {}, case_by_id => {} };
    _parse_file($set, $_) for @files;
    return $set;
}

sub _die_at ($file, $line, $msg) {
    die "$file:$line: $msg\n";
}

sub _parse_file ($set, $file) {
    open(my $fh, '<:encoding(UTF-8)', $file) or croak "cannot open $file: $!";
    my @block;       # [ [key, value, line], ... ]
    my $start;
    my $flush = sub {
        _add_block($set, $file, $start, \@block) if @block;
        @block = ();
    };
    while (my $l = <$fh>) {
        chomp $l;
        $l =~ s/\r\z//;
        my $n = $.;
        if ($l =~ /\A\s*\z/) {
            $flush->();
            next;
        }
        next if $l =~ /\A#/;
        if ($l =~ /\A\s/) {
            _die_at($file, $n, 'continuation line outside a block') unless @block;
            my $prev = $block[-1];
            _die_at($file, $n, "key '$prev->[0]' cannot continue on the next line")
                unless $CONTINUES{ $prev->[0] };
            (my $more = $l) =~ s/\A\s+//;
            $more =~ s/\s+\z//;
            $prev->[1] .= ' ' . $more;
            next;
        }
        if ($l =~ /\A([a-z_]+):(?:\s+(.*?))?\s*\z/) {
            my ($key, $val) = ($1, $2 // '');
            $start = $n unless @block;
            push @block, [ $key, $val, $n ];
            next;
        }
        _die_at($file, $n, "cannot read line (expected 'key: value'): $l");
    }
    $flush->();
    close $fh;
}

sub _add_block ($set, $file, $start, $block) {
    my $kind = $block->[0][0];
    _die_at($file, $start, "a block starts with 'table:' or 'case:', not '$kind:'")
        unless $kind eq 'table' || $kind eq 'case';
    my $allowed = $KEYS{$kind};
    my %seen;
    my $item = { file => basename($file), path => $file, line => $start };
    for my $kv (@$block) {
        my ($key, $val, $n) = @$kv;
        _die_at($file, $n, "unknown key '$key' in a $kind block") unless $allowed->{$key};
        _die_at($file, $n, "'$key:' must be the first line of its block")
            if $key eq $kind && $n != $start;
        _die_at($file, $n, "'$key:' given twice in one $kind block")
            if $allowed->{$key} eq 'one' && $seen{$key}++;
        _die_at($file, $n, "empty value for '$key:'") if $val eq '';
        if ($allowed->{$key} eq 'many') {
            push @{ $item->{$key} }, [ $val, $n ];
        } else {
            $item->{$key} = $val;
            $item->{"${key}_line"} = $n;
        }
    }
    for my $req (@{ $REQUIRED{$kind} }) {
        _die_at($file, $start, "$kind block without '$req:'") unless exists $item->{$req};
    }
    if (exists $item->{only}) {
        # one engine, or several separated by spaces: "only: pg duckdb"
        my @engines = split ' ', $item->{only};
        for my $en (@engines) {
            _die_at($file, $item->{only_line},
                "only: names engines among 'sqlite', 'pg', 'duckdb', not '$en'") unless $ENGINE{$en};
        }
        $item->{only} = { map { $_ => 1 } @engines };
    }
    if ($kind eq 'table') { _add_table($set, $file, $item) }
    else                  { _add_case($set, $file, $item) }
}

sub _add_table ($set, $file, $t) {
    my $name = $t->{table};
    _die_at($file, $t->{line}, "bad table name '$name'") unless $name =~ /\A$IDENT\z/;
    if (my $old = $set->{table_by_name}{ lc $name }) {
        _die_at($file, $t->{line}, "table '$name' already defined at $old->{file}:$old->{line}");
    }
    my @cols;
    my %colseen;
    for my $c (split /,/, $t->{columns}, -1) {
        $c =~ s/\A\s+|\s+\z//g;
        _die_at($file, $t->{columns_line}, "bad column '$c' (expected 'name type')")
            unless $c =~ /\A($IDENT)\s+([a-z]+)\z/;
        my ($cn, $ct) = ($1, $2);
        _die_at($file, $t->{columns_line}, "unknown column type '$ct' (known: "
            . join(', ', sort keys %COLTYPE) . ')') unless $COLTYPE{$ct};
        _die_at($file, $t->{columns_line}, "column '$cn' given twice") if $colseen{ lc $cn }++;
        push @cols, [ $cn, $ct ];
    }
    my @rows;
    my $sqlite_only = $t->{only} && !grep { $_ ne 'sqlite' } keys %{ $t->{only} };
    for my $r (@{ $t->{row} // [] }) {
        my ($text, $n) = @$r;
        my $vals = _split_row($text);
        _die_at($file, $n, "malformed row: $text") unless $vals;
        _die_at($file, $n, sprintf('row has %d values, table has %d columns', scalar @$vals, scalar @cols))
            unless @$vals == @cols;
        for my $v (@$vals) {
            next if $v =~ /\A(?:$STR|$NUM|NULL|true|false)\z/i;
            next if $v =~ /\A[xX]'(?:[0-9A-Fa-f]{2})*'\z/ && $sqlite_only;
            _die_at($file, $n, "not a portable SQL literal: $v");
        }
        push @rows, $vals;
    }
    my $table = {
        name => $name, columns => \@cols, rows => \@rows, only => $t->{only},
        file => $t->{file}, line => $t->{line},
    };
    $set->{table_by_name}{ lc $name } = $table;
    push @{ $set->{tables} }, $table;
}

# Splits "a, 'b,c', NULL" into literals; undef when quotes do not balance.
sub _split_row ($text) {
    my @out;
    my $rest = $text;
    while (1) {
        $rest =~ s/\A\s+//;
        return undef unless $rest =~ s/\A((?:$STR|[^,'])+)//;
        (my $v = $1) =~ s/\s+\z//;
        push @out, $v;
        $rest =~ s/\A\s+//;
        last if $rest eq '';
        return undef unless $rest =~ s/\A,//;
    }
    return \@out;
}

sub _add_case ($set, $file, $c) {
    my $id = $c->{case};
    _die_at($file, $c->{line}, "bad case id '$id' (letters, digits, '.', '_', '-')")
        unless $id =~ /\A[A-Za-z0-9][A-Za-z0-9_.\-]*\z/;
    if (my $old = $set->{case_by_id}{$id}) {
        _die_at($file, $c->{line}, "duplicate case id '$id' (first at $old->{file}:$old->{line})");
    }
    my $q = $c->{query};
    _die_at($file, $c->{query_line}, 'query must be a single SELECT')
        unless $q =~ /\ASELECT\b/i;
    _die_at($file, $c->{query_line}, 'query must not end with ;') if $q =~ /;\s*\z/;
    my $expect = parse_expect($c->{expect});
    _die_at($file, $c->{expect_line}, "malformed expect: $c->{expect}") unless $expect;
    my $case = {
        id => $id, query => $q, expect => $expect, only => $c->{only},
        file => $c->{file}, line => $c->{line},
    };
    $set->{case_by_id}{$id} = $case;
    push @{ $set->{cases} }, $case;
}

# Returns { kind => number|approx|null|text|error, ... } or undef.
sub parse_expect ($e) {
    return { kind => 'null' } if $e eq 'NULL';
    return { kind => 'number', value => $e } if $e =~ /\A$NUM\z/;
    if ($e =~ /\A~\s+($NUM)\s+($NUM)\z/) {
        my ($x, $tol) = ($1, $2);
        return undef unless $tol > 0;
        return { kind => 'approx', value => $x, tol => $tol };
    }
    if ($e =~ /\A'((?:[^']|'')*)'\z/) {
        (my $t = $1) =~ s/''/'/g;
        return { kind => 'text', value => $t };
    }
    if ($e =~ /\Aerror\s+([0-9A-Z]{5})\s+(\S.*)\z/) {
        return { kind => 'error', sqlstate => $1, message => $2 };
    }
    return undef;
}

# ---- selection ----------------------------------------------------------------

sub _check_engine ($engine) {
    croak "unknown engine '$engine' (sqlite, pg or duckdb)" unless $ENGINE{$engine};
}

sub tables_for ($set, $engine) {
    _check_engine($engine);
    return grep { !defined $_->{only} || $_->{only}{$engine} } @{ $set->{tables} };
}

sub cases_for ($set, $engine) {
    _check_engine($engine);
    return grep { !defined $_->{only} || $_->{only}{$engine} } @{ $set->{cases} };
}

# ---- SQL ----------------------------------------------------------------------

sub sql_quote ($s) {
    (my $q = $s) =~ s/'/''/g;
    return "'$q'";
}

# CREATE TABLE and INSERT statements for every table of the engine.
sub setup_sql ($set, $engine) {
    _check_engine($engine);
    my $out = '';
    for my $t (tables_for($set, $engine)) {
        my $create = $engine eq 'pg' ? 'CREATE TEMP TABLE' : 'CREATE TABLE';  # sqlite, duckdb
        my $cols = join ', ', map { "$_->[0] $COLTYPE{ $_->[1] }{$engine}" } @{ $t->{columns} };
        $out .= "$create $t->{name} ($cols);\n";
        next unless @{ $t->{rows} };
        my $names = join ', ', map { $_->[0] } @{ $t->{columns} };
        $out .= "INSERT INTO $t->{name} ($names) VALUES\n"
            . join(",\n", map { '  (' . join(', ', @$_) . ')' } @{ $t->{rows} }) . ";\n";
    }
    return $out;
}

# The case's query, as run by either engine (one line).
sub case_sql ($case, $engine = undef) {
    _check_engine($engine) if defined $engine;
    return $case->{query};
}

# SQLite: one statement on one line that prints exactly "id|ok" when the case
# passes and "id|got <value>" when it does not. Not for error cases.
sub sqlite_check_sql ($case) {
    my $e = $case->{expect};
    croak "sqlite_check_sql: $case->{id} expects an error" if $e->{kind} eq 'error';
    my $isnum = q{typeof(v) IN ('integer', 'real')};
    my $check =
          $e->{kind} eq 'null'   ? 'v IS NULL'
        : $e->{kind} eq 'number' ? "$isnum AND v = $e->{value}"
        : $e->{kind} eq 'approx' ? "$isnum AND abs(v - ($e->{value})) <= $e->{tol}"
        : $e->{kind} eq 'text'   ? "typeof(v) = 'text' AND v = " . sql_quote($e->{value})
        : croak "unknown expect kind $e->{kind}";
    my $got = q{CASE typeof(v) WHEN 'real' THEN printf('%!.17g', v) ELSE quote(v) END};
    my $id  = sql_quote("$case->{id}|");
    return "WITH r(v) AS ($case->{query}) SELECT $id || CASE WHEN $check THEN 'ok' "
        . "ELSE 'got ' || $got END FROM r;";
}

sub _dollar_quote ($s) {
    my $tag = 'q';
    my $i = 0;
    $tag = 'q' . ++$i while index($s, "\$$tag\$") >= 0;
    return "\$$tag\$$s\$$tag\$";
}

sub _looks_like_date ($s) { return $s =~ /\A\d{4}-\d{2}-\d{2}\z/ }

# PostgreSQL: one pgTAP statement (ending in ;) for the case.
sub pg_test_sql ($case) {
    my $e  = $case->{expect};
    my $q  = $case->{query};
    my $id = sql_quote($case->{id});
    if ($e->{kind} eq 'error') {
        return 'SELECT throws_ok(' . _dollar_quote($q) . ", '$e->{sqlstate}', "
            . sql_quote($e->{message}) . ", $id);";
    }
    if ($e->{kind} eq 'null') {
        return "SELECT is(($q)::text, NULL::text, $id);";
    }
    if ($e->{kind} eq 'number') {
        return "SELECT is(($q)::float8, '$e->{value}'::float8, $id);";
    }
    if ($e->{kind} eq 'text') {
        my $want = sql_quote($e->{value});
        return _looks_like_date($e->{value})
            ? "SELECT is(($q)::date, ${want}::date, $id);"
            : "SELECT is(($q)::text, ${want}::text, $id);";
    }
    if ($e->{kind} eq 'approx') {
        my $within = "abs(r.v - '$e->{value}'::float8) <= '$e->{tol}'::float8";
        my $want   = sql_quote("$e->{value} +/- $e->{tol}");
        return "SELECT ok(coalesce($within, false), $id) || CASE WHEN $within THEN '' "
            . "ELSE E'\\n' || diag('    have: ' || coalesce(r.v::text, 'NULL') || E'\\n    want: ' || $want) END "
            . "FROM (SELECT ($q)::float8 AS v) AS r;";
    }
    croak "unknown expect kind $e->{kind}";
}

# A whole pgTAP script for the cases of the set that run in PostgreSQL.
sub pg_script ($set) {
    my @cases = cases_for($set, 'pg');
    my $out = "-- Generated by tests/pg/gen_cases.pl from tests/cases/*.cases; do not edit.\n"
        . "BEGIN;\n"
        . 'SELECT plan(' . scalar(@cases) . ");\n\n"
        . setup_sql($set, 'pg') . "\n";
    for my $c (@cases) {
        $out .= "-- $c->{file}:$c->{line}\n" . pg_test_sql($c) . "\n";
    }
    $out .= "\nSELECT * FROM finish();\nROLLBACK;\n";
    return $out;
}

1;
