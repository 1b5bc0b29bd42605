package org.switchboard.pbx.voice;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.pbx.prompt.Phrasing;
import org.switchboard.pbx.prompt.PromptKey;

/**
 * A straight-line conversation with a caller on a {@link VoiceLine}: say something and let a key
 * cut it short (barge-in), ask for digits, offer a menu with a few tries, record what the caller
 * says. Each call blocks the application's virtual thread until it is done and returns what
 * happened as a value; none throws for anything the caller does. Once the caller hung up every
 * method returns at once with its "hung up" answer.
 *
 * <p>Waiting is bounded by {@link VoiceLine#next} timeouts, never by a clock read here, so a test
 * line in virtual time runs it in milliseconds. Keys never reach the log (one may be a PIN).
 *
 * <p>{@link VoiceEvent.PlayFinished} names the source that ended: a late one of a play a key
 * interrupted in the very frame it ended is ignored, and never ends the next play early.
 */
public final class Conversation {
    private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);

    /** Every key a phone has (RFC 4733 §3.2 events 0-15). */
    public static final String ANY_KEY = "0123456789*#ABCD";
    /** How long a menu waits for a key after it was said. */
    public static final Duration MENU_WAIT = Duration.ofSeconds(5);
    /** Tries of a menu: the caller hears "that is not a valid option" or the menu again, then goodbye. */
    public static final int MENU_TRIES = 3;
    /** Longest an announcement may take before it is taken as ended (a line that never says PlayFinished). */
    static final Duration LONGEST_PLAY = Duration.ofMinutes(30);
    /** A recording also ends this long after its maximum length in wall time, should the audio stop flowing. */
    static final Duration RECORDING_GRACE = Duration.ofSeconds(5);
    /** How long to wait for the line to let go of a sink before finishing it anyway. */
    static final long STOP_WAIT_SECONDS = 5;

    private final VoiceLine line;
    private final Announcer announcer;
    private final State state;

    /** Mutable state shared by a conversation and its {@link #speaking} copies. */
    private static final class State {
        boolean hungUp;
        int recordings;
    }

    public Conversation(VoiceLine line, Announcer announcer) {
        this(line, announcer, new State());
    }

    private Conversation(VoiceLine line, Announcer announcer, State state) {
        this.line = Objects.requireNonNull(line, "line");
        this.announcer = Objects.requireNonNull(announcer, "announcer");
        this.state = state;
    }

    /** The same conversation in another language (the mailbox's, once its owner logged in). */
    public Conversation speaking(String languageTag) {
        return new Conversation(line, announcer.speaking(languageTag), state);
    }

    public VoiceLine line() {
        return line;
    }

    public VoiceCaller caller() {
        return line.caller();
    }

    public Announcer announcer() {
        return announcer;
    }

    public Phrasing phrasing() {
        return announcer.phrasing();
    }

    /** True once the caller hung up. */
    public boolean hungUp() {
        return state.hungUp;
    }

    /** Says {@code keys}; any key interrupts. */
    public Played say(PromptKey... keys) throws InterruptedException {
        return play(Announcement.of(keys));
    }

    /** Plays {@code announcement}; any key interrupts it and is returned. */
    public Played play(Announcement announcement) throws InterruptedException {
        return play(announcement, ANY_KEY);
    }

    /**
     * Plays {@code announcement} to its end. A key of {@code interruptingKeys} stops it and is
     * returned; other keys are dropped ({@code ""}: nothing interrupts).
     */
    public Played play(Announcement announcement, String interruptingKeys) throws InterruptedException {
        Objects.requireNonNull(interruptingKeys, "interruptingKeys");
        if (state.hungUp) return Played.HUNG_UP;
        AnnouncementSource source = announcer.open(announcement);
        if (source.isEmpty()) {
            source.close();
            return Played.TO_END;
        }
        line.play(source);
        while (true) {
            switch (line.next(LONGEST_PLAY)) {
                case VoiceEvent.Digit d when interruptingKeys.indexOf(d.key()) >= 0 -> {
                    line.stopPlaying();
                    return new Played.Key(d.key());
                }
                case VoiceEvent.PlayFinished f when f.source() == source -> {
                    return Played.TO_END;
                }
                case VoiceEvent.PlayFinished _ -> { }
                case VoiceEvent.HungUp _ -> {
                    return hangUp(Played.HUNG_UP);
                }
                case VoiceEvent.Timeout _ -> {
                    LOG.debug("{} did not finish in {}: taken as played", source, LONGEST_PLAY);
                    line.stopPlaying();
                    return Played.TO_END;
                }
                case VoiceEvent.Digit _ -> { }
                case VoiceEvent.Notice _ -> { }
            }
        }
    }

    /** Waits up to {@code wait} for a key: {@link Played.Key}, or {@link Played.ToEnd} when none came. */
    public Played awaitKey(Duration wait) throws InterruptedException {
        if (state.hungUp) return Played.HUNG_UP;
        while (true) {
            switch (line.next(wait)) {
                case VoiceEvent.Digit d -> {
                    return new Played.Key(d.key());
                }
                case VoiceEvent.Timeout _ -> {
                    return Played.TO_END;
                }
                case VoiceEvent.HungUp _ -> {
                    return hangUp(Played.HUNG_UP);
                }
                case VoiceEvent.PlayFinished _ -> { }
                case VoiceEvent.Notice _ -> { }
            }
        }
    }

    /**
     * Asks {@code question} and collects the answer: keys typed while it plays count (the first
     * one stops it), then up to {@code limits}.
     */
    public Entry ask(Announcement question, DigitLimits limits) throws InterruptedException {
        StringBuilder typed = new StringBuilder();
        switch (play(question)) {
            case Played.HungUp _ -> {
                return Entry.HUNG_UP;
            }
            case Played.Key k -> {
                if (k.key() == limits.terminator()) return new Entry.Typed("");
                typed.append(k.key());
            }
            case Played.ToEnd _ -> { }
        }
        while (typed.length() < limits.maxDigits()) {
            Duration wait = typed.isEmpty() ? limits.firstDigit() : limits.betweenDigits();
            switch (awaitKey(wait)) {
                case Played.HungUp _ -> {
                    return Entry.HUNG_UP;
                }
                case Played.ToEnd _ -> {
                    return typed.isEmpty() ? Entry.NOTHING : new Entry.Typed(typed.toString());
                }
                case Played.Key k -> {
                    if (k.key() == limits.terminator()) return new Entry.Typed(typed.toString());
                    typed.append(k.key());
                }
            }
        }
        return new Entry.Typed(typed.toString());
    }

    /**
     * Offers a menu: plays {@code menu}, waits {@link #MENU_WAIT} for one of {@code keys}. An
     * invalid key is told ("that is not a valid option") and silence repeats the menu, up to
     * {@link #MENU_TRIES} times in all; then {@link Choice.GaveUp}.
     */
    public Choice choose(Announcement menu, String keys) throws InterruptedException {
        for (int attempt = 0; attempt < MENU_TRIES; attempt++) {
            Played answer = play(menu);
            if (answer instanceof Played.ToEnd) answer = awaitKey(MENU_WAIT);
            switch (answer) {
                case Played.HungUp _ -> {
                    return Choice.HUNG_UP;
                }
                case Played.ToEnd _ -> { }
                case Played.Key k when keys.indexOf(k.key()) >= 0 -> {
                    return new Choice.Picked(k.key());
                }
                case Played.Key _ -> {
                    line.clearDigits();
                    if (play(Announcement.of(PromptKey.INVALID_OPTION), "") instanceof Played.HungUp) return Choice.HUNG_UP;
                }
            }
        }
        return Choice.GAVE_UP;
    }

    /**
     * Records what the caller says into {@code sink} until {@code limits} end it or the caller
     * hangs up, then lets go of the sink: its owner finishes and keeps or drops it. When the
     * thread is interrupted (the server stops) the line is still told to stop writing to the sink
     * before the interruption goes on, so what was said can be kept.
     */
    public Recorded record(AudioSink sink, RecordLimits limits) throws InterruptedException {
        Objects.requireNonNull(sink, "sink");
        if (state.hungUp) return new Recorded(new Recorded.End.HungUp(), Duration.ZERO, Duration.ZERO);
        ListeningSink listening = new ListeningSink(sink, line, "recording-" + ++state.recordings, limits);
        line.record(listening);
        Recorded.End end;
        try {
            end = listen(listening, limits);
        } finally {
            release(listening);
        }
        if (sink.failure().isPresent()) end = new Recorded.End.Failed(sink.failure().get());
        return new Recorded(end, listening.length(), listening.trailingSilence());
    }

    private Recorded.End listen(ListeningSink listening, RecordLimits limits) throws InterruptedException {
        Duration backstop = limits.maxLength().plus(RECORDING_GRACE);
        while (true) {
            switch (line.next(backstop)) {
                case VoiceEvent.Digit d when limits.endKeys().indexOf(d.key()) >= 0 -> {
                    return new Recorded.End.Key(d.key());
                }
                case VoiceEvent.Notice n when listening.isSilence(n) -> {
                    return new Recorded.End.Silence();
                }
                case VoiceEvent.Notice n when listening.isMaxLength(n) -> {
                    return new Recorded.End.MaxLength();
                }
                case VoiceEvent.Timeout _ -> {
                    LOG.debug("A recording got no audio for {}: ended", backstop);
                    return new Recorded.End.MaxLength();
                }
                case VoiceEvent.HungUp _ -> {
                    return hangUp(new Recorded.End.HungUp());
                }
                case VoiceEvent.Digit _ -> { }
                case VoiceEvent.Notice _ -> { }
                case VoiceEvent.PlayFinished _ -> { }
            }
        }
    }

    private void release(ListeningSink listening) {
        CompletionStage<Void> stopped = line.stopRecording(listening);
        try {
            stopped.toCompletableFuture().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The line did not let go of a recording in {} s ({}); finishing it anyway", STOP_WAIT_SECONDS,
                    e.toString());
        }
        listening.stop();
    }

    private <T> T hangUp(T answer) {
        state.hungUp = true;
        return answer;
    }
}
