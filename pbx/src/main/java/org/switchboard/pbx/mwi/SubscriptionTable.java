package org.switchboard.pbx.mwi;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.sip.dialog.DialogId;

/**
 * The live subscriptions, by dialog (to route refreshes, RFC 6665 §4.2.1.4) and by extension
 * (to notify on a change). Kept in memory only: after a restart a phone's refresh gets 481 and
 * it subscribes anew (RFC 6665 §4.1.2.2). Thread-safe; each subscription changes its own entry
 * from its own shard.
 */
final class SubscriptionTable {
    private final ConcurrentHashMap<DialogId, Subscription> byDialog = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<Subscription>> byExtension = new ConcurrentHashMap<>();

    void add(Subscription s) {
        byDialog.put(s.dialogId(), s);
        byExtension.computeIfAbsent(s.extension, k -> ConcurrentHashMap.newKeySet()).add(s);
    }

    void remove(Subscription s) {
        byDialog.remove(s.dialogId(), s);
        byExtension.computeIfPresent(s.extension, (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    Subscription find(DialogId id) {
        return byDialog.get(id);
    }

    /** The subscriptions to the mailbox of {@code extension}, a snapshot. */
    List<Subscription> of(String extension) {
        Set<Subscription> set = byExtension.get(extension);
        return set == null ? List.of() : List.copyOf(set);
    }

    /** How many subscriptions are live. */
    int size() {
        return byDialog.size();
    }
}
