package org.switchboard.pbx.b2bua;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.moh.MusicOnHold;
import org.switchboard.sip.sdp.MediaDescription;
import org.switchboard.sip.sdp.SessionDescription;

/**
 * Hold and music on hold: when a phone holds the call, the server answers it and plays music to
 * the other party, as Asterisk and FreeSWITCH do, instead of passing the hold on (the other phone
 * would only hear silence).
 *
 * <p><b>What is a hold.</b> An offer (re-INVITE or UPDATE) whose anchored audio stream no longer
 * receives: {@code sendonly}, {@code inactive}, or the RFC 2543 way, connection address
 * {@code 0.0.0.0} (RFC 3264 §8.4). A phone "holds" from such an offer until an offer of its
 * own receives again (resume).
 *
 * <p><b>The rules</b>, each applied on the call's executor:
 * <ol>
 *   <li><b>Answered here.</b> An offer is answered by the server, and not passed on, when it holds
 *       or resumes, or when it comes from a phone while either phone holds (a refresh, a new
 *       address): {@code recvonly} to {@code sendonly}, {@code inactive} to {@code inactive},
 *       {@code sendrecv} to a resume, on our same port, with the audio in use (its codec and
 *       telephone-event, same payload types: the relay rewrites none), SRTP as {@link SrtpLeg}
 *       answers. The other phone sees no re-INVITE.</li>
 *   <li><b>Music.</b> A party hears music while the other phone holds and it does not hold
 *       itself: its media endpoint switches from relaying to TERMINATED with the codec its leg
 *       negotiated and plays, looped, from the next packet (20 ms), the music class of the
 *       <em>holding</em> extension ({@code extension set N --moh CLASS}, as Asterisk plays the
 *       holding channel's class), else the server's {@code moh.default-class}; a class with no
 *       playable file plays the default instead, with a WARN line. What the holding phone may
 *       still send ({@code sendonly}) is dropped; what the held phone says goes nowhere.</li>
 *   <li><b>Resume</b> switches the held party's endpoint back to RELAYED
 *       ({@link MediaChannel#relay()}; the phone's stream goes on under the same SSRC and numbering) and bridges the legs
 *       again: both hear each other at once. On a call whose phones share no codec the leg goes
 *       back to the transcoded bridge instead ({@link Transcoding#takeBack}).</li>
 *   <li><b>Both hold</b> (each holds the other): nobody hears music. Each phone asked to receive
 *       nothing (we answered each {@code recvonly} or {@code inactive}), so both legs are relayed
 *       and the phones ignore what comes. When one resumes, it hears music: the other still
 *       holds it.</li>
 *   <li><b>Passed on, as before this feature,</b> when the server cannot keep the call's audio:
 *       an offer whose codec or payload types differ from those in use (a codec change, on hold
 *       or not), or a hold whose party would get music in a codec the server does not speak
 *       ({@code Codecs} has no such codec: one DEBUG line). The other phone then learns of the
 *       hold from its re-INVITE and hears silence. Once a passed-on exchange completes, both
 *       phones know each other's directions again: the server holds nothing any more and both
 *       legs are relayed. A re-INVITE without SDP is passed on too (the other phone offers).</li>
 *   <li><b>No music to play</b> (every file of the class unreadable): the hold is still answered
 *       here and the party hears silence.</li>
 * </ol>
 * The media timeout is paused while either phone holds ({@link MediaSession}); session timers
 * go on per leg (a holding phone's refresh is answered here like any of its offers); a BYE on
 * hold ends the call as always, the endpoints closing with their channels; a re-INVITE while an
 * exchange is passed on gets 491 ({@link DialogRelay}).
 */
final class Hold {
    private static final Logger LOG = LoggerFactory.getLogger(Hold.class);

    private final Call call;
    /** The sides whose phone holds now. */
    private final Set<Side> holding = EnumSet.noneOf(Side.class);
    /** The sides whose endpoint plays music now. */
    private final Map<Side, MediaChannel> music = new EnumMap<>(Side.class);

    Hold(Call call) {
        this.call = call;
    }

    /** Whether the server answers {@code from}'s offer itself (rule 1) rather than passing it on (rule 5). */
    boolean answersLocally(Side from, SessionDescription offer) {
        int i = MediaSession.anchoredIndex(offer);
        if (i < 0) return false;
        MediaDescription m = offer.media().get(i);
        boolean holds = offer.isHeld(m);
        if (!holds && holding.isEmpty()) return false;
        Optional<NegotiatedAudio> audio = call.media().audio(from);
        if (audio.isEmpty() || !audio.get().offeredIn(m)) {
            LOG.debug("Call {}: {} offers other audio than {}: passed on", call.id, from, audio.orElse(null));
            return false;
        }
        Set<Side> next = after(from, holds);
        Side other = from.other();
        if (hearsMusic(other, next) && !music.containsKey(other) && musicConfig(other).isEmpty()) {
            LOG.debug("Call {}: no music in {} for {}: the hold is passed on", call.id, audio.get(), other);
            return false;
        }
        return true;
    }

    /** The server answered {@code from}'s offer: who holds now, and the legs follow (rules 2 to 4). */
    void answered(Side from, SessionDescription offer) {
        int i = MediaSession.anchoredIndex(offer);
        boolean holds = i >= 0 && offer.isHeld(offer.media().get(i));
        Set<Side> next = after(from, holds);
        if (!next.equals(holding)) {
            LOG.debug("Call {}: {} {}", call.id, from, holds ? "holds" : "resumes");
        }
        holding.clear();
        holding.addAll(next);
        apply();
        call.publish();
    }

    /** An exchange passed on completed (rule 5): both phones know each other's directions; nobody holds here. */
    void passedOn() {
        if (holding.isEmpty() && music.isEmpty()) return;
        LOG.debug("Call {}: an exchange was passed on, the server holds nothing any more", call.id);
        holding.clear();
        apply();
        call.publish();
    }

    /** The call ended: the channels die with the endpoints, which the call closes. */
    void end() {
        holding.clear();
        music.clear();
    }

    /** Whether {@code side}'s phone holds the call now. */
    boolean holds(Side side) { return holding.contains(side); }

    /** Whether {@code side}'s party hears music now. */
    boolean hearsMusic(Side side) { return music.containsKey(side); }

    private Set<Side> after(Side from, boolean holds) {
        Set<Side> next = holding.isEmpty() ? EnumSet.noneOf(Side.class) : EnumSet.copyOf(holding);
        if (holds) next.add(from);
        else next.remove(from);
        return next;
    }

    private static boolean hearsMusic(Side side, Set<Side> holding) {
        return holding.contains(side.other()) && !holding.contains(side);
    }

    /** Brings each endpoint to what the holds ask: music or relaying. */
    private void apply() {
        for (Side side : Side.values()) {
            boolean wanted = hearsMusic(side, holding);
            MediaChannel channel = music.get(side);
            if (wanted && channel == null) {
                startMusic(side);
            } else if (!wanted && channel != null) {
                music.remove(side);
                if (!call.transcoding().takeBack(side)) {
                    channel.relay();
                    call.media().rebridge();
                }
            }
        }
    }

    private void startMusic(Side side) {
        Optional<LegAudioConfig> config = musicConfig(side);
        if (config.isEmpty()) {
            LOG.debug("Call {}: no music for {}: codec {} unknown here", call.id, side, call.media().audio(side).orElse(null));
            return;
        }
        Optional<AudioSource> source = music(side.other());
        if (source.isEmpty()) {
            LOG.debug("Call {}: no music to play to {}: silence", call.id, side);
            return;
        }
        MediaChannel channel;
        call.transcoding().lend(side);
        try {
            channel = call.media().endpoint(side).terminate(config.get(), call.executor, LegAudioListener.IGNORE);
        } catch (RuntimeException e) {
            source.get().close();
            LOG.debug("Call {}: cannot terminate {}'s media for music: {}", call.id, side, e.toString());
            return;
        }
        music.put(side, channel);
        try {
            channel.play(source.get());
        } catch (RuntimeException e) {
            source.get().close();
            LOG.debug("Call {}: cannot play music to {}, silence: {}", call.id, side, e.toString());
        }
    }

    /** The music class of {@code holder}'s extension if it has one with music now, else the default class. */
    private Optional<AudioSource> music(Side holder) {
        MusicOnHold moh = call.context().moh();
        String number = call.number(holder);
        Optional<String> own = call.context().directory().find(number).flatMap(Extension::mohClass);
        if (own.isEmpty()) return moh.play();
        if (moh.find(own.get()).isEmpty()) {
            LOG.warn("Music on hold: class '{}' of extension {} has no music file; playing the default class '{}'",
                    own.get(), number, moh.defaultClass());
            return moh.play();
        }
        return moh.play(own.get());
    }

    private Optional<LegAudioConfig> musicConfig(Side side) {
        return call.legAudio(side);
    }
}
