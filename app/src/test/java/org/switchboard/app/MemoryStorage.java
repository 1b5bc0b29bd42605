package org.switchboard.app;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.call.MemoryCallRecordRepository;
import org.switchboard.pbx.extension.ExtensionRepository;
import org.switchboard.pbx.extension.MemoryExtensionRepository;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.recording.MemoryRecordingRepository;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.BindingRepository;
import org.switchboard.pbx.voicemail.VoicemailRepositories;
import org.switchboard.pbx.voicemail.delivery.MemoryDeliveryRepository;
import org.switchboard.pbx.voicemail.greeting.MemoryGreetingRepository;
import org.switchboard.pbx.voicemail.mailbox.MemoryMailboxRepository;
import org.switchboard.pbx.voicemail.message.MemoryMessageRepository;

/** Storage in maps: the repository contracts without a database, for server and CLI tests. */
public final class MemoryStorage implements Storage {
    private final MemoryExtensionRepository extensions = new MemoryExtensionRepository();
    private final MemoryCallRecordRepository callRecords = new MemoryCallRecordRepository();
    private final VoicemailRepositories voicemail = new VoicemailRepositories(new MemoryMailboxRepository(),
            new MemoryGreetingRepository(), new MemoryMessageRepository(), new MemoryDeliveryRepository());
    private final MemoryRecordingRepository recordings = new MemoryRecordingRepository();
    private volatile boolean closed;

    @Override public ExtensionRepository extensions() { return extensions; }

    @Override public BindingRepository bindings() {
        return new BindingRepository() {
            @Override public List<Binding> loadAll() { return List.of(); }
            @Override public void apply(Collection<Binding> upserts, Collection<Binding.Key> removals) { }
        };
    }

    @Override public MemoryCallRecordRepository callRecords() { return callRecords; }

    @Override public VoicemailRepositories voicemail() { return voicemail; }

    @Override public MemoryRecordingRepository recordings() { return recordings; }

    @Override public void close() { closed = true; }

    public boolean closed() { return closed; }

    public Optional<SipSecret> secret(String number) { return extensions.secret(number); }
}
