#!/usr/bin/perl
# sql/gen_install.pl — writes the PostgreSQL install script to stdout:
#
#   perl sql/gen_install.pl > sql/tradeagg--<version>.sql   (or: make install-script)
#
# It writes the install script of the newest release only (default_version
# in pg_ext/tradeagg.control). Released scripts (sql/tradeagg--1.0.0.sql)
# are frozen and the upgrade scripts are written by hand: see sql/README.md.
#
# The script is generated so that every fact is written once:
#
#   src/ta_registry.c       each aggregate's and scalar function's name, the
#                           role of each argument (period, value, target,
#                           fy_start_month, flag, months, base_period,
#                           is_export, competitor), argument names, how many
#                           arguments are optional, the result kind, and
#                           whether the state keeps per-period sums
#   pg_ext/tradeagg.control the version
#   this file               what only SQL needs: the SQL type of each role,
#                           the comments, the shared support functions
#
# From those, every aggregate gets a date and an integer overload when it
# takes a period (a base_period has the period's type), a text and a bigint
# overload when it takes a competitor, one more overload per optional
# trailing argument (fy_start_month), per overload a transition function
# over the state type tradeagg_state and a transition and an inverse
# transition function over `internal` for moving window frames (one C entry
# point per aggregate and state type serves them all), the final functions
# of its result type, and the shared combine function. The functions over
# tradeagg_state are executable by PUBLIC (Citus checks EXECUTE as the
# calling user); every other function that takes or makes `internal` has
# EXECUTE revoked.
#
# The committed sql/tradeagg--<version>.sql must be this program's output byte
# for byte (tests/install_script.t checks it): edit this file or the
# registry, never the generated script.
use v5.36;
use utf8;
use warnings FATAL => 'all';
use FindBin qw($RealBin);

my $ROOT = "$RealBin/..";

# ---------------------------------------------------------------------------
# What only SQL needs
# ---------------------------------------------------------------------------

# The SQL type of each argument role. A period is `date` or `integer`: every
# aggregate that takes one has both overloads, in this order.
my @PERIOD_TYPES = ('date', 'integer');
# A competitor is `text` or `bigint`: two overloads, in this order.
my @COMPETITOR_TYPES = ('text', 'bigint');
my %ROLE_TYPE = (
    TA_ROLE_VALUE  => 'double precision',
    TA_ROLE_TARGET => 'double precision',
    TA_ROLE_FY     => 'integer',
    TA_ROLE_FLAG   => 'boolean',
    TA_ROLE_MONTHS => 'integer',
    TA_ROLE_EXPORT => 'boolean',
);

# The final function for each result kind of the registry; a period result
# has the type of the period argument. Each has an overload over
# tradeagg_state (FINALFUNC) and one over internal (MFINALFUNC).
my %FINAL = (
    TA_R_REAL   => sub ($ptype) { 'tradeagg_final_float8' },
    TA_R_PERIOD => sub ($ptype) {
        die "a period result needs a period argument\n" unless defined $ptype;
        $ptype eq 'date' ? 'tradeagg_final_date' : 'tradeagg_final_int4';
    },
    TA_R_INT    => sub ($ptype) { 'tradeagg_final_int4' },
);

# Estimated state size (SSPACE, MSSPACE): states that keep per-period sums
# grow with the number of periods.
sub state_space ($periodic) { $periodic ? 1024 : 128 }

# One comment per aggregate (keyed by its C entry stem, see c_stem); all of
# its overloads share it.
my %AGG_COMMENT = (
    cumulative_trade  => 'compensated (Neumaier) sum of value; over ORDER BY period the running total, over a sliding frame a rolling total kept with an inverse step',
    ytd_trade         => 'sum of value over the (fiscal) year of the latest period; over ORDER BY period the running year-to-date that restarts each year',
    ttm_trade         => 'trailing twelve months: sum of value over periods after (latest - 1 year) up to the latest',
    yoy_growth        => 'growth_rate(total at the latest period, total at the period one year earlier); NULL if that period has no rows',
    ytd_yoy_growth    => 'growth_rate(year-to-date through the latest period, the previous (fiscal) year through the same point)',
    target_attainment => 'compensated sum of value / target; target must be the same in every row, > 0 and finite',
    target_reached_at => 'the earliest period at which the running sum reaches target; NULL if it never does',
    projected_trade   => "run-rate projection of the full (fiscal) year: year-to-date * 12 / months elapsed; annual periods: the latest year's total",
    period_from_ytd   => 'the flow of the latest period recovered from year-to-date figures: YTD(latest) - YTD(previous period of the same year)',
    share_of          => 'sum of value where is_part is true / sum of all values; NULL if the total is 0; is_part NULL counts as false',
    hhi               => 'Herfindahl-Hirschman concentration sum((v / sum(v))^2), one row per competitor; error on a negative value; NULL if the sum is 0',
    period_growth     => 'growth_rate(total at the latest period, total at the period months calendar months earlier, day clamped to the month end); NULL if that period has no rows; months 1-1200, a multiple of 12 on annual periods',
    trailing_trade    => 'calendar trailing sum: periods after (latest - months calendar months) up to the latest; 12 is ttm_trade',
    prior_year_trade  => 'total at the period one year before the latest (the base of yoy_growth); NULL if it has no rows',
    prior_ytd_trade   => 'the previous (fiscal) year through the same point one year earlier (the base of ytd_yoy_growth); NULL if it has no rows',
    ytd_contribution  => "contribution of the part (is_part true) to the total's YTD growth: (part YTD - part prior YTD) / prior YTD of all rows; NULL if the prior YTD has no rows or sums to 0",
    trade_balance     => 'sum of value where is_export is true - sum where it is false, exact; rows with a NULL is_export are skipped',
    coverage_ratio    => 'sum of exports / sum of imports; NULL if there is no import row or imports sum to 0; rows with a NULL is_export are skipped',
    index_number      => '100 * (total at the latest period / total at base_period); NULL if the base period has no rows or sums to 0',
    ytd_period_count  => 'how many distinct periods have rows in the (fiscal) year-to-date of the latest period',
    hhi_competitor    => "Herfindahl-Hirschman concentration over competitors, each competitor's rows summed first; error if a competitor's total is negative; NULL if the sum is 0",
);

# The scalar functions of the registry: all arguments and the result are
# double precision; the C entry point is tradeagg_<name>.
my %SCALAR_COMMENT = (
    growth_rate      => '(current - previous) / |previous|; NULL if previous = 0',
    attainment_ratio => 'actual / target; error if target <= 0',
    share_ratio      => 'part / total; NULL if total = 0',
    cagr             => 'compound annual growth rate (last / first)^(1/years) - 1; NULL if first <= 0 or last < 0; error if years <= 0',
);

my $VERSION_COMMENT = 'the version of the tradeagg library, e.g. 1.0.0';

# The aggregates' state type: its text form is the core's serialized state
# in hex after \x; input and receive validate it in full.
my $STATE = 'tradeagg_state';
my $STATE_COMMENT = "the state of a tradeagg aggregate (internal use, e.g. Citus's partial aggregates); "
    . 'text form: the versioned serialized state in hex after \\x, validated on input (SQLSTATE 22P03 if invalid)';
my @STATE_IO = (
    ["${STATE}_in", ['cstring'], $STATE, 'text input, validated'],
    ["${STATE}_out", [$STATE], 'cstring', 'text output'],
    ["${STATE}_recv", ['internal'], $STATE, 'binary input, validated'],
    ["${STATE}_send", [$STATE], 'bytea', 'binary output'],
);

# The support functions shared by every aggregate:
# [name, C symbol, argument types, result type, strict, comment].
my $SUPPORT = 'tradeagg aggregate support: ';
my @SUPPORT_FUNCS = (
    (map {
        my ($suffix, $type, $what) = @$_;
        (["tradeagg_final_$suffix", "tradeagg_state_final_$suffix", [$STATE], $type, 1,
          "read-only final function with $what result; validates a state it did not make"],
         ["tradeagg_final_$suffix", "tradeagg_final_$suffix", ['internal'], $type, 1,
          "read-only final function of moving window frames with $what result"]);
    } ['float8', 'double precision', 'a double precision'],
      ['date', 'date', 'a date'],
      ['int4', 'integer', 'an integer (a year or a count)']),
    ['tradeagg_combine', 'tradeagg_state_combine', [$STATE, $STATE], $STATE, 0,
     'merges two partial states (parallel, partitionwise and distributed aggregation); either may be NULL; validates a state it did not make; states with different target or fy_start_month are an error'],
);

# ---------------------------------------------------------------------------
# The registry (src/ta_registry.c) and the version
# ---------------------------------------------------------------------------

sub slurp ($path) {
    open(my $fh, '<:encoding(UTF-8)', $path) or die "$path: $!\n";
    local $/;
    my $text = <$fh>;
    close $fh;
    return $text;
}

sub c_list ($text) {
    return [grep { length } map { s/^\s+|\s+$//gr } split /,/, $text];
}

sub c_strings ($text, $where) {
    my @s;
    for my $item (c_list($text)->@*) {
        $item =~ /^"(\w+)"$/ or die "$where: expected a string, got '$item'\n";
        push @s, $1;
    }
    return \@s;
}

sub read_registry ($path) {
    my $src = slurp($path);
    $src =~ s{/\*.*?\*/}{ }gs;
    $src =~ s{//[^\n]*}{}g;

    my %macro;
    $macro{$1} = $2 while $src =~ /^\s*#\s*define\s+(\w+)\s+(\w+)\s*$/mg;

    my ($aggs_body) = $src =~ /\bta_aggs\s*\[[^\]]*\]\s*=\s*\{(.*?)\n\s*\}\s*;/s
        or die "$path: no ta_aggs table\n";
    my @aggs;
    while ($aggs_body =~ /\[\s*(TA_AGG_\w+)\s*\]\s*=\s*\{\s*
                          "(\w+)"\s*,\s*\w+\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*
                          \{([^{}]*)\}\s*,\s*\{([^{}]*)\}\s*,\s*
                          (TA_R_\w+)\s*,\s*(true|false)\s*\}/gsx) {
        my ($kind, $name, $min, $max, $roles, $argnames, $result, $periodic)
            = ($1, $2, $3, $4, $5, $6, $7, $8);
        my @roles = map { $macro{$_} // $_ } c_list($roles)->@*;
        my $names = c_strings($argnames, "$path: $kind");
        die "$path: $kind: $max arguments but " . @roles . " roles and "
            . @$names . " names\n" unless @roles == $max && @$names == $max;
        push @aggs, {
            kind => $kind, name => $name, min_args => $min, max_args => $max,
            roles => \@roles, argnames => $names, result => $result,
            periodic => $periodic eq 'true',
        };
    }
    my $entries = () = $aggs_body =~ /\[\s*TA_AGG_\w+\s*\]\s*=/g;
    die "$path: could not read every ta_aggs entry ($entries entries, "
        . @aggs . " read)\n" unless @aggs && @aggs == $entries;

    my ($scalars_body) = $src =~ /\bta_scalars\s*\[[^\]]*\]\s*=\s*\{(.*?)\n\s*\}\s*;/s
        or die "$path: no ta_scalars table\n";
    my @scalars;
    while ($scalars_body =~ /\[\s*(TA_FN_\w+)\s*\]\s*=\s*\{\s*
                             "(\w+)"\s*,\s*\w+\s*,\s*(\d+)\s*,\s*
                             \{([^{}]*)\}\s*\}/gsx) {
        my ($kind, $name, $nargs, $argnames) = ($1, $2, $3, $4);
        my $names = c_strings($argnames, "$path: $kind");
        die "$path: $kind: $nargs arguments but " . @$names . " names\n"
            unless @$names == $nargs;
        push @scalars, {kind => $kind, name => $name, argnames => $names};
    }
    $entries = () = $scalars_body =~ /\[\s*TA_FN_\w+\s*\]\s*=/g;
    die "$path: could not read every ta_scalars entry ($entries entries, "
        . @scalars . " read)\n" unless @scalars && @scalars == $entries;

    return (\@aggs, \@scalars);
}

sub read_version ($path) {
    my ($v) = slurp($path) =~ /^\s*default_version\s*=\s*'([^']+)'/m
        or die "$path: no default_version\n";
    return $v;
}

# Every name must have a comment and every comment a name.
sub check_comments ($what, $comments, @names) {
    my %seen;
    for my $n (@names) {
        die "$what $n has no comment in $0\n" unless exists $comments->{$n};
        $seen{$n} = 1;
    }
    for my $n (sort keys %$comments) {
        die "$0 comments $what $n, which the registry does not have\n"
            unless $seen{$n};
    }
}

# ---------------------------------------------------------------------------
# SQL
# ---------------------------------------------------------------------------

sub quote ($s) { "'" . ($s =~ s/'/''/gr) . "'" }

my @revoke;    # "name(types)" of every function that takes or makes internal

sub function_sql (%f) {
    my $sig = "$f{name}(" . join(', ', $f{args}->@*) . ")";
    push @revoke, $sig
        if !$f{public} && grep { $_ eq 'internal' } $f{args}->@*, $f{returns};
    my $head = "CREATE FUNCTION "
        . ($f{argnames}
           ? "$f{name}(" . join(', ', map { "$f{argnames}[$_] $f{args}[$_]" }
                                          0 .. $#{ $f{args} }) . ")\n   "
           : $sig)
        . " RETURNS $f{returns}\n";
    return $head
        . "    AS 'MODULE_PATHNAME', '$f{symbol}'\n"
        . "    LANGUAGE C IMMUTABLE" . ($f{strict} ? ' STRICT' : '') . " PARALLEL SAFE;\n"
        . "COMMENT ON FUNCTION $sig IS\n"
        . "    " . quote($f{comment}) . ";\n";
}

# The overloads of an aggregate: [period type or undef, [[argname, type], ...]].
sub overloads ($agg) {
    my @roles = $agg->{roles}->@*;
    for my $i ($agg->{min_args} .. $#roles) {
        die "$agg->{name}: only fy_start_month may be optional\n"
            unless $roles[$i] eq 'TA_ROLE_FY';
    }
    my $has_period = grep { $_ eq 'TA_ROLE_PERIOD' } @roles;
    my $has_competitor = grep { $_ eq 'TA_ROLE_COMPETITOR' } @roles;
    my @out;
    for my $ptype ($has_period ? @PERIOD_TYPES : (undef)) {
        for my $ctype ($has_competitor ? @COMPETITOR_TYPES : (undef)) {
            for my $n ($agg->{min_args} .. $agg->{max_args}) {
                my @args = map {
                    my $role = $roles[$_];
                    my $type = $role eq 'TA_ROLE_PERIOD' || $role eq 'TA_ROLE_BASE' ? $ptype
                        : $role eq 'TA_ROLE_COMPETITOR' ? $ctype
                        : $ROLE_TYPE{$role} // die "$agg->{name}: no SQL type for $role\n";
                    [$agg->{argnames}[$_], $type];
                } 0 .. $n - 1;
                push @out, [$ptype, \@args];
            }
        }
    }
    return @out;
}

# The C entry points of an aggregate are tradeagg_<stem>_sfunc/_minvfunc:
# the SQL name, or for a later registry entry with an SQL name already taken
# (hhi(competitor, value) after hhi(value)), the name and its first argument.
my %STEM_TAKEN;
sub c_stem ($agg) {
    my $stem = $STEM_TAKEN{ $agg->{name} } ? "$agg->{name}_$agg->{argnames}[0]" : $agg->{name};
    $STEM_TAKEN{ $agg->{name} } = 1;
    return $stem;
}

sub aggregate_sql ($agg) {
    my $name = $agg->{name};
    my $stem = $agg->{stem};
    my $sfunc = "tradeagg_${stem}_sfunc";
    my $minvfunc = "tradeagg_${stem}_minvfunc";
    my $space = state_space($agg->{periodic});
    my $sql = "-- $name\n";
    for my $ov (overloads($agg)) {
        my ($ptype, $args) = @$ov;
        my @types = map { $_->[1] } @$args;
        my $types = join(', ', @types);
        my $final = $FINAL{ $agg->{result} }
            // die "$name: unknown result kind $agg->{result}\n";
        $final = $final->($ptype);
        $sql .= function_sql(
            name => $sfunc, symbol => "tradeagg_${stem}_state_sfunc",
            args => [$STATE, @types], returns => $STATE, strict => 0,
            comment => "${SUPPORT}transition function of $name($types); validates a state it did not make");
        for my $f ([$sfunc, 'transition function of moving window frames'],
                   [$minvfunc, 'inverse transition function']) {
            $sql .= function_sql(
                name => $f->[0], symbol => $f->[0], args => ['internal', @types],
                returns => 'internal', strict => 0,
                comment => "$SUPPORT$f->[1] of $name($types)");
        }
        $sql .= "CREATE AGGREGATE $name("
            . join(', ', map { "$_->[0] $_->[1]" } @$args) . ") (\n"
            . join('', map { "    $_,\n" }
                   "SFUNC = $sfunc",
                   "STYPE = $STATE",
                   "SSPACE = $space",
                   "FINALFUNC = $final",
                   "FINALFUNC_MODIFY = READ_ONLY",
                   "COMBINEFUNC = tradeagg_combine",
                   "MSFUNC = $sfunc",
                   "MINVFUNC = $minvfunc",
                   "MSTYPE = internal",
                   "MSSPACE = $space",
                   "MFINALFUNC = $final",
                   "MFINALFUNC_MODIFY = READ_ONLY")
            . "    PARALLEL = SAFE\n"
            . ");\n"
            . "COMMENT ON AGGREGATE $name($types) IS\n"
            . "    " . quote($AGG_COMMENT{$stem}) . ";\n\n";
    }
    return $sql;
}

sub section ($text) {
    my $rule = '-- ' . ('-' x 75) . "\n";
    return $rule . join('', map { length ? "-- $_\n" : "--\n" } split /\n/, $text)
        . $rule;
}

# ---------------------------------------------------------------------------
# The script
# ---------------------------------------------------------------------------

my ($aggs, $scalars) = read_registry("$ROOT/src/ta_registry.c");
my $version = read_version("$ROOT/pg_ext/tradeagg.control");
$_->{stem} = c_stem($_) for @$aggs;
check_comments('aggregate', \%AGG_COMMENT, map { $_->{stem} } @$aggs);
check_comments('scalar function', \%SCALAR_COMMENT, map { $_->{name} } @$scalars);

my $out = <<"END";
-- Generated by sql/gen_install.pl from src/ta_registry.c: do not edit by hand
-- (edit the generator or the registry, then run `make install-script`).
--
-- tradeagg $version — trade-statistics aggregates for PostgreSQL.
--
-- Every function and aggregate is a thin wrapper of the C core shared with
-- the SQLite extension, so both engines give the same answers and the same
-- error messages. Periods are `date` (monthly or any dated series) or
-- `integer` (a year, for annual series): every period aggregate has both
-- overloads, and the result period has the input's type.

\\echo Use "CREATE EXTENSION tradeagg" to load this file. \\quit

END

$out .= section('Scalar functions') . "\n";
$out .= function_sql(name => 'tradeagg_version', symbol => 'tradeagg_version',
                     args => [], returns => 'text', strict => 1,
                     comment => $VERSION_COMMENT) . "\n";
for my $s (@$scalars) {
    $out .= function_sql(
        name => $s->{name}, symbol => "tradeagg_$s->{name}",
        args => [('double precision') x $s->{argnames}->@*],
        argnames => $s->{argnames}, returns => 'double precision', strict => 1,
        comment => $SCALAR_COMMENT{ $s->{name} }) . "\n";
}

$out .= section(<<~'END') . "\n";
    The aggregates' state type. A state leaves the process as text (Citus
    ships partial aggregates this way) or bytes; both are validated in full
    on the way back in (SQLSTATE 22P03 if invalid).
    END
$out .= "CREATE TYPE $STATE;\n\n";
for my $f (@STATE_IO) {
    my ($name, $args, $returns, $comment) = @$f;
    $out .= function_sql(name => $name, symbol => $name, args => $args,
                         returns => $returns, strict => 1, public => 1,
                         comment => "$STATE $comment") . "\n";
}
$out .= "CREATE TYPE $STATE (\n"
    . join(",\n", map { "    $_" }
           "INPUT = ${STATE}_in", "OUTPUT = ${STATE}_out",
           "RECEIVE = ${STATE}_recv", "SEND = ${STATE}_send",
           'INTERNALLENGTH = VARIABLE', 'STORAGE = extended')
    . "\n);\n"
    . "COMMENT ON TYPE $STATE IS\n    " . quote($STATE_COMMENT) . ";\n\n";

$out .= section(<<~'END') . "\n";
    Aggregate support functions, shared by every aggregate. They are not
    meant to be called directly. Those over tradeagg_state are executable by
    PUBLIC (Citus runs them as the calling user) and validate every state
    they did not make; EXECUTE on those over `internal` is revoked from
    PUBLIC at the end of this file.
    END
for my $f (@SUPPORT_FUNCS) {
    my ($name, $symbol, $args, $returns, $strict, $comment) = @$f;
    $out .= function_sql(name => $name, symbol => $symbol, args => $args,
                         returns => $returns, strict => $strict,
                         comment => "$SUPPORT$comment") . "\n";
}

$out .= section(<<~'END');
    Aggregates. Each has, per SQL signature, a transition function over
    tradeagg_state and a transition and an inverse transition function over
    `internal` for moving window frames (all overloads of an aggregate share
    one C entry point per state type), and the shared final and combine
    functions above.
    END
$out .= aggregate_sql($_) for @$aggs;

$out .= section(<<~'END') . "\n";
    The support functions that take or make `internal` values are for the
    aggregates only; the aggregates run them with their owner's rights.
    END
$out .= "REVOKE ALL ON FUNCTION $_ FROM PUBLIC;\n" for @revoke;

binmode STDOUT, ':encoding(UTF-8)';
print $out;
