package org.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One media description (RFC 8866 §5.14): {@code m=<media> <port>[/<count>] <proto> <fmt>...}
 * with its own connection, free fields ({@code i=}, {@code b=}, {@code k=}, further
 * {@code c=}) and attributes in order. Port 0 marks a rejected or disabled stream
 * (RFC 3264 §6, §8.2); it keeps its place, since answers match offers by position.
 *
 * <p>{@code portCount} is 1 unless the m-line wrote {@code /count}; a {@code /1} is printed
 * without the count. Formats are payload type numbers for the RTP protos ({@code RTP/AVP},
 * {@code RTP/SAVP}, {@code RTP/AVPF}, {@code RTP/SAVPF}, {@code UDP/TLS/RTP/SAVPF}) and
 * words such as {@code t38} for others; {@link #rtpFormats()} gives the codec view.
 *
 * @param connection the media-level {@code c=}, or null when the session-level one applies
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
                               Connection connection, List<Field> fields, List<Attribute> attributes) {

    public MediaDescription {
        SdpSyntax.requireToken(media, "media type");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port out of range: " + port);
        if (portCount < 1) throw new IllegalArgumentException("port count must be at least 1");
        SdpSyntax.requireWord(proto, "proto");
        formats = List.copyOf(formats);
        formats.forEach(f -> SdpSyntax.requireWord(f, "format"));
        fields = Field.inSlots(fields, Field.MEDIA_ORDER);
        for (Field f : fields) {
            if ("ibkc".indexOf(f.type()) < 0) throw new IllegalArgumentException(f.type() + "= is not a media-level line");
        }
        attributes = List.copyOf(attributes);
    }

    /** A stream with only the m-line: {@code m=audio 49170 RTP/AVP 0 8}. */
    public static MediaDescription of(String media, int port, String proto, List<String> formats) {
        return new MediaDescription(media, port, 1, proto, formats, null, List.of(), List.of());
    }

    /** True when the port is 0: the stream is rejected, disabled or removed (RFC 3264 §6, §8.2). */
    public boolean isRejected() { return port == 0; }

    /** True for the RTP protos, whose formats are payload type numbers (RFC 8866 §5.14). */
    public boolean isRtp() { return proto.toUpperCase(Locale.ROOT).contains("RTP/"); }

    public Optional<Attribute> attribute(String name) {
        for (Attribute a : attributes) {
            if (a.is(name)) return Optional.of(a);
        }
        return Optional.empty();
    }

    public List<Attribute> attributes(String name) {
        return attributes.stream().filter(a -> a.is(name)).toList();
    }

    public boolean hasAttribute(String name) { return attribute(name).isPresent(); }

    /** The direction attribute of this media, if it has one; see {@link SessionDescription#direction(MediaDescription)}. */
    public Optional<Direction> directionAttribute() { return Direction.in(attributes); }

    /**
     * The codecs of an RTP stream in the order of the m-line (the offerer's preference), from
     * {@code rtpmap} and {@code fmtp} or the static payload types of RFC 3551; a dynamic
     * payload type without {@code rtpmap} is left out, having no name to match by.
     * Empty for other protos.
     */
    public List<RtpFormat> rtpFormats() { return RtpFormat.of(this); }

    /** The codec view of one payload type of this stream. */
    public Optional<RtpFormat> rtpFormat(String payloadType) {
        return rtpFormats().stream().filter(f -> String.valueOf(f.payloadType()).equals(payloadType)).findFirst();
    }

    /** This media on another port, port count back to 1 (a B2BUA anchors one port pair per stream). */
    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, 1, proto, formats, connection, fields, attributes);
    }

    public MediaDescription withProto(String newProto) {
        return new MediaDescription(media, port, portCount, newProto, formats, connection, fields, attributes);
    }

    public MediaDescription withFormats(List<String> newFormats) {
        return new MediaDescription(media, port, portCount, proto, newFormats, connection, fields, attributes);
    }

    public MediaDescription withConnection(Connection newConnection) {
        return new MediaDescription(media, port, portCount, proto, formats, newConnection, fields, attributes);
    }

    public MediaDescription withFields(List<Field> newFields) {
        return new MediaDescription(media, port, portCount, proto, formats, connection, newFields, attributes);
    }

    public MediaDescription withAttributes(List<Attribute> newAttributes) {
        return new MediaDescription(media, port, portCount, proto, formats, connection, fields, newAttributes);
    }

    /**
     * This media with only the given formats, in the given order, and without the
     * {@code rtpmap}, {@code fmtp} and {@code rtcp-fb} lines of the formats it lost
     * ({@code rtcp-fb:*} stays).
     */
    public MediaDescription withOnlyFormats(List<String> keep) {
        List<String> kept = List.copyOf(keep);
        return withFormats(kept).withoutAttributes(a -> PAYLOAD_ATTRIBUTES.stream().anyMatch(a::is)
                && !a.firstWord().equals("*") && !kept.contains(a.firstWord()));
    }

    /** Attributes whose first word names a payload type (RFC 8866 §6.6, §6.15; RFC 4585 §4.2). */
    private static final List<String> PAYLOAD_ATTRIBUTES = List.of("rtpmap", "fmtp", "rtcp-fb");

    /** This media without the attributes a predicate selects. */
    public MediaDescription withoutAttributes(Predicate<Attribute> drop) {
        return withAttributes(attributes.stream().filter(drop.negate()).toList());
    }

    /** This media with its direction attribute replaced in place, or appended when it had none. */
    public MediaDescription withDirection(Direction direction) {
        Objects.requireNonNull(direction);
        List<Attribute> out = new ArrayList<>(attributes.size() + 1);
        boolean placed = false;
        for (Attribute a : attributes) {
            if (Direction.fromAttribute(a).isEmpty()) {
                out.add(a);
            } else if (!placed) {
                out.add(direction.attribute());
                placed = true;
            }
        }
        if (!placed) out.add(direction.attribute());
        return withAttributes(out);
    }

    /** The text after {@code m=}. */
    public String text() {
        return media + " " + port + (portCount > 1 ? "/" + portCount : "") + " " + proto
                + (formats.isEmpty() ? "" : " " + String.join(" ", formats));
    }

    /** The media section as printed, CRLF line ends. */
    @Override
    public String toString() { return SdpPrinter.media(this); }
}
