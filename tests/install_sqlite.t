#!/usr/bin/perl
# `make install-sqlite` into a temporary PREFIX: the library and its link
# land in PREFIX/lib, the soname is the one ldconfig caches for
# `.load tradeagg`, and sqlite3 (and Debian's Python, when present) load it
# from another directory by absolute path and by bare name through the
# loader's search path. Nothing is written outside the temporary directory.
use v5.36;
use warnings FATAL => 'all';
use Cwd qw(abs_path);
use FindBin qw($RealBin);
use File::Temp qw(tempdir);
use Test::More;

my $root = abs_path("$RealBin/..");
my ($v) = do {
    open(my $fh, '<', "$root/pg_ext/tradeagg.control") or die $!;
    local $/;
    <$fh> =~ /^default_version\s*=\s*'([^']*)'/m;
};
my $tmp = tempdir(CLEANUP => 1);
my $prefix = "$tmp/prefix";
my $elsewhere = "$tmp/elsewhere";
mkdir $elsewhere or die $!;
my $sys_link = '/usr/local/lib/tradeagg.so';
my $sys_before = -e $sys_link;

my $out = `make -s -C '$root' install-sqlite PREFIX='$prefix' 2>&1`;
is($?, 0, 'make install-sqlite PREFIX=<tmp> succeeds') or diag($out);
ok(-f "$prefix/lib/libtradeagg.so.$v", "PREFIX/lib/libtradeagg.so.$v installed");
is(readlink("$prefix/lib/tradeagg.so"), "libtradeagg.so.$v", 'PREFIX/lib/tradeagg.so links to it');
my ($soname) = `readelf -d '$prefix/lib/libtradeagg.so.$v'` =~ /\(SONAME\).*\[([^\]]+)\]/;
is($soname, 'tradeagg.so', 'soname tradeagg.so: what ldconfig links and caches for .load tradeagg');

sub sqlite_in ($dir, $load, %env) {
    my $envs = join(' ', map { "$_='$env{$_}'" } sort keys %env);
    my $r = `cd '$dir' && printf '.load %s\\nSELECT tradeagg_version();\\n' '$load' | env $envs sqlite3 -bail :memory: 2>&1`;
    chomp $r;
    return $r;
}
is(sqlite_in($elsewhere, "$prefix/lib/tradeagg"), $v,
   'sqlite3 elsewhere: .load PREFIX/lib/tradeagg (absolute path)');
is(sqlite_in($elsewhere, 'tradeagg', LD_LIBRARY_PATH => "$prefix/lib"), $v,
   'sqlite3 elsewhere: .load tradeagg found by name on the loader path');
like(sqlite_in($elsewhere, 'tradeagg'), qr/tradeagg\.so: cannot open shared object file/,
     'without the loader path, .load tradeagg does not find the temporary install')
    unless $sys_before;

SKIP: {
    my $py = '/usr/bin/python3';
    skip "$py not installed", 1 unless -x $py;
    my $r = `cd '$elsewhere' && $py -c 'import sqlite3
c = sqlite3.connect(":memory:")
c.enable_load_extension(True)
c.load_extension("$prefix/lib/tradeagg")
print(c.execute("SELECT tradeagg_version()").fetchone()[0])' 2>&1`;
    chomp $r;
    is($r, $v, "Debian's python3: load_extension(PREFIX/lib/tradeagg)");
}

is(!!-e $sys_link, !!$sys_before, "$sys_link is as it was");
`make -s -C '$root' uninstall-sqlite PREFIX='$prefix' 2>&1`;
ok(!-e "$prefix/lib/tradeagg.so" && !glob("$prefix/lib/libtradeagg.so.*"),
   'make uninstall-sqlite removes both');

done_testing();
