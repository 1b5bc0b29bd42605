package org.switchboard.media.channel;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.switchboard.media.codec.AudioEncoder;
import org.switchboard.media.codec.opus.OpusEncoder;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.TelephoneEventPacket;
import org.switchboard.media.dtmf.TelephoneEventSender;
import org.switchboard.media.rtp.RtcpSession;
import org.switchboard.media.rtp.RtpView;
import org.switchboard.media.rtp.RtpWriter;

/**
 * The sending half of a terminated leg, one packet time per {@link #sendFrame}: the source's
 * next frame (at the codec's rate), or silence when nothing plays, encoded into one RTP packet.
 *
 * <p>Silence is sent, not nothing: with a continuous stream the phone's jitter buffer and any
 * NAT binding on the way stay alive, and no comfort-noise negotiation is needed (what Asterisk's
 * {@code transmit_silence} and FreeSWITCH's {@code send_silence_when_idle} do).
 *
 * <p>Key presses queued with {@link #queueDtmf} go out as RFC 4733 events when telephone-event
 * was negotiated ({@link TelephoneEventSender}: one update per packet time, three end packets),
 * the audio paused meanwhile and its timestamps running on (§2.5.1.1); otherwise as the key's
 * tones in the audio. The marker bit is set on the first packet, after a new source starts and
 * after a key press (RFC 3551 §4.1). Sequence number and timestamp start at random values
 * (RFC 3550 §5.1), unless {@link #continueAt} makes the stream go on from what the phone heard
 * before the leg was terminated.
 */
final class Transmitter implements AutoCloseable {

    /** What the sender tells its leg. */
    interface Events {
        void sourceFinished(AudioSource source);

        void dtmfSent(DtmfDigit digit);
    }

    /** Key presses waiting at most. */
    static final int MAX_QUEUED_DIGITS = 64;
    /** Silence after a key sent in the audio, ms. */
    static final int INBAND_PAUSE_MILLIS = 60;

    private record PendingDigit(DtmfDigit digit, int millis) { }

    private final LegAudioConfig config;
    private final AudioEncoder encoder;
    private final RtcpSession rtcp;
    private final Events events;
    private final int frameSamples;
    private final int sampleRate;
    private final int unitsPerFrame;
    private final short[] pcm;
    private final byte[] packet;
    private final TelephoneEventSender eventSender;
    private final ArrayDeque<PendingDigit> digits = new ArrayDeque<>();

    private AudioSource source;
    private AudioSource reading;
    private AudioSource inbandDigit;
    private DtmfDigit sendingDigit;
    private int sequence;
    private long timestamp;
    private boolean marker = true;
    private long clockMillis;
    private long skippedFrames;

    Transmitter(LegAudioConfig config, RtcpSession rtcp, RandomGenerator random, Events events) {
        this.config = config;
        this.rtcp = rtcp;
        this.events = events;
        this.encoder = config.codec().newEncoder();
        this.frameSamples = config.frameSamples();
        this.sampleRate = config.codec().sampleRate();
        this.unitsPerFrame = encoder.timestampUnits(frameSamples);
        this.pcm = new short[frameSamples];
        this.packet = new byte[RtpView.FIXED_HEADER_LENGTH + Math.max(4000, 2 * frameSamples)];
        this.eventSender = config.hasTelephoneEvent()
                ? new TelephoneEventSender(config.telephoneEventClockRate(), config.ptimeMillis(),
                        TelephoneEventSender.DEFAULT_VOLUME)
                : null;
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextLong(1L << 32);
    }

    /**
     * The next packet carries {@code nextSequence} and {@code nextTimestamp}, with the marker bit,
     * and the numbering goes on from there: the phone then sees one stream across a switch from
     * the relay (RFC 3550 §5.1 lets a stream start anywhere; a jitter buffer compares sequence
     * numbers across the switch). A key press under way keeps its own timestamp (RFC 4733 §2.5.1.2).
     */
    void continueAt(int nextSequence, long nextTimestamp) {
        sequence = nextSequence & 0xFFFF;
        timestamp = nextTimestamp & 0xFFFF_FFFFL;
        marker = true;
    }

    /** Plays {@code next} from the next frame on, closing what played before. */
    void play(AudioSource next) {
        AudioSource reader = ResampledSource.of(next, sampleRate);
        closeSource();
        source = next;
        reading = reader;
        marker = true;
    }

    void stopPlaying() {
        closeSource();
    }

    boolean isPlaying(AudioSource candidate) {
        return source != null && source == candidate;
    }

    boolean playing() {
        return source != null;
    }

    boolean queueDtmf(DtmfDigit digit, int millis) {
        if (digits.size() >= MAX_QUEUED_DIGITS) {
            return false;
        }
        digits.add(new PendingDigit(digit, millis));
        return true;
    }

    /** The peer's loss report (RTCP), for an Opus encoder's in-band FEC. */
    void peerLoss(double percent) {
        if (encoder instanceof OpusEncoder opus) {
            opus.packetLossPercent((int) Math.round(percent));
        }
    }

    /** One packet time: a key press's events, or a frame of audio. */
    void sendFrame(long nowNanos, PacketOut out) {
        clockMillis += config.ptimeMillis();
        if (eventSender == null || !sendEvents(nowNanos, out)) {
            fillAudio();
            int length = encoder.encode(pcm, 0, frameSamples, packet, RtpView.FIXED_HEADER_LENGTH);
            send(config.payloadType(), marker, timestamp, length, nowNanos, out);
            marker = false;
        }
        timestamp = (timestamp + unitsPerFrame) & 0xFFFF_FFFFL;
    }

    /** Frames not sent because the thread fell behind: time moves on, the receiver hears a gap. */
    void skip(long frames) {
        skippedFrames += frames;
        clockMillis += frames * config.ptimeMillis();
        timestamp = (timestamp + frames * unitsPerFrame) & 0xFFFF_FFFFL;
    }

    long skippedFrames() {
        return skippedFrames;
    }

    /** Sends the events due in this packet time; false when no key press is under way. */
    private boolean sendEvents(long nowNanos, PacketOut out) {
        if (eventSender.idle()) {
            PendingDigit next = digits.poll();
            if (next == null) {
                return false;
            }
            eventSender.press(next.digit(), next.millis(), (int) timestamp, clockMillis);
            sendingDigit = next.digit();
        }
        for (Optional<TelephoneEventPacket> due = eventSender.poll(clockMillis); due.isPresent();
             due = eventSender.poll(clockMillis)) {
            TelephoneEventPacket event = due.get();
            int length = event.writePayload(packet, RtpView.FIXED_HEADER_LENGTH);
            send(config.telephoneEventPayloadType(), event.marker(), event.timestamp() & 0xFFFF_FFFFL, length,
                    nowNanos, out);
        }
        if (eventSender.idle()) {
            DtmfDigit sent = sendingDigit;
            sendingDigit = null;
            marker = true;
            events.dtmfSent(sent);
        }
        return true;
    }

    /** The frame to encode: a key's tones, the source, or silence. */
    private void fillAudio() {
        if (inbandDigit == null && eventSender == null && !digits.isEmpty()) {
            PendingDigit next = digits.poll();
            inbandDigit = ToneSource.dtmf(next.digit(), next.millis(), INBAND_PAUSE_MILLIS, sampleRate);
            sendingDigit = next.digit();
        }
        int got = 0;
        if (inbandDigit != null) {
            got = inbandDigit.read(pcm, 0, frameSamples);
            if (got < frameSamples) {
                inbandDigit = null;
                DtmfDigit sent = sendingDigit;
                sendingDigit = null;
                events.dtmfSent(sent);
            }
        } else if (reading != null) {
            got = reading.read(pcm, 0, frameSamples);
            if (got < frameSamples) {
                AudioSource ended = source;
                closeSource();
                events.sourceFinished(ended);
            }
        }
        if (got < frameSamples) {
            Arrays.fill(pcm, Math.max(0, got), frameSamples, (short) 0);
        }
    }

    private void send(int payloadType, boolean mark, long rtpTimestamp, int payloadLength, long nowNanos,
                      PacketOut out) {
        RtpWriter.writeHeader(packet, 0, mark, payloadType, sequence, rtpTimestamp, config.localSsrc());
        sequence = (sequence + 1) & 0xFFFF;
        rtcp.onRtpSent(payloadLength, rtpTimestamp, nowNanos);
        out.rtp(packet, 0, RtpView.FIXED_HEADER_LENGTH + payloadLength);
    }

    private void closeSource() {
        if (reading != null) {
            reading.close();
        }
        source = null;
        reading = null;
    }

    @Override
    public void close() {
        closeSource();
        digits.clear();
        encoder.close();
    }
}
