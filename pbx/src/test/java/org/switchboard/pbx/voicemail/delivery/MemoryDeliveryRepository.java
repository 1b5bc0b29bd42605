package org.switchboard.pbx.voicemail.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link DeliveryRepository} contract in a map, for tests here and in other modules. It
 * cannot see messages, so a deleted message's delivery stays (a database removes it).
 */
public final class MemoryDeliveryRepository implements DeliveryRepository {
    private final Map<String, Delivery> deliveries = new TreeMap<>();

    @Override public synchronized boolean insert(Delivery delivery) {
        return deliveries.putIfAbsent(delivery.messageId(), delivery) == null;
    }

    @Override public synchronized boolean update(Delivery delivery) {
        return deliveries.replace(delivery.messageId(), delivery) != null;
    }

    @Override public synchronized Optional<Delivery> find(String messageId) {
        return Optional.ofNullable(deliveries.get(messageId));
    }

    @Override public synchronized List<Delivery> pending() {
        return deliveries.values().stream().filter(d -> d.state() == DeliveryState.PENDING)
                .sorted(Comparator.comparing(d -> d.nextAttemptAt().orElse(Instant.MAX))).toList();
    }

    @Override public synchronized List<Delivery> forMailbox(String mailbox) {
        return deliveries.values().stream().filter(d -> d.mailbox().equals(mailbox)).toList();
    }
}
