package org.switchboard.pbx.voice;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.pbx.prompt.PromptKey;

/**
 * A {@link VoiceLine} with a scripted caller, in virtual time, for tests. Time moves only inside
 * {@link #next}, 20 ms a tick: each tick reads a frame of what plays (so {@link VoiceEvent.PlayFinished}
 * comes when the source really ends), writes a frame of the caller's voice to each recording
 * sink (a tone for {@link #callerTalks} of each recording, then digital silence), then lets the
 * script react. The script is a list of steps, one armed at a time, in order: when the armed
 * step's {@link Cue} is met its keys are pressed (or the caller hangs up) and the next step is armed.
 *
 * <pre>
 * line.on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("2580#")
 *     .on(Cue.recorded(Duration.ofSeconds(3))).press("#");
 * </pre>
 *
 * A runaway application is stopped: after an hour of virtual time the caller hangs up. Single
 * threaded but for {@link #post}, as the application runs on the test's thread.
 */
public final class ScriptedLine implements VoiceLine {
    public static final int TICK_MILLIS = 20;
    private static final long GIVE_UP_MILLIS = 3_600_000;
    private static final double VOICE_HZ = 400;
    private static final double VOICE_PEAK = 3000;

    /** When a script step fires. */
    public sealed interface Cue {
        /** A play that started after the step was armed, and includes {@code label}, has played a tick. */
        record Playing(String label) implements Cue { }

        /** A play that started after the step was armed, and includes {@code label}, ended by itself. */
        record Played(String label) implements Cue { }

        /** The current recording has taken {@code length} of audio. */
        record Recorded(Duration length) implements Cue { }

        /** {@code length} of virtual time passed since the step was armed. */
        record After(Duration length) implements Cue { }

        static Cue playing(PromptKey key) {
            return new Playing(key.fileName());
        }

        static Cue playing(String label) {
            return new Playing(label);
        }

        static Cue played(PromptKey key) {
            return new Played(key.fileName());
        }

        static Cue played(String label) {
            return new Played(label);
        }

        static Cue recorded(Duration length) {
            return new Recorded(length);
        }

        static Cue after(Duration length) {
            return new After(length);
        }
    }

    /** What a step does: press keys, or hang up when {@code keys} is null. */
    private record Step(Cue cue, String keys) { }

    /** The second half of {@code line.on(cue).press(keys)}. */
    public final class Reaction {
        private final Cue cue;

        private Reaction(Cue cue) {
            this.cue = cue;
        }

        public ScriptedLine press(String keys) {
            script.add(new Step(cue, Objects.requireNonNull(keys, "keys")));
            return ScriptedLine.this;
        }

        public ScriptedLine hangUp() {
            script.add(new Step(cue, null));
            return ScriptedLine.this;
        }
    }

    private final VoiceCaller caller;
    private final int sampleRate;
    private final Deque<VoiceEvent> events = new ConcurrentLinkedDeque<>();
    private final Deque<Step> script = new ArrayDeque<>();
    private final List<List<String>> plays = new ArrayList<>();
    private final List<Duration> playStarts = new ArrayList<>();
    private final List<AudioSink> sinks = new ArrayList<>();
    private final Set<Integer> finished = new HashSet<>();
    private final List<Duration> recordings = new ArrayList<>();
    private long now;
    private AudioSource playing;
    private int playingSerial;
    private short[] frame = new short[960];
    private long recordedMillis;
    private long voiceSamples;
    private Duration speech = Duration.ofHours(1);
    private int armedAtPlay;
    private long armedAtMillis;
    private boolean hungUp;

    public ScriptedLine(VoiceCaller caller, int sampleRate) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.sampleRate = sampleRate;
    }

    /** A caller on a G.711 line (8 kHz). */
    public ScriptedLine(VoiceCaller caller) {
        this(caller, 8000);
    }

    public Reaction on(Cue cue) {
        return new Reaction(Objects.requireNonNull(cue, "cue"));
    }

    /** In each recording the caller talks this long, then is silent (default: talks all along). */
    public ScriptedLine callerTalks(Duration length) {
        this.speech = length;
        return this;
    }

    /** Keys pressed before anything was asked (typed ahead). */
    public ScriptedLine pressNow(String keys) {
        for (char c : keys.toCharArray()) events.add(new VoiceEvent.Digit(c));
        return this;
    }

    /** The labels of each announcement played, in order (a source of another kind is its toString). */
    public List<List<String>> plays() {
        return List.copyOf(plays);
    }

    /** When each announcement of {@link #plays()} started, in virtual time. */
    public List<Duration> playStarts() {
        return List.copyOf(playStarts);
    }

    /** When the first announcement including {@code label} started. */
    public Duration startOf(String label) {
        for (int i = 0; i < plays.size(); i++) if (plays.get(i).contains(label)) return playStarts.get(i);
        throw new AssertionError(label + " was never played; played: " + plays);
    }

    /** Every label played, in order. */
    public List<String> heard() {
        return plays.stream().flatMap(List::stream).toList();
    }

    /** How much audio each recording took, in order. */
    public List<Duration> recordings() {
        return List.copyOf(recordings);
    }

    /** True when every step of the script fired. */
    public boolean scriptDone() {
        return script.isEmpty();
    }

    public Duration elapsed() {
        return Duration.ofMillis(now);
    }

    public boolean isHungUp() {
        return hungUp;
    }

    @Override
    public VoiceCaller caller() {
        return caller;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public void play(AudioSource source) {
        closePlaying();
        if (hungUp) {
            source.close();
            return;
        }
        playing = source;
        plays.add(source instanceof AnnouncementSource a ? a.labels() : List.of(source.toString()));
        playStarts.add(Duration.ofMillis(now));
        playingSerial = plays.size();
    }

    @Override
    public void stopPlaying() {
        closePlaying();
    }

    @Override
    public void record(AudioSink sink) {
        if (hungUp) return;
        if (sinks.isEmpty()) {
            recordedMillis = 0;
            voiceSamples = 0;
        }
        sinks.add(sink);
    }

    @Override
    public CompletionStage<Void> stopRecording(AudioSink sink) {
        if (sinks.remove(sink) && sinks.isEmpty()) recordings.add(Duration.ofMillis(recordedMillis));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public VoiceEvent next(Duration timeout) {
        long deadline = now + timeout.toMillis();
        while (true) {
            VoiceEvent event = events.poll();
            if (event != null) return event;
            if (hungUp) return new VoiceEvent.HungUp();
            if (now >= deadline) return new VoiceEvent.Timeout();
            tick();
        }
    }

    @Override
    public void post(VoiceEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    @Override
    public void clearDigits() {
        events.removeIf(e -> e instanceof VoiceEvent.Digit);
    }

    private void tick() {
        now += TICK_MILLIS;
        if (playing != null) {
            int samples = playing.sampleRate() / (1000 / TICK_MILLIS);
            int got = playing.read(buffer(samples), 0, samples);
            if (got < samples) {
                finished.add(playingSerial);
                AudioSource ended = playing;
                closePlaying();
                events.add(new VoiceEvent.PlayFinished(ended));
            }
        }
        if (!sinks.isEmpty()) {
            for (AudioSink sink : List.copyOf(sinks)) {
                int samples = sink.sampleRate() / (1000 / TICK_MILLIS);
                sink.write(voice(sink.sampleRate(), samples), 0, samples);
            }
            recordedMillis += TICK_MILLIS;
        }
        react();
        if (now >= GIVE_UP_MILLIS && !hungUp) hangUpNow();
    }

    private short[] voice(int rate, int samples) {
        short[] out = buffer(samples);
        boolean talking = recordedMillis < speech.toMillis();
        for (int i = 0; i < samples; i++) {
            out[i] = talking ? (short) (VOICE_PEAK * Math.sin(2 * Math.PI * VOICE_HZ * (voiceSamples + i) / rate)) : 0;
        }
        voiceSamples += samples;
        return out;
    }

    private void react() {
        while (!script.isEmpty() && met(script.peek().cue())) {
            Step step = script.poll();
            if (step.keys() == null) {
                hangUpNow();
            } else {
                for (char c : step.keys().toCharArray()) events.add(new VoiceEvent.Digit(c));
            }
            armedAtPlay = plays.size();
            armedAtMillis = now;
        }
    }

    private boolean met(Cue cue) {
        return switch (cue) {
            case Cue.Playing p -> startedSince(p.label(), false);
            case Cue.Played p -> startedSince(p.label(), true);
            case Cue.Recorded r -> !sinks.isEmpty() && recordedMillis >= r.length().toMillis();
            case Cue.After a -> now - armedAtMillis >= a.length().toMillis();
        };
    }

    private boolean startedSince(String label, boolean mustHaveFinished) {
        for (int serial = armedAtPlay + 1; serial <= plays.size(); serial++) {
            if (!plays.get(serial - 1).contains(label)) continue;
            if (!mustHaveFinished || finished.contains(serial)) return true;
        }
        return false;
    }

    private void hangUpNow() {
        hungUp = true;
        closePlaying();
        if (!sinks.isEmpty()) recordings.add(Duration.ofMillis(recordedMillis));
        sinks.clear();
        events.add(new VoiceEvent.HungUp());
    }

    private void closePlaying() {
        if (playing != null) {
            playing.close();
            playing = null;
        }
    }

    private short[] buffer(int samples) {
        if (frame.length < samples) frame = new short[samples];
        return frame;
    }
}
