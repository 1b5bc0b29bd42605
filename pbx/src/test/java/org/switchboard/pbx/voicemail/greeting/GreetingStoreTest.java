package org.switchboard.pbx.voicemail.greeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.TestClock;
import org.switchboard.pbx.voicemail.TestWav;

class GreetingStoreTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    @TempDir Path root;
    private final MemoryGreetingRepository index = new MemoryGreetingRepository();
    private final TestClock clock = new TestClock(NOW);

    private Greeting record(GreetingStore store, GreetingKind kind, Duration length) throws IOException {
        try (GreetingDraft draft = store.begin("1002", kind)) {
            draft.output().write(TestWav.ulaw(length));
            return draft.commit();
        }
    }

    @Test
    void aRecordedGreetingIsStoredIndexedAndReplacedByANewOne() throws Exception {
        GreetingStore store = new GreetingStore(root, index, clock);
        Greeting first = record(store, GreetingKind.UNAVAILABLE, Duration.ofSeconds(4));
        assertThat(first).isEqualTo(new Greeting("1002", GreetingKind.UNAVAILABLE, NOW, Duration.ofSeconds(4)));
        assertThat(store.file(first)).isEqualTo(root.resolve("1002/greetings/unavailable.wav"));
        assertThat(Files.readAllBytes(store.file(first))).isEqualTo(TestWav.ulaw(Duration.ofSeconds(4)));

        clock.advance(Duration.ofMinutes(5));
        record(store, GreetingKind.UNAVAILABLE, Duration.ofSeconds(6));
        record(store, new GreetingKind.Custom("holiday"), Duration.ofSeconds(7));
        assertThat(store.list("1002")).extracting(Greeting::kind, Greeting::duration).containsExactly(
                tuple(GreetingKind.UNAVAILABLE, Duration.ofSeconds(6)),
                tuple(new GreetingKind.Custom("holiday"), Duration.ofSeconds(7)));
        assertThat(Files.readAllBytes(store.file(first))).isEqualTo(TestWav.ulaw(Duration.ofSeconds(6)));
    }

    @Test
    void somethingThatIsNotAWavIsRefusedAndLeavesTheOldGreeting() throws Exception {
        GreetingStore store = new GreetingStore(root, index, clock);
        Greeting old = record(store, GreetingKind.BUSY, Duration.ofSeconds(3));
        try (GreetingDraft draft = store.begin("1002", GreetingKind.BUSY)) {
            draft.output().write("noise".getBytes());
            assertThatThrownBy(draft::commit).isInstanceOf(IOException.class).hasMessageContaining("not a WAV file");
        }
        assertThat(store.list("1002")).containsExactly(old);
        assertThat(Files.list(root.resolve("1002/greetings"))).containsExactly(store.file(old));
    }

    @Test
    void removalDeletesFileAndRow() throws Exception {
        GreetingStore store = new GreetingStore(root, index, clock);
        Greeting busy = record(store, GreetingKind.BUSY, Duration.ofSeconds(3));
        assertThat(store.remove("1002", GreetingKind.BUSY)).isTrue();
        assertThat(store.remove("1002", GreetingKind.BUSY)).isFalse();
        assertThat(store.file(busy)).doesNotExist();
        assertThat(store.list("1002")).isEmpty();
    }

    @Test
    void recoveryDeletesHalfRecordingsIndexesOrphanFilesAndDropsRowsWithoutFile() throws Exception {
        GreetingStore store = new GreetingStore(root, index, clock);
        Greeting kept = record(store, GreetingKind.UNAVAILABLE, Duration.ofSeconds(2));
        Greeting lost = record(store, GreetingKind.BUSY, Duration.ofSeconds(2));
        Files.delete(store.file(lost));
        Path dir = root.resolve("1002/greetings");
        Files.write(dir.resolve("name.wav"), TestWav.ulaw(Duration.ofMillis(1500)));
        Files.write(dir.resolve("temporary.wav.tmp"), TestWav.ulaw(Duration.ofSeconds(1)));

        assertThat(store.recover()).isEqualTo(3);
        assertThat(store.list("1002")).extracting(Greeting::kind)
                .containsExactlyInAnyOrder(GreetingKind.UNAVAILABLE, GreetingKind.NAME);
        assertThat(store.list("1002")).contains(kept);
        assertThat(store.list("1002").stream().filter(g -> g.kind() == GreetingKind.NAME).findFirst().orElseThrow()
                .duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(dir.resolve("temporary.wav.tmp")).doesNotExist();
        assertThat(store.recover()).as("nothing left to repair").isZero();
    }
}
