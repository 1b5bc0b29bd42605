package org.switchboard.sip.sdp;

/**
 * What {@link CryptoAttribute#parse(String)} makes of an {@code a=crypto} value: a usable line,
 * or the reason it is skipped. RFC 4568 §7.1.2: an answerer ignores lines it cannot use and
 * picks among the rest, so a bad line is never an error of the whole description.
 */
public sealed interface CryptoParseResult {

    record Parsed(CryptoAttribute crypto) implements CryptoParseResult { }

    /**
     * @param reason a short fixed English reason, safe for a log or a Warning header: it never
     *               quotes the peer's bytes, so no key leaks through it
     */
    record Skipped(String reason) implements CryptoParseResult { }
}
