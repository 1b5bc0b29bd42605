package org.switchboard.media.codec.opus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.switchboard.media.codec.AudioCodec;

/**
 * Opus for RTP (RFC 7587): {@code a=rtpmap:PT opus/48000/2}, a dynamic payload type, RTP clock
 * 48 kHz whatever the audio band (§4.1), two channels in SDP even for mono (§7).
 *
 * <p>Pipeline PCM is mono at {@link #sampleRate()}, 48 kHz unless {@link #withSampleRate} says
 * 8, 12, 16 or 24 kHz: a leg whose other side is narrowband can code at 16 kHz and skip a
 * resampling, libopus resamples inside. Encoders take 2.5 to 60 ms frames (20 ms is 960 samples
 * at 48 kHz); {@link OpusEncoder#timestampUnits} scales to the 48 kHz clock.
 *
 * <p>Immutable. Get one from {@link #load()}; each encoder and decoder it makes holds native
 * state (with libopus) until closed.
 */
public final class OpusCodec implements AudioCodec {

    /** The encoding name of {@code a=rtpmap} (RFC 7587 §6.1). */
    public static final String ENCODING_NAME = "opus";

    /** The RTP clock rate, always 48000 (RFC 7587 §4.1). */
    public static final int CLOCK_RATE = 48000;

    /**
     * System property choosing implementations, in the order tried: {@code native,java} (the
     * default), {@code java} forces the pure-Java fallback, {@code native} refuses it, {@code none}
     * turns Opus off.
     */
    public static final String IMPLEMENTATION_PROPERTY = "switchboard.opus.implementation";

    private static final System.Logger LOG = System.getLogger(OpusCodec.class.getName());

    private final OpusEngine engine;
    private final int sampleRate;
    private final OpusEncoderSettings settings;

    private OpusCodec(OpusEngine engine, int sampleRate, OpusEncoderSettings settings) {
        this.engine = engine;
        this.sampleRate = sampleRate;
        this.settings = settings;
    }

    /**
     * The best Opus here, in the order {@value #IMPLEMENTATION_PROPERTY} gives (libopus, then the
     * Java port), logged in one line. Never throws: when nothing loads, {@link OpusSupport.Unavailable}.
     * Call it once at start and share the codec: each call binds the library anew.
     */
    public static OpusSupport load() {
        String wanted = System.getProperty(IMPLEMENTATION_PROPERTY, "native,java");
        List<OpusImplementation> order = new ArrayList<>();
        for (String name : wanted.split(",")) {
            switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "native" -> order.add(OpusImplementation.NATIVE);
                case "java" -> order.add(OpusImplementation.JAVA);
                case "none", "" -> { }
                default -> LOG.log(System.Logger.Level.WARNING,
                        "ignoring unknown Opus implementation \"" + name.strip() + "\" in -D" + IMPLEMENTATION_PROPERTY
                                + " (use native, java or none)");
            }
        }
        return load(order);
    }

    /** The first of {@code order} that loads (libopus from its usual directories), logged in one line. */
    public static OpusSupport load(List<OpusImplementation> order) {
        return load(order, NativeOpus.usualLocations());
    }

    static OpusSupport load(List<OpusImplementation> order, List<String> libraryCandidates) {
        List<String> problems = new ArrayList<>();
        for (OpusImplementation implementation : order) {
            try {
                OpusEngine engine = switch (implementation) {
                    case NATIVE -> NativeOpus.load(libraryCandidates);
                    case JAVA -> ConcentusOpus.load();
                };
                String text = "Opus: " + engine.description()
                        + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
                LOG.log(problems.isEmpty() ? System.Logger.Level.INFO : System.Logger.Level.WARNING, text);
                return new OpusSupport.Available(new OpusCodec(engine, CLOCK_RATE, OpusEncoderSettings.VOICE), text);
            } catch (IllegalStateException | LinkageError e) {
                problems.add(implementation.name().toLowerCase(Locale.ROOT) + " Opus unavailable (" + e.getMessage() + ")");
            }
        }
        String text = "Opus unavailable, SDP will not offer it: "
                + (problems.isEmpty() ? "no implementation allowed by -D" + IMPLEMENTATION_PROPERTY : String.join("; ", problems));
        LOG.log(System.Logger.Level.WARNING, text);
        return new OpusSupport.Unavailable(text);
    }

    /** Which implementation this codec's encoders and decoders run on. */
    public OpusImplementation implementation() {
        return engine.implementation();
    }

    /** The implementation's name, version and origin, e.g. {@code libopus 1.3.1 (/usr/lib/...)}. */
    public String description() {
        return engine.description();
    }

    /**
     * The same codec with pipeline PCM at {@code hz}: 8000, 12000, 16000, 24000 or 48000.
     *
     * @throws IllegalArgumentException for another rate
     */
    public OpusCodec withSampleRate(int hz) {
        if (!OpusFrameSizes.isSupportedRate(hz)) {
            throw new IllegalArgumentException("Opus does not take " + hz + " Hz PCM (use 8000, 12000, 16000, 24000 or 48000)");
        }
        return new OpusCodec(engine, hz, settings);
    }

    /** The same codec whose {@link #newEncoder()} uses {@code encoderSettings}. */
    public OpusCodec withSettings(OpusEncoderSettings encoderSettings) {
        return new OpusCodec(engine, sampleRate, Objects.requireNonNull(encoderSettings));
    }

    /** The settings {@link #newEncoder()} uses. */
    public OpusEncoderSettings settings() {
        return settings;
    }

    @Override
    public String encodingName() {
        return ENCODING_NAME;
    }

    @Override
    public int clockRate() {
        return CLOCK_RATE;
    }

    @Override
    public int sdpChannels() {
        return 2;
    }

    @Override
    public int staticPayloadType() {
        return -1;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public OpusEncoder newEncoder() {
        return engine.newEncoder(sampleRate, settings);
    }

    /** An encoder with per-leg settings, e.g. {@code settings().towards(remoteFmtp)}. */
    public OpusEncoder newEncoder(OpusEncoderSettings legSettings) {
        return engine.newEncoder(sampleRate, Objects.requireNonNull(legSettings));
    }

    @Override
    public OpusDecoder newDecoder() {
        return engine.newDecoder(sampleRate);
    }

    @Override
    public String toString() {
        return "opus/48000/2 (" + sampleRate + " Hz PCM, " + engine.description() + ")";
    }
}
