package org.switchboard.app;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.ExtensionRepository;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.BindingRepository;

/** Storage in maps: the repository contracts without a database, for server and CLI tests. */
public final class MemoryStorage implements Storage {
    private final Extensions extensions = new Extensions();
    private volatile boolean closed;

    @Override public ExtensionRepository extensions() { return extensions; }

    @Override public BindingRepository bindings() {
        return new BindingRepository() {
            @Override public List<Binding> loadAll() { return List.of(); }
            @Override public void apply(Collection<Binding> upserts, Collection<Binding.Key> removals) { }
        };
    }

    @Override public void close() { closed = true; }

    public boolean closed() { return closed; }

    public Optional<SipSecret> secret(String number) { return extensions.secret(number); }

    private static final class Extensions implements ExtensionRepository {
        private final Map<String, Extension> extensions = new TreeMap<>();
        private final Map<String, SipSecret> secrets = new TreeMap<>();

        @Override public synchronized boolean add(Extension extension, SipSecret secret) {
            if (extensions.putIfAbsent(extension.number(), extension) != null) return false;
            secrets.put(extension.number(), secret);
            return true;
        }
        @Override public synchronized Optional<Extension> find(String number) { return Optional.ofNullable(extensions.get(number)); }
        @Override public synchronized List<Extension> list() { return List.copyOf(extensions.values()); }
        @Override public synchronized boolean remove(String number) {
            secrets.remove(number);
            return extensions.remove(number) != null;
        }
        @Override public synchronized boolean changeSecret(String number, SipSecret secret) {
            if (!extensions.containsKey(number)) return false;
            secrets.put(number, secret);
            return true;
        }
        @Override public synchronized Optional<SipSecret> secret(String number) { return Optional.ofNullable(secrets.get(number)); }
    }
}
