package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.relay.LegQuality;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaStats;
import org.switchboard.media.relay.PortPair;
import org.switchboard.media.relay.SrtpKeys;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.LegSnapshot;

/** Which legs of the live calls get which endpoint's figures, and what a slow or broken media layer leaves out. */
class LiveMediaTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofMillis(200);

    private static LegSnapshot leg(String id) {
        return new LegSnapshot(id, "1001", "ANSWERED", "UDP", "192.0.2.7:5060", 20_000);
    }

    private static CallSnapshot call(String id, LegSnapshot... legs) {
        return new CallSnapshot(id, "1001", "1002", "ANSWERED", AT, AT, List.of(legs));
    }

    private static LegQuality figures(String legId, long lost) {
        MediaStats counters = new MediaStats(legId, new PortPair(20_000), 100, 17_200, 90, 15_480, 0, 0,
                Optional.<InetSocketAddress>empty(), Optional.empty(), true, Optional.empty());
        return new LegQuality(LegQuality.Mode.RELAYED, counters, lost, 1.5, OptionalDouble.of(2.5),
                OptionalDouble.empty(), Optional.empty());
    }

    @Test
    void theCallerLegAndTheOnlyCalleeLegGetTheirSidesFigures() {
        LegQuality caller = figures("c1-a", 3);
        LegQuality callee = figures("c1-b1", 0);
        List<CallSnapshot> out = LiveMedia.attach(List.of(new LiveMedia.Source(call("c1", leg("c1-a"), leg("c1-b1")),
                new Stub(CompletableFuture.completedFuture(caller)), new Stub(CompletableFuture.completedFuture(callee)))),
                WAIT);

        assertThat(out).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("c1");
            assertThat(c.legs().get(0).media()).contains(caller);
            assertThat(c.legs().get(1).media()).contains(callee);
        });
    }

    @Test
    void contactsRingingTogetherShareTheCalleeEndpointSoNoneShowsIt() {
        List<CallSnapshot> out = LiveMedia.attach(List.of(new LiveMedia.Source(
                call("c2", leg("c2-a"), leg("c2-b1"), leg("c2-b2")),
                new Stub(CompletableFuture.completedFuture(figures("c2-a", 0))),
                new Stub(CompletableFuture.completedFuture(figures("callee", 0))))), WAIT);

        List<LegSnapshot> legs = out.getFirst().legs();
        assertThat(legs.get(0).media()).isPresent();
        assertThat(legs.get(1).media()).isEmpty();
        assertThat(legs.get(2).media()).isEmpty();
    }

    @Test
    void aSlowOrFailingEndpointLeavesOnlyItsOwnLegWithoutFigures() {
        long start = System.nanoTime();
        List<CallSnapshot> out = LiveMedia.attach(List.of(
                new LiveMedia.Source(call("slow", leg("slow-a"), leg("slow-b1")),
                        new Stub(new CompletableFuture<>()), new Stub(CompletableFuture.completedFuture(figures("b", 0)))),
                new LiveMedia.Source(call("broken", leg("broken-a"), leg("broken-b1")),
                        new Stub(null), new Stub(CompletableFuture.failedFuture(new IllegalStateException("gone"))))),
                WAIT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for the slow one, once")
                .isBetween(WAIT, WAIT.multipliedBy(5));
        assertThat(out).extracting(CallSnapshot::id).containsExactly("slow", "broken");
        assertThat(out.get(0).legs().get(0).media()).isEmpty();
        assertThat(out.get(0).legs().get(1).media()).isPresent();
        assertThat(out.get(1).legs()).allSatisfy(l -> assertThat(l.media()).isEmpty());
    }

    /** An endpoint whose figures are the stage given; null makes asking for them throw. */
    private record Stub(CompletableFuture<LegQuality> figures) implements MediaEndpoint {
        @Override
        public CompletionStage<LegQuality> quality() {
            if (figures == null) throw new UnsupportedOperationException("no figures here");
            return figures;
        }

        @Override
        public String legId() { return "stub"; }

        @Override
        public PortPair ports() { return new PortPair(20_000); }

        @Override
        public InetSocketAddress localRtp() { return new InetSocketAddress("127.0.0.1", 20_000); }

        @Override
        public InetSocketAddress localRtcp() { return new InetSocketAddress("127.0.0.1", 20_001); }

        @Override
        public void expectRemote(InetSocketAddress rtp, InetSocketAddress rtcp) { }

        @Override
        public void useSrtp(SrtpKeys inbound, SrtpKeys outbound) { }

        @Override
        public void usePlainRtp() { }

        @Override
        public void suspendTimeout(boolean suspended) { }

        @Override
        public MediaChannel terminate(LegAudioConfig config, Executor callExecutor, LegAudioListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaStats stats() { throw new UnsupportedOperationException(); }

        @Override
        public boolean isOpen() { return true; }

        @Override
        public void close() { }
    }
}
