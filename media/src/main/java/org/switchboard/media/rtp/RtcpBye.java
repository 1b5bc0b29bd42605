package org.switchboard.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Goodbye, BYE (RFC 3550 §6.6): the listed sources leave the session, with an optional reason.
 *
 * @param ssrcs  up to 31 sources leaving (unsigned 32-bit values)
 * @param reason why, at most 255 octets of UTF-8
 */
public record RtcpBye(List<Long> ssrcs, Optional<String> reason) implements RtcpPacket {

    public RtcpBye {
        ssrcs = List.copyOf(ssrcs);
        RtcpHeader.requireCount("BYE sources", ssrcs.size());
        ssrcs.forEach(s -> RtcpHeader.requireU32("SSRC", s));
        if (reason == null || reason.map(r -> r.getBytes(StandardCharsets.UTF_8).length > 255).orElse(false)) {
            throw new IllegalArgumentException("a BYE reason holds 0..255 octets of UTF-8 text");
        }
    }

    /** One source leaving, with no reason. */
    public static RtcpBye of(long ssrc) {
        return new RtcpBye(List.of(ssrc), Optional.empty());
    }

    @Override
    public int packetType() {
        return BYE;
    }

    @Override
    public int length() {
        int n = RtcpHeader.LENGTH + 4 * ssrcs.size();
        return n + reason.map(r -> RtcpHeader.padTo4(1 + r.getBytes(StandardCharsets.UTF_8).length)).orElse(0);
    }

    @Override
    public int writeTo(byte[] out, int offset) {
        int length = length();
        RtcpHeader.requireRoom(out, offset, length);
        RtcpHeader.write(out, offset, ssrcs.size(), BYE, length);
        int at = offset + RtcpHeader.LENGTH;
        for (long ssrc : ssrcs) {
            BigEndian.put32(out, at, ssrc);
            at += 4;
        }
        if (reason.isPresent()) {
            byte[] text = reason.get().getBytes(StandardCharsets.UTF_8);
            out[at] = (byte) text.length;
            System.arraycopy(text, 0, out, at + 1, text.length);
            for (int i = at + 1 + text.length; i < offset + length; i++) {
                out[i] = 0;
            }
        }
        return length;
    }
}
