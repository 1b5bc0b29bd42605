package org.switchboard.media.record;

import java.util.Objects;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.codec.AudioCodec;

/**
 * What one party of a recorded call sends, as its offer/answer settled it: the voice codec and
 * its payload type (RFC 3551 static types or the dynamic one of {@code a=rtpmap}, RFC 4566 §6),
 * and the payload type and clock rate of {@code telephone-event} (RFC 4733 §7.1.1) when agreed.
 * Invalid values fail here, with a message naming the field.
 *
 * @param codec                     the party's voice codec; its PCM rate must be 8, 16 or 48 kHz
 *                                  (every codec of {@code Codecs.standard()} and Opus)
 * @param payloadType               its RTP payload type, 0..127
 * @param telephoneEventPayloadType telephone-event's payload type, or {@link #NO_TELEPHONE_EVENT}
 * @param telephoneEventClockRate   its clock rate, 1000..192000 Hz (8000 when there is none)
 */
public record RecordingFormat(AudioCodec codec, int payloadType, int telephoneEventPayloadType,
                              int telephoneEventClockRate) {

    /** {@link #telephoneEventPayloadType()} when the party agreed to no telephone-event. */
    public static final int NO_TELEPHONE_EVENT = -1;

    public RecordingFormat {
        Objects.requireNonNull(codec, "codec");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payloadType must be 0..127, got " + payloadType);
        }
        if (telephoneEventPayloadType != NO_TELEPHONE_EVENT
                && (telephoneEventPayloadType < 0 || telephoneEventPayloadType > 127)) {
            throw new IllegalArgumentException("telephoneEventPayloadType must be 0..127 or -1 (none), got "
                    + telephoneEventPayloadType);
        }
        if (telephoneEventPayloadType == payloadType) {
            throw new IllegalArgumentException("telephone-event and " + codec.encodingName()
                    + " cannot share payload type " + payloadType);
        }
        if (telephoneEventClockRate < 1000 || telephoneEventClockRate > 192_000) {
            throw new IllegalArgumentException("telephoneEventClockRate must be 1000..192000 Hz, got "
                    + telephoneEventClockRate);
        }
        int rate = codec.sampleRate();
        if (rate != 8000 && rate != 16_000 && rate != 48_000) {
            throw new IllegalArgumentException("cannot record " + codec.encodingName() + " at " + rate
                    + " Hz: codecs at 8, 16 or 48 kHz are recorded");
        }
    }

    /** {@code codec} on {@code payloadType}, without telephone-event. */
    public static RecordingFormat of(AudioCodec codec, int payloadType) {
        return new RecordingFormat(codec, payloadType, NO_TELEPHONE_EVENT, 8000);
    }

    /** What a terminated leg's settings say the phone sends: the same codec and payload types. */
    public static RecordingFormat of(LegAudioConfig config) {
        Objects.requireNonNull(config, "config");
        return new RecordingFormat(config.codec(), config.payloadType(), config.telephoneEventPayloadType(),
                config.telephoneEventClockRate());
    }

    /** The same with telephone-event on {@code payloadType} at {@code clockRate} Hz. */
    public RecordingFormat withTelephoneEvent(int eventPayloadType, int clockRate) {
        return new RecordingFormat(codec, payloadType, eventPayloadType, clockRate);
    }

    /** Whether telephone-event was agreed, so key presses can be seen. */
    public boolean hasTelephoneEvent() {
        return telephoneEventPayloadType != NO_TELEPHONE_EVENT;
    }

    /** The rate a recording of this party alone would use: 8 kHz for narrowband codecs, else 16 kHz. */
    int recordingRate() {
        return codec.sampleRate() <= 8000 ? 8000 : 16_000;
    }

    @Override
    public String toString() {
        return codec.encodingName() + "/" + codec.clockRate() + " pt " + payloadType
                + (hasTelephoneEvent() ? ", telephone-event pt " + telephoneEventPayloadType : "");
    }
}
