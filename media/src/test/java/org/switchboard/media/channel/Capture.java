package org.switchboard.media.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.AudioDecoder;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfSource;
import org.switchboard.media.rtp.RtpView;

/** What a leg put out in a test: its packets, the audio of its sinks, its events. */
final class Capture {

    private Capture() { }

    /** A PacketOut that keeps copies. */
    static final class Packets implements PacketOut {
        final List<byte[]> rtp = new ArrayList<>();
        final List<byte[]> rtcp = new ArrayList<>();

        @Override
        public void rtp(byte[] packet, int offset, int length) {
            rtp.add(Arrays.copyOfRange(packet, offset, offset + length));
        }

        @Override
        public void rtcp(byte[] packet, int offset, int length) {
            rtcp.add(Arrays.copyOfRange(packet, offset, offset + length));
        }

        RtpView view(int index) {
            RtpView v = new RtpView();
            v.wrap(rtp.get(index), 0, rtp.get(index).length);
            return v;
        }

        /** Decodes every packet of {@code payloadType} with a fresh decoder, in order. */
        short[] decode(AudioCodec codec, int payloadType) {
            AudioDecoder decoder = codec.newDecoder();
            Sink pcm = new Sink(codec.sampleRate());
            short[] frame = new short[codec.sampleRate() / 5];
            for (int i = 0; i < rtp.size(); i++) {
                RtpView v = view(i);
                if (v.payloadType() == payloadType) {
                    int n = decoder.decode(v.buffer(), v.payloadOffset(), v.payloadLength(), frame, 0);
                    pcm.write(frame, 0, n);
                }
            }
            decoder.close();
            return pcm.samples();
        }
    }

    /** An AudioSink that keeps everything. */
    static final class Sink implements AudioSink {
        private final int rate;
        private short[] data = new short[8000];
        private int size;

        Sink(int rate) {
            this.rate = rate;
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public void write(short[] pcm, int off, int samples) {
            if (size + samples > data.length) {
                data = Arrays.copyOf(data, Math.max(2 * data.length, size + samples));
            }
            System.arraycopy(pcm, off, data, size, samples);
            size += samples;
        }

        int size() {
            return size;
        }

        short[] samples() {
            return Arrays.copyOf(data, size);
        }
    }

    /** A listener that keeps what it was told. */
    static final class Events implements LegAudioListener {
        final List<DtmfEvent> digits = new ArrayList<>();
        final List<String> starts = new ArrayList<>();
        final List<AudioSource> finished = new ArrayList<>();
        final List<DtmfDigit> sent = new ArrayList<>();

        @Override
        public void onDigit(DtmfEvent event) {
            digits.add(event);
        }

        @Override
        public void onDigitStart(DtmfDigit digit, DtmfSource source) {
            starts.add(digit.symbol() + " " + source);
        }

        @Override
        public void onSourceFinished(AudioSource source) {
            finished.add(source);
        }

        @Override
        public void onDtmfSent(DtmfDigit digit) {
            sent.add(digit);
        }
    }
}
