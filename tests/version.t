#!/usr/bin/perl
# One version source: default_version in pg_ext/tradeagg.control. META.json
# (PGXN) must say the same, the C sources must not spell a version of their
# own (the Makefiles pass -DTA_VERSION from the control file), and the SQLite
# extension's tradeagg_version() must answer it. (PostgreSQL's is checked in
# tests/pg/00-catalog.sql against the installed extension's version.)
use v5.36;
use warnings FATAL => 'all';
use Cwd qw(abs_path);
use FindBin qw($RealBin);
use JSON::PP;
use Test::More;

my $root = abs_path("$RealBin/..");

sub slurp ($path) {
    open(my $fh, '<:raw', $path) or die "$path: $!\n";
    local $/;
    return scalar(<$fh>) // '';
}

my ($v) = slurp("$root/pg_ext/tradeagg.control") =~ /^default_version\s*=\s*'([^']*)'/m;
like($v // '', qr/^\d+\.\d+\.\d+\z/, 'pg_ext/tradeagg.control: default_version is x.y.z')
    or BAIL_OUT('no version to compare with');

my $meta = JSON::PP->new->decode(slurp("$root/META.json"));
is($meta->{version}, $v, 'META.json: version');
is($meta->{provides}{tradeagg}{version}, $v, 'META.json: provides.tradeagg.version');
is($meta->{provides}{tradeagg}{file}, "sql/tradeagg--$v.sql",
   'META.json: provides.tradeagg.file is the newest install script');
ok(-f "$root/sql/tradeagg--$v.sql", "sql/tradeagg--$v.sql exists");
is($meta->{'meta-spec'}{version}, '1.0.0', 'META.json: PGXN meta-spec 1.0.0');

# resources (PGXN meta-spec 1.0.0): only the keys the spec knows, each of
# the shape it gives.
my $res = $meta->{resources};
is(ref $res, 'HASH', 'META.json: resources is an object');
my $url = qr{^(?:https?|git)://\S+\z};
my @bad;
for my $k (sort keys %{ $res // {} }) {
    my $r = $res->{$k};
    if ($k eq 'homepage') {
        push @bad, 'homepage' unless !ref $r && $r =~ $url;
    } elsif ($k eq 'bugtracker') {
        push @bad, 'bugtracker' unless ref $r eq 'HASH' && %$r
            && !grep { !/^(?:web|mailto)\z/ } keys %$r;
        push @bad, 'bugtracker.web' if ref $r eq 'HASH' && exists $r->{web} && $r->{web} !~ $url;
    } elsif ($k eq 'repository') {
        push @bad, 'repository' unless ref $r eq 'HASH' && %$r
            && !grep { !/^(?:url|web|type)\z/ } keys %$r;
        push @bad, "repository.$_" for grep { ref $r eq 'HASH' && exists $r->{$_} && $r->{$_} !~ $url } qw(url web);
    } else {
        push @bad, "unknown key $k";
    }
}
is("@bad", '', 'META.json: resources has only homepage, bugtracker, repository, well formed');

# No C file spells a version: TA_VERSION is defined by the build only.
my @spelled;
for my $f (glob("$root/src/*.[ch] $root/sqlite_ext/*.c $root/pg_ext/*.[ch]")) {
    push @spelled, $f =~ s{^\Q$root/\E}{}r
        if slurp($f) =~ /^\s*#\s*define\s+TA_VERSION\b/m;
}
is("@spelled", '', 'no C source defines TA_VERSION itself');

# The SQLite extension says the control file's version.
my $so = "$root/sqlite_ext/tradeagg.so";
SKIP: {
    skip 'sqlite_ext/tradeagg.so not built (make)', 1 unless -f $so;
    my $got = `printf '.load %s\\nSELECT tradeagg_version();\\n' '$root/sqlite_ext/tradeagg' | sqlite3 -bail :memory: 2>&1`;
    chomp $got;
    is($got, $v, 'SQLite: tradeagg_version() is the control file\'s version');
}

done_testing();
