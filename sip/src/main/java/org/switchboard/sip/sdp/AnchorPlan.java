package org.switchboard.sip.sdp;

import java.util.List;
import java.util.Objects;

/**
 * Where a leg must send its media when the server anchors it: one address for the leg and
 * one {@link MediaAnchor} per m-line, by position. Entries for rejected streams are ignored;
 * {@link MediaAnchor#NONE} disables a stream the server will not carry.
 *
 * @param keepCrypto keep {@code a=crypto} (RFC 4568) and the DTLS attributes, for a relay
 *                   that passes SRTP through end to end; false strips them (the default: the
 *                   server terminates SRTP per leg and writes its own {@link CryptoAttribute})
 */
public record AnchorPlan(Connection address, List<MediaAnchor> media, boolean keepCrypto) {

    public AnchorPlan {
        Objects.requireNonNull(address, "address");
        media = List.copyOf(media);
    }

    /** A plan that strips crypto attributes. */
    public static AnchorPlan of(Connection address, List<MediaAnchor> media) {
        return new AnchorPlan(address, media, false);
    }

    public AnchorPlan keepingCrypto() { return new AnchorPlan(address, media, true); }
}
