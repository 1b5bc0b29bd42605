package org.switchboard.pbx.voicemail;

import java.time.Clock;
import java.util.Objects;
import org.switchboard.pbx.prompt.PromptLibrary;
import org.switchboard.pbx.voicemail.greeting.GreetingStore;
import org.switchboard.pbx.voicemail.mailbox.MailboxService;
import org.switchboard.pbx.voicemail.message.MessageStore;

/**
 * What every voicemail application on a call works with: the caller leaving a message
 * ({@code deposit}) and the owner in the menus ({@code menu}) see the same mailboxes, greetings
 * and messages, so a message left is at once in the menus and on the message-waiting lamps.
 *
 * @param settings the limits from the configuration (message length, silence, mailbox size)
 * @param prompts  the spoken prompts, bundled or the administrator's own
 * @param clock    the time messages are stamped with and greetings are chosen by
 */
public record VoicemailServices(MailboxService mailboxes, GreetingStore greetings, MessageStore messages,
                                VoicemailSettings settings, PromptLibrary prompts, Clock clock) {
    public VoicemailServices {
        Objects.requireNonNull(mailboxes, "mailboxes");
        Objects.requireNonNull(greetings, "greetings");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(clock, "clock");
    }
}
