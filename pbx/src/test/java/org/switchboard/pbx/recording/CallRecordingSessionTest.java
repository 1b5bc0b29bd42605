package org.switchboard.pbx.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.record.Party;
import org.switchboard.media.record.RecordingFormat;
import org.switchboard.media.record.StereoWavSink;

/** The hook's side: a call's session on a fake tap, every executor direct, time moved by hand. */
class CallRecordingSessionTest {

    private static final Executor DIRECT = Runnable::run;
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir Path data;

    private final MemoryRecordingRepository index = new MemoryRecordingRepository();
    private final FakeTapMedia media = new FakeTapMedia();
    private long millis = NOON.toEpochMilli();
    private final InstantSource clock = () -> Instant.ofEpochMilli(millis);
    private final List<String> toggles = new ArrayList<>();

    private CallRecordings recordings() {
        CallRecordingStore store = new CallRecordingStore(data.resolve("recordings"), index, Clock.fixed(NOON, ZoneOffset.UTC),
                new SplittableRandom(3));
        return new CallRecordings(store, RecordingSettings.DEFAULT, clock, DIRECT);
    }

    private static RecordedCall call(RecordingFormat callee) {
        return new RecordedCall("call-42",
                new RecordedCall.Side(new FakeTapMedia.Endpoint("call-42-a"), RecordingFormat.of(G711.PCMU, 0), "1001"),
                new RecordedCall.Side(new FakeTapMedia.Endpoint("call-42-b"), callee, "1002"));
    }

    private CallRecordingSession open(Map<Party, Trigger> onDemand) {
        return recordings().open(media, call(RecordingFormat.of(G711.PCMU, 0)), DIRECT, onDemand,
                (party, on) -> toggles.add(party + (on ? " on" : " off")));
    }

    @Test
    void anAlwaysRecordedCallIsStoredWhenItEnds() throws Exception {
        CallRecordingSession session = open(Map.of());
        assertThat(session.start(Trigger.always("1001"))).isTrue();
        assertThat(session.isRecording()).isTrue();
        media.tap().speak(3000);

        Optional<CallRecording> stored = session.close().toCompletableFuture().get();

        CallRecording r = stored.orElseThrow();
        assertThat(r.callId()).isEqualTo("call-42");
        assertThat(r.caller()).isEqualTo("1001");
        assertThat(r.callee()).isEqualTo("1002");
        assertThat(r.trigger()).isEqualTo(Trigger.always("1001"));
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(index.all()).containsExactly(r);
        assertThat(media.tap().closed).isTrue();
        assertThat(session.start(Trigger.always("1001"))).as("the call has ended").isFalse();
    }

    @Test
    void starOneFromAnOnDemandPartyTogglesRecording() throws Exception {
        CallRecordingSession session = open(Map.of(Party.CALLEE, Trigger.onDemand("1002")));
        FakeTapMedia.Tap tap = media.tap();

        tap.press(Party.CALLER, DtmfDigit.STAR);
        tap.press(Party.CALLER, DtmfDigit.ONE);
        assertThat(session.isRecording()).as("the caller may not record").isFalse();

        tap.press(Party.CALLEE, DtmfDigit.STAR);
        millis += 1500;
        tap.press(Party.CALLEE, DtmfDigit.ONE);
        assertThat(session.isRecording()).isTrue();
        tap.speak(2000);

        tap.press(Party.CALLEE, DtmfDigit.STAR);
        millis += 300;
        tap.press(Party.CALLEE, DtmfDigit.ONE);
        assertThat(session.isRecording()).isFalse();
        assertThat(toggles).containsExactly("CALLEE on", "CALLEE off");

        tap.press(Party.CALLEE, DtmfDigit.STAR);
        millis += 2500;
        tap.press(Party.CALLEE, DtmfDigit.ONE);
        assertThat(session.isRecording()).as("too slow").isFalse();

        session.close().toCompletableFuture().get();
        assertThat(index.all()).singleElement().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(Trigger.onDemand("1002"));
            assertThat(r.duration()).isEqualTo(Duration.ofSeconds(2));
        });
    }

    /** A full disk: the recording stops and leaves no file; the session may record again later. */
    @Test
    void aFullDiskEndsTheRecordingWithoutAFile() throws Exception {
        CallRecordingSession session = open(Map.of());
        session.start(Trigger.always("1001"));
        FakeTapMedia.Tap tap = media.tap();
        tap.speak(200);
        ((StereoWavSink) tap.sink).abort();   // the writer is gone: the next write fails as on a full disk
        tap.speak(20);

        assertThat(session.isRecording()).isFalse();
        assertThat(allFiles()).isEmpty();
        assertThat(session.close().toCompletableFuture().get()).isEmpty();
        assertThat(index.all()).isEmpty();
    }

    @Test
    void whenNoFileCanBeCreatedTheCallGoesOnUnrecorded() throws Exception {
        Files.writeString(data.resolve("recordings"), "a file where the directory should be");
        CallRecordingSession session = open(Map.of());
        assertThat(session.start(Trigger.always("1001"))).isTrue();
        assertThat(session.isRecording()).isFalse();
        assertThat(media.tap().sink).isNull();
        assertThat(session.close().toCompletableFuture().get()).isEmpty();
    }

    @Test
    void aWidebandPartyRecordsAt16kHzAndCodecChangesReachTheTap() throws Exception {
        CallRecordingSession session = recordings().open(media, call(RecordingFormat.of(G722.INSTANCE, 9)), DIRECT,
                Map.of(), OnDemandListener.IGNORE);
        session.start(Trigger.always("1002"));
        assertThat(media.tap().sink.sampleRate()).isEqualTo(16_000);
        session.formatChanged(Party.CALLEE, RecordingFormat.of(G711.PCMA, 8));
        assertThat(media.tap().formats).containsExactly(RecordingFormat.of(G711.PCMA, 8));
        media.tap().speak(1000);
        assertThat(session.stop().toCompletableFuture().get()).hasValueSatisfying(r ->
                assertThat(r.fileSize()).isEqualTo(44 + 16_000 * 4));
    }

    @Test
    void aSecondStartWhileRecordingChangesNothing() throws Exception {
        CallRecordingSession session = open(Map.of());
        assertThat(session.start(Trigger.always("1001"))).isTrue();
        assertThat(session.start(Trigger.always("1002"))).isFalse();
        media.tap().speak(100);
        assertThat(session.stop().toCompletableFuture().get()).isPresent();
        assertThat(session.stop().toCompletableFuture().get()).isEmpty();
    }

    private List<Path> allFiles() throws IOException {
        Path root = data.resolve("recordings");
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
