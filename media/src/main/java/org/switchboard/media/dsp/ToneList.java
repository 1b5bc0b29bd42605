package org.switchboard.media.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A tone with its cadence, in the syntax of Asterisk's {@code indications.conf}, which
 * administrators already know: a comma-separated list of elements
 * {@code [!]f1[+f2|*f2][/duration_ms]}. Examples: {@code 350+440} (US dial tone, for ever),
 * {@code 480+620/500,0/500} (US busy: half a second on, half off, repeated),
 * {@code !1000/250} (a beep played once), {@code 440/300,0/10000} (call waiting).
 *
 * <p>Repetition, as Asterisk does it: elements marked {@code !} play once; the list repeats from
 * its first unmarked element to its end; a list whose elements are all marked ends after one pass.
 * An element without a duration plays for ever. Bad text gives an
 * {@link IllegalArgumentException} whose message says which element is wrong and why.
 *
 * @param segments the elements, at least one
 * @param repeatFrom index of the first element repeated, or -1 when the list plays once
 */
public record ToneList(List<ToneSegment> segments, int repeatFrom) {

    public ToneList {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a tone list needs at least one element");
        }
        if (repeatFrom < -1 || repeatFrom >= segments.size()) {
            throw new IllegalArgumentException("repeat index " + repeatFrom + " outside the list");
        }
    }

    /** Parses indications.conf syntax; see the class comment. */
    public static ToneList parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("tone list is empty: expected elements like 480+620/500,0/500");
        }
        String[] elements = text.split(",", -1);
        List<ToneSegment> segments = new ArrayList<>(elements.length);
        int repeatFrom = -1;
        for (int i = 0; i < elements.length; i++) {
            ToneSegment segment;
            try {
                segment = parseElement(elements[i].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tone list \"" + text + "\", element " + (i + 1) + " \""
                        + elements[i].strip() + "\": " + e.getMessage(), e);
            }
            if (!segment.once() && repeatFrom < 0) {
                repeatFrom = i;
            }
            segments.add(segment);
        }
        return new ToneList(segments, repeatFrom);
    }

    private static ToneSegment parseElement(String element) {
        if (element.isEmpty()) {
            throw new IllegalArgumentException("empty element (two commas in a row, or a comma at an end)");
        }
        boolean once = element.startsWith("!");
        String rest = once ? element.substring(1).strip() : element;
        if (rest.startsWith("M") || rest.startsWith("m")) {
            throw new IllegalArgumentException("MIDI note numbers (M...) are not supported: write frequencies in Hz");
        }
        int duration = 0;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            duration = number(rest.substring(slash + 1), "duration", ToneSegment.MAX_DURATION_MILLIS);
            rest = rest.substring(0, slash);
        }
        int plus = rest.indexOf('+');
        int times = rest.indexOf('*');
        if (plus >= 0 && times >= 0) {
            throw new IllegalArgumentException("use either + (two tones) or * (modulation), not both");
        }
        int split = Math.max(plus, times);
        int f1;
        int f2 = 0;
        if (split >= 0) {
            f1 = number(rest.substring(0, split), "frequency", ToneSegment.MAX_FREQUENCY);
            f2 = number(rest.substring(split + 1), "second frequency", ToneSegment.MAX_FREQUENCY);
        } else {
            f1 = number(rest, "frequency", ToneSegment.MAX_FREQUENCY);
        }
        if (times >= 0 && (f1 == 0 || f2 == 0)) {
            throw new IllegalArgumentException("a modulated tone (f1*f2) needs two non-zero frequencies");
        }
        return new ToneSegment(f1, f2, times >= 0, duration, once);
    }

    private static int number(String text, String what, int max) {
        String digits = text.strip();
        if (digits.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException(what + " \"" + digits + "\" is not a whole number");
            }
        }
        if (digits.length() > 9 || Integer.parseInt(digits) > max) {
            throw new IllegalArgumentException(what + " " + digits + " is above the limit of " + max);
        }
        return Integer.parseInt(digits);
    }

    /** Whether the list ends (every element marked {@code !} and none lasting for ever). */
    public boolean finite() {
        return repeatFrom < 0 && segments.stream().allMatch(s -> s.durationMillis() > 0);
    }

    /** The list in indications.conf syntax; {@code parse(text())} gives an equal list. */
    public String text() {
        return segments.stream().map(ToneSegment::text).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return text();
    }
}
