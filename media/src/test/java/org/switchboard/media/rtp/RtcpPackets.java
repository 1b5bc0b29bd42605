package org.switchboard.media.rtp;

/** RTCP packets written by hand from the layouts of RFC 3550 §6.4-6.6 and RFC 4585 §6.1. */
final class RtcpPackets {

    private RtcpPackets() {
    }

    /** An SR from 0x11223344 with two report blocks: 76 bytes, 19 words. */
    static final byte[] SR_TWO_BLOCKS = Hex.bytes("""
            82 c8 00 12              # V=2 P=0 RC=2, PT=200 SR, length 18
            11 22 33 44              # SSRC of sender
            e9 5c 0a 3b 80 00 00 00  # NTP timestamp, .5 s
            00 01 e2 40              # RTP timestamp 123456
            00 00 01 f4              # sender's packet count 500
            00 01 38 80              # sender's octet count 80000
            55 66 77 88              # block 1: SSRC
            19 00 00 2a              #   fraction 25/256, cumulative 42
            00 01 03 e8              #   extended highest sequence 66536
            00 00 00 50              #   jitter 80
            0a 3b 80 00              #   LSR
            00 01 00 00              #   DLSR 1 s
            99 aa bb cc              # block 2: SSRC
            00 ff ff fe              #   fraction 0, cumulative -2
            00 00 ff ff              #   extended highest sequence 65535
            00 00 00 00  00 00 00 00  00 00 00 00
            """);

    /** SDES with one chunk, CNAME alice@192.0.2.1: 28 bytes. */
    static final byte[] SDES_CNAME = Hex.bytes("""
            81 ca 00 06              # V=2 SC=1, PT=202 SDES, length 6
            11 22 33 44              # chunk: SSRC
            01 0f 'alice@192.0.2.1'  #   CNAME, 15 octets
            00 00 00                 #   end of items, to the 32-bit boundary
            """);

    /** BYE for 0x11223344 with reason "shutdown": 20 bytes. */
    static final byte[] BYE_WITH_REASON = Hex.bytes("""
            81 cb 00 04              # V=2 SC=1, PT=203 BYE, length 4
            11 22 33 44
            08 'shutdown' 00 00 00   # reason, padded to 32 bits
            """);

    /** An empty RR: the smallest valid compound packet. */
    static final byte[] EMPTY_RR = Hex.bytes("80 c9 00 01  11 22 33 44");

    /** APP, name "test": skipped by the parser. */
    static final byte[] APP = Hex.bytes("80 cc 00 02  11 22 33 44  'test'");

    /** XR (207), a type this parser does not read: skipped. */
    static final byte[] XR = Hex.bytes("80 cf 00 01  11 22 33 44");

    /** PLI (PSFB, FMT 1) from 0x11223344 about 0x55667788. */
    static final byte[] PLI = Hex.bytes("81 ce 00 02  11 22 33 44  55 66 77 88");

    /** Generic NACK (RTPFB, FMT 1) with one FCI entry (PID 100, BLP 0). */
    static final byte[] NACK = Hex.bytes("81 cd 00 03  11 22 33 44  55 66 77 88  00 64 00 00");
}
