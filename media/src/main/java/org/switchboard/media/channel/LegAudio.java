package org.switchboard.media.channel;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfListener;
import org.switchboard.media.dtmf.DtmfSource;
import org.switchboard.media.dtmf.InbandDtmfDetector;
import org.switchboard.media.dtmf.TelephoneEventReceiver;
import org.switchboard.media.dtmf.TelephoneEventSender;
import org.switchboard.media.rtp.RtcpParseResult;
import org.switchboard.media.rtp.RtcpSession;
import org.switchboard.media.rtp.RtpView;

/**
 * The media engine of one leg that ends in the server: what its phone sends is decoded and
 * played out in time, to sinks (a recording, the other leg of a transcoded call) and to the DTMF
 * detectors; what it hears is a source (a prompt, music, a tone, the other leg) encoded into
 * paced RTP. Sans-IO: bytes and times in, packets and events out.
 *
 * <pre>
 *  onRtp ─ RtpView ─ RtcpSession (stats) ─┬─ telephone-event ─ TelephoneEventReceiver ─┐
 *                                         └─ audio ─ JitterBuffer                       ├─ listener
 *  tick ── playout: poll ─ decode/conceal ─┬─ InbandDtmfDetector (8 kHz) ───────────────┘
 *                                          └─ sinks, each at its rate
 *       ── sending: source (at the codec's rate) or silence ─ encode ─ RTP ─ PacketOut
 *                   or RFC 4733 events of a queued key press; RTCP reports when due
 * </pre>
 *
 * <p><b>Time.</b> {@link #tick} is called at least once per packet time (the socket layer calls
 * it every 10 ms); each call plays out and sends every frame whose time has come, counting from
 * the first tick in steps of {@link LegAudioConfig#ptimeMillis()}, so the pace is the caller's
 * clock's, not its ticks'. A tick may come {@value #EARLY_MILLIS} ms early without delaying a
 * frame. After a stall, up to {@value #MAX_CATCH_UP_FRAMES} late frames are made at once; beyond
 * that they are skipped and counted.
 *
 * <p><b>Sources of the phone.</b> Packets of an SSRC other than the current one are dropped
 * until two arrive in a row: then that SSRC is the phone's, and the jitter buffer and the
 * telephone-event receiver start again (a re-INVITE moved the call to another device). Payload
 * types other than the codec's and telephone-event's are counted and dropped. Every packet that
 * is not the codec's tells the jitter buffer its sequence number carried no audio, so a key press
 * or comfort noise is not taken for lost packets and concealed.
 *
 * <p><b>DTMF.</b> RFC 4733 events when negotiated; with {@link LegAudioConfig#inbandDtmf()}, tones
 * in the decoded audio too, until the first event packet shows the phone sends events (a key is
 * never reported twice). Each press reaches the listener once, with its {@link DtmfSource}.
 *
 * <p>Not thread-safe: one thread calls every method (the leg's event loop). Once running it
 * allocates nothing per packet or tick, except an RTCP report every few seconds and one event
 * object per key press.
 */
public final class LegAudio implements AutoCloseable {

    /** How early a tick may come and still make a frame due at its time, in ms. */
    public static final int EARLY_MILLIS = 2;
    /** Late frames made in one tick at most after a stall; the rest are skipped. */
    public static final int MAX_CATCH_UP_FRAMES = 10;

    private static final long EARLY_NANOS = EARLY_MILLIS * 1_000_000L;
    private static final int DETECTOR_RATE = InbandDtmfDetector.SAMPLE_RATE;

    private final LegAudioConfig config;
    private final LegAudioListener listener;
    private final Events events = new Events();
    private final RtpView view = new RtpView();
    private final RtcpSession rtcp;
    private final Playout playout;
    private final Transmitter transmitter;
    private final SinkFanout sinks;
    private final TelephoneEventReceiver eventReceiver;
    private final InbandDtmfDetector detector;
    private final RateConverter toDetector;
    private final short[] detectorFrame;
    private final byte[] rtcpBuffer;
    private final long ptimeNanos;
    private final int frameSamples;

    private boolean inbandActive;
    private boolean started;
    private long nextPlayAt;
    private long nextSendAt;
    private boolean haveRemote;
    private long remoteSsrc;
    private long candidateSsrc = -1;
    private long otherPayloads;
    private long invalid;
    private long strays;
    private long skippedPlayout;
    private boolean closed;

    /**
     * A leg ready to take packets and ticks.
     *
     * @param random   draws the first sequence number and timestamp and the RTCP intervals; used on
     *                 the leg's thread only, so give each leg its own ({@code new SplittableRandom()})
     * @param nowNanos the monotonic time now (the first RTCP report is due 1-3 s later)
     */
    public LegAudio(LegAudioConfig config, LegAudioListener listener, RandomGenerator random, long nowNanos) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(random, "random");
        AudioCodec codec = config.codec();
        this.rtcp = new RtcpSession(config.localSsrc(), config.cname(), codec.clockRate(), sessionBits(config), random,
                nowNanos);
        this.rtcpBuffer = new byte[rtcp.maxPacketLength()];
        this.playout = new Playout(config);
        this.transmitter = new Transmitter(config, rtcp, random, events);
        this.frameSamples = config.frameSamples();
        this.sinks = new SinkFanout(codec.sampleRate(), frameSamples);
        this.ptimeNanos = config.ptimeNanos();
        this.eventReceiver = config.hasTelephoneEvent()
                ? new TelephoneEventReceiver(config.telephoneEventClockRate(),
                        Math.max(TelephoneEventReceiver.DEFAULT_TIMEOUT_MILLIS, 3 * config.ptimeMillis()))
                : null;
        this.inbandActive = config.inbandDtmf();
        if (inbandActive) {
            detector = new InbandDtmfDetector();
            toDetector = RateConverter.create(codec.sampleRate(), DETECTOR_RATE);
            detectorFrame = new short[toDetector.maxOutput(frameSamples)];
        } else {
            detector = null;
            toDetector = null;
            detectorFrame = null;
        }
    }

    /** The codec's rate plus RTP/UDP/IPv4 headers per packet: the session bandwidth of RFC 3550 §6.2. */
    private static int sessionBits(LegAudioConfig config) {
        int codecBits = switch (config.codec().encodingName().toUpperCase(Locale.ROOT)) {
            case "PCMU", "PCMA", "G722" -> 64_000;
            case "L16" -> 16 * config.codec().sampleRate();
            default -> 48_000;
        };
        return codecBits + (12 + 8 + 20) * 8 * 1000 / config.ptimeMillis();
    }

    public LegAudioConfig config() {
        return config;
    }

    /** An RTP datagram from the phone, already decrypted, arrived at {@code nowNanos}. Never throws for content. */
    public void onRtp(byte[] datagram, int offset, int length, long nowNanos) {
        if (closed) {
            return;
        }
        if (!view.wrap(datagram, offset, length)) {
            invalid++;
            return;
        }
        rtcp.onRtpReceived(view, nowNanos);
        if (!fromCurrentSource(view.ssrc())) {
            strays++;
            return;
        }
        int payloadType = view.payloadType();
        if (payloadType == config.payloadType()) {
            playout.offer(view, nowNanos);
            return;
        }
        // Events, comfort noise and the rest of this SSRC take numbers in the audio's sequence
        // (RFC 3550 §5.1): the jitter buffer must not take them for lost audio.
        playout.skip(view.sequence());
        if (eventReceiver != null && payloadType == config.telephoneEventPayloadType()) {
            if (inbandActive) {
                inbandActive = false;
                detector.reset();
            }
            eventReceiver.receive(nowNanos / 1_000_000, (int) view.timestamp(), view.marker(), view.buffer(),
                    view.payloadOffset(), view.payloadLength(), events);
        } else {
            otherPayloads++;
        }
    }

    /** Whether a packet of {@code ssrc} belongs to the phone's stream; two in a row of a new one take over. */
    private boolean fromCurrentSource(long ssrc) {
        if (!haveRemote) {
            haveRemote = true;
            remoteSsrc = ssrc;
            return true;
        }
        if (ssrc == remoteSsrc) {
            candidateSsrc = -1;
            return true;
        }
        if (ssrc != candidateSsrc) {
            candidateSsrc = ssrc;
            return false;
        }
        remoteSsrc = ssrc;
        candidateSsrc = -1;
        playout.restart();
        if (eventReceiver != null) {
            eventReceiver.reset();
        }
        if (detector != null) {
            detector.reset();
        }
        return true;
    }

    /** An RTCP datagram from the phone, already decrypted. Never throws for content. */
    public void onRtcp(byte[] datagram, int offset, int length, long nowNanos, long wallMillis) {
        if (closed) {
            return;
        }
        RtcpParseResult result = rtcp.onRtcpReceived(datagram, offset, length, nowNanos, wallMillis);
        if (result instanceof RtcpParseResult.Parsed) {
            rtcp.stats().peerReport().ifPresent(r -> transmitter.peerLoss(r.fractionLostPercent()));
        }
    }

    /** Plays out and sends every frame due by {@code nowNanos}, and an RTCP report when one is due. */
    public void tick(long nowNanos, long wallMillis, PacketOut out) {
        if (closed) {
            return;
        }
        if (!started) {
            started = true;
            nextPlayAt = nowNanos;
            nextSendAt = nowNanos;
        }
        if (eventReceiver != null) {
            eventReceiver.poll(nowNanos / 1_000_000, events);
        }
        for (int frames = 0; nowNanos - nextPlayAt >= -EARLY_NANOS; frames++) {
            if (frames == MAX_CATCH_UP_FRAMES) {
                long behind = framesDue(nowNanos, nextPlayAt);
                skippedPlayout += behind;
                nextPlayAt += behind * ptimeNanos;
                break;
            }
            playFrame(nowNanos);
            nextPlayAt += ptimeNanos;
        }
        for (int frames = 0; nowNanos - nextSendAt >= -EARLY_NANOS; frames++) {
            if (frames == MAX_CATCH_UP_FRAMES) {
                long behind = framesDue(nowNanos, nextSendAt);
                transmitter.skip(behind);
                nextSendAt += behind * ptimeNanos;
                break;
            }
            transmitter.sendFrame(nowNanos, out);
            nextSendAt += ptimeNanos;
        }
        if (nowNanos - rtcp.nextReportAt() >= 0) {
            out.rtcp(rtcpBuffer, 0, rtcp.buildReport(nowNanos, wallMillis, rtcpBuffer, 0));
        }
    }

    private long framesDue(long nowNanos, long from) {
        return (nowNanos + EARLY_NANOS - from) / ptimeNanos + 1;
    }

    private void playFrame(long nowNanos) {
        short[] frame = playout.next(nowNanos);
        if (inbandActive) {
            int n = toDetector.process(frame, 0, frameSamples, detectorFrame, 0);
            detector.process(detectorFrame, 0, n, events);
        }
        sinks.deliver(frame, frameSamples);
    }

    /**
     * Makes the stream to the phone go on from one it heard before: the next RTP packet carries
     * {@code nextSequence} and {@code nextTimestamp} (with the marker bit) and the numbering runs
     * on from there, instead of from the random start of RFC 3550 §5.1. The socket layer calls it
     * when it switches a leg from relaying to this leg, with the SSRC of the relayed stream in
     * {@link LegAudioConfig#localSsrc()}, so the phone sees one source whose sequence numbers move
     * forward by one per packet: a jitter buffer that compares numbers across the switch (baresip's
     * does) would otherwise drop the server's packets as late. Meant before the first {@link #tick};
     * later it renumbers from the next packet.
     *
     * @throws IllegalArgumentException when the sequence number is not 16-bit or the timestamp not 32-bit unsigned
     */
    public void continueStream(int nextSequence, long nextTimestamp) {
        if (nextSequence < 0 || nextSequence > 0xFFFF) {
            throw new IllegalArgumentException("an RTP sequence number is 0..65535, not " + nextSequence);
        }
        if (nextTimestamp < 0 || nextTimestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("an RTP timestamp is 0..4294967295, not " + nextTimestamp);
        }
        transmitter.continueAt(nextSequence, nextTimestamp);
    }

    /**
     * Plays {@code source} to the phone from the next packet on, converted to the codec's rate,
     * replacing (and closing) what played before; the leg owns it now.
     */
    public void play(AudioSource source) {
        Objects.requireNonNull(source, "source");
        if (closed) {
            source.close();
            return;
        }
        transmitter.play(source);
    }

    /** Stops what plays (closing it, without a finished event); silence follows. */
    public void stopPlaying() {
        transmitter.stopPlaying();
    }

    /** Whether {@code source} is the one playing now. */
    public boolean isPlaying(AudioSource source) {
        return transmitter.isPlaying(source);
    }

    /** Whether any source plays now. */
    public boolean playing() {
        return transmitter.playing();
    }

    /**
     * Hands what the phone says to {@code sink} from the next frame on, converted to its rate.
     *
     * @return false when the sink is there already or the leg has {@value SinkFanout#MAX_SINKS} sinks
     */
    public boolean record(AudioSink sink) {
        Objects.requireNonNull(sink, "sink");
        return !closed && sinks.add(sink);
    }

    /** Stops writing to {@code sink}; false when it was not recording. */
    public boolean stopRecording(AudioSink sink) {
        return sinks.remove(sink);
    }

    /**
     * Queues a key press to send: RFC 4733 events when telephone-event was negotiated, else the
     * key's tones in the audio. Presses go out one after another, each for {@code durationMillis}.
     *
     * @return false when {@value Transmitter#MAX_QUEUED_DIGITS} presses are waiting already
     * @throws IllegalArgumentException when the duration is not 40..{@value TelephoneEventSender#MAX_DURATION_MILLIS} ms
     */
    public boolean sendDtmf(DtmfDigit digit, int durationMillis) {
        Objects.requireNonNull(digit, "digit");
        if (durationMillis < 40 || durationMillis > TelephoneEventSender.MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException("a key press lasts 40.." + TelephoneEventSender.MAX_DURATION_MILLIS
                    + " ms, not " + durationMillis);
        }
        return !closed && transmitter.queueDtmf(digit, durationMillis);
    }

    /** The leg's figures now. */
    public LegAudioStats stats() {
        return new LegAudioStats(rtcp.stats(), playout.stats(), otherPayloads, invalid, strays,
                skippedPlayout + transmitter.skippedFrames());
    }

    /** Sends a final RTCP report with BYE (RFC 3550 §6.6), then {@link #close()}s. */
    public void stop(long nowNanos, long wallMillis, PacketOut out) {
        if (closed) {
            return;
        }
        out.rtcp(rtcpBuffer, 0, rtcp.bye(nowNanos, wallMillis, rtcpBuffer, 0));
        close();
    }

    /** Closes the source and frees the codecs; later calls do nothing. Sinks are left to their owners. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        transmitter.close();
        playout.close();
    }

    public boolean isClosed() {
        return closed;
    }

    /** The listener, guarded: an exception from it must not leave the leg half-updated. */
    private final class Events implements DtmfListener, Transmitter.Events {

        @Override
        public void onDigit(DtmfEvent event) {
            try {
                listener.onDigit(event);
            } catch (RuntimeException ignored) {
                // the listener's fault; the leg goes on
            }
        }

        @Override
        public void onDigitStart(DtmfDigit digit, DtmfSource source) {
            try {
                listener.onDigitStart(digit, source);
            } catch (RuntimeException ignored) {
                // the listener's fault; the leg goes on
            }
        }

        @Override
        public void sourceFinished(AudioSource source) {
            try {
                listener.onSourceFinished(source);
            } catch (RuntimeException ignored) {
                // the listener's fault; the leg goes on
            }
        }

        @Override
        public void dtmfSent(DtmfDigit digit) {
            try {
                listener.onDtmfSent(digit);
            } catch (RuntimeException ignored) {
                // the listener's fault; the leg goes on
            }
        }
    }
}
