package org.switchboard.pbx.voicemail.call;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.prompt.PromptLibrary;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplications;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.pbx.voicemail.VoicemailServices;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.pbx.voicemail.deposit.AnsweringMachine;
import org.switchboard.pbx.voicemail.greeting.DivertReason;
import org.switchboard.pbx.voicemail.greeting.GreetingSelector;
import org.switchboard.pbx.voicemail.greeting.GreetingStore;
import org.switchboard.pbx.voicemail.mailbox.MailboxService;
import org.switchboard.pbx.voicemail.menu.MailboxMenus;
import org.switchboard.pbx.voicemail.message.MessageStore;

/**
 * Voicemail as the B2BUA sees it: a call to an extension that did not answer is taken by its
 * mailbox (every extension has one), {@value #OWN_MAILBOX} opens the caller's own mailbox and
 * {@value #ANY_MAILBOX} any mailbox. Answers from memory, without I/O, as the contract asks:
 * whether the mailbox really exists, its language and greeting are looked up by the application
 * on its own thread (a missing mailbox is told "not in service").
 */
public final class VoicemailApplications implements VoiceApplications {
    /** The owner's own mailbox (Asterisk and FreePBX users know {@code *97}). */
    public static final String OWN_MAILBOX = "*97";
    /** Any mailbox, by number. */
    public static final String ANY_MAILBOX = "*98";

    private final AnsweringMachine answering;
    private final MailboxMenus menus;

    /** Voicemail without an operator: {@code 0} does nothing. */
    public VoicemailApplications(MailboxService mailboxes, GreetingStore greetings, GreetingSelector selector,
                                 MessageStore messages, VoicemailSettings settings, PromptLibrary prompts, Clock clock,
                                 ZoneId zone) {
        this(mailboxes, greetings, selector, messages, settings, prompts, clock, zone, Optional.empty());
    }

    /** @param operator where a caller pressing {@code 0} in voicemail is put through; empty for nowhere */
    public VoicemailApplications(MailboxService mailboxes, GreetingStore greetings, GreetingSelector selector,
                                 MessageStore messages, VoicemailSettings settings, PromptLibrary prompts, Clock clock,
                                 ZoneId zone, Optional<String> operator) {
        VoicemailServices services = new VoicemailServices(mailboxes, greetings, messages, settings, prompts, clock);
        this.menus = new MailboxMenus(services, zone);
        this.answering = new AnsweringMachine(services, selector, operator, menus);
    }

    @Override
    public Optional<VoiceApplication> unanswered(String callee, Unanswered why, VoiceCaller caller) {
        Objects.requireNonNull(why, "why");
        if (!ExtensionNumber.isValid(callee)) return Optional.empty();
        return Optional.of(answering.answer(callee, reason(why)));
    }

    @Override
    public Optional<VoiceApplication> service(String dialled, VoiceCaller caller) {
        if (OWN_MAILBOX.equals(dialled)) return Optional.of(menus.own());
        if (ANY_MAILBOX.equals(dialled)) return Optional.of(menus.any());
        return Optional.empty();
    }

    static DivertReason reason(Unanswered why) {
        return switch (why) {
            case NO_ANSWER -> DivertReason.NO_ANSWER;
            case BUSY -> DivertReason.BUSY;
            case UNAVAILABLE -> DivertReason.NOT_REGISTERED;
        };
    }
}
