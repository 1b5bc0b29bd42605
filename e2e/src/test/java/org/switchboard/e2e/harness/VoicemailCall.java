package org.switchboard.e2e.harness;

import java.time.Duration;
import java.util.Optional;

import org.switchboard.e2e.harness.audio.AudioScan;
import org.switchboard.e2e.harness.audio.AudioScan.Span;
import org.switchboard.e2e.harness.audio.Pcm16;

/**
 * A baresip call that the server answers with voicemail, followed through what the caller hears: the greeting, the
 * beep (1000 Hz, 250 ms), then the recording, which lasts as long as the caller keeps talking. Every wait is on the
 * call's own audio or events, never on a timer: "three seconds after the beep" is three seconds of the call's audio.
 *
 * @param phone the caller
 * @param audioMark the phone's {@link Baresip#receivedAudioMark()} before dialling: this call's recording
 * @param eventMark the phone's {@link Baresip#eventCount()} before dialling: this call's events
 */
public record VoicemailCall(Baresip phone, int audioMark, int eventMark) {
    /** The beep's frequency. */
    public static final double BEEP_HZ = 1000;
    /** The least run of 1000 Hz frames taken for the beep (it lasts 250 ms; speech never holds a pure tone so long). */
    public static final Duration BEEP_AT_LEAST = Duration.ofMillis(150);

    /** Dials {@code number} on the server and waits until the call is answered (by a phone or by the server). */
    public static VoicemailCall dial(Baresip phone, String number, Duration within) {
        VoicemailCall call = start(phone, number);
        call.awaitAnswered(within);
        return call;
    }

    /** Dials {@code number} on the server without waiting: the test may act on the callee's phone first. */
    public static VoicemailCall start(Baresip phone, String number) {
        int audioMark = phone.receivedAudioMark();
        int eventMark = phone.eventCount();
        phone.dial("sip:" + number + "@" + SwitchboardProcess.DOMAIN);
        return new VoicemailCall(phone, audioMark, eventMark);
    }

    /** Waits until the call is answered (CALL_ESTABLISHED). */
    public void awaitAnswered(Duration within) {
        phone.awaitEvent("CALL_ESTABLISHED", eventMark, within);
    }

    /** What the call has heard so far. */
    public Pcm16 heard() {
        return phone.receivedAudio(audioMark);
    }

    /** Waits for the beep and returns where it lies in the call's audio. */
    public Span awaitBeep(Duration within) {
        return phone.awaitHeard(audioMark, "the voicemail beep",
                pcm -> AudioScan.firstTone(pcm, BEEP_HZ, BEEP_AT_LEAST, Duration.ZERO), within);
    }

    /** Where the first sound of the call (the greeting) started. */
    public Duration greetingStart() {
        return AudioScan.firstSound(heard(), Duration.ZERO).orElseThrow(
                () -> new IllegalStateException("the caller heard no greeting at all"));
    }

    /** Waits until the call has heard {@code length} more of audio after {@code from}: the caller kept talking. */
    public void talkUntil(Duration from, Duration length, Duration within) {
        Duration until = from.plus(length);
        phone.awaitHeard(audioMark, until.toMillis() + " ms of audio",
                pcm -> pcm.duration().compareTo(until) >= 0 ? Optional.of(true) : Optional.empty(),
                within);
    }

    /** How long the call has heard audio so far. */
    public Duration heardLength() {
        return heard().duration();
    }

    /** Hangs up (BYE) and waits for the call to close. */
    public void hangUp(Duration within) {
        phone.hangup();
        awaitClosed(within);
    }

    /** Waits for this call to close, whoever ended it. */
    public BaresipEvent awaitClosed(Duration within) {
        return phone.awaitEvent("CALL_CLOSED", eventMark, within);
    }

    /**
     * Leaves a message: dials, waits for the beep, talks for {@code length} of the call's audio after it, hangs up.
     *
     * @return where the greeting started, the beep, and how much audio the call had heard when it hung up
     */
    public static Deposit leaveMessage(Baresip phone, String number, Duration length, Duration within) {
        VoicemailCall call = dial(phone, number, within);
        Span beep = call.awaitBeep(within);
        call.talkUntil(beep.end(), length, within);
        Duration hungUpAt = call.heardLength();
        call.hangUp(within);
        return new Deposit(call.greetingStart(), beep, hungUpAt);
    }

    /**
     * What a caller leaving a message heard.
     *
     * @param greetingStart where the greeting's first sound was
     * @param beep where the beep was
     * @param hungUpAt how much audio the call had heard when the caller hung up
     */
    public record Deposit(Duration greetingStart, Span beep, Duration hungUpAt) {
        /** From the greeting's first sound to the beep: the sentence the caller heard. */
        public Duration greeting() {
            return beep.start().minus(greetingStart);
        }

        /** From the end of the beep to the hang-up: how long the caller spoke. */
        public Duration spoken() {
            return hungUpAt.minus(beep.end());
        }
    }
}
