package org.switchboard.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.media.jitter.CallSimulation.MS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.switchboard.media.jitter.CallSimulation.Network;
import org.switchboard.media.jitter.CallSimulation.Played;
import org.switchboard.media.jitter.CallSimulation.Run;
import org.switchboard.media.jitter.CallSimulation.Sender;
import org.switchboard.media.jitter.CallSimulation.Sent;
import org.switchboard.media.jitter.JitterFrame.Kind;

/**
 * The buffer against simulated networks, each deterministic from its seed: what a listener
 * would hear (every packet in order, concealment exactly where packets were lost, silence in
 * pauses) and how long it waits.
 */
class JitterBufferNetworkTest {

    private static final long START = 1_000 * MS;

    private static JitterBuffer g711Buffer() {
        return new JitterBuffer(JitterConfig.forClockRate(8000));
    }

    private static Run play(List<Sent> sent, Network network, long seconds) {
        return CallSimulation.run(g711Buffer(), network.carry(sent), START + seconds * 1_000 * MS);
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    /** Frames handed out once the first packet played. */
    private static List<Played> afterStart(Run run) {
        int first = 0;
        while (run.frames().get(first).kind() != Kind.PACKET) {
            first++;
        }
        return run.frames().subList(first, run.frames().size());
    }

    /**
     * LOST frames from {@code fromNanos} until the last packet was sent: after it the buffer
     * conceals 60 ms, as for any talkspurt's end, then falls silent.
     */
    private static long concealedWhileTalking(Run run, List<Sent> sent, long fromNanos) {
        return run.count(Kind.LOST, fromNanos, sent.getLast().sendNanos());
    }

    @Test
    void constantDelayPlaysEveryPacketInOrderNearTheMinimumDelay() {
        List<Sent> sent = Sender.g711().talk(10_000).packets();
        Run run = play(sent, new Network(1).delay(p -> 35 * MS), 11);

        assertThat(run.playedIndexes()).isEqualTo(range(0, sent.size()));
        assertThat(afterStart(run).subList(0, sent.size())).allMatch(f -> f.kind() == Kind.PACKET);
        JitterStats stats = run.buffer().stats();
        assertThat(stats.targetDelayMs()).isEqualTo(20.0);
        // One tick of 20 ms is the granularity of a playout paced by ticks.
        assertThat(stats.delayMs()).isBetween(20.0, 40.0);
        assertThat(stats.late() + stats.lost() + stats.dropped() + stats.inserted()).isZero();
    }

    @Test
    void uniformJitterUpTo60MsLeavesNoLateLossAfterAdaptation() {
        List<Sent> sent = Sender.g711().talk(60_000).packets();
        Run run = play(sent, new Network(42).uniformJitter(20, 60), 61);

        long afterAdaptation = START + 5_000 * MS;
        assertThat(concealedWhileTalking(run, sent, afterAdaptation)).isZero();
        List<Integer> played = run.playedIndexes();
        assertThat(played).isSorted().doesNotHaveDuplicates();
        // Everything sent after the first second is played.
        assertThat(played).containsAll(range(50, sent.size()));
        JitterStats stats = run.buffer().stats();
        assertThat(stats.late()).isLessThan(10);
        assertThat(stats.targetDelayMs()).isBetween(60.0, 70.0);
        // Max jitter plus one frame, give or take the guard.
        assertThat(stats.delayMs()).isBetween(60.0, 85.0);
    }

    @Test
    void adjacentPacketsSwappedByTheNetworkArePlayedInOrder() {
        Random swaps = new Random(7);
        Set<Integer> overtaken = new HashSet<>();
        List<Sent> sent = Sender.g711().talk(30_000).packets();
        for (int i = 0; i < sent.size() - 1; i += 2) {
            if (swaps.nextDouble() < 0.05) {
                overtaken.add(i);
            }
        }
        // An overtaken packet arrives 5 ms after its successor.
        Network network = new Network(3).delay(p -> overtaken.contains(p.index()) ? (20 + 25) * MS : 20 * MS);
        Run run = play(sent, network, 31);

        assertThat(run.playedIndexes()).isSorted().doesNotHaveDuplicates();
        long afterAdaptation = START + 3_000 * MS;
        assertThat(concealedWhileTalking(run, sent, afterAdaptation)).isZero();
        assertThat(run.playedIndexes()).containsAll(range(150, sent.size()));
    }

    @Test
    void randomLossOfFivePercentIsConcealedExactlyWherePacketsWereLost() {
        Random loss = new Random(11);
        List<Sent> sent = Sender.g711().talk(30_000).packets();
        Set<Integer> lostIndexes = new HashSet<>();
        for (int i = 1; i < sent.size() - 1; i++) {
            if (loss.nextDouble() < 0.05) {
                lostIndexes.add(i);
            }
        }
        Run run = play(sent, new Network(5).delay(p -> 30 * MS).lose(p -> lostIndexes.contains(p.index())), 31);

        List<Played> heard = afterStart(run).subList(0, sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Played f = heard.get(i);
            if (lostIndexes.contains(i)) {
                assertThat(f.kind()).as("frame %d", i).isEqualTo(Kind.LOST);
            } else {
                assertThat(f.kind()).as("frame %d", i).isEqualTo(Kind.PACKET);
                assertThat(f.index()).isEqualTo(i);
            }
        }
        assertThat(run.buffer().stats().lost()).isEqualTo(lostIndexes.size());
        assertThat(run.buffer().stats().inserted()).isZero();
    }

    @Test
    void burstsOfLossAreConcealedFrameByFrame() {
        List<Sent> sent = Sender.g711().talk(20_000).packets();
        IntPredicate lost = i -> i % 100 >= 50 && i % 100 < 54;  // 80 ms lost every 2 s
        Run run = play(sent, new Network(8).delay(p -> 30 * MS).lose(p -> lost.test(p.index())), 21);

        List<Played> heard = afterStart(run).subList(0, sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(heard.get(i).kind()).as("frame %d", i).isEqualTo(lost.test(i) ? Kind.LOST : Kind.PACKET);
        }
    }

    @Test
    void aNetworkStallIsRiddenOutAndTheDelayComesBackDown() {
        List<Sent> sent = Sender.g711().talk(60_000).packets();
        // At 10 s the network holds packets for up to 180 ms, then delivers them in a burst.
        long stallEnd = 10_000 * MS + 180 * MS + START;
        Network network = new Network(9).delay(p -> {
            long base = 20 * MS + p.index() % 7 * 2 * MS;  // 20-32 ms
            long arrival = p.sendNanos() + base;
            return p.sendNanos() >= START + 10_000 * MS && arrival < stallEnd ? stallEnd - p.sendNanos() : base;
        });
        Run run = play(sent, network, 61);

        assertThat(run.playedIndexes()).isSorted().doesNotHaveDuplicates();
        assertThat(run.maxBuffered()).isLessThanOrEqualTo(15);
        // Nothing is lost: the burst is played, and the delay it added is taken back by dropping
        // a packet now and then, never two within 2 s.
        JitterStats stats = run.buffer().stats();
        assertThat(stats.lost() + stats.late()).isZero();
        List<Integer> skipped = new ArrayList<>(range(0, sent.size()));
        skipped.removeAll(run.playedIndexes());
        assertThat(skipped).hasSize((int) stats.dropped()).isNotEmpty();
        for (int i = 1; i < skipped.size(); i++) {
            assertThat(skipped.get(i) - skipped.get(i - 1)).isGreaterThanOrEqualTo(100);
        }
        assertThat(concealedWhileTalking(run, sent, START + 11_000 * MS)).isZero();
        assertThat(stats.delayMs()).isLessThan(60.0);
    }

    @Test
    void theDelayShrinksAtTalkspurtStartsOnceTheJitterCalms() {
        Sender sender = Sender.g711();
        for (int i = 0; i < 10; i++) {
            sender.talk(2_000).pause(1_000);
        }
        List<Sent> sent = sender.packets();
        long calmFrom = START + 10_000 * MS;
        Random random = new Random(43);
        Network network = new Network(43).delay(p -> 20 * MS
                + (long) (random.nextDouble() * (p.sendNanos() < calmFrom ? 80 : 5) * MS));
        Run run = play(sent, network, 31);

        assertThat(run.playedIndexes()).isSorted().containsAll(range(400, sent.size()));
        long heardEarly = tickOf(run, 250) - sent.get(250).sendNanos();  // talkspurt 3, in the storm
        long heardLate = tickOf(run, 950) - sent.get(950).sendNanos();  // talkspurt 10, well after it
        assertThat(heardEarly).isGreaterThan(80 * MS);
        assertThat(heardLate).isLessThan(60 * MS);
        assertThat(run.buffer().stats().dropped()).isZero();  // shrunk in the pauses, not in speech
    }

    @Test
    void duplicatesAreCountedAndPlayedOnce() {
        List<Sent> sent = Sender.g711().talk(20_000).packets();
        Run run = play(sent, new Network(13).uniformJitter(20, 10).duplicate(0.1), 21);

        assertThat(run.playedIndexes()).isEqualTo(range(0, sent.size()));
        long duplicates = run.offers(OfferResult.DUPLICATE) + run.offers(OfferResult.LATE);
        assertThat(duplicates).isBetween(70L, 130L);  // 10 % of 1000
        assertThat(run.buffer().stats().duplicates()).isEqualTo(run.offers(OfferResult.DUPLICATE));
    }

    @Test
    void sequenceAndTimestampWrapAroundAreInvisible() {
        Sender sender = new Sender(8000, 20, 65_000, 0xFFFF_FFFFL - 160 * 300, 1.0);
        List<Sent> sent = sender.talk(20_000).packets();
        assertThat(sent).anyMatch(p -> p.sequence() == 0).anyMatch(p -> p.timestamp() < 160);
        Run run = play(sent, new Network(17).uniformJitter(10, 30), 21);

        assertThat(run.playedIndexes()).containsAll(range(100, sent.size())).isSorted();
        JitterStats stats = run.buffer().stats();
        assertThat(stats.resyncs()).isZero();
        assertThat(concealedWhileTalking(run, sent, START + 3_000 * MS)).isZero();
    }

    @Test
    void aSenderRestartMidStreamResynchronisesWithinAFewFrames() {
        Sender sender = Sender.g711().talk(5_000).restart(40_123, 987_654_321L).talk(5_000);
        List<Sent> sent = sender.packets();
        Run run = play(sent, new Network(19).uniformJitter(20, 20), 11);

        JitterStats stats = run.buffer().stats();
        assertThat(stats.resyncs()).isEqualTo(1);
        assertThat(run.offers(OfferResult.PROBATION)).isEqualTo(1);
        // Both streams are heard whole, in order.
        assertThat(run.playedIndexes()).containsAll(range(10, sent.size())).isSorted();
        // Between the two streams: a short gap, not a flood of concealment.
        assertThat(concealedWhileTalking(run, sent, START + 4_000 * MS)).isLessThanOrEqualTo(3);
        assertThat(tickOf(run, 250) - sent.get(250).sendNanos()).isLessThan(150 * MS);
    }

    @Test
    void aTwoSecondDtxGapIsSilenceNotLossAndDoesNotGrowTheDelay() {
        Sender sender = Sender.g711().talk(3_000).pause(2_000).talk(3_000);
        List<Sent> sent = sender.packets();
        Run run = play(sent, new Network(23).uniformJitter(20, 10), 9);

        assertThat(run.playedIndexes()).isEqualTo(range(0, sent.size()));
        long gapStart = sent.get(149).sendNanos();
        long gapEnd = sent.get(150).sendNanos();
        assertThat(run.count(Kind.LOST, gapStart, gapEnd + 100 * MS)).isLessThanOrEqualTo(3);
        assertThat(run.count(Kind.SILENCE, gapStart, gapEnd)).isGreaterThan(90);
        // The talkspurt after the pause waits as long as the one before.
        long delayBefore = tickOf(run, 100) - sent.get(100).sendNanos();
        long delayAfter = tickOf(run, 200) - sent.get(200).sendNanos();
        assertThat(Math.abs(delayAfter - delayBefore)).isLessThanOrEqualTo(20 * MS);
        assertThat(run.buffer().stats().lost()).isZero();
    }

    private static long tickOf(Run run, int index) {
        return run.frames().stream().filter(f -> f.index() == index).findFirst().orElseThrow().tickNanos();
    }

    @Test
    void aSenderClockOneTenthPercentFastDoesNotGrowTheBufferOverTenMinutes() {
        Sender sender = new Sender(8000, 20, 1, 1, 1 / 1.001);
        List<Sent> sent = sender.talk(600_000).packets();
        Run run = play(sent, new Network(29).uniformJitter(20, 20), 600);

        JitterStats stats = run.buffer().stats();
        assertThat(run.maxBuffered()).isLessThanOrEqualTo(6);
        // At most target + a frame + the guard before a drop, plus what drifts in 2 s.
        assertThat(stats.delayMs()).isLessThan(stats.targetDelayMs() + 20 + 5 + 5);
        assertThat(stats.dropped()).isBetween(20L, 40L);  // 600 ms gained: about 30 frames
        assertThat(stats.late()).isLessThan(10);
    }

    @Test
    void aSenderClockOneTenthPercentSlowDoesNotDrainTheBufferOverTenMinutes() {
        Sender sender = new Sender(8000, 20, 1, 1, 1.001);
        List<Sent> sent = sender.talk(600_000).packets();
        Run run = play(sent, new Network(31).uniformJitter(20, 20), 601);

        JitterStats stats = run.buffer().stats();
        assertThat(run.maxBuffered()).isLessThanOrEqualTo(6);
        assertThat(stats.delayMs()).isBetween(20.0, 60.0);
        assertThat(stats.inserted()).isBetween(20L, 45L);  // 600 ms lost: about 30 frames
        assertThat(stats.late() + stats.lost()).isLessThan(10);
        assertThat(run.playedIndexes()).hasSizeGreaterThan(sent.size() - 10);
    }

    @Test
    void packetsOf30And60MsArePlayedWholeWithTheirOwnDuration() {
        for (int ptime : new int[] {30, 60}) {
            List<Sent> sent = new Sender(8000, ptime, 500, 1234, 1.0).talk(30_000).packets();
            JitterBuffer buffer = new JitterBuffer(JitterConfig.forClockRate(8000).withPtime(Duration.ofMillis(ptime)));
            Run run = CallSimulation.run(buffer, new Network(37 + ptime).uniformJitter(20, 40).carry(sent),
                    START + 31_000 * MS);

            assertThat(run.packets()).allMatch(f -> f.units() == ptime * 8);
            assertThat(run.playedIndexes()).as("%d ms", ptime).containsAll(range(20, sent.size())).isSorted();
            assertThat(concealedWhileTalking(run, sent, START + 5_000 * MS)).as("%d ms", ptime).isZero();
            assertThat(run.buffer().stats().delayMs()).as("%d ms", ptime).isLessThan(40 + ptime + 20);
        }
    }

    @Test
    void tenMsPacketsAreLearntAndPlayedTwicePerTick() {
        List<Sent> sent = new Sender(8000, 10, 7, 7, 1.0).talk(10_000).packets();
        Run run = play(sent, new Network(41).uniformJitter(20, 20), 11);

        assertThat(run.buffer().frameUnits()).isEqualTo(80);
        assertThat(run.playedIndexes()).containsAll(range(50, sent.size())).isSorted();
        assertThat(concealedWhileTalking(run, sent, START + 3_000 * MS)).isZero();
        List<Long> ticks = run.packets().stream().map(Played::tickNanos).toList();
        assertThat(ticks.stream().distinct().count()).isLessThan(ticks.size() * 6 / 10);
    }
}
