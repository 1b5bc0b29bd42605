package org.switchboard.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A source description, SDES (RFC 3550 §6.5): per source a chunk of items, of which CNAME
 * (§6.5.1, the persistent name that binds a participant's SSRCs together) is the one every
 * compound packet carries.
 *
 * <pre>
 * chunk: SSRC | item* | 1..4 null octets to the next 32-bit boundary
 * item:  type (8) | length (8) | UTF-8 text (length octets)
 * </pre>
 *
 * @param chunks up to 31 chunks
 */
public record RtcpSdes(List<Chunk> chunks) implements RtcpPacket {

    /** CNAME item type, §6.5.1. */
    public static final int CNAME = 1;
    /** NAME item type, §6.5.2. */
    public static final int NAME = 2;
    /** TOOL item type, §6.5.6. */
    public static final int TOOL = 6;

    public RtcpSdes {
        chunks = List.copyOf(chunks);
        RtcpHeader.requireCount("SDES chunks", chunks.size());
    }

    /** One chunk holding one CNAME: what every compound packet needs (§6.1). */
    public static RtcpSdes ofCname(long ssrc, String cname) {
        return new RtcpSdes(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    /**
     * One item of a chunk.
     *
     * @param type 1..255 (0 ends a chunk's item list on the wire)
     * @param text the value, at most 255 octets in UTF-8
     */
    public record Item(int type, String text) {
        public Item {
            if (type < 1 || type > 255) {
                throw new IllegalArgumentException("SDES item type " + type + " is not 1..255");
            }
            if (text == null || text.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("an SDES item holds 0..255 octets of UTF-8 text");
            }
        }
    }

    /**
     * The items of one source.
     *
     * @param ssrc  the source described (or CSRC)
     * @param items its items in order
     */
    public record Chunk(long ssrc, List<Item> items) {
        public Chunk {
            RtcpHeader.requireU32("SSRC", ssrc);
            items = List.copyOf(items);
        }

        /** The CNAME item's text, if the chunk has one. */
        public Optional<String> cname() {
            return items.stream().filter(i -> i.type() == CNAME).map(Item::text).findFirst();
        }

        int length() {
            int n = 4;
            for (Item item : items) {
                n += 2 + item.text().getBytes(StandardCharsets.UTF_8).length;
            }
            return RtcpHeader.padTo4(n + 1);
        }

        int write(byte[] out, int at) {
            int start = at;
            BigEndian.put32(out, at, ssrc);
            at += 4;
            for (Item item : items) {
                byte[] text = item.text().getBytes(StandardCharsets.UTF_8);
                out[at] = (byte) item.type();
                out[at + 1] = (byte) text.length;
                System.arraycopy(text, 0, out, at + 2, text.length);
                at += 2 + text.length;
            }
            int end = start + RtcpHeader.padTo4(at - start + 1);
            while (at < end) {
                out[at++] = 0;
            }
            return end - start;
        }
    }

    /** The CNAME of the chunk about {@code ssrc}, if any. */
    public Optional<String> cnameOf(long ssrc) {
        return chunks.stream().filter(c -> c.ssrc() == ssrc).findFirst().flatMap(Chunk::cname);
    }

    @Override
    public int packetType() {
        return SDES;
    }

    @Override
    public int length() {
        int n = RtcpHeader.LENGTH;
        for (Chunk chunk : chunks) {
            n += chunk.length();
        }
        return n;
    }

    @Override
    public int writeTo(byte[] out, int offset) {
        int length = length();
        RtcpHeader.requireRoom(out, offset, length);
        RtcpHeader.write(out, offset, chunks.size(), SDES, length);
        int at = offset + RtcpHeader.LENGTH;
        for (Chunk chunk : chunks) {
            at += chunk.write(out, at);
        }
        return length;
    }
}
