package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionIndexTest {

    private final PositionIndex index = new PositionIndex();

    private List<Long> positions(int hash) {
        List<Long> out = new ArrayList<>();
        for (int s = index.first(hash); s >= 0; s = index.next(hash, s)) out.add(index.positionAt(s));
        return out;
    }

    @Test
    void entriesSharingAHashAreAllFoundAndRemovedOneByOne() {
        index.add(7, 100);
        index.add(7, 200);
        index.add(8, 300);
        assertThat(positions(7)).containsExactlyInAnyOrder(100L, 200L);
        assertThat(index.remove(7, 100)).isTrue();
        assertThat(index.remove(7, 100)).isFalse();
        assertThat(positions(7)).containsExactly(200L);
        assertThat(positions(8)).containsExactly(300L);
        assertThat(positions(9)).isEmpty();
    }

    @Test
    void randomAddsAndRemovesAgreeWithAMapAcrossGrowthAndShrinking() {
        Random random = new Random(42);
        Map<Long, Integer> model = new HashMap<>();
        long next = 0;
        for (int round = 0; round < 200_000; round++) {
            if (model.isEmpty() || random.nextInt(100) < 55 - (round / 2_000 % 2) * 20) {
                int hash = random.nextInt(5_000);   // many collisions on purpose
                index.add(hash, next);
                model.put(next++, hash);
            } else {
                Long victim = model.keySet().iterator().next();
                assertThat(index.remove(model.remove(victim), victim)).isTrue();
            }
            if (round % 10_000 == 0) {
                for (var e : model.entrySet()) assertThat(positions(e.getValue())).contains(e.getKey());
            }
        }
        assertThat(index.size()).isEqualTo(model.size());
        for (var e : model.entrySet()) assertThat(index.remove(e.getValue(), e.getKey())).isTrue();
        assertThat(index.size()).isZero();
        assertThat(index.capacity()).isEqualTo(PositionIndex.MIN_CAPACITY);   // a storm's table does not stay
    }

    @Test
    void probeRunsThatWrapAroundTheEndSurviveRemovals() {
        int last = PositionIndex.MIN_CAPACITY - 1;
        for (int i = 0; i < 6; i++) index.add(last, i);   // slots last, 0, 1, 2, 3, 4
        index.add(0, 99);                                    // home 0, placed after the run
        assertThat(index.remove(last, 0)).isTrue();
        assertThat(index.remove(last, 3)).isTrue();
        assertThat(positions(last)).containsExactlyInAnyOrder(1L, 2L, 4L, 5L);
        assertThat(positions(0)).containsExactly(99L);
    }
}
