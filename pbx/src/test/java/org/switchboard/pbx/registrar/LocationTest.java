package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

class LocationTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Flow FLOW = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("192.0.2.10", 5062));

    static Binding binding(String aor, String contact, Instant expiresAt) {
        return new Binding(aor, contact, expiresAt, "call-" + aor, 1, FLOW, "TestPhone/1.0", T0);
    }

    private static Location.Update<Void> put(Binding... bs) {
        return new Location.Update<>(List.of(bs), null);
    }

    private final FakeBindingRepository repo = new FakeBindingRepository();
    private final Location location = new Location(repo, InstantSource.fixed(T0), Duration.ofMillis(50), 2);

    @Test
    void severalContactsPerAorEachWithItsOwnExpiry() {
        Binding desk = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(60));
        Binding mobile = binding("1001", "sip:1001@192.0.2.11", T0.plusSeconds(3600));
        location.update("1001", current -> put(desk, mobile));
        assertThat(location.lookup("1001", T0)).containsExactly(desk, mobile);
        assertThat(location.lookup("1001", T0.plusSeconds(60))).containsExactly(mobile);
        assertThat(location.lookup("1002", T0)).isEmpty();
    }

    @Test
    void listenersHearOfNewAndMovedContactsButNotOfRefreshesOrRemovals() {
        List<Binding> heard = new ArrayList<>();
        location.addListener(heard::add);
        Binding desk = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(60));
        location.update("1001", c -> put(desk));
        Binding refreshed = new Binding("1001", desk.contactUri(), T0.plusSeconds(120), desk.callId(), 2, FLOW,
                desk.userAgent(), T0.plusSeconds(30));
        location.update("1001", c -> put(refreshed));
        Flow tcp = new Flow(Transport.TCP, FLOW.local(), new InetSocketAddress("192.0.2.10", 40_000));
        Binding moved = new Binding("1001", desk.contactUri(), T0.plusSeconds(120), desk.callId(), 3, tcp,
                desk.userAgent(), T0.plusSeconds(31));
        location.update("1001", c -> put(moved));
        location.removeAll("1001");
        assertThat(heard).containsExactly(desk, moved);
    }

    @Test
    void expireDropsOnlyExpiredBindingsAndQueuesTheirRemoval() {
        Binding desk = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(60));
        Binding mobile = binding("1001", "sip:1001@192.0.2.11", T0.plusSeconds(3600));
        Binding other = binding("1002", "sip:1002@192.0.2.12", T0.plusSeconds(30));
        location.update("1001", c -> put(desk, mobile));
        location.update("1002", c -> put(other));
        location.flush();
        assertThat(location.expire(T0.plusSeconds(59))).isEqualTo(1);
        assertThat(location.expire(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(location.aorCount()).isEqualTo(1);
        location.flush();
        assertThat(repo.rows.keySet()).containsExactly(mobile.key());
    }

    @Test
    void changesReachTheRepositoryInBatchesAndCoalesce() {
        for (int i = 0; i < 5; i++) {
            Binding b = binding("10" + (10 + i), "sip:u@192.0.2." + i, T0.plusSeconds(600));
            location.update(b.aor(), c -> put(b));
        }
        Binding first = binding("1010", "sip:u@192.0.2.0", T0.plusSeconds(600));
        Binding refreshed = new Binding("1010", "sip:u@192.0.2.0", T0.plusSeconds(900), "call-1010", 2, FLOW, "", T0);
        location.update("1010", c -> put(refreshed));
        assertThat(location.pendingWrites()).isEqualTo(5);
        assertThat(repo.batches).isEmpty(); // nothing written in the caller's thread
        assertThat(location.flush()).isEqualTo(5);
        assertThat(repo.batches).extracting(FakeBindingRepository.Batch::size).containsExactly(2, 2, 1);
        assertThat(repo.rows.get(first.key())).isEqualTo(refreshed);
    }

    /** The same device re-registering at {@code at} for {@code seconds}: a refresh (RFC 3261 §10.2.1). */
    private static Binding refresh(Binding b, Instant at, long seconds, long cseq) {
        return new Binding(b.aor(), b.contactUri(), at.plusSeconds(seconds), b.callId(), cseq, b.flow(), b.userAgent(), at);
    }

    @Test
    void frequentRefreshesAreNotWrittenButOnesThatMoveTheExpiryFarEnoughAre() {
        Binding first = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(3600));
        location.update("1001", c -> put(first));
        location.flush();
        Binding soon = refresh(first, T0.plusSeconds(5), 3600, 2);
        location.update("1001", c -> put(soon));
        assertThat(location.pendingWrites()).isZero();                 // 5 s of 3600: kept in memory only
        assertThat(location.lookup("1001", T0.plusSeconds(3601))).containsExactly(soon);
        Binding still = refresh(first, T0.plusSeconds(300), 3600, 3);
        location.update("1001", c -> put(still));
        assertThat(location.pendingWrites()).isZero();                 // 300 s: still within a tenth
        Binding later = refresh(first, T0.plusSeconds(400), 3600, 4);
        location.update("1001", c -> put(later));
        assertThat(location.flush()).isEqualTo(1);                     // 400 s > 360 s: written
        assertThat(repo.rows.get(first.key())).isEqualTo(later);
    }

    @Test
    void aRefreshThatShortensTheExpiryIsAlwaysWritten() {
        Binding first = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(3600));
        location.update("1001", c -> put(first));
        location.flush();
        Binding shorter = refresh(first, T0.plusSeconds(1), 60, 2);
        location.update("1001", c -> put(shorter));
        assertThat(location.flush()).isEqualTo(1);
        assertThat(repo.rows.get(first.key()).expiresAt()).isEqualTo(T0.plusSeconds(61));
    }

    @Test
    void afterASkippedRefreshTheStoredCopyStillOutlivesMostOfTheGrant() {
        Binding first = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(3600));
        location.update("1001", c -> put(first));
        for (int i = 1; i <= 100; i++) {
            Binding r = refresh(first, T0.plusSeconds(3L * i), 3600, 1 + i);
            location.update("1001", c -> put(r));
        }
        location.flush();
        try (Location restored = Location.restore(repo, InstantSource.fixed(T0.plusSeconds(300)), T0.plusSeconds(300))) {
            Binding back = restored.lookup("1001", T0.plusSeconds(300)).getFirst();
            // live expiry T0+3900; stored T0+3600: more than nine tenths of the grant still ahead
            assertThat(back.expiresAt()).isAfterOrEqualTo(T0.plusSeconds(3900 - 360));
        }
    }

    @Test
    void aChangedFlowIsWrittenEvenRightAfterASkippedRefresh() {
        Binding first = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(3600));
        location.update("1001", c -> put(first));
        location.flush();
        location.update("1001", c -> put(refresh(first, T0.plusSeconds(2), 3600, 2)));
        Flow moved = new Flow(Transport.UDP, FLOW.local(), new InetSocketAddress("192.0.2.99", 5062));
        Binding roamed = new Binding("1001", first.contactUri(), T0.plusSeconds(3604), first.callId(), 3, moved,
                first.userAgent(), T0.plusSeconds(4));
        location.update("1001", c -> put(roamed));
        assertThat(location.flush()).isEqualTo(1);
        assertThat(repo.rows.get(first.key())).isEqualTo(roamed);
    }

    @Test
    void expiryKeepsTheStoredExpiriesOfTheBindingsLeft() {
        Binding shortOne = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(60));
        Binding longOne = binding("1001", "sip:1001@192.0.2.11", T0.plusSeconds(3600));
        location.update("1001", c -> put(shortOne, longOne));
        location.flush();
        assertThat(location.expire(T0.plusSeconds(61))).isEqualTo(1);
        location.flush();
        Binding r = refresh(longOne, T0.plusSeconds(62), 3600, 2);
        location.update("1001", c -> put(r));
        assertThat(location.pendingWrites()).isZero();   // compared with longOne's stored expiry, not shortOne's
    }

    @Test
    void removalsAreWrittenToo() {
        Binding b = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(600));
        location.update("1001", c -> put(b));
        location.flush();
        location.removeAll("1001");
        location.flush();
        assertThat(repo.rows).isEmpty();
        assertThat(repo.batches.getLast().removals()).containsExactly(b.key());
    }

    @Test
    void aFailedWriteIsRetriedWithoutLosingNewerChanges() {
        Binding b = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(600));
        location.update("1001", c -> put(b));
        repo.failuresToInject = 1;
        assertThat(location.flush()).isZero();
        assertThat(location.pendingWrites()).isEqualTo(1);
        Binding newer = new Binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(900), "call-1001", 2, FLOW, "", T0);
        location.update("1001", c -> put(newer));
        assertThat(location.flush()).isEqualTo(1);
        assertThat(repo.rows.get(b.key())).isEqualTo(newer);
    }

    @Test
    void restoreKeepsUnexpiredBindingsAndDeletesExpiredRows() {
        Binding live = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(600));
        Binding dead = binding("1002", "sip:1002@192.0.2.11", T0.minusSeconds(1));
        FakeBindingRepository stored = new FakeBindingRepository(live, dead);
        try (Location restored = Location.restore(stored, InstantSource.fixed(T0), T0)) {
            assertThat(restored.all()).containsExactly(live);
            assertThat(restored.lookup("1001", T0)).containsExactly(live);
            assertThat(restored.lookup("1002", T0)).isEmpty();
        }
        assertThat(stored.rows.keySet()).containsExactly(live.key());
    }

    @Test
    void theBackgroundFlusherWritesWithoutBeingAsked() throws InterruptedException {
        CountDownLatch applied = new CountDownLatch(1);
        repo.applied = applied;
        location.start();
        try {
            Binding b = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(600));
            location.update("1001", c -> put(b));
            assertThat(applied.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(repo.rows).containsKey(b.key());
        } finally {
            location.close();
        }
    }

    @Test
    void closeFlushesWhatIsLeft() {
        location.start();
        Binding b = binding("1001", "sip:1001@192.0.2.10", T0.plusSeconds(600));
        location.update("1001", c -> put(b));
        location.close();
        assertThat(repo.rows).containsKey(b.key());
        assertThat(location.pendingWrites()).isZero();
    }

    @Test
    void allIsOrderedAndHidesExpired() {
        Binding b2 = binding("1002", "sip:b@192.0.2.2", T0.plusSeconds(600));
        Binding b1 = binding("1001", "sip:z@192.0.2.1", T0.plusSeconds(600));
        Binding b0 = binding("1001", "sip:a@192.0.2.1", T0.plusSeconds(600));
        Binding gone = binding("1003", "sip:c@192.0.2.3", T0);
        location.update("1002", c -> put(b2));
        location.update("1001", c -> put(b1, b0));
        location.update("1003", c -> put(gone));
        assertThat(location.all()).containsExactly(b0, b1, b2);
    }

    @Test
    void concurrentUpdatesOfOneAorAreAtomic() throws InterruptedException {
        int threads = 8;
        int each = 50;
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            started.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    Binding b = binding("1001", "sip:" + id + "-" + i + "@192.0.2.1", T0.plusSeconds(600));
                    location.update("1001", current -> {
                        List<Binding> next = new ArrayList<>(current);
                        next.add(b);
                        return new Location.Update<>(next, null);
                    });
                }
            }));
        }
        for (Thread t : started) t.join();
        assertThat(location.lookup("1001", T0)).hasSize(threads * each);
    }
}
