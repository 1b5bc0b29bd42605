package org.switchboard.pbx.b2bua;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.channel.WavSource;
import org.switchboard.media.record.Party;
import org.switchboard.media.record.RecordingFormat;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.RecordingPolicy;
import org.switchboard.pbx.prompt.Prompt;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.recording.CallRecordingSession;
import org.switchboard.pbx.recording.RecordedCall;
import org.switchboard.pbx.recording.Trigger;

/**
 * Call recording of one call, by the extensions' policies ({@link RecordingPolicy}): once both
 * phones are connected, an extension that records {@code always} starts a recording, and a party
 * whose extension records {@code on-demand} switches it on and off with {@code *1}
 * ({@code pbx.recording}). Calls the server answers itself (voicemail, menus) are not recorded:
 * the voicemail message is the recording. A call put through from an application (the operator
 * of voicemail's {@code 0}) is, once its callee answers.
 *
 * <p><b>Announcement.</b> With {@code recording.announce}, when a recording starts both parties
 * hear the prompt {@code call-recorded} (in the callee extension's language): each endpoint is
 * terminated for the prompt and relays again when it ends. The recording runs meanwhile (what the
 * phones send is recorded). Not announced when a leg is held or transcoded (its endpoint is
 * already the server's): one DEBUG line.
 *
 * <p>Runs on the call's executor.
 */
final class RecordingHook {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingHook.class);

    private final Call call;
    private final Map<Party, RecordingFormat> formats = new EnumMap<>(Party.class);
    private final Map<Side, MediaChannel> announcing = new EnumMap<>(Side.class);
    private CallRecordingSession session;
    private boolean decided;

    RecordingHook(Call call) {
        this.call = call;
    }

    /** The phones' media settled (an answer, a re-INVITE): starts, or follows a codec change. */
    void sync() {
        Optional<CallRecordingFeature> feature = call.context().recording();
        if (feature.isEmpty() || call.state() != Call.State.ANSWERED || call.dialog(Side.CALLEE) == null) return;
        Optional<LegAudioConfig> caller = config(Side.CALLER);
        Optional<LegAudioConfig> callee = config(Side.CALLEE);
        if (caller.isEmpty() || callee.isEmpty()) return;
        if (session != null) {
            follow(Party.CALLER, RecordingFormat.of(caller.get()));
            follow(Party.CALLEE, RecordingFormat.of(callee.get()));
            return;
        }
        if (decided) return;
        decided = true;
        String callerNumber = call.number(Side.CALLER);
        String calleeNumber = call.number(Side.CALLEE);
        RecordingPolicy callerPolicy = policy(callerNumber);
        RecordingPolicy calleePolicy = policy(calleeNumber);
        Map<Party, Trigger> onDemand = new EnumMap<>(Party.class);
        if (callerPolicy == RecordingPolicy.ON_DEMAND) onDemand.put(Party.CALLER, Trigger.onDemand(callerNumber));
        if (calleePolicy == RecordingPolicy.ON_DEMAND) onDemand.put(Party.CALLEE, Trigger.onDemand(calleeNumber));
        boolean always = callerPolicy == RecordingPolicy.ALWAYS || calleePolicy == RecordingPolicy.ALWAYS;
        if (!always && onDemand.isEmpty()) return;
        RecordingFormat callerFormat = RecordingFormat.of(caller.get());
        RecordingFormat calleeFormat = RecordingFormat.of(callee.get());
        formats.put(Party.CALLER, callerFormat);
        formats.put(Party.CALLEE, calleeFormat);
        RecordedCall recorded = new RecordedCall(call.id,
                new RecordedCall.Side(call.media().endpoint(Side.CALLER), callerFormat, callerNumber),
                new RecordedCall.Side(call.media().endpoint(Side.CALLEE), calleeFormat, calleeNumber));
        try {
            session = feature.get().recordings().open(call.context().media(), recorded, call.executor, onDemand,
                    (party, on) -> {
                        if (on) announce();
                    });
        } catch (RuntimeException e) {
            LOG.warn("Call {}: cannot record: {}", call.id, e.getMessage());
            return;
        }
        if (always) {
            String who = callerPolicy == RecordingPolicy.ALWAYS ? callerNumber : calleeNumber;
            if (session.start(Trigger.always(who))) announce();
        }
    }

    /** Whether a recording runs now, for the live call view. */
    boolean recording() {
        return session != null && session.isRecording();
    }

    /** The call ends: what was recorded is stored; announcements die with the endpoints. */
    void end() {
        announcing.clear();
        if (session != null) session.close();
        session = null;
    }

    private void follow(Party party, RecordingFormat format) {
        if (!format.equals(formats.get(party))) {
            formats.put(party, format);
            session.formatChanged(party, format);
        }
    }

    private RecordingPolicy policy(String number) {
        return call.context().directory().find(number).map(Extension::recording).orElse(RecordingPolicy.NEVER);
    }

    private Optional<LegAudioConfig> config(Side side) {
        return call.legAudio(side);
    }

    /** Both parties hear that the call is recorded (see the class comment). */
    private void announce() {
        Optional<CallRecordingFeature> feature = call.context().recording();
        if (feature.isEmpty() || !feature.get().recordings().settings().announce() || !announcing.isEmpty()) return;
        if (call.media().transcoded() || call.hold().holds(Side.CALLER) || call.hold().holds(Side.CALLEE)) {
            LOG.debug("Call {}: recording not announced: a leg is held or transcoded", call.id);
            return;
        }
        String language = call.context().directory().find(call.number(Side.CALLEE)).flatMap(Extension::language)
                .orElse(feature.get().defaultLanguage());
        for (Side side : Side.values()) {
            Optional<LegAudioConfig> config = config(side);
            Optional<AudioSource> prompt = prompt(feature.get(), language);
            if (config.isEmpty() || prompt.isEmpty()) continue;
            MediaChannel channel;
            try {
                channel = call.media().endpoint(side).terminate(config.get(), call.executor, new LegAudioListener() {
                    @Override
                    public void onSourceFinished(AudioSource source) {
                        back(side);
                    }
                });
            } catch (RuntimeException e) {
                prompt.get().close();
                LOG.debug("Call {}: cannot announce the recording to {}: {}", call.id, side, e.toString());
                continue;
            }
            announcing.put(side, channel);
            channel.play(prompt.get());
        }
    }

    /** One side heard the announcement: relayed again; bridged when both are back. */
    private void back(Side side) {
        MediaChannel channel = announcing.remove(side);
        if (channel == null || !channel.isTerminated()) return;
        channel.relay();
        if (announcing.isEmpty() && call.state() == Call.State.ANSWERED && !call.hold().hearsMusic(Side.CALLER)
                && !call.hold().hearsMusic(Side.CALLEE)) {
            call.media().rebridge();
        }
    }

    private Optional<AudioSource> prompt(CallRecordingFeature feature, String language) {
        try {
            Prompt prompt = feature.prompts().prompt(language, PromptKey.CALL_RECORDED);
            return Optional.of(WavSource.of(prompt::open, false, prompt.key().fileName()));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Call {}: cannot play the recording announcement: {}", call.id, e.getMessage());
            return Optional.empty();
        }
    }
}
