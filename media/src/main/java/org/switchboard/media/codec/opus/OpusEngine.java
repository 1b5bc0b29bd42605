package org.switchboard.media.codec.opus;

/** One loaded Opus implementation: makes encoders and decoders for an {@link OpusCodec}. */
sealed interface OpusEngine permits NativeOpus, ConcentusOpus {

    OpusImplementation implementation();

    /** Name and version, e.g. {@code libopus 1.3.1 (/usr/lib/.../libopus.so.0)}. */
    String description();

    OpusEncoder newEncoder(int sampleRate, OpusEncoderSettings settings);

    OpusDecoder newDecoder(int sampleRate);
}
