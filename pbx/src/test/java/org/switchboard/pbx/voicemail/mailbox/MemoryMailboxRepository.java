package org.switchboard.pbx.voicemail.mailbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link MailboxRepository} contract in a map, for tests here and in other modules. */
public final class MemoryMailboxRepository implements MailboxRepository {
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

    @Override public Optional<Mailbox> find(String number) { return Optional.ofNullable(mailboxes.get(number)); }

    @Override public void save(Mailbox mailbox) { mailboxes.put(mailbox.number(), mailbox); }
}
