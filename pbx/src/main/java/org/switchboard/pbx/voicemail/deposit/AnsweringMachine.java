package org.switchboard.pbx.voicemail.deposit;

import java.util.Objects;
import java.util.Optional;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voicemail.VoicemailServices;
import org.switchboard.pbx.voicemail.greeting.DivertReason;
import org.switchboard.pbx.voicemail.greeting.GreetingSelector;
import org.switchboard.pbx.voicemail.menu.MailboxMenus;

/**
 * Takes messages for extensions that did not answer: makes a {@link LeaveMessage} application
 * per call, without any I/O (it does its own on the call's thread).
 */
public final class AnsweringMachine {
    private final VoicemailServices services;
    private final GreetingSelector selector;
    private final Optional<String> operator;
    private final MailboxMenus menus;

    /**
     * @param operator where {@code 0} puts a caller through (the operator's extension), empty for no operator
     * @param menus    where the owner goes who presses {@code *} during their greeting
     */
    public AnsweringMachine(VoicemailServices services, GreetingSelector selector, Optional<String> operator,
                            MailboxMenus menus) {
        this.services = Objects.requireNonNull(services, "services");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.operator = Objects.requireNonNull(operator, "operator").filter(number -> !number.isBlank());
        this.menus = Objects.requireNonNull(menus, "menus");
    }

    /** The application that greets a caller of {@code mailbox} and records their message. */
    public VoiceApplication answer(String mailbox, DivertReason reason) {
        return new LeaveMessage(this, Objects.requireNonNull(mailbox, "mailbox"), Objects.requireNonNull(reason, "reason"));
    }

    VoicemailServices services() {
        return services;
    }

    GreetingSelector selector() {
        return selector;
    }

    Optional<String> operator() {
        return operator;
    }

    MailboxMenus menus() {
        return menus;
    }
}
