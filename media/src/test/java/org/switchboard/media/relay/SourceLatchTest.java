package org.switchboard.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.switchboard.media.relay.LatchPolicy.Mode;
import org.switchboard.media.relay.SourceLatch.State;

class SourceLatchTest {

    private static final InetSocketAddress SDP = addr("192.0.2.10", 4000);
    private static final InetSocketAddress NAT = addr("203.0.113.7", 61_000);
    private static final InetSocketAddress ATTACKER = addr("198.51.100.66", 5000);

    private static InetSocketAddress addr(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }

    @Test
    void natModeLearnsTheFirstSourceAndSendsThere() {
        SourceLatch latch = new SourceLatch(LatchPolicy.DEFAULT);
        latch.expect(SDP);
        assertThat(latch.destination()).isEqualTo(SDP);
        assertThat(latch.accept(NAT)).isTrue();
        assertThat(latch.state()).isEqualTo(State.LEARNING);
        assertThat(latch.destination()).isEqualTo(NAT);
    }

    @Test
    void locksAfterConsistentPacketsAndNeverSwitches() {
        SourceLatch latch = new SourceLatch(new LatchPolicy(Mode.ANY_SOURCE, 3));
        latch.accept(NAT);
        latch.accept(NAT);
        assertThat(latch.state()).isEqualTo(State.LEARNING);
        latch.accept(NAT);
        assertThat(latch.state()).isEqualTo(State.LOCKED);
        for (int i = 0; i < 100; i++) assertThat(latch.accept(ATTACKER)).isFalse();
        // Even the announced address cannot take over a locked latch: only signalling can.
        assertThat(latch.accept(SDP)).isFalse();
        assertThat(latch.source()).isEqualTo(NAT);
        assertThat(latch.refused()).isEqualTo(101);
        assertThat(latch.accept(NAT)).isTrue();
    }

    @Test
    void strangerDuringLearningIsRefused() {
        SourceLatch latch = new SourceLatch(new LatchPolicy(Mode.ANY_SOURCE, 3));
        latch.expect(SDP);
        assertThat(latch.accept(NAT)).isTrue();
        assertThat(latch.accept(ATTACKER)).isFalse();
        assertThat(latch.source()).isEqualTo(NAT);
    }

    @Test
    void announcedAddressReclaimsTheLatchFromAQuickerStrangerBeforeLock() {
        SourceLatch latch = new SourceLatch(new LatchPolicy(Mode.ANY_SOURCE, 3));
        latch.expect(SDP);
        assertThat(latch.accept(ATTACKER)).isTrue();
        assertThat(latch.accept(SDP)).isTrue();
        assertThat(latch.source()).isEqualTo(SDP);
        assertThat(latch.accept(ATTACKER)).isFalse();
    }

    @Test
    void expectedIpModeAdmitsOnlyTheSdpHostOnAnyPort() {
        SourceLatch latch = new SourceLatch(new LatchPolicy(Mode.EXPECTED_IP, 1));
        assertThat(latch.accept(SDP)).as("nothing is learned before the SDP is known").isFalse();
        latch.expect(SDP);
        assertThat(latch.accept(NAT)).isFalse();
        assertThat(latch.accept(ATTACKER)).isFalse();
        InetSocketAddress otherPort = addr("192.0.2.10", 4002);
        assertThat(latch.accept(otherPort)).isTrue();
        assertThat(latch.state()).isEqualTo(State.LOCKED);
        assertThat(latch.accept(SDP)).isFalse();
        assertThat(latch.refused()).isEqualTo(4);
    }

    @Test
    void onlyANewSdpAddressRestartsLearning() {
        SourceLatch latch = new SourceLatch(new LatchPolicy(Mode.ANY_SOURCE, 1));
        latch.expect(SDP);
        latch.accept(NAT);
        assertThat(latch.expect(SDP)).as("same SDP again (re-INVITE for hold)").isFalse();
        assertThat(latch.source()).isEqualTo(NAT);
        InetSocketAddress moved = addr("192.0.2.99", 6000);
        assertThat(latch.expect(moved)).isTrue();
        assertThat(latch.state()).isEqualTo(State.WAITING);
        assertThat(latch.destination()).isEqualTo(moved);
        assertThat(latch.accept(moved)).isTrue();
        assertThat(latch.accept(NAT)).isFalse();
    }

    @Test
    void nothingKnownMeansNoDestination() {
        assertThat(new SourceLatch(LatchPolicy.DEFAULT).destination()).isNull();
    }
}
