package org.switchboard.sip.transaction;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/**
 * The Completed state of non-INVITE server transactions on unreliable transports (RFC 3261
 * §17.2.2, figure 8), kept compactly: for each transaction only its key, the bytes of its final
 * response and where they go, until Timer J (64*T1, 32 s by default) has passed.
 *
 * <p>Why not the transaction object with a Timer J of its own: in Completed a non-INVITE server
 * transaction does nothing but answer request retransmissions with its final response. A
 * registration storm of 14,000 REGISTER/s holds about 900,000 such transactions at once. As
 * objects, each with a wheel timer that fires on another thread and hops back onto the shard,
 * they cost a task per transaction, and as a million medium-lived heap objects (keys, flows,
 * responses, map nodes) they are the worst case of a generational garbage collector, which
 * copies them again and again until they die 32 s later.
 *
 * <p>So answers are records appended to a log of 1 MiB byte arrays (key, response flow,
 * response, deadline), found through a {@link PositionIndex} of primitive arrays: per answer
 * the collector sees nothing. All answers live equally long, so the log's order is expiry
 * order: expiry reads the oldest records, unindexes them and drops whole arrays once passed.
 *
 * <p>Time is the caller's (nanoseconds of the stack's {@link org.switchboard.sip.time.Scheduler}):
 * an answer stored at {@code t} with lifetime {@code j} is found while {@code now < t + j}, exactly
 * as a transaction whose Timer J fires at {@code t + j}. Not thread-safe: one per shard, used on it.
 */
final class CompletedAnswers {

    /** A final response to re-send for every retransmission of its request, until {@code deadline}. */
    record Answer(byte[] response, Flow flow, long deadline) { }

    /** Size of one log array; a record (at most one UDP datagram and its key) always fits. */
    static final int CHUNK = 1 << 20;
    /** Bytes of a record before its key: length, deadline, hash, key length. */
    private static final int HEADER = 4 + 8 + 4 + 2;
    private static final Transport[] TRANSPORTS = Transport.values();

    /** One array of the log and how much of it holds records. */
    private static final class Chunk {
        final ByteBuffer data = ByteBuffer.allocate(CHUNK);
        int used;
    }

    /** The log's arrays, oldest first, as a ring with random access: {@code chunk(i)}. */
    private Chunk[] ring = new Chunk[8];
    private int first;
    private int count;
    /** Position of the first byte of chunk(0), of the oldest record, and of the next record. */
    private long base;
    private long oldest;
    private long end;
    private final PositionIndex index = new PositionIndex();
    /** The key being looked up or stored, encoded by {@link #encode}. */
    private byte[] scratch = new byte[256];
    private int keyLength;

    /** Keeps {@code response} for retransmissions of the request with {@code key} until {@code deadline}. */
    void put(ServerKey key, byte[] response, Flow flow, long deadline) {
        int hash = encode(key);
        int size = HEADER + keyLength + flowSize(flow) + 4 + response.length;
        if (size > CHUNK) throw new IllegalArgumentException("response too large to keep: " + response.length + " bytes");
        Chunk c = count == 0 ? null : chunk(count - 1);
        if (c == null || CHUNK - c.used < size) {
            if (c == null) base = oldest = end;                     // a fresh log
            else end = base + (long) count * CHUNK;                  // the rest of the last array stays unused
            c = new Chunk();
            addChunk(c);
        }
        ByteBuffer b = c.data;
        int at = c.used;
        b.putInt(at, size).putLong(at + 4, deadline).putInt(at + 12, hash).putShort(at + 16, (short) keyLength);
        b.put(at + HEADER, scratch, 0, keyLength);
        int p = putFlow(b, at + HEADER + keyLength, flow);
        b.putInt(p, response.length).put(p + 4, response);
        c.used = at + size;
        index.add(hash, end);
        end += size;
    }

    /** The answer for {@code key} if its Timer J has not passed at {@code now}, else null. */
    Answer find(ServerKey key, long now) {
        int hash = encode(key);
        for (int s = index.first(hash); s >= 0; s = index.next(hash, s)) {
            long position = index.positionAt(s);
            ByteBuffer b = chunkAt(position).data;
            int at = offset(position);
            long deadline = b.getLong(at + 4);
            if (!sameKey(b, at) || now - deadline >= 0) continue;
            int[] cursor = {at + HEADER + keyLength};
            Flow flow = readFlow(b, cursor);
            int p = cursor[0];
            byte[] response = new byte[b.getInt(p)];
            b.get(p + 4, response);
            return new Answer(response, flow, deadline);
        }
        return null;
    }

    /** Forgets the answer for {@code key}; true if there was one. Its record waits in the log for expiry. */
    boolean remove(ServerKey key) {
        int hash = encode(key);
        for (int s = index.first(hash); s >= 0; s = index.next(hash, s)) {
            long position = index.positionAt(s);
            if (sameKey(chunkAt(position).data, offset(position))) {
                index.removeSlot(s);
                return true;
            }
        }
        return false;
    }

    /** Drops every answer whose Timer J has passed at {@code now}; returns how many were still findable. */
    int expire(long now) {
        int dropped = 0;
        while (oldest < end) {
            skipPassedChunks();
            ByteBuffer b = chunk(0).data;
            int at = (int) (oldest - base);
            if (now - b.getLong(at + 4) < 0) break;
            if (index.remove(b.getInt(at + 12), oldest)) dropped++;
            oldest += b.getInt(at);
        }
        if (oldest >= end) {             // empty: no array is kept for the next storm
            while (count > 0) removeFirstChunk();
            base = oldest = end;
        } else {
            skipPassedChunks();
        }
        return dropped;
    }

    /** The deadline of the oldest record; only meaningful when not {@link #isEmpty()}. */
    long nextDeadline() {
        skipPassedChunks();
        return chunk(0).data.getLong((int) (oldest - base) + 4);
    }

    /** True when no record waits for expiry (forgotten ones included). */
    boolean isEmpty() { return oldest >= end; }

    /** Answers that can be found. */
    int size() { return index.size(); }

    /** Bytes of log held now: for tests and diagnostics. */
    long retainedBytes() { return (long) count * CHUNK; }

    // ---- the log ----

    private Chunk chunk(int i) { return ring[(first + i) & (ring.length - 1)]; }

    private void addChunk(Chunk c) {
        if (count == ring.length) {
            Chunk[] bigger = new Chunk[ring.length * 2];
            for (int i = 0; i < count; i++) bigger[i] = chunk(i);
            ring = bigger;
            first = 0;
        }
        ring[(first + count) & (ring.length - 1)] = c;
        count++;
    }

    private void removeFirstChunk() {
        ring[first] = null;
        first = (first + 1) & (ring.length - 1);
        count--;
        base += CHUNK;
    }

    /** Keeps {@link #oldest} on a record: drops the first array once every record in it has passed. */
    private void skipPassedChunks() {
        while (count > 1 && oldest - base >= chunk(0).used) {
            removeFirstChunk();
            oldest = base;
        }
    }

    private Chunk chunkAt(long position) { return chunk((int) ((position - base) / CHUNK)); }

    private int offset(long position) { return (int) ((position - base) % CHUNK); }

    private boolean sameKey(ByteBuffer b, int at) {
        if ((b.getShort(at + 16) & 0xFFFF) != keyLength) return false;
        return Arrays.equals(b.array(), at + HEADER, at + HEADER + keyLength, scratch, 0, keyLength);
    }

    // ---- encoding ----

    /** Encodes {@code key} into {@link #scratch} (fields length-prefixed, strings as UTF-8) and returns its hash. */
    private int encode(ServerKey key) {
        keyLength = 0;
        putString(key.branch());
        putString(key.host());
        putString(key.method());
        ensure(2);
        scratch[keyLength++] = (byte) (key.port() >>> 8);
        scratch[keyLength++] = (byte) key.port();
        if (keyLength > 0xFFFF) throw new IllegalArgumentException("transaction key too long: " + keyLength + " bytes");
        int h = 0x9747b28c;
        for (int i = 0; i < keyLength; i++) h = 31 * h + scratch[i];
        // murmur3's finalizer: linear probing needs well mixed low bits
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private void putString(String s) {
        int n = s.length();
        ensure(3 + 3 * n);
        int lengthAt = keyLength;
        keyLength += 3;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                scratch[keyLength++] = (byte) c;
            } else if (c < 0x800) {
                scratch[keyLength++] = (byte) (0xC0 | c >>> 6);
                scratch[keyLength++] = (byte) (0x80 | c & 0x3F);
            } else {
                scratch[keyLength++] = (byte) (0xE0 | c >>> 12);
                scratch[keyLength++] = (byte) (0x80 | c >>> 6 & 0x3F);
                scratch[keyLength++] = (byte) (0x80 | c & 0x3F);
            }
        }
        int len = keyLength - lengthAt - 3;
        scratch[lengthAt] = (byte) (len >>> 16);
        scratch[lengthAt + 1] = (byte) (len >>> 8);
        scratch[lengthAt + 2] = (byte) len;
    }

    private void ensure(int more) {
        if (keyLength + more > scratch.length) scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, keyLength + more));
    }

    private static int flowSize(Flow f) {
        return 1 + addressSize(f.local()) + addressSize(f.remote());
    }

    /** Kind byte (4: IPv4, 16: IPv6 then its scope id, 0: an unresolved name in UTF-16), address, port. */
    private static int addressSize(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        if (ip == null) return 1 + 2 + 2 * a.getHostString().length() + 2;
        return ip instanceof Inet6Address ? 1 + 16 + 4 + 2 : 1 + 4 + 2;
    }

    private static int putFlow(ByteBuffer b, int at, Flow f) {
        b.put(at, (byte) f.transport().ordinal());
        return putAddress(b, putAddress(b, at + 1, f.local()), f.remote());
    }

    private static int putAddress(ByteBuffer b, int at, InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        int p = at;
        if (ip == null) {
            String name = a.getHostString();
            b.put(p, (byte) 0).putShort(p + 1, (short) name.length());
            p += 3;
            for (int i = 0; i < name.length(); i++, p += 2) b.putChar(p, name.charAt(i));
        } else {
            byte[] raw = ip.getAddress();
            b.put(p, (byte) raw.length).put(p + 1, raw);
            p += 1 + raw.length;
            if (ip instanceof Inet6Address v6) {
                b.putInt(p, v6.getScopeId());
                p += 4;
            }
        }
        b.putShort(p, (short) a.getPort());
        return p + 2;
    }

    /** Reads a flow at {@code cursor[0]} and moves the cursor past it. */
    private static Flow readFlow(ByteBuffer b, int[] cursor) {
        Transport t = TRANSPORTS[b.get(cursor[0]++)];
        InetSocketAddress local = readAddress(b, cursor);
        InetSocketAddress remote = readAddress(b, cursor);
        return new Flow(t, local, remote);
    }

    private static InetSocketAddress readAddress(ByteBuffer b, int[] cursor) {
        int p = cursor[0];
        int kind = b.get(p);
        InetSocketAddress a;
        if (kind == 0) {
            char[] name = new char[b.getShort(p + 1) & 0xFFFF];
            p += 3;
            for (int i = 0; i < name.length; i++, p += 2) name[i] = b.getChar(p);
            a = InetSocketAddress.createUnresolved(new String(name), b.getShort(p) & 0xFFFF);
        } else {
            byte[] raw = new byte[kind];
            b.get(p + 1, raw);
            p += 1 + kind;
            int scope = 0;
            if (kind == 16) {
                scope = b.getInt(p);
                p += 4;
            }
            a = new InetSocketAddress(address(raw, scope), b.getShort(p) & 0xFFFF);
        }
        cursor[0] = p + 2;
        return a;
    }

    private static InetAddress address(byte[] raw, int scope) {
        try {
            return scope == 0 ? InetAddress.getByAddress(raw) : Inet6Address.getByAddress(null, raw, scope);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("corrupt answer record", e);   // 4 or 16 bytes by construction
        }
    }
}
