package org.switchboard.media.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722;
import org.switchboard.media.codec.opus.OpusCodec;

/** Transcoding: two terminated legs without a common codec hear each other. */
class PcmBridgeTest {

    private static final long START = 11_000_000_000L;
    private static final long PTIME = 20_000_000L;

    private final Capture.Packets toAlice = new Capture.Packets();
    private final Capture.Packets toBob = new Capture.Packets();

    private static LegAudio leg(LegAudioConfig config) {
        return new LegAudio(config, LegAudioListener.IGNORE, new SplittableRandom(), START);
    }

    @Test
    void pcmuAndG722PhonesHearEachOthersTonesThroughTheBridge() {
        LegAudio alice = leg(LegAudioConfig.of(G711.PCMU, 0, "alice"));
        LegAudio bob = leg(LegAudioConfig.of(G722.INSTANCE, 9, "bob"));
        PcmBridge bridge = PcmBridge.connect(alice, bob);
        FakePhone alicePhone = new FakePhone(G711.PCMU, 0);
        FakePhone bobPhone = new FakePhone(G722.INSTANCE, 9);
        for (int i = 0; i < 150; i++) {
            long now = START + i * PTIME;
            byte[] a = alicePhone.tone(1000, -10);
            byte[] b = bobPhone.tone(600, -10);
            alice.onRtp(a, 0, a.length, now);
            bob.onRtp(b, 0, b.length, now);
            // the order of two legs on one tick does not matter: try both
            if (i % 2 == 0) {
                alice.tick(now, 0, toAlice);
                bob.tick(now, 0, toBob);
            } else {
                bob.tick(now, 0, toBob);
                alice.tick(now, 0, toAlice);
            }
            assertThat(bridge.bufferedTowards(alice)).isLessThanOrEqualTo(2 * 160);
            assertThat(bridge.bufferedTowards(bob)).isLessThanOrEqualTo(2 * 320);
        }
        short[] bobHears = toBob.decode(G722.INSTANCE, 9);
        short[] aliceHears = toAlice.decode(G711.PCMU, 0);
        assertThat(Tones.levelDb(bobHears, 16000, bobHears.length, 1000, 16000)).isBetween(-12.0, -8.5);
        assertThat(Tones.levelDb(bobHears, 16000, bobHears.length, 600, 16000)).as("no echo of Bob").isLessThan(-40);
        assertThat(Tones.levelDb(aliceHears, 8000, aliceHears.length, 600, 8000)).isBetween(-12.0, -8.5);

        bridge.disconnect();
        assertThat(alice.playing()).isFalse();
        assertThat(bob.playing()).isFalse();
        assertThat(bridge.connected()).isFalse();
    }

    @Test
    void opusAndPcmaLegsAtDifferentPacketTimesStayBounded() {
        OpusCodec opus = OpusCodec.load().codec().orElseThrow();
        LegAudio alice = leg(LegAudioConfig.of(opus, 111, "alice").withPtime(40));
        LegAudio bob = leg(LegAudioConfig.of(G711.PCMA, 8, "bob").withPtime(30));
        PcmBridge bridge = PcmBridge.connect(alice, bob);
        FakePhone alicePhone = new FakePhone(opus, 111);
        for (int t = 0; t < 300; t++) {
            long now = START + t * 10_000_000L;
            if (t % 2 == 0) {
                byte[] a = alicePhone.tone(1000, -10);
                alice.onRtp(a, 0, a.length, now);
            }
            alice.tick(now, 0, toAlice);
            bob.tick(now, 0, toBob);
            assertThat(bridge.bufferedTowards(bob)).as("40 ms written + 30 ms read at most").isLessThanOrEqualTo(560);
        }
        short[] bobHears = toBob.decode(org.switchboard.media.codec.G711.PCMA, 8);
        assertThat(Tones.levelDb(bobHears, 8000, bobHears.length, 1000, 8000)).isGreaterThan(-14);
    }

    @Test
    void aLegCannotBeBridgedWithItself() {
        LegAudio alice = leg(LegAudioConfig.of(G711.PCMU, 0, "alice"));
        assertThatThrownBy(() -> PcmBridge.connect(alice, alice)).isInstanceOf(IllegalArgumentException.class);
        LegAudio closed = leg(LegAudioConfig.of(G711.PCMU, 0, "closed"));
        closed.close();
        assertThatThrownBy(() -> PcmBridge.connect(alice, closed)).hasMessageContaining("closed");
    }
}
