package org.switchboard.pbx.b2bua;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.TelephoneEventSender;

/**
 * The transcoded path of a call whose phones share no codec (a G.722 or Opus phone calling a
 * G.711-only one): instead of relaying packets, the server ends both legs, each in its own codec,
 * and connects their audio through PCM ({@link MediaChannel#connect}, a {@code PcmBridge}), as
 * Asterisk and FreeSWITCH do. The relay stays the default; {@link MediaSession#transcoded()}
 * says, after each completed offer/answer exchange, which path the phones' codecs need.
 *
 * <p><b>The rules</b>, each applied on the call's executor:
 * <ol>
 *   <li><b>Follow the exchange</b> ({@link #sync}, after every answer: early media, the 2xx, an
 *       ACK with a late answer, a re-INVITE or UPDATE passed on). Transcoded: each endpoint is
 *       TERMINATED with its own leg's audio ({@link NegotiatedAudio#config}: codec, payload types,
 *       telephone-event, the phone's {@code ptime}) and the two channels are connected. A leg whose
 *       settings did not change keeps its channel (a refresh or a new address is not heard).
 *       Relayed again (a re-INVITE found a common codec): the channels go back to relaying and the
 *       endpoints are bridged, the fast path.</li>
 *   <li><b>Key presses</b> pass between the legs when either negotiated telephone-event
 *       (RFC 4733): a press one leg reports, by event or, on a leg without telephone-event whose
 *       partner has it, by its tones in the audio, is sent on the other leg once it ended, for as
 *       long as it lasted (40 ms at least; it arrives that much later): as events where that leg
 *       negotiated telephone-event, else as tones. With telephone-event on neither leg the tones
 *       simply pass in the transcoded audio.</li>
 *   <li><b>Hold</b> ({@link Hold}): the leg of a party that hears music is lent to the music
 *       ({@link #lend}); when the music stops, {@link #takeBack} terminates it again and connects
 *       it to the other leg: the call resumes transcoded, never relayed between codecs that differ.</li>
 * </ol>
 */
final class Transcoding {
    private static final Logger LOG = LoggerFactory.getLogger(Transcoding.class);
    private static final int MIN_PRESS_MILLIS = 40;

    private final Call call;
    /** The legs this path terminated and still owns. */
    private final Map<Side, Leg> legs = new EnumMap<>(Side.class);

    Transcoding(Call call) {
        this.call = call;
    }

    /** An offer/answer exchange completed: the legs follow the path it settled on (rule 1). */
    void sync() {
        if (call.media().transcoded()) connect();
        else relay();
    }

    /** {@code side}'s party is about to hear music: its leg is no longer this path's (rule 3). */
    void lend(Side side) {
        legs.remove(side);
    }

    /**
     * {@code side}'s music stopped: on a transcoded call its leg is terminated and connected again
     * and this returns true; otherwise false, and the leg is the relay's as before.
     */
    boolean takeBack(Side side) {
        if (!call.media().transcoded()) return false;
        connect();
        return true;
    }

    /** Whether the server transcodes the call's audio now (both legs terminated and connected). */
    boolean active() { return legs.size() == Side.values().length; }

    /**
     * The server answers the caller itself ({@link ServerAnswer}): the legs this path terminated
     * (early media in two codecs) go back to relaying, unbridged; the caller's is terminated anew.
     */
    void drop() {
        for (Leg leg : legs.values()) leg.channel.relay();
        legs.clear();
    }

    /** The call ended: the channels die with the endpoints, which the call closes. */
    void end() {
        legs.clear();
    }

    private void connect() {
        Map<Side, LegAudioConfig> wanted = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Optional<LegAudioConfig> config = call.legAudio(side);
            if (config.isEmpty()) {
                LOG.info("Call {}: no settings to transcode {}'s audio {}: relayed", call.id, side,
                        call.media().audio(side).orElse(null));
                relay();
                return;
            }
            wanted.put(side, config.get());
        }
        boolean changed = false;
        for (Side side : Side.values()) {
            if (call.hold().hearsMusic(side)) continue;
            LegAudioConfig own = wanted.get(side);
            // a leg without events whose partner has them listens for tones, to send them on as events
            own = own.withInbandDtmf(!own.hasTelephoneEvent() && wanted.get(side.other()).hasTelephoneEvent());
            Leg current = legs.get(side);
            if (current != null && current.config.withSsrc(0).equals(own.withSsrc(0))) continue;
            Leg leg = new Leg(side, own);
            try {
                leg.channel = call.media().endpoint(side).terminate(own, call.executor, leg);
            } catch (RuntimeException e) {
                LOG.warn("Call {}: cannot terminate {}'s media to transcode: {}", call.id, side, e.toString());
                legs.remove(side);
                return;
            }
            legs.put(side, leg);
            changed = true;
        }
        if (changed && active()) {
            legs.get(Side.CALLER).channel.connect(legs.get(Side.CALLEE).channel);
            LOG.debug("Call {}: transcoding {} <-> {}", call.id, legs.get(Side.CALLER).config.codec(),
                    legs.get(Side.CALLEE).config.codec());
        }
    }

    private void relay() {
        if (legs.isEmpty()) return;
        for (Leg leg : legs.values()) leg.channel.relay();
        legs.clear();
        call.media().rebridge();
        LOG.debug("Call {}: relayed again", call.id);
    }

    /** One terminated leg of the path; it hears its own key presses (rule 2). */
    private final class Leg implements LegAudioListener {
        final Side side;
        final LegAudioConfig config;
        MediaChannel channel;

        Leg(Side side, LegAudioConfig config) {
            this.side = side;
            this.config = config;
        }

        @Override
        public void onDigit(DtmfEvent event) {
            Leg other = legs.get(side.other());
            if (legs.get(side) != this || other == null) return;
            if (!config.hasTelephoneEvent() && !other.config.hasTelephoneEvent()) return;
            int millis = Math.clamp(event.durationMillis(), MIN_PRESS_MILLIS, TelephoneEventSender.MAX_DURATION_MILLIS);
            other.channel.sendDtmf(event.digit(), millis);
        }
    }
}
