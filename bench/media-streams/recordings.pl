#!/usr/bin/perl
# Voicemail messages recorded during a step of bench/media-streams.sh, against what the callers sent: each caller sent
# a steady tone (about -10 dBFS) from before the beep until its BYE, so a message should be tone from end to end and
# last the hold time less the greeting and beep. Usage: recordings.pl EXPECTED_SECONDS TOLERANCE_SECONDS FILE.wav...
# Prints one line of key=value figures:
#   messages, dur_min / dur_med / dur_max (seconds, from the data chunk's size),
#   short (messages shorter than EXPECTED - TOLERANCE: audio the recorder skipped, or a message cut),
#   dropouts (20 ms frames under -30 dBFS inside a message, its first and last 40 ms left out: a frame the recorder
#   filled with silence because the caller's packet was missing or late), with_dropouts (messages with at least one),
#   bad (files that are not 16-bit mono PCM WAV).
use strict;
use warnings;

my ($expected, $tolerance, @files) = @ARGV;
die "usage: recordings.pl EXPECTED_SECONDS TOLERANCE_SECONDS FILE.wav...\n" unless defined $tolerance;
my @durations;
my ($short, $dropouts, $with, $bad) = (0, 0, 0, 0);
for my $file (@files) {
    open(my $fh, '<:raw', $file) or do { $bad++; next };
    local $/;
    my $wav = <$fh>;
    close $fh;
    my ($rate, $bits, $channels, $data);
    if (substr($wav, 0, 4) eq 'RIFF' && substr($wav, 8, 4) eq 'WAVE') {
        my $at = 12;
        while ($at + 8 <= length $wav) {
            my ($id, $size) = unpack('A4 V', substr($wav, $at, 8));
            if ($id eq 'fmt') {
                (undef, $channels, $rate, undef, undef, $bits) = unpack('v v V V v v', substr($wav, $at + 8, 16));
            } elsif ($id eq 'data') {
                $data = substr($wav, $at + 8, $size);
                last;
            }
            $at += 8 + $size + ($size % 2);
        }
    }
    if (!defined $data || !$rate || ($bits // 0) != 16 || ($channels // 0) != 1) { $bad++; next; }
    my @pcm = unpack('s<*', $data);
    push @durations, @pcm / $rate;
    $short++ if @pcm / $rate < $expected - $tolerance;
    my $frame = $rate / 50;
    my $frames = int(@pcm / $frame);
    my $quiet = 0;
    for my $f (2 .. $frames - 3) {
        my $sum = 0;
        $sum += $_ * $_ for @pcm[$f * $frame .. ($f + 1) * $frame - 1];
        my $rms = sqrt($sum / $frame) / 32768;
        $quiet++ if $rms < 10 ** (-30 / 20);
    }
    $dropouts += $quiet;
    $with++ if $quiet;
}
my @sorted = sort { $a <=> $b } @durations;
printf "messages=%d dur_min=%.2f dur_med=%.2f dur_max=%.2f short=%d dropouts=%d with_dropouts=%d bad=%d\n",
    scalar(@sorted), $sorted[0] // 0, @sorted ? $sorted[$#sorted / 2] : 0, $sorted[-1] // 0, $short, $dropouts, $with, $bad;
