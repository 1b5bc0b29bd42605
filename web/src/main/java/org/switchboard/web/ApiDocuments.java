package org.switchboard.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.switchboard.media.relay.LegQuality;
import org.switchboard.media.relay.MediaStats;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.LegSnapshot;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.registrar.Binding;
import tools.jackson.databind.JsonNode;

/**
 * The JSON documents of the admin API v1, one record per shape. Times are ISO-8601 UTC
 * strings; a SIP password appears only in {@link SavedExtension#generatedPassword()}, once,
 * when the server generated it.
 */
public final class ApiDocuments {
    private ApiDocuments() { }

    /**
     * Body of {@code POST /api/v1/extensions}; without {@code password} one is generated, without
     * {@code ringTimeoutSeconds} (or with null) it rings for the server default; {@code language},
     * {@code mohClass} and {@code recording} as in {@link ExtensionPatch}, left out (or null) for
     * the defaults. Settings are kept as JSON so that {@code "20"} or {@code 20.5} are refused, not coerced.
     */
    public record NewExtension(String number, String name, String password, JsonNode ringTimeoutSeconds,
                               JsonNode language, JsonNode mohClass, JsonNode recording) { }

    /**
     * Body of {@code PATCH /api/v1/extensions/{number}}: a field left out keeps its value;
     * {@code "ringTimeoutSeconds": null} returns to the server default; {@code "srtp"} is
     * {@code "required"}, {@code "optional"} or {@code "off"} (null: optional); {@code "language"} a
     * prompt language tag ({@code "fr"}, {@code "fr-CH"}; null: the server's {@code voicemail.language});
     * {@code "mohClass"} a music on hold class (null: the server's {@code moh.default-class});
     * {@code "recording"} is {@code "never"}, {@code "always"} or {@code "on-demand"} (null: never).
     * Fields are kept as JSON to tell a missing field (Java null) from an explicit JSON null.
     */
    public record ExtensionPatch(JsonNode name, JsonNode ringTimeoutSeconds, JsonNode srtp, JsonNode language,
                                 JsonNode mohClass, JsonNode recording) { }

    /** Body of {@code PUT /api/v1/extensions/{number}/password}; empty or without {@code password} generates one. */
    public record NewPassword(String password) { }

    /**
     * An extension as listed: never its password. {@code ringTimeoutSeconds} is its own ring
     * timeout, null when it rings for the server default; {@code effectiveRingTimeoutSeconds} is
     * how long its phones ring either way; {@code srtp} its SRTP policy ({@code required},
     * {@code optional}, {@code off}); {@code language} its prompt language tag and {@code mohClass}
     * the music class its held callers hear, each null for the server's default; {@code recording}
     * its recording policy ({@code never}, {@code always}, {@code on-demand}).
     */
    public record ExtensionDocument(String number, String name, String createdAt, Long ringTimeoutSeconds,
                                    long effectiveRingTimeoutSeconds, String srtp, String language, String mohClass,
                                    String recording) {
        public static ExtensionDocument of(Extension e, Duration serverDefault) {
            return new ExtensionDocument(e.number(), e.name(), e.createdAt().toString(),
                    e.ringTimeout().map(Duration::toSeconds).orElse(null), e.ringTimeoutOr(serverDefault).toSeconds(),
                    e.srtp().word(), e.language().orElse(null), e.mohClass().orElse(null), e.recording().word());
        }
    }

    /**
     * Answer to an add or a password change: the extension as listed, plus {@code generatedPassword}
     * only when the server made one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SavedExtension(String number, String name, String createdAt,
                                 @JsonInclude(JsonInclude.Include.ALWAYS) Long ringTimeoutSeconds,
                                 long effectiveRingTimeoutSeconds, String srtp,
                                 @JsonInclude(JsonInclude.Include.ALWAYS) String language,
                                 @JsonInclude(JsonInclude.Include.ALWAYS) String mohClass, String recording,
                                 String generatedPassword) {
        public static SavedExtension of(ExtensionDocument e, String generatedPassword) {
            return new SavedExtension(e.number(), e.name(), e.createdAt(), e.ringTimeoutSeconds(),
                    e.effectiveRingTimeoutSeconds(), e.srtp(), e.language(), e.mohClass(), e.recording(), generatedPassword);
        }
    }

    /** One registered contact of an extension (RFC 3261 §10.3). */
    public record RegistrationDocument(String aor, String contact, long expiresInSeconds, String transport,
                                       String source, String userAgent, String registeredAt) {
        public static RegistrationDocument of(Binding b, Instant now) {
            long remaining = Math.max(0, Duration.between(now, b.expiresAt()).toSeconds());
            return new RegistrationDocument(b.aor(), b.contactUri(), remaining,
                    b.flow().transport().name().toLowerCase(Locale.ROOT), hostPort(b.flow().remote()),
                    b.userAgent(), b.registeredAt().toString());
        }

        private static String hostPort(InetSocketAddress a) {
            String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
        }
    }

    /**
     * A live call with its legs, caller's first. {@code answeredAt} is null while it rings;
     * {@code durationSeconds} runs from the INVITE to now.
     */
    public record CallDocument(String id, String caller, String callee, String state, String startedAt,
                               String answeredAt, long durationSeconds, List<LegDocument> legs) {
        public static CallDocument of(CallSnapshot c, Instant now) {
            return new CallDocument(c.id(), c.caller(), c.callee(), c.state(), c.startedAt().toString(),
                    text(c.answeredAt()), Math.max(0, Duration.between(c.startedAt(), now).toSeconds()),
                    c.legs().stream().map(LegDocument::of).toList());
        }
    }

    /**
     * One leg of a live call; {@code rtpPort} is the server's RTP port for it, 0 without media;
     * {@code media} its media figures now, null when not known.
     */
    public record LegDocument(String id, String party, String state, String transport, String remote, int rtpPort,
                              MediaDocument media) {
        public static LegDocument of(LegSnapshot l) {
            return new LegDocument(l.id(), l.party(), l.state(), l.transport(), l.remote(), l.rtpPort(),
                    l.media().map(MediaDocument::of).orElse(null));
        }
    }

    /**
     * A leg's media now ({@link LegQuality} tells where each figure comes from). {@code mode} is
     * {@code relayed} or {@code terminated}; packets and bytes count RTP and RTCP datagrams in
     * (from the phone) and out (to it); {@code packetsLost} and {@code lossPercent} (over the last
     * interval of about 5 s) and {@code jitterMs} (RFC 3550 A.8; null when the codec's clock rate
     * is not known) describe what the phone sends, as the server receives it; {@code roundTripMs}
     * is between the server and the phone (null until measured); {@code phoneReport} is what the
     * phone's own RTCP says about what it receives (null until it sent one). Milliseconds and
     * percentages are rounded to two decimals.
     */
    public record MediaDocument(String mode, boolean srtp, long packetsIn, long bytesIn, long packetsOut, long bytesOut,
                                long packetsLost, double lossPercent, Double jitterMs, Double roundTripMs,
                                PhoneReportDocument phoneReport) {
        public static MediaDocument of(LegQuality q) {
            MediaStats c = q.counters();
            return new MediaDocument(q.mode().name().toLowerCase(Locale.ROOT), c.srtp(), c.packetsIn(), c.bytesIn(),
                    c.packetsOut(), c.bytesOut(), q.packetsLost(), round(q.lossPercent()), round(q.jitterMillis()),
                    round(q.roundTripMillis()), q.phoneReport().map(PhoneReportDocument::of).orElse(null));
        }
    }

    /** What a phone's RTCP says about the stream it receives (RFC 3550 §6.4.1), and when it said it. */
    public record PhoneReportDocument(double lossPercent, long packetsLost, Double jitterMs, String receivedAt) {
        public static PhoneReportDocument of(LegQuality.PhoneReport r) {
            return new PhoneReportDocument(round(r.lossPercent()), r.packetsLost(), round(r.jitterMillis()),
                    r.receivedAt().toString());
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static Double round(OptionalDouble value) {
        return value.isPresent() ? round(value.getAsDouble()) : null;
    }

    /**
     * A call record (CDR). {@code disposition} is its label ({@code NO ANSWER}); {@code cause} and
     * {@code hangupSide} are enum names. While the call is live the end fields are null and the
     * seconds run to now. Billable seconds run from the answer, rounded up. {@code recordingIds}
     * are the call's recordings, empty when none.
     */
    public record CallRecordDocument(String id, String caller, String callerName, String callee, String startedAt,
                                     String answeredAt, String endedAt, String disposition, String cause,
                                     String hangupSide, long durationSeconds, long billableSeconds,
                                     List<String> legIds, List<String> recordingIds) {
        public static CallRecordDocument of(CallRecord r, Instant now) {
            return of(r, now, List.of());
        }

        /** With the ids of the call's recordings ({@code /api/v1/recordings/{id}}), oldest first. */
        public static CallRecordDocument of(CallRecord r, Instant now, List<String> recordingIds) {
            return new CallRecordDocument(r.id(), r.caller(), r.callerName(), r.callee(), r.startedAt().toString(),
                    text(r.answeredAt()), text(r.endedAt()), r.disposition() != null ? r.disposition().label() : null,
                    r.cause() != null ? r.cause().name() : null, r.hangupSide() != null ? r.hangupSide().name() : null,
                    Math.max(0, r.durationSeconds(now)), Math.max(0, r.billableSeconds(now)), r.legIds(),
                    List.copyOf(recordingIds));
        }
    }

    private static String text(Instant at) {
        return at != null ? at.toString() : null;
    }
}
