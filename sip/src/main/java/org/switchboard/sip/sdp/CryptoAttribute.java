package org.switchboard.sip.sdp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An SDES {@code a=crypto} line (RFC 4568 §9.1): the key its author uses to encrypt the media
 * it sends (§6.1), so each side of an SRTP stream announces its own.
 *
 * <pre>
 *   a=crypto:&lt;tag&gt; &lt;crypto-suite&gt; &lt;key-params&gt; [&lt;session-param&gt; ...]
 *   a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32
 * </pre>
 *
 * The tag pairs an answer's line with the offer's (§5.1.2). Several {@code inline:} keys may
 * follow one another, separated by {@code ;}, for re-keying by MKI; the first is the one in
 * use. Session parameters ({@code KDR=}, {@code UNENCRYPTED_SRTP}, {@code WSH=}... §6.3) are
 * kept as written and printed back; whoever terminates SRTP decides which it can honour.
 *
 * <p>{@link #parse} never throws on what a peer sends: a line that breaks the grammar, names
 * a suite this server lacks or holds a key of the wrong length is a
 * {@link CryptoParseResult.Skipped} with a reason. {@link #toString()} redacts the keys.
 *
 * @param tag           1 to 9 decimal digits (RFC 4568 §9.1), so at most 999,999,999
 * @param keys          at least one key
 * @param sessionParams the session parameters as written, in order
 */
public record CryptoAttribute(int tag, CryptoSuite suite, List<InlineKey> keys, List<String> sessionParams) {

    /** The attribute name. */
    public static final String NAME = "crypto";
    public static final int MAX_TAG = 999_999_999;

    public CryptoAttribute {
        if (tag < 0 || tag > MAX_TAG) throw new IllegalArgumentException("crypto tag must be 0 to 999999999");
        Objects.requireNonNull(suite, "suite");
        keys = List.copyOf(keys);
        if (keys.isEmpty()) throw new IllegalArgumentException("a crypto line needs a key");
        for (InlineKey k : keys) {
            if (k.keySalt().length != suite.keySaltLength()) {
                throw new IllegalArgumentException("key length does not fit " + suite);
            }
        }
        sessionParams = List.copyOf(sessionParams);
        sessionParams.forEach(p -> SdpSyntax.requireWord(p, "session parameter"));
    }

    /** A line with a fresh key of {@code suite} from {@code random} and no session parameters. */
    public static CryptoAttribute generate(int tag, CryptoSuite suite, SecureRandom random) {
        return new CryptoAttribute(tag, suite, List.of(InlineKey.generate(suite, random)), List.of());
    }

    /** The key in use: the first one. */
    public InlineKey key() { return keys.getFirst(); }

    /** This line under another tag, as an answer echoes the offer's (RFC 4568 §5.1.2). */
    public CryptoAttribute withTag(int newTag) { return new CryptoAttribute(newTag, suite, keys, sessionParams); }

    /** True when the line carries session parameter {@code name} (with or without {@code =value}). */
    public boolean hasSessionParam(String name) {
        return sessionParams.stream().anyMatch(p -> p.equals(name) || p.startsWith(name + "="));
    }

    /** The value after {@code a=crypto:}, keys included: for the SDP body only. */
    public String text() {
        StringBuilder b = new StringBuilder().append(tag).append(' ').append(suite.sdpName()).append(' ');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) b.append(';');
            b.append(keys.get(i).text());
        }
        for (String p : sessionParams) b.append(' ').append(p);
        return b.toString();
    }

    /** The line as an SDP attribute. */
    public Attribute attribute() { return Attribute.of(NAME, text()); }

    /** Tag and suite only: keys stay out of logs. */
    @Override
    public String toString() {
        return "a=crypto:" + tag + " " + suite.sdpName() + " inline:<redacted>"
                + (sessionParams.isEmpty() ? "" : " " + String.join(" ", sessionParams));
    }

    /** Every {@code a=crypto} line of a media description, parsed, in order. */
    public static List<CryptoParseResult> of(MediaDescription m) {
        List<CryptoParseResult> out = new ArrayList<>();
        for (Attribute a : m.attributes(NAME)) out.add(parse(a.value()));
        return out;
    }

    /** The usable lines of a media description, in the author's order of preference. */
    public static List<CryptoAttribute> usable(MediaDescription m) {
        List<CryptoAttribute> out = new ArrayList<>();
        for (CryptoParseResult r : of(m)) if (r instanceof CryptoParseResult.Parsed p) out.add(p.crypto());
        return out;
    }

    /** Parses the value of an {@code a=crypto} attribute (the text after the colon). */
    public static CryptoParseResult parse(String value) {
        if (value == null) return skip("crypto attribute without a value");
        String[] w = SdpSyntax.words(value);
        if (w.length < 3) return skip("crypto attribute needs a tag, a suite and a key");
        if (w[0].length() > 9) return skip("crypto tag longer than 9 digits");
        long tag = SdpSyntax.digits(w[0]);
        if (tag < 0) return skip("crypto tag is not a number");
        if (!isSuiteName(w[1])) return skip("malformed crypto suite");
        CryptoSuite suite = CryptoSuite.of(w[1]).orElse(null);
        if (suite == null) return skip("unsupported crypto suite");
        List<InlineKey> keys = new ArrayList<>();
        for (String param : w[2].split(";", -1)) {
            Object key = inlineKey(param, suite);
            if (key instanceof String reason) return skip(reason);
            keys.add((InlineKey) key);
        }
        List<String> session = List.of(w).subList(3, w.length);
        return new CryptoParseResult.Parsed(new CryptoAttribute((int) tag, suite, keys, session));
    }

    /** An {@link InlineKey}, or the reason as a String. */
    private static Object inlineKey(String param, CryptoSuite suite) {
        int colon = param.indexOf(':');
        if (colon < 0) return "crypto key parameter without a key method";
        if (!param.substring(0, colon).equals("inline")) return "unsupported crypto key method";
        String[] parts = param.substring(colon + 1).split("\\|", -1);
        if (parts.length > 3) return "malformed inline key";
        byte[] keySalt;
        try {
            keySalt = Base64.getDecoder().decode(parts[0]);
        } catch (IllegalArgumentException e) {
            return "inline key is not base64";
        }
        if (keySalt.length != suite.keySaltLength()) return "inline key length does not fit the crypto suite";
        String lifetime = null;
        InlineKey.Mki mki = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            int c = p.indexOf(':');
            if (c >= 0 && mki == null) {
                long length = SdpSyntax.digits(p.substring(c + 1));
                if (length < 1 || length > InlineKey.MAX_MKI_LENGTH) return "malformed MKI";
                try {
                    mki = new InlineKey.Mki(p.substring(0, c), (int) length);
                } catch (IllegalArgumentException e) {
                    return "malformed MKI";
                }
            } else if (c < 0 && lifetime == null && mki == null && InlineKey.isLifetime(p)) {
                lifetime = p;
            } else {
                return "malformed inline key";
            }
        }
        return new InlineKey(keySalt, lifetime, mki);
    }

    /** RFC 4568 §9.1 {@code crypto-suite = 1*(ALPHA / DIGIT / "_")}. */
    private static boolean isSuiteName(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c == '_' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z'));
    }

    private static CryptoParseResult skip(String reason) { return new CryptoParseResult.Skipped(reason); }
}
