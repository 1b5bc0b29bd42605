package org.switchboard.media.codec.opus;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeOpusTest {

    @Test
    void manyEncodersAndDecodersCreatedAndClosedLeaveNoNativeState() {
        OpusCodec opus = OpusCodec.load(List.of(OpusImplementation.NATIVE)).codec().orElseThrow();
        long before = NativeOpus.openStates();
        OpusEncoder open = opus.newEncoder();
        OpusDecoder alsoOpen = opus.newDecoder();
        assertThat(NativeOpus.openStates()).as("the hook counts live states").isEqualTo(before + 2);
        open.close();
        alsoOpen.close();

        short[] frame = Tones.sine(1000, 48000, 0.3, 960);
        byte[] payload = new byte[1500];
        short[] pcm = new short[5760];
        for (int i = 0; i < 2000; i++) {
            try (OpusEncoder encoder = opus.newEncoder(); OpusDecoder decoder = opus.newDecoder()) {
                int length = encoder.encode(frame, 0, 960, payload, 0);
                assertThat(decoder.decode(payload, 0, length, pcm, 0)).isEqualTo(960);
            }
        }
        assertThat(NativeOpus.openStates()).isEqualTo(before);
    }

    /** The hot path allocates nothing once compiled: a call's frames put no load on the GC. */
    @Test
    void encodingAndDecodingAllocateNothingPerFrameOnceWarm() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        OpusCodec opus = OpusCodec.load(List.of(OpusImplementation.NATIVE)).codec().orElseThrow();
        short[] frame = Tones.sine(1000, 48000, 0.3, 960);
        byte[] payload = new byte[1500];
        short[] pcm = new short[5760];
        long leastPerRound = Long.MAX_VALUE;
        try (OpusEncoder encoder = opus.newEncoder(); OpusDecoder decoder = opus.newDecoder()) {
            for (int round = 0; round < 10 && leastPerRound > 0; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 500; i++) {
                    int length = encoder.encode(frame, 0, 960, payload, 0);
                    decoder.decode(payload, 0, length, pcm, 0);
                    decoder.conceal(pcm, 0, 960);
                }
                leastPerRound = Math.min(leastPerRound, threads.getCurrentThreadAllocatedBytes() - before);
            }
        }
        assertThat(leastPerRound).as("bytes allocated by 500 frames once the JIT has compiled them").isLessThan(500);
    }

    @Test
    void usualLocationsStartWithTheConfiguredPathAndEndWithTheSoname() {
        String before = System.getProperty(NativeOpus.LIBRARY_PROPERTY);
        try {
            System.setProperty(NativeOpus.LIBRARY_PROPERTY, "/opt/opus/lib/libopus.so.0");
            List<String> where = NativeOpus.usualLocations();
            assertThat(where.getFirst()).isEqualTo("/opt/opus/lib/libopus.so.0");
            assertThat(where).contains("/usr/lib/x86_64-linux-gnu/libopus.so.0");
            assertThat(where.getLast()).doesNotContain("/");
        } finally {
            if (before == null) {
                System.clearProperty(NativeOpus.LIBRARY_PROPERTY);
            } else {
                System.setProperty(NativeOpus.LIBRARY_PROPERTY, before);
            }
        }
    }
}
