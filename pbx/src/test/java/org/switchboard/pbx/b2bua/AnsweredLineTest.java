package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.ToneSource;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfSource;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.pbx.voice.VoiceEvent;

/** The events and audio calls of a line the server answered ({@link AnsweredLine}). */
class AnsweredLineTest {
    static final VoiceCaller ALICE = new VoiceCaller("101", "Alice", "101", "102");
    static final Duration NOW = Duration.ZERO;

    final B2buaRig.FakeChannel channel = new B2buaRig.FakeChannel("c-a", LegAudioConfig.of(G711.PCMU, 0, "c-a@test"),
            LegAudioListener.IGNORE);
    final AnsweredLine line = new AnsweredLine(ALICE, channel);

    static DtmfEvent press(DtmfDigit digit) { return new DtmfEvent(digit, 100, DtmfSource.TELEPHONE_EVENT); }

    @Test
    void keysTheEndOfAPromptAndNoticesArriveInOrder() throws InterruptedException {
        line.onDigit(press(DtmfDigit.ONE));
        line.onSourceFinished(ToneSource.silence(20, 8000));
        line.post(new VoiceEvent.Notice("silence"));
        line.digit('#');

        assertThat(line.next(NOW)).isEqualTo(new VoiceEvent.Digit('1'));
        assertThat(line.next(NOW)).isInstanceOf(VoiceEvent.PlayFinished.class);
        assertThat(line.next(NOW)).isEqualTo(new VoiceEvent.Notice("silence"));
        assertThat(line.next(NOW)).isEqualTo(new VoiceEvent.Digit('#'));
        assertThat(line.next(Duration.ofMillis(5))).isInstanceOf(VoiceEvent.Timeout.class);
    }

    @Test
    void clearDigitsDropsOnlyTheKeysNotYetRead() throws InterruptedException {
        line.digit('1');
        line.post(new VoiceEvent.Notice("kept"));
        line.digit('2');
        line.clearDigits();
        assertThat(line.next(NOW)).isEqualTo(new VoiceEvent.Notice("kept"));
        assertThat(line.next(NOW)).isInstanceOf(VoiceEvent.Timeout.class);
    }

    @Test
    void afterTheHangUpOnlyHungUpFollowsEveryTime() throws InterruptedException {
        line.digit('9');
        line.hangUp();
        line.digit('8');
        line.post(new VoiceEvent.Notice("too late"));

        assertThat(line.next(NOW)).as("what was pressed before still counts").isEqualTo(new VoiceEvent.Digit('9'));
        assertThat(line.next(NOW)).isInstanceOf(VoiceEvent.HungUp.class);
        assertThat(line.next(Duration.ofHours(1))).as("at once").isInstanceOf(VoiceEvent.HungUp.class);
        assertThat(line.gone()).isTrue();
    }

    @Test
    void audioGoesToTheChannelUntilTheCallerIsGoneThenSourcesAreClosed() {
        ToneSource prompt = new ToneSource(ToneList.parse("!440/100"), 8000);
        line.play(prompt);
        assertThat(channel.playing()).containsSame(prompt);

        line.hangUp();
        AtomicBoolean closed = new AtomicBoolean();
        line.play(new AudioSource() {
            @Override
            public int sampleRate() { return 8000; }

            @Override
            public int read(short[] out, int off, int samples) { return 0; }

            @Override
            public void close() { closed.set(true); }
        });
        assertThat(closed).isTrue();
        assertThat(channel.played).hasSize(1);
        AudioSink sink = new AudioSink() {
            @Override
            public int sampleRate() { return 8000; }

            @Override
            public void write(short[] pcm, int off, int samples) { }
        };
        line.record(sink);
        assertThat(line.stopRecording(sink).toCompletableFuture()).isCompleted();
    }

    @Test
    void theRateIsTheCodecsOwn() {
        AnsweredLine wideband = new AnsweredLine(ALICE, new B2buaRig.FakeChannel("w", LegAudioConfig.of(G722.INSTANCE, 9,
                "w@test"), LegAudioListener.IGNORE));
        assertThat(wideband.sampleRate()).isEqualTo(16000);
        assertThat(line.sampleRate()).isEqualTo(8000);
        assertThat(line.caller()).isEqualTo(ALICE);
    }
}
