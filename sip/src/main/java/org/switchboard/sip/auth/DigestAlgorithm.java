package org.switchboard.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A digest algorithm of RFC 7616 §3.4 (registered for SIP by RFC 8760): the hash {@code H}
 * and whether HA1 is the session variant ({@code -sess}: {@code H(H(user:realm:pw):nonce:cnonce)}).
 * All hex output is lower case, as the RFCs require.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true);

    private static final HexFormat HEX = HexFormat.of();
    private static final DigestAlgorithm[] ALL = values();

    private final String token;
    private final boolean session;
    private final MessageDigest prototype;
    /** One digest per thread, reset after each use: cloning the prototype for every hash cost as much as hashing. */
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(this::newDigest);

    DigestAlgorithm(String token, String jcaName, boolean session) {
        this.token = token;
        this.session = session;
        try {
            this.prototype = MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e); // every JDK has MD5 and SHA-256
        }
    }

    /** The value of the {@code algorithm} parameter. */
    public String token() { return token; }

    public boolean session() { return session; }

    /** Parses an {@code algorithm} value, case-insensitively; an absent value means MD5 (RFC 2617 §3.2.1). */
    public static Optional<DigestAlgorithm> fromToken(String value) {
        if (value == null) return Optional.of(MD5);
        String v = value.trim();
        for (DigestAlgorithm a : ALL) if (equalsAsciiIgnoreCase(a.token, v)) return Optional.of(a);
        return Optional.empty();
    }

    /** Case-insensitive for ASCII letters only, as tokens are (no Unicode folding, no allocation). */
    private static boolean equalsAsciiIgnoreCase(String token, String v) {
        if (token.length() != v.length()) return false;
        for (int i = 0; i < token.length(); i++) {
            char a = token.charAt(i);
            char b = v.charAt(i);
            if (a == b) continue;
            if (b >= 'A' && b <= 'Z') b = (char) (b + ('a' - 'A'));
            if (a >= 'A' && a <= 'Z') a = (char) (a + ('a' - 'A'));
            if (a != b) return false;
        }
        return true;
    }

    /** {@code H(text)} in lower-case hex. */
    public String hash(String text) {
        return HEX.formatHex(digests.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Length of {@code H(...)} in hex characters: 32 for MD5, 64 for SHA-256. */
    public int hexLength() { return prototype.getDigestLength() * 2; }

    /**
     * HA1 = {@code H(A1)}, RFC 7616 §3.4.2. For a {@code -sess} algorithm {@code nonce} and
     * {@code cnonce} are required; otherwise they are ignored.
     */
    public String ha1(String username, String realm, String password, String nonce, String cnonce) {
        String base = hash(username + ":" + realm + ":" + password);
        return session ? hash(base + ":" + nonce + ":" + cnonce) : base;
    }

    /**
     * The request-digest (RFC 7616 §3.4.1, RFC 2617 §3.2.2.1). With {@code qop} null this is
     * the RFC 2069 form {@code H(HA1:nonce:HA2)}; otherwise {@code H(HA1:nonce:nc:cnonce:qop:HA2)}
     * with {@code HA2 = H(method:uri)} ({@code qop=auth}; auth-int is not supported).
     */
    public String response(String ha1, String nonce, String nc, String cnonce, String qop,
                           String method, String digestUri) {
        String ha2 = hash(method + ":" + digestUri);
        StringBuilder sb = new StringBuilder(ha1.length() * 2 + nonce.length() + 48);
        sb.append(ha1).append(':').append(nonce).append(':');
        if (qop != null) sb.append(nc).append(':').append(cnonce).append(':').append(qop).append(':');
        sb.append(ha2);
        return hash(sb.toString());
    }

    private MessageDigest newDigest() {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance(prototype.getAlgorithm());
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    @Override
    public String toString() { return token; }
}
