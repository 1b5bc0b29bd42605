package org.switchboard.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.pbx.voicemail.VoicemailAdmin.MailboxView;
import org.switchboard.pbx.voicemail.VoicemailAdmin.MessageView;
import org.switchboard.pbx.voicemail.delivery.Delivery;
import org.switchboard.pbx.voicemail.greeting.Greeting;
import org.switchboard.pbx.voicemail.greeting.GreetingChoice;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.mailbox.Mailbox;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.message.MessageCounts;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;
import tools.jackson.databind.JsonNode;

/**
 * The JSON documents of {@code /api/v1/voicemail}. A PIN is write-only: documents say only
 * whether one is set. Times are ISO-8601 UTC; durations whole seconds, rounded.
 */
public final class VoicemailDocuments {
    private VoicemailDocuments() { }

    /**
     * Body of {@code PATCH /api/v1/voicemail/{number}}: a field left out keeps its value;
     * {@code null} removes the PIN, the address or the mailbox's own language. {@code greetings}
     * is merged field by field ({@code activeCustom}, {@code temporaryUntil}, {@code schedule};
     * RFC 7396), {@code null} there resets all three. Kept as JSON to tell a missing field from an
     * explicit null and to refuse a PIN sent as a number.
     */
    public record MailboxPatch(JsonNode pin, JsonNode email, JsonNode emailMode, JsonNode language, JsonNode greetings) { }

    /** Message counts per folder. */
    public record CountsDocument(int newMessages, int oldMessages, int savedMessages) {
        static CountsDocument of(MessageCounts c) {
            return new CountsDocument(c.newMessages(), c.oldMessages(), c.savedMessages());
        }
    }

    /**
     * A recorded greeting: {@code kind} is {@code unavailable}, {@code busy}, {@code temporary},
     * {@code name} or {@code custom}, and then {@code customName} says which.
     */
    public record RecordedGreetingDocument(String kind, String customName, String recordedAt, long durationSeconds) {
        static RecordedGreetingDocument of(Greeting g) {
            return switch (g.kind()) {
                case GreetingKind.Standard s -> new RecordedGreetingDocument(s.stem(), null, g.recordedAt().toString(),
                        seconds(g.duration()));
                case GreetingKind.Custom c -> new RecordedGreetingDocument("custom", c.name(), g.recordedAt().toString(),
                        seconds(g.duration()));
            };
        }
    }

    /**
     * The owner's greeting choice (the custom greeting switched on, the temporary greeting's end,
     * the weekly schedule as {@code WeeklySchedule} writes it; each null when unset) and what is
     * recorded. A chosen or scheduled greeting missing from {@code recorded} is skipped when calls come.
     */
    public record GreetingsDocument(String activeCustom, String temporaryUntil, String schedule,
                                    List<RecordedGreetingDocument> recorded) {
        static GreetingsDocument of(GreetingChoice choice, List<Greeting> recorded) {
            return new GreetingsDocument(choice.activeCustom().orElse(null), text(choice.temporaryUntil()),
                    choice.schedule().isEmpty() ? null : choice.schedule().text(),
                    recorded.stream().map(RecordedGreetingDocument::of).toList());
        }
    }

    /**
     * A mailbox. {@code language} is its own (null: the server default), {@code effectiveLanguage}
     * the one its callers hear; {@code email} null when none is set.
     */
    public record MailboxDocument(String number, boolean pinSet, String email, String emailMode, String language,
                                  String effectiveLanguage, CountsDocument messages, GreetingsDocument greetings) {
        static MailboxDocument of(MailboxView view) {
            Mailbox m = view.mailbox();
            return new MailboxDocument(m.number(), m.hasPin(), m.email().orElse(null), m.emailMode().word(),
                    m.language().map(MailboxLanguage::tag).orElse(null), view.effectiveLanguage().tag(),
                    CountsDocument.of(view.counts()), GreetingsDocument.of(m.greetings(), view.greetings()));
        }
    }

    /** The e-mail of a message: state, where to, how often tried, when next, why it failed. */
    public record EmailDocument(String state, String address, String mode, int attempts, String nextAttemptAt,
                                String lastError, String sentAt) {
        static EmailDocument of(Delivery d) {
            return new EmailDocument(d.state().name().toLowerCase(Locale.ROOT), d.address(), d.mode().word(),
                    d.attempts(), text(d.nextAttemptAt()), d.lastError().orElse(null), text(d.sentAt()));
        }
    }

    /** A message, with its e-mail (null when none was queued: no address, or mode off). */
    public record MessageDocument(String id, String folder, String callerNumber, String callerName, String receivedAt,
                                  long durationSeconds, EmailDocument email) {
        static MessageDocument of(MessageView view) {
            VoicemailMessage m = view.message();
            return new MessageDocument(m.id(), m.folder().word(), m.caller().number(), m.caller().name(),
                    m.receivedAt().toString(), seconds(m.duration()), view.delivery().map(EmailDocument::of).orElse(null));
        }
    }

    private static long seconds(Duration d) {
        return (d.toMillis() + 500) / 1000;
    }

    private static String text(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }
}
