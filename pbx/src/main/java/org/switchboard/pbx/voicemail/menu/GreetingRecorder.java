package org.switchboard.pbx.voicemail.menu;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.dsp.TonePlan;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.Announcement;
import org.switchboard.pbx.voice.Choice;
import org.switchboard.pbx.voice.Conversation;
import org.switchboard.pbx.voice.Played;
import org.switchboard.pbx.voice.RecordLimits;
import org.switchboard.pbx.voice.Recorded;
import org.switchboard.pbx.voice.WavChannelSink;
import org.switchboard.pbx.voicemail.VoicemailServices;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.pbx.voicemail.greeting.Greeting;
import org.switchboard.pbx.voicemail.greeting.GreetingDraft;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;

/**
 * The owner records a greeting (or their name): instructions ({@code *} cancels), the beep, the
 * recording until {@code #}, silence or {@link #MAX_LENGTH}, then review: {@code 1} keep,
 * {@code 2} record again, {@code 3} listen. The recording is stored as soon as it ends (as a
 * voicemail system keeps what the owner said if they hang up during the review), through
 * {@code GreetingStore} (written durably, then indexed); one shorter than
 * {@code voicemail.min-message-length} is dropped and asked again. A new temporary greeting plays
 * until it is deleted, whatever end time an older one had.
 */
final class GreetingRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(GreetingRecorder.class);
    /** Longest greeting: callers hang up long before. */
    static final Duration MAX_LENGTH = Duration.ofMinutes(2);
    /** Recordings in one go (records again and failures), then back to the options. */
    static final int ATTEMPTS = 5;
    private static final Announcement BEEP = Announcement.tone(TonePlan.BEEP, "beep");
    private static final Announcement REVIEW = Announcement.of(PromptKey.VM_RECORD_REVIEW, PromptKey.VM_RECORD_LISTEN);

    private final VoicemailServices voicemail;
    private final Conversation talk;
    private final String mailbox;

    GreetingRecorder(VoicemailServices voicemail, Conversation talk, String mailbox) {
        this.voicemail = voicemail;
        this.talk = talk;
        this.mailbox = mailbox;
    }

    void record(GreetingKind kind) throws InterruptedException {
        PromptKey instructions = kind == GreetingKind.NAME ? PromptKey.VM_RECORD_NAME : PromptKey.VM_RECORD_GREETING;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!(talk.play(Announcement.of(instructions), "*") instanceof Played.ToEnd)) return;
            if (!(talk.play(BEEP, "") instanceof Played.ToEnd)) return;
            Optional<Greeting> greeting = take(kind);
            if (talk.hungUp()) return;
            if (greeting.isEmpty()) {
                talk.play(Announcement.of(PromptKey.PLEASE_TRY_AGAIN), "");
                continue;
            }
            if (reviewed(greeting.get())) return;
        }
    }

    /** The recording, stored when long enough. */
    private Optional<Greeting> take(GreetingKind kind) throws InterruptedException {
        VoicemailSettings settings = voicemail.settings();
        try (GreetingDraft draft = voicemail.greetings().begin(mailbox, kind)) {
            WavChannelSink sink = WavChannelSink.start(draft.channel(), Math.min(talk.line().sampleRate(), 16_000));
            Recorded recorded = talk.record(sink, new RecordLimits(MAX_LENGTH, Optional.of(settings.silenceEnd()),
                    settings.silenceThreshold(), "#"));
            if (recorded.end() instanceof Recorded.End.Failed failed) {
                LOG.warn("Greeting {} of mailbox {} not recorded: {}", kind.stem(), mailbox, failed.why());
                return Optional.empty();
            }
            Duration trim = recorded.end() instanceof Recorded.End.Silence ? recorded.trailingSilence() : Duration.ZERO;
            Duration length = sink.finish(trim);
            if (length.compareTo(settings.minMessageLength()) < 0) return Optional.empty();
            Greeting greeting = draft.commit();
            if (kind == GreetingKind.TEMPORARY) voicemail.mailboxes().temporaryGreetingUntil(mailbox, Optional.empty());
            return Optional.of(greeting);
        } catch (IOException e) {
            LOG.warn("Greeting {} of mailbox {} not recorded: {}", kind.stem(), mailbox, e.getMessage());
            return Optional.empty();
        }
    }

    /** True when the owner is done with it; false to record it again. */
    private boolean reviewed(Greeting greeting) throws InterruptedException {
        while (true) {
            switch (talk.choose(REVIEW, "123*#")) {
                case Choice.Picked p when p.key() == '2' -> {
                    return false;
                }
                case Choice.Picked p when p.key() == '3' -> {
                    if (talk.play(Announcement.recording(voicemail.greetings().file(greeting),
                            "greeting:" + greeting.kind().stem())) instanceof Played.HungUp) {
                        return true;
                    }
                }
                case Choice.Picked _ -> {
                    talk.play(Announcement.of(PromptKey.VM_RECORDING_SAVED), "");
                    return true;
                }
                case Choice.GaveUp _, Choice.HungUp _ -> {
                    return true;
                }
            }
        }
    }
}
