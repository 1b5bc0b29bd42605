package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceEvent;
import org.switchboard.pbx.voice.VoiceLine;

/**
 * A voice application for tests: hands every event it reads to the test and ends when its script
 * says. After a hang-up it asks once more, to show that the line keeps answering HungUp at once.
 */
final class ScriptedApplication implements VoiceApplication {
    /** How long a test waits for the application, in real time (it normally reacts in microseconds). */
    static final long WAIT_SECONDS = 10;

    private final Function<VoiceEvent, Ending> script;
    private final BlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile VoiceLine line;
    private volatile Thread thread;
    volatile boolean interrupted;

    private ScriptedApplication(Function<VoiceEvent, Ending> script) {
        this.script = script;
    }

    /** Listens until the caller hangs up. */
    static ScriptedApplication listening() { return new ScriptedApplication(e -> null); }

    /** Hangs up when the caller presses {@code key}. */
    static ScriptedApplication hangingUpOn(char key) {
        return new ScriptedApplication(e -> e instanceof VoiceEvent.Digit d && d.key() == key ? HANG_UP : null);
    }

    /** Puts the caller through to {@code number} when it presses {@code key}. */
    static ScriptedApplication transferringOn(char key, String number) {
        return new ScriptedApplication(e -> e instanceof VoiceEvent.Digit d && d.key() == key
                ? new Ending.Transfer(number) : null);
    }

    /** Throws when the caller presses {@code key}, as a buggy application would. */
    static ScriptedApplication failingOn(char key) {
        return new ScriptedApplication(e -> {
            if (e instanceof VoiceEvent.Digit d && d.key() == key) throw new IllegalStateException("bug in the test app");
            return null;
        });
    }

    @Override
    public Ending run(VoiceLine line) throws InterruptedException {
        this.line = line;
        this.thread = Thread.currentThread();
        started.countDown();
        try {
            while (true) {
                VoiceEvent e = line.next(Duration.ofMinutes(1));
                events.add(e);
                if (e instanceof VoiceEvent.HungUp) {
                    events.add(line.next(Duration.ofMinutes(1)));
                    return HANG_UP;
                }
                Ending end = script.apply(e);
                if (end != null) return end;
            }
        } catch (InterruptedException e) {
            interrupted = true;
            throw e;
        }
    }

    /** The line, once the server started the application. */
    VoiceLine awaitLine() throws InterruptedException {
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the application started").isTrue();
        return line;
    }

    /** Whether the server started it. */
    boolean started() { return started.getCount() == 0; }

    /** The next event the application read. */
    VoiceEvent nextEvent() throws InterruptedException {
        VoiceEvent e = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(e).as("an event reached the application").isNotNull();
        return e;
    }

    /** Waits until its thread ended (and so its ending was carried out). */
    void awaitEnd() throws InterruptedException {
        awaitLine();
        assertThat(thread.join(Duration.ofSeconds(WAIT_SECONDS))).as("the application's thread ended").isTrue();
    }

    /** The name of the thread it ran on. */
    String threadName() { return thread.getName(); }
}
