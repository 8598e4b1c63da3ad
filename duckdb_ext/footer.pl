#!/usr/bin/env perl
# Appends DuckDB's 512-byte extension footer to a shared object.
#
#   perl duckdb_ext/footer.pl FILE EXTENSION_VERSION [PLATFORM]
#
# DuckDB reads the last 512 bytes of an extension before loading it: eight
# 32-byte NUL-padded fields stored last-first (magic "4", platform, C API
# version, extension version, ABI type, three unused), then a 256-byte
# signature. An unsigned extension has zeros there and loads only with
# allow_unsigned_extensions.
use strict;
use warnings;

my ($file, $version, $platform) = @ARGV;
die "usage: $0 FILE EXTENSION_VERSION [PLATFORM]\n" unless defined $version && $version ne '';
$platform //= 'linux_amd64';

my @fields = ('4', $platform, 'v1.2.0', $version, 'C_STRUCT', '', '', '');
for (@fields) {
    die "$0: footer field '$_' is longer than 32 bytes\n" if length > 32;
}
my $footer = join('', map { pack('a32', $_) } reverse @fields) . ("\0" x 256);
die "$0: footer is not 512 bytes\n" unless length $footer == 512;

open(my $fh, '>>:raw', $file) or die "$0: cannot open $file: $!\n";
print {$fh} $footer or die "$0: cannot write $file: $!\n";
close $fh or die "$0: cannot write $file: $!\n";
