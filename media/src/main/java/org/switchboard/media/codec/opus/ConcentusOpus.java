package org.switchboard.media.codec.opus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Concentus ({@code io.github.jaredmdobson:concentus}), a pure-Java port of libopus, as the
 * fallback when the system library is missing. It decodes the same bitstream (RFC 6716) and
 * interoperates with libopus both ways, at several times the CPU cost, and allocates per frame.
 */
final class ConcentusOpus implements OpusEngine {

    private static final String POM_PROPERTIES = "/META-INF/maven/io.github.jaredmdobson/concentus/pom.properties";

    private final String description;

    private ConcentusOpus(String description) {
        this.description = description;
    }

    /**
     * Checks that Concentus is on the class path and can build an encoder and a decoder.
     *
     * @throws IllegalStateException saying why it cannot
     */
    static ConcentusOpus load() {
        try {
            new io.github.jaredmdobson.concentus.OpusDecoder(48000, 1);
            new io.github.jaredmdobson.concentus.OpusEncoder(48000, 1,
                    io.github.jaredmdobson.concentus.OpusApplication.OPUS_APPLICATION_VOIP);
        } catch (LinkageError | io.github.jaredmdobson.concentus.OpusException | RuntimeException e) {
            throw new IllegalStateException("Concentus not usable: " + e, e);
        }
        return new ConcentusOpus("Concentus " + version() + " (pure Java)");
    }

    @Override
    public OpusImplementation implementation() {
        return OpusImplementation.JAVA;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public OpusEncoder newEncoder(int sampleRate, OpusEncoderSettings settings) {
        return new ConcentusOpusEncoder(sampleRate, settings);
    }

    @Override
    public OpusDecoder newDecoder(int sampleRate) {
        return new ConcentusOpusDecoder(sampleRate);
    }

    private static String version() {
        try (InputStream in = io.github.jaredmdobson.concentus.OpusDecoder.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
