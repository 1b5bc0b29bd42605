package org.switchboard.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.registrar.Binding;

/**
 * The JSON documents of the admin API v1, one record per shape. Times are ISO-8601 UTC
 * strings; a SIP password appears only in {@link SavedExtension#generatedPassword()}, once,
 * when the server generated it.
 */
public final class ApiDocuments {
    private ApiDocuments() { }

    /** Body of {@code POST /api/v1/extensions}; without {@code password} one is generated. */
    public record NewExtension(String number, String name, String password) { }

    /** Body of {@code PUT /api/v1/extensions/{number}/password}; empty or without {@code password} generates one. */
    public record NewPassword(String password) { }

    /** An extension as listed: never its password. */
    public record ExtensionDocument(String number, String name, String createdAt) {
        public static ExtensionDocument of(Extension e) {
            return new ExtensionDocument(e.number(), e.name(), e.createdAt().toString());
        }
    }

    /** Answer to an add or a password change; {@code generatedPassword} only when the server made one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SavedExtension(String number, String name, String createdAt, String generatedPassword) { }

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
}
