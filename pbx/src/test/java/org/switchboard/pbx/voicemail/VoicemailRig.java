package org.switchboard.pbx.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.prompt.PromptLibrary;
import org.switchboard.pbx.voice.ScriptedLine;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplications;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.pbx.voicemail.call.VoicemailApplications;
import org.switchboard.pbx.voicemail.greeting.Greeting;
import org.switchboard.pbx.voicemail.greeting.GreetingDraft;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.greeting.GreetingSelector;
import org.switchboard.pbx.voicemail.greeting.GreetingStore;
import org.switchboard.pbx.voicemail.greeting.MemoryGreetingRepository;
import org.switchboard.pbx.voicemail.mailbox.MailboxChange;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.mailbox.MailboxService;
import org.switchboard.pbx.voicemail.mailbox.MemoryMailboxRepository;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.MemoryMessageRepository;
import org.switchboard.pbx.voicemail.message.MessageDraft;
import org.switchboard.pbx.voicemail.message.MessageRepository;
import org.switchboard.pbx.voicemail.message.MessageStore;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

/**
 * Voicemail with real stores in a temporary directory and in-memory indexes, extensions 1001 to
 * 1003 (1000 is the operator), the bundled prompts, a clock at Monday 2 March 2026 09:00 UTC, and
 * calls on {@link ScriptedLine}s. {@link #lamps} records every count change, as MWI would hear it.
 */
public final class VoicemailRig {
    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    public static final String OPERATOR = "1000";
    /** The PIN the tests give mailboxes ({@link #pin}) and owners type ({@link #logsIn}). */
    public static final String PIN = "2580";

    public final Path root;
    public final TestClock clock = new TestClock(NOW);
    public final VoicemailSettings settings;
    public final MailboxService mailboxes;
    public final GreetingStore greetings;
    public final MessageStore messages;
    public final PromptLibrary prompts;
    public final List<String> lamps = new CopyOnWriteArrayList<>();

    public VoicemailRig(Path root) {
        this(root, VoicemailSettings.DEFAULT);
    }

    public VoicemailRig(Path root, VoicemailSettings settings) {
        this(root, settings, new MemoryMessageRepository());
    }

    public VoicemailRig(Path root, VoicemailSettings settings, MessageRepository messageIndex) {
        this.root = root;
        this.settings = settings;
        this.mailboxes = new MailboxService(new MemoryMailboxRepository(), Set.of("1000", "1001", "1002", "1003")::contains,
                new SplittableRandom(3), 1000, MailboxLanguage.EN);
        this.greetings = new GreetingStore(root.resolve("voicemail"), new MemoryGreetingRepository(), clock);
        this.messages = new MessageStore(root.resolve("voicemail"), messageIndex, settings.limits(), clock,
                new SplittableRandom(5));
        this.messages.addCountsListener((mailbox, c) -> lamps.add(mailbox + " " + c.newMessages() + "/"
                + c.oldMessages() + "/" + c.savedMessages()));
        this.prompts = new PromptLibrary(root.resolve("prompts"));
    }

    /** Voicemail with {@link #OPERATOR} for {@code 0}. */
    public VoiceApplications applications() {
        return applications(Optional.of(OPERATOR));
    }

    public VoiceApplications applications(Optional<String> operator) {
        return new VoicemailApplications(mailboxes, greetings, new GreetingSelector(ZoneOffset.UTC), messages, settings,
                prompts, clock, ZoneOffset.UTC, operator);
    }

    /** The application that takes a call to {@code mailbox} that was not answered for {@code why}. */
    public VoiceApplication deposit(String mailbox, VoiceApplications.Unanswered why, VoiceCaller caller) {
        return applications().unanswered(mailbox, why, caller).orElseThrow();
    }

    /** A caller with a number and a name, authenticated as {@code authenticated} ("" for none), who dialled {@code dialled}. */
    public static VoiceCaller caller(String number, String name, String authenticated, String dialled) {
        return new VoiceCaller(number, name, authenticated, dialled);
    }

    /**
     * An owner's call that reaches the PIN prompt by pressing {@code keys} at {@code cue}, types
     * {@link #PIN} and leaves at the main menu ({@code #}): a login that works, on any way in.
     */
    public static ScriptedLine logsIn(VoiceCaller caller, ScriptedLine.Cue cue, String keys) {
        return new ScriptedLine(caller).on(cue).press(keys)
                .on(ScriptedLine.Cue.playing(PromptKey.VM_ENTER_PIN)).press(PIN + "#")
                .on(ScriptedLine.Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("#");
    }

    /** A message of {@code length} left now by {@code from}; the clock then moves on a minute. */
    public VoicemailMessage leave(String mailbox, Caller from, Duration length) {
        try {
            MessageStore.Begun begun = messages.begin(mailbox, from);
            try (MessageDraft draft = ((MessageStore.Begun.Recording) begun).draft()) {
                draft.output().write(TestWav.ulaw(length));
                MessageDraft.Committed committed = draft.commit();
                clock.advance(Duration.ofMinutes(1));
                return ((MessageDraft.Committed.Stored) committed).message();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded greeting of {@code length}. */
    public Greeting greeting(String mailbox, GreetingKind kind, Duration length) {
        try (GreetingDraft draft = greetings.begin(mailbox, kind)) {
            draft.output().write(TestWav.ulaw(length));
            return draft.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void pin(String mailbox, String pin) {
        assertThat(mailboxes.update(mailbox, MailboxChange.NONE.withPin(pin)))
                .isInstanceOf(MailboxService.Outcome.Done.class);
    }

    /** An administrator's own recording of a prompt in {@code language}, of {@code length}. */
    public void customPrompt(String language, String key, Duration length) {
        try {
            Path dir = Files.createDirectories(root.resolve("prompts").resolve(language));
            Files.write(dir.resolve(key + ".wav"), TestWav.ulaw(length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of {@code mailbox}'s directory, greetings excluded. */
    public List<String> files(String mailbox) {
        Path dir = root.resolve("voicemail").resolve(mailbox);
        if (!Files.isDirectory(dir)) return List.of();
        try (var stream = Files.list(dir)) {
            return stream.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
