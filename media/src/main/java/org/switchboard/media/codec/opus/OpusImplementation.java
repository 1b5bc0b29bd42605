package org.switchboard.media.codec.opus;

/** Which Opus runs behind an {@link OpusCodec}. */
public enum OpusImplementation {
    /** The system libopus, called through the FFM API: the reference code, fastest. */
    NATIVE,
    /** Concentus, a pure-Java port of libopus: slower, used when the library is missing. */
    JAVA
}
