package org.switchboard.sip.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable session description (RFC 8866, formerly RFC 4566): the session-level lines
 * and the media descriptions in order. {@code v=} is always 0 (RFC 8866 §5.1; the parser
 * refuses other versions), so it is not a component.
 *
 * <p>Read one with {@link SdpParser#parse(byte[])}, print one with {@link #toBytes()}
 * (CRLF line ends, lines in the order of the RFC 8866 §5 grammar). Session-level
 * {@code c=} and direction attributes are defaults that media-level ones override;
 * {@link #connection(MediaDescription)} and {@link #direction(MediaDescription)} resolve them.
 *
 * @param connection the session-level {@code c=}, or null when every media has its own
 * @param fields     free lines ({@code i u e p b r z k} and further {@code t=}); kept in grammar
 *                   order, their own order kept within a slot
 */
public record SessionDescription(Origin origin, String sessionName, Connection connection, Timing timing,
                                 List<Field> fields, List<Attribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        SdpSyntax.requireText(Objects.requireNonNull(sessionName, "sessionName"), "session name");
        Objects.requireNonNull(timing, "timing");
        fields = Field.inSlots(fields, Field.SESSION_ORDER);
        for (Field f : fields) {
            if (f.type() == 'c') throw new IllegalArgumentException("a session has one c= line");
        }
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** A description with only the mandatory lines and the given media: {@code s=-}, {@code t=0 0}. */
    public static SessionDescription of(Origin origin, Connection connection, List<MediaDescription> media) {
        return new SessionDescription(origin, "-", connection, Timing.PERMANENT, List.of(), List.of(), media);
    }

    /** The connection that applies to a media: its own {@code c=}, else the session's (RFC 8866 §5.7). */
    public Optional<Connection> connection(MediaDescription m) {
        return Optional.ofNullable(m.connection() != null ? m.connection() : connection);
    }

    /**
     * The direction of a media: its own direction attribute, else the session-level one, else
     * {@code sendrecv} (RFC 3264 §5.1, RFC 8866 §6.7).
     */
    public Direction direction(MediaDescription m) {
        return m.directionAttribute().or(() -> Direction.in(attributes)).orElse(Direction.SENDRECV);
    }

    /**
     * True when the author of this description holds the stream: it is not rejected and the
     * author no longer wants to receive it, said with {@code sendonly} or {@code inactive}, or
     * the RFC 2543 way with connection address {@code 0.0.0.0} (RFC 3264 §8.4).
     */
    public boolean isHeld(MediaDescription m) {
        if (m.isRejected()) return false;
        return direction(m).isHold() || connection(m).map(Connection::isUnspecified).orElse(false);
    }

    /**
     * True for "held SDP" (RFC 3264 §8.4): at least one stream is active and every active
     * stream is held. A call with held audio but live telephone events is not held SDP; ask
     * {@link #isHeld(MediaDescription)} per stream for that.
     */
    public boolean isHold() {
        boolean any = false;
        for (MediaDescription m : media) {
            if (m.isRejected()) continue;
            if (!isHeld(m)) return false;
            any = true;
        }
        return any;
    }

    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.is(name)).findFirst();
    }

    public SessionDescription withOrigin(Origin newOrigin) {
        return new SessionDescription(newOrigin, sessionName, connection, timing, fields, attributes, media);
    }

    public SessionDescription withSessionName(String newName) {
        return new SessionDescription(origin, newName, connection, timing, fields, attributes, media);
    }

    public SessionDescription withConnection(Connection newConnection) {
        return new SessionDescription(origin, sessionName, newConnection, timing, fields, attributes, media);
    }

    public SessionDescription withAttributes(List<Attribute> newAttributes) {
        return new SessionDescription(origin, sessionName, connection, timing, fields, newAttributes, media);
    }

    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return new SessionDescription(origin, sessionName, connection, timing, fields, attributes, newMedia);
    }

    /** This description with the media at {@code index} replaced. */
    public SessionDescription withMedia(int index, MediaDescription m) {
        List<MediaDescription> copy = new ArrayList<>(media);
        copy.set(index, m);
        return withMedia(copy);
    }

    /** The description as text with CRLF line ends (RFC 8866 §5). */
    public String toText() { return SdpPrinter.print(this); }

    /** The description as UTF-8 bytes, ready to be a SIP body of type {@code application/sdp}. */
    public byte[] toBytes() { return toText().getBytes(StandardCharsets.UTF_8); }

    @Override
    public String toString() { return toText(); }
}
