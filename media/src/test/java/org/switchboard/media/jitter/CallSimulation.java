package org.switchboard.media.jitter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A deterministic call for jitter buffer tests: a {@link Sender} makes RTP packets on its own
 * clock, a {@link Network} delays, loses, duplicates them from a seeded random source, and
 * {@link #run} plays them out as the media thread does: a tick every 20 ms that polls until it
 * holds the next 20 ms of audio. The payload carries the packet's index, so a test can see
 * exactly which packet was handed out.
 */
final class CallSimulation {

    static final long MS = 1_000_000L;
    static final long TICK = 20 * MS;

    /** A packet as sent; {@code index} counts packets from 0 across restarts. */
    record Sent(int index, int sequence, long timestamp, boolean marker, long sendNanos, int units) {
    }

    record Arrival(Sent packet, long arrivalNanos) {
    }

    /** One poll result: {@code index} is the packet's for PACKET frames, else -1. */
    record Played(JitterFrame.Kind kind, int index, int sequence, long timestamp, int units, long tickNanos) {
    }

    /** Packets of one source on its own clock ({@code rate} real seconds per sender second). */
    static final class Sender {
        private final int clockRate;
        private final int ptimeMs;
        private final double rate;
        private final List<Sent> sent = new ArrayList<>();
        private int sequence;
        private long timestamp;
        private double senderNanos;
        private boolean marker = true;

        Sender(int clockRate, int ptimeMs, int firstSequence, long firstTimestamp, double rate) {
            this.clockRate = clockRate;
            this.ptimeMs = ptimeMs;
            this.sequence = firstSequence & 0xFFFF;
            this.timestamp = firstTimestamp & 0xFFFF_FFFFL;
            this.rate = rate;
            this.senderNanos = 1_000 * MS + 3 * MS;  // off the tick grid on purpose
        }

        static Sender g711() {
            return new Sender(8000, 20, 1000, 50_000, 1.0);
        }

        int units() {
            return clockRate * ptimeMs / 1000;
        }

        /** Talks for {@code ms}: one packet per ptime. */
        Sender talk(long ms) {
            for (long t = 0; t < ms; t += ptimeMs) {
                sent.add(new Sent(sent.size(), sequence, timestamp, marker, Math.round(senderNanos * rate), units()));
                marker = false;
                sequence = (sequence + 1) & 0xFFFF;
                timestamp = (timestamp + units()) & 0xFFFF_FFFFL;
                senderNanos += ptimeMs * MS;
            }
            return this;
        }

        /** Sends nothing for {@code ms} (DTX): the timestamp runs on, the sequence does not. */
        Sender pause(long ms) {
            timestamp = (timestamp + (long) clockRate * ms / 1000) & 0xFFFF_FFFFL;
            senderNanos += ms * MS;
            marker = true;
            return this;
        }

        /** Starts again with new numbers, as a restarted sender or a new SSRC. */
        Sender restart(int newSequence, long newTimestamp) {
            sequence = newSequence & 0xFFFF;
            timestamp = newTimestamp & 0xFFFF_FFFFL;
            marker = true;
            return this;
        }

        List<Sent> packets() {
            return List.copyOf(sent);
        }
    }

    /** What the network does to each packet, from a seeded random source. */
    static final class Network {
        final Random random;
        private ToLongFunction<Sent> delay = p -> 30 * MS;
        private Predicate<Sent> lose = p -> false;
        private double duplicateShare;

        Network(long seed) {
            this.random = new Random(seed);
        }

        Network delay(ToLongFunction<Sent> value) {
            this.delay = value;
            return this;
        }

        /** Base delay plus jitter uniform in [0, jitterMs). */
        Network uniformJitter(long baseMs, long jitterMs) {
            return delay(p -> baseMs * MS + (long) (random.nextDouble() * jitterMs * MS));
        }

        Network lose(Predicate<Sent> value) {
            this.lose = value;
            return this;
        }

        Network duplicate(double share) {
            this.duplicateShare = share;
            return this;
        }

        List<Arrival> carry(List<Sent> packets) {
            List<Arrival> arrivals = new ArrayList<>();
            for (Sent p : packets) {
                long d = delay.applyAsLong(p);
                if (lose.test(p)) {
                    continue;
                }
                arrivals.add(new Arrival(p, p.sendNanos() + d));
                if (random.nextDouble() < duplicateShare) {
                    arrivals.add(new Arrival(p, p.sendNanos() + d + (long) (random.nextDouble() * 40 * MS)));
                }
            }
            arrivals.sort(Comparator.comparingLong(Arrival::arrivalNanos));  // stable: ties keep send order
            return arrivals;
        }
    }

    /** The playout's record of a run. */
    record Run(List<Played> frames, List<OfferResult> offers, JitterBuffer buffer, int maxBuffered) {

        List<Played> packets() {
            return frames.stream().filter(f -> f.kind() == JitterFrame.Kind.PACKET).toList();
        }

        long count(JitterFrame.Kind kind) {
            return frames.stream().filter(f -> f.kind() == kind).count();
        }

        long count(JitterFrame.Kind kind, long fromNanos, long toNanos) {
            return frames.stream()
                    .filter(f -> f.kind() == kind && f.tickNanos() >= fromNanos && f.tickNanos() < toNanos)
                    .count();
        }

        long offers(OfferResult result) {
            return offers.stream().filter(r -> r == result).count();
        }

        /** Indexes of the packets played, in playout order. */
        List<Integer> playedIndexes() {
            return packets().stream().map(Played::index).toList();
        }
    }

    private CallSimulation() {
    }

    /**
     * Plays {@code arrivals} out on 20 ms ticks until {@code endNanos}: before each tick's polls,
     * every packet that has arrived is offered; then it polls until it holds the next tick of
     * audio (stopping on NOTHING).
     */
    static Run run(JitterBuffer buffer, List<Arrival> arrivals, long endNanos) {
        List<Played> frames = new ArrayList<>();
        List<OfferResult> offers = new ArrayList<>();
        int next = 0;
        int maxBuffered = 0;
        long playedUntil = 0;
        for (long tick = 1_000 * MS; tick < endNanos; tick += TICK) {
            while (next < arrivals.size() && arrivals.get(next).arrivalNanos() <= tick) {
                Arrival a = arrivals.get(next++);
                byte[] payload = payloadOf(a.packet());
                offers.add(buffer.offer(a.packet().sequence(), a.packet().timestamp(), a.packet().marker(), payload,
                        0, payload.length, a.arrivalNanos()));
            }
            maxBuffered = Math.max(maxBuffered, buffer.buffered());
            playedUntil = Math.max(playedUntil, tick);
            while (playedUntil < tick + TICK) {
                JitterFrame f = buffer.poll(tick);
                int index = f.kind() == JitterFrame.Kind.PACKET ? indexOf(f) : -1;
                frames.add(new Played(f.kind(), index, f.sequence(), f.timestamp(), f.units(), tick));
                if (f.kind() == JitterFrame.Kind.NOTHING) {
                    break;
                }
                playedUntil += f.durationNanos();
            }
        }
        return new Run(List.copyOf(frames), List.copyOf(offers), buffer, maxBuffered);
    }

    /** A G.711-sized payload whose first four bytes are the packet index. */
    static byte[] payloadOf(Sent p) {
        byte[] payload = new byte[p.units()];
        payload[0] = (byte) (p.index() >>> 24);
        payload[1] = (byte) (p.index() >>> 16);
        payload[2] = (byte) (p.index() >>> 8);
        payload[3] = (byte) p.index();
        for (int i = 4; i < payload.length; i++) {
            payload[i] = (byte) (p.index() + i);
        }
        return payload;
    }

    /** The packet index in a handed-out payload, checking the rest of it too. */
    static int indexOf(JitterFrame f) {
        byte[] b = f.payload();
        int index = (b[f.offset()] & 0xFF) << 24 | (b[f.offset() + 1] & 0xFF) << 16 | (b[f.offset() + 2] & 0xFF) << 8
                | (b[f.offset() + 3] & 0xFF);
        for (int i = 4; i < f.length(); i++) {
            if (b[f.offset() + i] != (byte) (index + i)) {
                throw new AssertionError("payload of packet " + index + " corrupted at byte " + i);
            }
        }
        return index;
    }
}
