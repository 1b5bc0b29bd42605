package org.switchboard.media.record;

import java.time.Duration;
import org.switchboard.media.channel.Playout;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.dsp.Resampler;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfListener;
import org.switchboard.media.dtmf.DtmfSource;
import org.switchboard.media.dtmf.TelephoneEventReceiver;
import org.switchboard.media.jitter.JitterConfig;
import org.switchboard.media.rtp.RtcpMux;
import org.switchboard.media.rtp.RtpView;

/**
 * What one party of a tapped call sends, as the recorder hears it: telephone-event packets into
 * a {@link TelephoneEventReceiver} always, and while decoding ({@link #startDecoding}) voice
 * packets through a {@link Playout} (a leg's jitter buffer and decoder, here waiting up to
 * {@link #MAX_DELAY} for late packets) into PCM, 20 ms at a time, resampled to the recording's
 * rate. Before the first packet, in a pause or on hold each frame is silence, so the party's
 * channel lasts as long as the recording.
 *
 * <p>A new SSRC takes over after two packets in a row (a re-INVITE moved the call to another
 * device): the jitter buffer and the event receiver start again, as on a terminated leg. Other
 * payload types and RTCP multiplexed on the RTP port (RFC 5761) are ignored. Not thread-safe;
 * allocates nothing per packet or frame once decoding has started.
 */
final class PartyReceiver implements AutoCloseable {

    /**
     * How late a packet may be and still be recorded. Nobody listens live to a recording, so
     * unlike a call's 200 ms this is the buffer's most: a burst after a network stall is kept
     * rather than cut. The delay only grows when packets come late, and decays again.
     */
    static final Duration MAX_DELAY = Duration.ofSeconds(2);
    /** Packets held at most: 2.5 s of 10 ms packets, over the most delay. */
    private static final int CAPACITY = 256;

    private final Party party;
    private final RecordingFormat format;
    private final AudioCodec codec;
    private final TapListener listener;
    private final RtpView view = new RtpView();
    private final TelephoneEventReceiver events;
    private final DtmfListener digits;
    private final JitterConfig jitterConfig;
    private final Resampler resampler;
    private final int codecFrame;

    /** Present while decoding. */
    private Playout playout;

    private boolean haveSource;
    private long ssrc;
    private long candidateSsrc = -1;

    PartyReceiver(Party party, RecordingFormat format, int recordingRate, TapListener listener) {
        this.party = party;
        this.format = format;
        this.codec = format.codec();
        this.listener = listener;
        this.events = format.hasTelephoneEvent()
                ? new TelephoneEventReceiver(format.telephoneEventClockRate()) : null;
        this.digits = new Digits();
        this.jitterConfig = JitterConfig.forClockRate(codec.clockRate())
                .withPtime(Duration.ofMillis(StereoRecorder.FRAME_MILLIS)).withMaxPayload(Playout.MAX_PAYLOAD)
                .withMaxDelay(MAX_DELAY).withCapacity(CAPACITY);
        this.resampler = Resampler.create(codec.sampleRate(), recordingRate);
        this.codecFrame = codec.sampleRate() * StereoRecorder.FRAME_MILLIS / 1000;
    }

    RecordingFormat format() {
        return format;
    }

    /** An RTP datagram from the party, decrypted, arrived at {@code nowNanos}. Never throws for content. */
    void onRtp(byte[] datagram, int offset, int length, long nowNanos) {
        if (length < 2 || offset < 0 || offset + length > datagram.length
                || RtcpMux.isRtcpType(datagram[offset + 1] & 0xFF) || !view.wrap(datagram, offset, length)) {
            return;
        }
        if (!fromCurrentSource(view.ssrc())) {
            return;
        }
        int payloadType = view.payloadType();
        if (payloadType == format.payloadType()) {
            if (playout != null) {
                playout.offer(view, nowNanos);
            }
            return;
        }
        if (playout != null) {
            // events and comfort noise take numbers in the audio's sequence (RFC 3550 §5.1): not lost audio
            playout.skip(view.sequence());
        }
        if (events != null && payloadType == format.telephoneEventPayloadType()) {
            events.receive(nowNanos / 1_000_000, (int) view.timestamp(), view.marker(), view.buffer(),
                    view.payloadOffset(), view.payloadLength(), digits);
        }
    }

    /** Ends a key press whose end packets were lost; on every tick. */
    void poll(long nowNanos) {
        if (events != null) {
            events.poll(nowNanos / 1_000_000, digits);
        }
    }

    private boolean fromCurrentSource(long packetSsrc) {
        if (!haveSource) {
            haveSource = true;
            ssrc = packetSsrc;
            return true;
        }
        if (packetSsrc == ssrc) {
            candidateSsrc = -1;
            return true;
        }
        if (packetSsrc != candidateSsrc) {
            candidateSsrc = packetSsrc;
            return false;
        }
        ssrc = packetSsrc;
        candidateSsrc = -1;
        if (playout != null) {
            playout.restart();
        }
        if (events != null) {
            events.reset();
        }
        return true;
    }

    boolean decoding() {
        return playout != null;
    }

    /** From now on voice packets are buffered and decoded: a recording began. */
    void startDecoding() {
        if (playout != null) {
            return;
        }
        playout = new Playout(codec, jitterConfig, codecFrame);
        resampler.reset();
    }

    /** Voice packets are dropped again and the decoder freed: the recording ended. */
    void stopDecoding() {
        if (playout == null) {
            return;
        }
        playout.close();
        playout = null;
    }

    /**
     * The party's next 20 ms at the recording rate into {@code out} (from 0): decoded, concealed
     * or silent. Only while decoding.
     */
    void frame(long nowNanos, short[] out) {
        resampler.process(playout.next(nowNanos), 0, codecFrame, out, 0);
    }

    @Override
    public void close() {
        stopDecoding();
    }

    /** The receiver's key presses, tagged with the party. */
    private final class Digits implements DtmfListener {
        @Override
        public void onDigit(DtmfEvent event) {
            try {
                listener.onDigit(party, event);
            } catch (RuntimeException ignored) {
                // the listener's fault; the recording goes on
            }
        }

        @Override
        public void onDigitStart(DtmfDigit digit, DtmfSource source) {
            // a recording acts on whole presses only
        }
    }
}
