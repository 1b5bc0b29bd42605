package org.switchboard.pbx.voicemail.deposit;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.pbx.prompt.PromptLibrary;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.pbx.voicemail.greeting.DivertReason;
import org.switchboard.pbx.voicemail.greeting.GreetingSelector;
import org.switchboard.pbx.voicemail.greeting.GreetingStore;
import org.switchboard.pbx.voicemail.mailbox.MailboxService;
import org.switchboard.pbx.voicemail.menu.MailboxMenus;
import org.switchboard.pbx.voicemail.message.MessageStore;

/**
 * Takes messages for extensions that did not answer: makes a {@link LeaveMessage} application
 * per call, without any I/O (it does its own on the call's thread).
 */
public final class AnsweringMachine {
    private final MailboxService mailboxes;
    private final GreetingStore greetings;
    private final GreetingSelector selector;
    private final MessageStore messages;
    private final VoicemailSettings settings;
    private final PromptLibrary prompts;
    private final Clock clock;
    private final Optional<String> operator;
    private final MailboxMenus menus;

    /**
     * @param operator where {@code 0} puts a caller through (the operator's extension), empty for no operator
     * @param menus    where the owner goes who presses {@code *} during their greeting
     */
    public AnsweringMachine(MailboxService mailboxes, GreetingStore greetings, GreetingSelector selector,
                            MessageStore messages, VoicemailSettings settings, PromptLibrary prompts, Clock clock,
                            Optional<String> operator, MailboxMenus menus) {
        this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes");
        this.greetings = Objects.requireNonNull(greetings, "greetings");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operator = Objects.requireNonNull(operator, "operator").filter(number -> !number.isBlank());
        this.menus = Objects.requireNonNull(menus, "menus");
    }

    /** The application that greets a caller of {@code mailbox} and records their message. */
    public VoiceApplication answer(String mailbox, DivertReason reason) {
        return new LeaveMessage(this, Objects.requireNonNull(mailbox, "mailbox"), Objects.requireNonNull(reason, "reason"));
    }

    MailboxService mailboxes() {
        return mailboxes;
    }

    GreetingStore greetings() {
        return greetings;
    }

    GreetingSelector selector() {
        return selector;
    }

    MessageStore messages() {
        return messages;
    }

    VoicemailSettings settings() {
        return settings;
    }

    PromptLibrary prompts() {
        return prompts;
    }

    Clock clock() {
        return clock;
    }

    Optional<String> operator() {
        return operator;
    }

    MailboxMenus menus() {
        return menus;
    }
}
