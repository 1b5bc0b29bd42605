package org.switchboard.store.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.delivery.Delivery;
import org.switchboard.pbx.voicemail.delivery.DeliveryState;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.Folder;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;
import org.switchboard.store.Database;

class SqlDeliveryRepositoryTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final String A = "20260302T090000000Z-0000000a";
    private static final String B = "20260302T090100000Z-0000000b";

    @TempDir Path dataDir;
    private Database db;
    private SqlMessageRepository messages;
    private SqlDeliveryRepository deliveries;

    @BeforeEach
    void open() {
        db = Database.open(dataDir);
        messages = new SqlMessageRepository(db);
        deliveries = new SqlDeliveryRepository(db);
        messages.insert(new VoicemailMessage(A, "1002", Folder.NEW, Caller.UNKNOWN, T, Duration.ofSeconds(5)));
        messages.insert(new VoicemailMessage(B, "1002", Folder.NEW, Caller.UNKNOWN, T.plusSeconds(60), Duration.ofSeconds(5)));
    }

    @AfterEach
    void close() { db.close(); }

    @Test
    void aDeliveryGoesFromPendingThroughRetriesToSent() {
        Delivery pending = Delivery.pending(A, "1002", "dr@praxis.ch", EmailMode.ATTACH, T);
        assertThat(deliveries.insert(pending)).isTrue();
        assertThat(deliveries.insert(pending)).as("one per message").isFalse();
        assertThat(deliveries.find(A)).contains(pending);

        Delivery retry = pending.retryAt(T.plusSeconds(60), "cannot connect to mail.example.com:587");
        assertThat(deliveries.update(retry)).isTrue();
        assertThat(deliveries.find(A)).contains(retry);
        assertThat(deliveries.pending()).containsExactly(retry);

        Delivery sent = retry.sent(T.plusSeconds(61));
        deliveries.update(sent);
        assertThat(deliveries.find(A)).contains(sent);
        assertThat(deliveries.find(A).orElseThrow().lastError()).contains("cannot connect to mail.example.com:587");
        assertThat(deliveries.pending()).isEmpty();
    }

    @Test
    void pendingComeEarliestFirstAndFailedOnesAreListedButNotPending() {
        Delivery late = Delivery.pending(A, "1002", "dr@praxis.ch", EmailMode.NOTIFY, T).retryAt(T.plusSeconds(600), "x");
        Delivery soon = Delivery.pending(B, "1002", "dr@praxis.ch", EmailMode.ATTACH_DELETE, T.plusSeconds(60));
        deliveries.insert(late);
        deliveries.insert(soon);
        assertThat(deliveries.pending()).containsExactly(soon, late);
        deliveries.update(late.failed("gave up"));
        assertThat(deliveries.pending()).containsExactly(soon);
        assertThat(deliveries.forMailbox("1002")).extracting(Delivery::state)
                .containsExactly(DeliveryState.FAILED, DeliveryState.PENDING);
        assertThat(deliveries.forMailbox("1003")).isEmpty();
    }

    @Test
    void deletingTheMessageRemovesItsDelivery() {
        deliveries.insert(Delivery.pending(A, "1002", "dr@praxis.ch", EmailMode.ATTACH, T));
        messages.delete("1002", A);
        assertThat(deliveries.find(A)).isEmpty();
        assertThat(deliveries.update(Delivery.pending(A, "1002", "dr@praxis.ch", EmailMode.ATTACH, T).sent(T))).isFalse();
    }
}
