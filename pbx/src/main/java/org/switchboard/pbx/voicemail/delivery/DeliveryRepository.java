package org.switchboard.pbx.voicemail.delivery;

import java.util.List;
import java.util.Optional;

/**
 * Persisted deliveries, one per message; a message's deletion removes its delivery. Methods may
 * block: call them from virtual threads.
 */
public interface DeliveryRepository {

    /** Adds a delivery; false when the message already has one. */
    boolean insert(Delivery delivery);

    /** Replaces the stored state of a delivery; false when there is none (its message was deleted). */
    boolean update(Delivery delivery);

    Optional<Delivery> find(String messageId);

    /** PENDING deliveries, earliest next attempt first. */
    List<Delivery> pending();

    /** The deliveries of a mailbox's messages. */
    List<Delivery> forMailbox(String mailbox);
}
