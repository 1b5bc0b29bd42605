package org.switchboard.pbx.b2bua;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.Codecs;
import org.switchboard.sip.sdp.MediaDescription;
import org.switchboard.sip.sdp.RtpFormat;
import org.switchboard.sip.sdp.SessionDescription;

/**
 * The audio one leg's last offer/answer settled on: the voice format in use (the first of the
 * answer, RFC 3264 §6.1; payload type numbers are the same on both legs, since the relay does not
 * rewrite them) and telephone-event (RFC 4733 §7.1.1) when it was agreed. The server needs it to
 * speak on the leg itself, for music on hold: {@link #config} builds the media engine's settings.
 *
 * @param voice          the codec in use, never telephone-event or comfort noise
 * @param telephoneEvent the agreed telephone-event format, or null
 */
record NegotiatedAudio(RtpFormat voice, RtpFormat telephoneEvent) {

    /** The audio of an answer's anchored stream; empty when it has no voice format. */
    static Optional<NegotiatedAudio> of(SessionDescription answer) {
        if (answer == null) return Optional.empty();
        int i = MediaSession.anchoredIndex(answer);
        if (i < 0) return Optional.empty();
        List<RtpFormat> formats = answer.media().get(i).rtpFormats();
        RtpFormat voice = formats.stream().filter(f -> !f.isTelephoneEvent() && !f.codec().isComfortNoise())
                .findFirst().orElse(null);
        if (voice == null) return Optional.empty();
        RtpFormat event = formats.stream().filter(RtpFormat::isTelephoneEvent)
                .filter(f -> f.clockRate() == voice.clockRate()).findFirst()
                .or(() -> formats.stream().filter(RtpFormat::isTelephoneEvent).findFirst()).orElse(null);
        return Optional.of(new NegotiatedAudio(voice, event));
    }

    /**
     * The audio the server answers an offer with when it speaks on the leg itself
     * ({@link ServerAnswer}): the offerer's most preferred voice format that {@code codecs}
     * decodes (RFC 3264 §6.1: the answer keeps the offer's order), and telephone-event when offered
     * (RFC 4733 §7.1.1), at the voice's clock rate when there is one; empty when nothing decodes.
     */
    static Optional<NegotiatedAudio> choose(MediaDescription offer, TranscodableCodecs codecs) {
        RtpFormat voice = codecs.firstDecodable(offer).orElse(null);
        if (voice == null) return Optional.empty();
        List<RtpFormat> events = offer.rtpFormats().stream().filter(RtpFormat::isTelephoneEvent)
                .filter(f -> f.payloadType() != voice.payloadType()).toList();
        RtpFormat event = events.stream().filter(f -> f.clockRate() == voice.clockRate()).findFirst()
                .or(() -> events.stream().findFirst()).orElse(null);
        return Optional.of(new NegotiatedAudio(voice, event));
    }

    /**
     * Whether a new offer still carries this audio under the same payload types, so that an
     * answer keeping it changes nothing for the other leg's relay.
     */
    boolean offeredIn(MediaDescription offer) {
        return offer.rtpFormat(String.valueOf(voice.payloadType())).filter(f -> f.codec().equals(voice.codec())).isPresent();
    }

    /** The payload types to answer with: the voice one, and telephone-event's when the offer has it too. */
    List<String> payloadTypes(MediaDescription offer) {
        String voicePt = String.valueOf(voice.payloadType());
        if (telephoneEvent == null) return List.of(voicePt);
        String eventPt = String.valueOf(telephoneEvent.payloadType());
        boolean kept = offer.rtpFormat(eventPt).filter(f -> f.codec().equals(telephoneEvent.codec())).isPresent();
        return kept ? List.of(voicePt, eventPt) : List.of(voicePt);
    }

    /**
     * The settings to terminate the leg with: the codec from {@code codecs} by its rtpmap name,
     * clock and channels, our packet time as the phone asked ({@code a=ptime} of its own
     * description, RFC 4566 §6; 20 ms when absent or not usable with the codec), no in-band DTMF
     * detection (nobody listens for keys on hold). Empty when {@code codecs} does not know the codec.
     *
     * @param phone the phone's own last description of the leg, for its ptime; may be null
     */
    Optional<LegAudioConfig> config(Codecs codecs, SessionDescription phone, String cname) {
        Optional<AudioCodec> codec = codecs.find(voice.encodingName(), voice.clockRate(), voice.channels());
        if (codec.isEmpty()) return Optional.empty();
        LegAudioConfig config = new LegAudioConfig(codec.get(), voice.payloadType(), LegAudioConfig.NO_TELEPHONE_EVENT,
                8000, LegAudioConfig.DEFAULT_PTIME_MILLIS, ThreadLocalRandom.current().nextLong(1L << 32), cname, false);
        if (telephoneEvent != null && telephoneEvent.payloadType() != voice.payloadType()) {
            config = config.withTelephoneEvent(telephoneEvent.payloadType(), telephoneEvent.clockRate());
        }
        int ptime = ptime(phone);
        if (ptime > 0 && ptime != config.ptimeMillis()) {
            try {
                config = config.withPtime(ptime);
            } catch (IllegalArgumentException unusable) {
                // e.g. 30 ms asked of Opus: the default packet time is still understood (RFC 3264 §5.1)
            }
        }
        return Optional.of(config);
    }

    /** The {@code a=ptime} of the description's anchored stream in whole milliseconds, or -1. */
    private static int ptime(SessionDescription sdp) {
        if (sdp == null) return -1;
        int i = MediaSession.anchoredIndex(sdp);
        if (i < 0) return -1;
        return sdp.media().get(i).attribute("ptime").map(a -> a.value()).map(NegotiatedAudio::millis).orElse(-1);
    }

    private static int millis(String text) {
        try {
            double ms = Double.parseDouble(text.strip());
            return ms >= 1 && ms <= 1000 ? (int) Math.round(ms) : -1;
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return voice + (telephoneEvent == null ? "" : ", " + telephoneEvent);
    }
}
