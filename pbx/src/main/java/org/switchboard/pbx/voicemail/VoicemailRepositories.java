package org.switchboard.pbx.voicemail;

import java.util.Objects;
import org.switchboard.pbx.voicemail.delivery.DeliveryRepository;
import org.switchboard.pbx.voicemail.greeting.GreetingRepository;
import org.switchboard.pbx.voicemail.mailbox.MailboxRepository;
import org.switchboard.pbx.voicemail.message.MessageRepository;

/** The repositories of voicemail, implemented together by a store. */
public record VoicemailRepositories(MailboxRepository mailboxes, GreetingRepository greetings,
                                    MessageRepository messages, DeliveryRepository deliveries) {
    public VoicemailRepositories {
        Objects.requireNonNull(mailboxes, "mailboxes");
        Objects.requireNonNull(greetings, "greetings");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(deliveries, "deliveries");
    }
}
