package org.switchboard.pbx.recording;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfSource;
import org.switchboard.media.record.AudioStereoSink;
import org.switchboard.media.record.CallTap;
import org.switchboard.media.record.Party;
import org.switchboard.media.record.RecordingFormat;
import org.switchboard.media.record.TapListener;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaEndpoints;
import org.switchboard.media.relay.MediaStats;
import org.switchboard.media.relay.MediaTimeoutListener;
import org.switchboard.media.relay.PortPair;
import org.switchboard.media.relay.SrtpKeys;

/** A media layer whose taps the test drives: it says when audio frames, key presses or a full disk happen. */
final class FakeTapMedia implements MediaEndpoints {

    final List<Tap> taps = new ArrayList<>();

    @Override
    public CallTap tap(MediaEndpoint caller, RecordingFormat callerFormat, MediaEndpoint callee,
                       RecordingFormat calleeFormat, Executor callExecutor, TapListener listener) {
        Tap tap = new Tap(Math.max(callerFormat.codec().sampleRate(), calleeFormat.codec().sampleRate()) > 8000
                ? 16_000 : 8000, listener);
        taps.add(tap);
        return tap;
    }

    Tap tap() {
        return taps.getLast();
    }

    static final class Tap implements CallTap {
        final int rate;
        final TapListener listener;
        final List<RecordingFormat> formats = new ArrayList<>();
        AudioStereoSink sink;
        boolean closed;

        Tap(int rate, TapListener listener) {
            this.rate = rate;
            this.listener = listener;
        }

        /** {@code millis} of audio of both parties, as the recorder writes it. */
        void speak(int millis) {
            if (sink == null) return;
            int samples = rate / 50;
            short[] frame = new short[samples];
            java.util.Arrays.fill(frame, (short) 500);
            for (int ms = 0; ms < millis && sink != null; ms += 20) {
                if (!sink.write(frame, frame, samples)) {
                    AudioStereoSink failed = sink;
                    sink = null;
                    listener.onRecordingFailed(failed, failed.failure().orElseThrow());
                }
            }
        }

        void press(Party party, DtmfDigit digit) {
            listener.onDigit(party, new DtmfEvent(digit, 100, DtmfSource.TELEPHONE_EVENT));
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public void record(AudioStereoSink s) {
            if (sink == null && !closed) sink = s;
        }

        @Override
        public CompletionStage<Void> stopRecording() {
            sink = null;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void format(Party party, RecordingFormat format) {
            formats.add(format);
        }

        @Override
        public CompletionStage<Void> close() {
            closed = true;
            sink = null;
            return CompletableFuture.completedFuture(null);
        }
    }

    @Override
    public MediaEndpoint allocate(String legId, String callKey, MediaTimeoutListener onTimeout) {
        return new Endpoint(legId);
    }

    @Override
    public boolean bridge(MediaEndpoint a, MediaEndpoint b) {
        return true;
    }

    @Override
    public void unbridge(MediaEndpoint endpoint) { }

    @Override
    public int allocatedPairs() {
        return 0;
    }

    @Override
    public List<MediaStats> stats() {
        return List.of();
    }

    @Override
    public void close() { }

    /** An endpoint that is only a name. */
    record Endpoint(String legId) implements MediaEndpoint {
        @Override public PortPair ports() { return null; }
        @Override public InetSocketAddress localRtp() { return null; }
        @Override public InetSocketAddress localRtcp() { return null; }
        @Override public void expectRemote(InetSocketAddress rtp, InetSocketAddress rtcp) { }
        @Override public void useSrtp(SrtpKeys inbound, SrtpKeys outbound) { }
        @Override public void usePlainRtp() { }
        @Override public void suspendTimeout(boolean suspended) { }

        @Override
        public MediaChannel terminate(LegAudioConfig config, Executor callExecutor, LegAudioListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override public MediaStats stats() { return null; }
        @Override public boolean isOpen() { return true; }
        @Override public void close() { }
    }
}
