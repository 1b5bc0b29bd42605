package org.switchboard.sip.sdp;

import java.util.Optional;

/**
 * The static payload types of RFC 3551 §6 (tables 4 and 5), which an m-line may use without
 * an {@code rtpmap} (linphone 5.1 offers G.729 as a bare {@code 18}). An {@code rtpmap} for
 * a static number still wins (RFC 8866 §6.6). Unassigned and dynamic numbers (96-127) are
 * not here.
 */
public enum StaticPayloadType {
    PCMU(0, "PCMU", 8_000, 1),
    GSM(3, "GSM", 8_000, 1),
    G723(4, "G723", 8_000, 1),
    DVI4_8000(5, "DVI4", 8_000, 1),
    DVI4_16000(6, "DVI4", 16_000, 1),
    LPC(7, "LPC", 8_000, 1),
    PCMA(8, "PCMA", 8_000, 1),
    G722(9, "G722", 8_000, 1),
    L16_STEREO(10, "L16", 44_100, 2),
    L16_MONO(11, "L16", 44_100, 1),
    QCELP(12, "QCELP", 8_000, 1),
    CN(13, "CN", 8_000, 1),
    MPA(14, "MPA", 90_000, 1),
    G728(15, "G728", 8_000, 1),
    DVI4_11025(16, "DVI4", 11_025, 1),
    DVI4_22050(17, "DVI4", 22_050, 1),
    G729(18, "G729", 8_000, 1),
    CELB(25, "CelB", 90_000, 1),
    JPEG(26, "JPEG", 90_000, 1),
    NV(28, "nv", 90_000, 1),
    H261(31, "H261", 90_000, 1),
    MPV(32, "MPV", 90_000, 1),
    MP2T(33, "MP2T", 90_000, 1),
    H263(34, "H263", 90_000, 1);

    private static final StaticPayloadType[] BY_NUMBER = new StaticPayloadType[35];

    static {
        for (StaticPayloadType t : values()) BY_NUMBER[t.payloadType] = t;
    }

    private final int payloadType;
    private final String encodingName;
    private final Codec codec;

    StaticPayloadType(int payloadType, String name, int clockRate, int channels) {
        this.payloadType = payloadType;
        this.encodingName = name;
        this.codec = new Codec(name, clockRate, channels);
    }

    public int payloadType() { return payloadType; }

    /** The encoding name as RFC 3551 spells it, e.g. {@code PCMU}, {@code CelB}. */
    public String encodingName() { return encodingName; }

    public Codec codec() { return codec; }

    public static Optional<StaticPayloadType> of(int payloadType) {
        return payloadType >= 0 && payloadType < BY_NUMBER.length
                ? Optional.ofNullable(BY_NUMBER[payloadType]) : Optional.empty();
    }
}
