package org.switchboard.media.dtmf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps what a receiver or detector reported, in order. */
final class RecordingListener implements DtmfListener {

    final List<DtmfEvent> events = new ArrayList<>();
    final List<DtmfDigit> starts = new ArrayList<>();

    @Override
    public void onDigit(DtmfEvent event) {
        events.add(event);
    }

    @Override
    public void onDigitStart(DtmfDigit digit, DtmfSource source) {
        starts.add(digit);
    }

    /** The reported keys as a string, e.g. {@code "12#"}. */
    String digits() {
        return events.stream().map(e -> String.valueOf(e.digit().symbol())).collect(Collectors.joining());
    }
}
