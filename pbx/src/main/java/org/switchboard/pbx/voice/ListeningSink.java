package org.switchboard.pbx.voice;

import java.time.Duration;
import java.util.Optional;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.media.dsp.SilenceDetector;

/**
 * Stands between a line and a recording's sink, on the media thread: forwards the audio up to the
 * maximum length, and tells the application (a {@link VoiceEvent.Notice} posted on the line) when
 * the caller has been silent long enough or the maximum is reached. Counting samples rather than
 * reading a clock makes both exact in audio time. Notices carry this recording's {@code tag}, so
 * a late notice of an earlier recording is never taken for this one's.
 */
final class ListeningSink implements AudioSink {

    private final AudioSink target;
    private final VoiceLine line;
    private final String silenceNotice;
    private final String maxNotice;
    private final long maxSamples;
    private final SilenceDetector silence;
    private volatile long samples;
    private volatile long silentMillis;
    private volatile boolean stopped;
    private boolean silencePosted;
    private boolean maxPosted;

    ListeningSink(AudioSink target, VoiceLine line, String tag, RecordLimits limits) {
        this.target = target;
        this.line = line;
        this.silenceNotice = tag + ":silence";
        this.maxNotice = tag + ":max-length";
        int rate = target.sampleRate();
        this.maxSamples = limits.maxLength().toMillis() * rate / 1000;
        this.silence = limits.silenceEnd()
                .map(end -> new SilenceDetector(limits.silenceThresholdDbfs(), (int) Math.min(Integer.MAX_VALUE, end.toMillis()), rate))
                .orElse(null);
    }

    boolean isSilence(VoiceEvent.Notice notice) {
        return notice.what().equals(silenceNotice);
    }

    boolean isMaxLength(VoiceEvent.Notice notice) {
        return notice.what().equals(maxNotice);
    }

    @Override
    public int sampleRate() {
        return target.sampleRate();
    }

    @Override
    public void write(short[] pcm, int off, int count) {
        if (stopped) return;
        long done = samples;
        int take = (int) Math.min(count, maxSamples - done);
        if (take > 0) {
            target.write(pcm, off, take);
            samples = done + take;
            if (silence != null) {
                boolean silent = silence.offer(pcm, off, take);
                silentMillis = silence.silenceMillis();
                if (silent && !silencePosted) {
                    silencePosted = true;
                    line.post(new VoiceEvent.Notice(silenceNotice));
                }
            }
        }
        if (done + Math.max(take, 0) >= maxSamples && !maxPosted) {
            maxPosted = true;
            line.post(new VoiceEvent.Notice(maxNotice));
        }
    }

    @Override
    public Optional<String> failure() {
        return target.failure();
    }

    /** Takes no more audio (a write racing with the end of the recording is dropped). */
    void stop() {
        stopped = true;
    }

    Duration length() {
        return Duration.ofMillis(samples * 1000 / target.sampleRate());
    }

    /** How much of the end was silence; zero when silence is not watched. */
    Duration trailingSilence() {
        return Duration.ofMillis(Math.min(silentMillis, length().toMillis()));
    }
}
