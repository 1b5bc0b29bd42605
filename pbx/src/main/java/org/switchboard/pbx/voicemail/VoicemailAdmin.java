package org.switchboard.pbx.voicemail;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.pbx.voicemail.delivery.Delivery;
import org.switchboard.pbx.voicemail.delivery.DeliveryRepository;
import org.switchboard.pbx.voicemail.greeting.Greeting;
import org.switchboard.pbx.voicemail.greeting.GreetingStore;
import org.switchboard.pbx.voicemail.mailbox.Mailbox;
import org.switchboard.pbx.voicemail.mailbox.MailboxChange;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.mailbox.MailboxService;
import org.switchboard.pbx.voicemail.mailbox.MailboxService.Outcome;
import org.switchboard.pbx.voicemail.message.MessageCounts;
import org.switchboard.pbx.voicemail.message.MessageStore;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

/**
 * What an administrator sees of voicemail (REST API, CLI): a mailbox's settings with its message
 * counts and recorded greetings, its messages with the state of their e-mail. Changes go through
 * {@link MailboxService}, whose {@link Outcome}s this passes on. Blocks on the store.
 */
public final class VoicemailAdmin {
    private final MailboxService mailboxes;
    private final GreetingStore greetings;
    private final MessageStore messages;
    private final DeliveryRepository deliveries;

    public VoicemailAdmin(MailboxService mailboxes, GreetingStore greetings, MessageStore messages,
                          DeliveryRepository deliveries) {
        this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes");
        this.greetings = Objects.requireNonNull(greetings, "greetings");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    }

    /**
     * A mailbox as shown: settings, the language it really uses, its counts, and its recorded
     * greetings (standard ones first, then custom ones by name), which tell whether the chosen or
     * scheduled ones can play.
     */
    public record MailboxView(Mailbox mailbox, MailboxLanguage effectiveLanguage, MessageCounts counts,
                              List<Greeting> greetings) {
        public MailboxView {
            greetings = List.copyOf(greetings);
        }
    }

    /** A message as listed, with its mail when one was queued. */
    public record MessageView(VoicemailMessage message, Optional<Delivery> delivery) { }

    public Outcome<MailboxView> mailbox(String number) {
        return view(mailboxes.get(number));
    }

    public Outcome<MailboxView> update(String number, MailboxChange change) {
        return view(mailboxes.update(number, change));
    }

    /** The messages of a mailbox, oldest first. */
    public Outcome<List<MessageView>> messages(String number) {
        return switch (mailboxes.get(number)) {
            case Outcome.Done<Mailbox> done -> {
                Map<String, Delivery> byMessage = deliveries.forMailbox(number).stream()
                        .collect(Collectors.toMap(Delivery::messageId, Function.identity(), (a, b) -> a));
                yield new Outcome.Done<>(messages.list(number).stream()
                        .map(m -> new MessageView(m, Optional.ofNullable(byMessage.get(m.id())))).toList());
            }
            case Outcome.Invalid<Mailbox> invalid -> new Outcome.Invalid<>(invalid.detail());
            case Outcome.NotFound<Mailbox> notFound -> new Outcome.NotFound<>(notFound.number());
        };
    }

    private Outcome<MailboxView> view(Outcome<Mailbox> outcome) {
        return switch (outcome) {
            case Outcome.Done<Mailbox> done -> new Outcome.Done<>(new MailboxView(done.value(),
                    mailboxes.languageOf(done.value()), messages.counts(done.value().number()),
                    greetings.list(done.value().number())));
            case Outcome.Invalid<Mailbox> invalid -> new Outcome.Invalid<>(invalid.detail());
            case Outcome.NotFound<Mailbox> notFound -> new Outcome.NotFound<>(notFound.number());
        };
    }
}
