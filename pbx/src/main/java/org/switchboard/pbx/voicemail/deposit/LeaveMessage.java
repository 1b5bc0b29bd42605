package org.switchboard.pbx.voicemail.deposit;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.dsp.TonePlan;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.Announcement;
import org.switchboard.pbx.voice.Announcer;
import org.switchboard.pbx.voice.Conversation;
import org.switchboard.pbx.voice.Played;
import org.switchboard.pbx.voice.RecordLimits;
import org.switchboard.pbx.voice.Recorded;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceLine;
import org.switchboard.pbx.voice.WavChannelSink;
import org.switchboard.pbx.voicemail.VoicemailServices;
import org.switchboard.pbx.voicemail.greeting.DivertReason;
import org.switchboard.pbx.voicemail.greeting.GreetingSelection;
import org.switchboard.pbx.voicemail.mailbox.Mailbox;
import org.switchboard.pbx.voicemail.mailbox.MailboxService.Outcome;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.MessageDraft;
import org.switchboard.pbx.voicemail.message.MessageDraft.Committed;
import org.switchboard.pbx.voicemail.message.MessageStore;
import org.switchboard.pbx.voicemail.message.MessageStore.Begun;

/**
 * A caller leaves a message: the mailbox's greeting ({@code GreetingSelector}: temporary, custom,
 * busy or unavailable, else the system's sentence), the beep, then what they say until {@code #},
 * silence, the maximum length or hanging up, which is how most messages end and still keeps
 * what was said. During the greeting {@code #} skips to the beep, {@code *} lets the owner log in
 * to the mailbox, and {@code 0} (greeting or recording) puts the caller through to the operator
 * when there is one, keeping what they already said.
 *
 * <p>The recording goes into a {@code MessageDraft} as a 16-bit WAV at the line's rate (capped at
 * 16 kHz: a 48 kHz Opus leg would triple the file for nothing a voice needs), trailing silence
 * cut off, then committed: stored, or discarded when shorter than the minimum. The draft is
 * closed on every path, so nothing half-written is ever indexed, and a committed message is the
 * store's to keep.
 */
final class LeaveMessage implements VoiceApplication {
    private static final Logger LOG = LoggerFactory.getLogger(LeaveMessage.class);
    /** Highest rate a message is recorded at, in Hz. */
    static final int MAX_RECORDING_RATE = 16_000;
    /** Silence kept at the end of a message that ended by silence, so it does not stop mid-breath. */
    static final Duration SILENCE_KEPT = Duration.ofMillis(300);
    private static final Announcement BEEP = Announcement.tone(TonePlan.BEEP, "beep");

    private final AnsweringMachine machine;
    private final VoicemailServices voicemail;
    private final String mailbox;
    private final DivertReason reason;

    LeaveMessage(AnsweringMachine machine, String mailbox, DivertReason reason) {
        this.machine = machine;
        this.voicemail = machine.services();
        this.mailbox = mailbox;
        this.reason = reason;
    }

    @Override
    public Ending run(VoiceLine line) throws InterruptedException {
        Optional<Mailbox> box = switch (voicemail.mailboxes().get(mailbox)) {
            case Outcome.Done<Mailbox> done -> Optional.of(done.value());
            case Outcome.Invalid<Mailbox> _, Outcome.NotFound<Mailbox> _ -> Optional.empty();
        };
        String language = box.map(voicemail.mailboxes()::languageOf)
                .orElse(voicemail.mailboxes().defaultLanguage()).tag();
        Conversation talk = new Conversation(line, new Announcer(voicemail.prompts(), language, line.sampleRate()));
        if (box.isEmpty()) {
            LOG.info("No mailbox {}: the caller hears 'not in service'", mailbox);
            talk.say(PromptKey.NOT_IN_SERVICE);
            return HANG_UP;
        }
        MessageStore messages = voicemail.messages();
        if (messages.counts(mailbox).total() >= messages.limits().maxMessages()) return full(talk);

        String greetingKeys = "#*" + (machine.operator().isPresent() ? "0" : "");
        switch (talk.play(greeting(box.get()), greetingKeys)) {
            case Played.HungUp _ -> {
                return HANG_UP;
            }
            case Played.Key k when k.key() == '0' -> {
                return toOperator();
            }
            case Played.Key k when k.key() == '*' -> {
                LOG.info("Owner login to mailbox {} from its greeting", mailbox);
                return machine.menus().ownerOf(mailbox).run(line);
            }
            case Played.Key _, Played.ToEnd _ -> { }
        }
        return record(talk, line);
    }

    private Announcement greeting(Mailbox box) {
        GreetingSelection selection = machine.selector().select(mailbox, box.greetings(),
                voicemail.greetings().list(mailbox), reason, voicemail.clock().instant());
        Announcement greeting = Announcement.NOTHING;
        for (GreetingSelection.Part part : selection.parts()) {
            greeting = greeting.then(switch (part) {
                case GreetingSelection.Part.Recording r -> Announcement.recording(
                        voicemail.greetings().file(r.greeting()), "greeting:" + r.greeting().kind().stem());
                case GreetingSelection.Part.Prompt p -> PromptKey.byFileName(p.key()).map(Announcement::of)
                        .orElseGet(() -> {
                            LOG.warn("Greeting of mailbox {} names an unknown prompt {}", mailbox, p.key());
                            return Announcement.NOTHING;
                        });
            });
        }
        return greeting;
    }

    private Ending record(Conversation talk, VoiceLine line) throws InterruptedException {
        Caller caller = new Caller(line.caller().number(), line.caller().name());
        Begun begun;
        try {
            begun = voicemail.messages().begin(mailbox, caller);
        } catch (IOException e) {
            LOG.warn("Cannot record a message for mailbox {}: {}", mailbox, e.getMessage());
            talk.say(PromptKey.GOODBYE);
            return HANG_UP;
        }
        return switch (begun) {
            case Begun.MailboxFull _ -> full(talk);
            case Begun.Recording recording -> {
                try (MessageDraft draft = recording.draft()) {
                    yield take(talk, line, draft);
                }
            }
        };
    }

    private Ending take(Conversation talk, VoiceLine line, MessageDraft draft) throws InterruptedException {
        switch (talk.play(BEEP, machine.operator().isPresent() ? "0" : "")) {
            case Played.HungUp _ -> {
                return HANG_UP;
            }
            case Played.Key _ -> {
                return toOperator();
            }
            case Played.ToEnd _ -> { }
        }
        WavChannelSink sink;
        try {
            sink = WavChannelSink.start(draft.channel(), Math.min(line.sampleRate(), MAX_RECORDING_RATE));
        } catch (IOException e) {
            LOG.warn("Cannot record a message for mailbox {}: {}", mailbox, e.getMessage());
            talk.say(PromptKey.GOODBYE);
            return HANG_UP;
        }
        Recorded recorded;
        try {
            recorded = talk.record(sink, limits());
        } catch (InterruptedException e) {
            keep(draft, sink, Duration.ZERO);
            throw e;
        }
        if (recorded.end() instanceof Recorded.End.Failed failed) {
            LOG.warn("The message for mailbox {} was not stored: {}", mailbox, failed.why());
            talk.say(PromptKey.GOODBYE);
            return HANG_UP;
        }
        Duration trim = recorded.end() instanceof Recorded.End.Silence
                ? recorded.trailingSilence().minus(SILENCE_KEPT) : Duration.ZERO;
        Optional<Committed> kept = keep(draft, sink, trim.isNegative() ? Duration.ZERO : trim);
        if (recorded.hungUp()) return HANG_UP;
        if (recorded.end() instanceof Recorded.End.Key k && k.key() == '0') return toOperator();
        if (kept.orElse(null) instanceof Committed.Stored) talk.play(Announcement.of(PromptKey.VM_MESSAGE_SAVED), "");
        talk.play(Announcement.of(PromptKey.GOODBYE), "");
        return HANG_UP;
    }

    private RecordLimits limits() {
        var settings = voicemail.settings();
        return new RecordLimits(settings.maxMessageLength(), Optional.of(settings.silenceEnd()),
                settings.silenceThreshold(), machine.operator().isPresent() ? "#0" : "#");
    }

    /** Finishes the WAV file and commits it; a failure is logged and the draft discarded (by its close). */
    private Optional<Committed> keep(MessageDraft draft, WavChannelSink sink, Duration trim) {
        try {
            sink.finish(trim);
            return Optional.of(draft.commit());
        } catch (IOException | RuntimeException e) {
            LOG.warn("The message for mailbox {} was not stored: {}", mailbox, e.getMessage());
            return Optional.empty();
        }
    }

    private Ending full(Conversation talk) throws InterruptedException {
        talk.play(Announcement.of(PromptKey.VM_MAILBOX_FULL, PromptKey.GOODBYE), "");
        return HANG_UP;
    }

    private Ending toOperator() {
        String operator = machine.operator().orElseThrow();
        LOG.info("Caller of mailbox {} asked for the operator {}", mailbox, operator);
        return new Ending.Transfer(operator);
    }
}
