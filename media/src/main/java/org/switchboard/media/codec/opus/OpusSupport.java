package org.switchboard.media.codec.opus;

import java.util.Optional;

/**
 * What {@link OpusCodec#load()} found: a working Opus and which one, or why there is none (then
 * SDP does not offer Opus; nothing else changes).
 */
public sealed interface OpusSupport {

    /** The codec, when there is one. */
    Optional<OpusCodec> codec();

    /** One line for the log and for {@code switchboard doctor}-style reports. */
    String description();

    /** Opus works, through {@code opus.implementation()}. */
    record Available(OpusCodec opus, String description) implements OpusSupport {
        @Override
        public Optional<OpusCodec> codec() {
            return Optional.of(opus);
        }
    }

    /** Neither libopus nor the Java port could be loaded; {@code description} says why. */
    record Unavailable(String description) implements OpusSupport {
        @Override
        public Optional<OpusCodec> codec() {
            return Optional.empty();
        }
    }
}
