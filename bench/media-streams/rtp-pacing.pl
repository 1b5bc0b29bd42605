#!/usr/bin/perl
# Pacing of captured RTP streams, for bench/media-streams.sh.
# Usage: rtp-pacing.pl GAP_MS < lines "EPOCH SRCPORT DSTHOST:DSTPORT SEQ TIMESTAMP" (tshark fields, one
# packet a line, in capture order; a stream is one source port to one destination). Prints one line of key=value:
#   streams, packets,
#   gaps (a packet came more than GAP_MS after the one before it in its stream: at 20 ms packets a receiver's jitter
#   buffer runs dry when the gap exceeds its depth; the brief's definition of an underrun), gaps_60 (over 60 ms,
#   what a typical 60 ms phone jitter buffer would not hide), max_gap_ms,
#   pdv_max_ms (the largest packet delay variation: arrival minus the RTP timestamp's time at 8 kHz, minus the
#   stream's smallest such offset; the depth a receiver's buffer needs, which also catches bursts sent early),
#   lost (sequence numbers skipped, RFC 3550 §A.1, wrap-around handled),
#   span_s (first to last packet of the capture), short (streams with fewer packets than 98 % of 50 per second of
#   that span: streams that stopped, started late or fell behind).
use strict;
use warnings;

my ($gap_ms) = @ARGV;
die "usage: rtp-pacing.pl GAP_MS < fields\n" unless defined $gap_ms;
my ($t_first, $t_last);
my (%last, %n, %seq, %ts, %tsbase, %minoff, %maxoff);
my ($gaps, $gaps60, $maxgap, $lost, $packets) = (0, 0, 0, 0, 0);
while (<STDIN>) {
    my ($t, $src, $dst, $sq, $stamp) = split;
    next unless defined $dst && $t =~ /^[0-9.]+$/;
    my $k = "$src>$dst";
    $packets++;
    $t_first //= $t;
    $t_last = $t;
    if (exists $last{$k}) {
        my $gap = ($t - $last{$k}) * 1000;
        $gaps++ if $gap > $gap_ms;
        $gaps60++ if $gap > 60;
        $maxgap = $gap if $gap > $maxgap;
        if (defined $sq && $sq =~ /^\d+$/ && defined $seq{$k}) {
            my $d = ($sq - $seq{$k}) & 0xFFFF;
            $lost += $d - 1 if $d > 1 && $d < 3000;
        }
    }
    if (defined $stamp && $stamp =~ /^\d+$/) {
        # Unwrapped timestamp: steps of less than half the 32-bit space, either way.
        if (defined $ts{$k}) {
            my $d = ($stamp - $ts{$k}) % 4294967296;
            $d -= 4294967296 if $d >= 2147483648;
            $tsbase{$k} += $d;
        } else {
            $tsbase{$k} = 0;
        }
        $ts{$k} = $stamp;
        my $offset = $t - $tsbase{$k} / 8000;
        $minoff{$k} = $offset if !defined $minoff{$k} || $offset < $minoff{$k};
        $maxoff{$k} = $offset if !defined $maxoff{$k} || $offset > $maxoff{$k};
    }
    $last{$k} = $t;
    $seq{$k} = $sq if defined $sq && $sq =~ /^\d+$/;
    $n{$k}++;
}
my ($pdv, $short) = (0, 0);
my $span = defined $t_first ? $t_last - $t_first : 0;
for my $k (keys %n) {
    $short++ if $n{$k} < 0.98 * 50 * $span;
    next unless defined $minoff{$k};
    my $v = ($maxoff{$k} - $minoff{$k}) * 1000;
    $pdv = $v if $v > $pdv;
}
printf "streams=%d packets=%d span_s=%.2f gaps=%d gaps_60=%d max_gap_ms=%.1f pdv_max_ms=%.1f lost=%d short=%d\n",
    scalar(keys %n), $packets, $span, $gaps, $gaps60, $maxgap, $pdv, $lost, $short;
