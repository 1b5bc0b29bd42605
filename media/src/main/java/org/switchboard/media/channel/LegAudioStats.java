package org.switchboard.media.channel;

import java.util.Objects;
import org.switchboard.media.jitter.JitterStats;
import org.switchboard.media.rtp.RtpLegStats;

/**
 * A snapshot of a terminated leg: its RTP/RTCP figures, its jitter buffer, and what it dropped.
 *
 * @param rtp           what was sent and received, loss, jitter, round trip (RFC 3550 §6.4)
 * @param jitter        the playout buffer's delay and counters
 * @param otherPayloads packets of payload types other than the codec's and telephone-event's
 *                      (comfort noise, a codec switched without offer/answer): dropped
 * @param invalid       datagrams that were not valid RTP (RFC 3550 §5.1): dropped
 * @param strays        packets of another SSRC than the phone's current one, before it
 *                      proved a new source (two in a row): dropped
 * @param skippedFrames packet times the leg's thread fell too far behind to send or play
 */
public record LegAudioStats(RtpLegStats rtp, JitterStats jitter, long otherPayloads, long invalid, long strays,
                            long skippedFrames) {

    public LegAudioStats {
        Objects.requireNonNull(rtp, "rtp");
        Objects.requireNonNull(jitter, "jitter");
    }
}
