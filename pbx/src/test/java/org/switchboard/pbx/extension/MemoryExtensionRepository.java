package org.switchboard.pbx.extension;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link ExtensionRepository} contract in maps, so tests need no database. Shared with the
 * tests of other modules through this module's test jar.
 */
public final class MemoryExtensionRepository implements ExtensionRepository {
    private final Map<String, Extension> extensions = new TreeMap<>();
    private final Map<String, SipSecret> secrets = new TreeMap<>();

    @Override
    public synchronized boolean add(Extension extension, SipSecret secret) {
        if (extensions.putIfAbsent(extension.number(), extension) != null) return false;
        secrets.put(extension.number(), secret);
        return true;
    }

    @Override
    public synchronized Optional<Extension> find(String number) { return Optional.ofNullable(extensions.get(number)); }

    @Override
    public synchronized List<Extension> list() { return List.copyOf(extensions.values()); }

    @Override
    public synchronized boolean remove(String number) {
        secrets.remove(number);
        return extensions.remove(number) != null;
    }

    @Override
    public synchronized boolean updateSettings(Extension extension) {
        Extension current = extensions.get(extension.number());
        if (current == null) return false;
        extensions.put(extension.number(),
                new Extension(current.number(), extension.name(), current.createdAt(), extension.ringTimeout(),
                        extension.srtp(), extension.language(), extension.mohClass(), extension.recording()));
        return true;
    }

    @Override
    public synchronized boolean changeSecret(String number, SipSecret secret) {
        if (!extensions.containsKey(number)) return false;
        secrets.put(number, secret);
        return true;
    }

    @Override
    public synchronized Optional<SipSecret> secret(String number) { return Optional.ofNullable(secrets.get(number)); }
}
