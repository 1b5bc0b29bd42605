package org.switchboard.pbx.voicemail.message;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@link MessageRepository} contract in a map, for tests here and in other modules. */
public class MemoryMessageRepository implements MessageRepository {
    private final Map<String, VoicemailMessage> messages = new TreeMap<>();

    @Override public synchronized boolean insert(VoicemailMessage message) {
        return messages.putIfAbsent(message.id(), message) == null;
    }

    @Override public synchronized Optional<VoicemailMessage> find(String mailbox, String id) {
        return Optional.ofNullable(messages.get(id)).filter(m -> m.mailbox().equals(mailbox));
    }

    @Override public synchronized List<VoicemailMessage> list(String mailbox) {
        return messages.values().stream().filter(m -> m.mailbox().equals(mailbox))
                .sorted(Comparator.comparing(VoicemailMessage::receivedAt).thenComparing(VoicemailMessage::id)).toList();
    }

    @Override public synchronized boolean move(String mailbox, String id, Folder folder) {
        Optional<VoicemailMessage> m = find(mailbox, id);
        m.ifPresent(message -> messages.put(id, message.inFolder(folder)));
        return m.isPresent();
    }

    @Override public synchronized boolean delete(String mailbox, String id) {
        return find(mailbox, id).map(m -> messages.remove(id) != null).orElse(false);
    }

    @Override public synchronized MessageCounts counts(String mailbox) {
        List<VoicemailMessage> all = list(mailbox);
        return new MessageCounts(count(all, Folder.NEW), count(all, Folder.OLD), count(all, Folder.SAVED));
    }

    @Override public synchronized List<VoicemailMessage> all() { return List.copyOf(messages.values()); }

    private static int count(List<VoicemailMessage> messages, Folder folder) {
        return (int) messages.stream().filter(m -> m.folder() == folder).count();
    }
}
