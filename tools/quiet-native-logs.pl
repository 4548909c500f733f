#!/usr/bin/env perl
# Copies stdin to stdout, dropping absl INFO lines ("I0000 00:00:... file.cc:401] ...") and absl's
# "WARNING: All log messages before absl::InitializeLog() ..." notice. TensorFlow prints these before
# absl::InitializeLog, so TF_CPP_MIN_LOG_LEVEL does not reach them. Everything else passes at once,
# byte for byte: a progress bar redrawn with \r is not held back until a newline.
use strict;
use warnings;

$| = 1;
my $notice = "WARNING: All log messages before absl::InitializeLog";
my ($buf, $at_line_start) = ("", 1);

sub is_noise { return $_[0] =~ /^I\d{4} / || index($_[0], $notice) == 0; }

# true while the start of a line could still turn out to be noise
sub may_be_noise {
    my ($s) = @_;
    return 0 if $s =~ /[\r\n]/;
    return $s =~ /^I\d{0,4}$/ || ($s ne "" && index($notice, $s) == 0);
}

while (sysread(STDIN, my $chunk, 65536)) {
    $buf .= $chunk;
    while ($buf ne "") {
        if ($at_line_start) {
            if (is_noise($buf)) {
                last unless $buf =~ s/^[^\n]*\n//;
                next;
            }
            last if may_be_noise($buf);
            $at_line_start = 0;
        }
        if ($buf =~ s/^([^\r\n]*[\r\n])//) {
            print $1;
            $at_line_start = 1;
        } else {
            print $buf;
            $buf = "";
        }
    }
}
print $buf unless is_noise($buf);
