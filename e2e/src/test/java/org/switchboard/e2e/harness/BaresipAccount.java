package org.switchboard.e2e.harness;

import java.util.Locale;
import java.util.Map;

/**
 * One baresip account: a user registering to {@code serverHost:serverPort} over one transport, through baresip's
 * {@code outbound} proxy setting so the address of record stays {@code sip:USER@DOMAIN} (the server then sees a
 * Route header naming itself, RFC 3261 section 16.4, as with any phone that has an outbound proxy).
 *
 * @param answerMode how the phone answers an incoming call
 * @param mediaEncryption baresip's {@code mediaenc} account parameter ({@code srtp}: SDES-SRTP when the other side
 *                        takes it, {@code srtp-mand}: RTP/SAVP only), or empty for plain RTP
 */
public record BaresipAccount(Credentials credentials, String domain, Transport transport, String serverHost,
        int serverPort, AnswerMode answerMode, String mediaEncryption) {
    private static final ConfigTemplate TEMPLATE = ConfigTemplate.load("/baresip/account.template");

    /** baresip's {@code answermode} account parameter. */
    public enum AnswerMode {
        /** Answers every incoming call at once (180, then 200). */
        AUTO,
        /** Rings (180) until {@link Baresip#accept()} or the caller gives up. */
        MANUAL;

        /** The parameter's value in an account line. */
        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public BaresipAccount {
        if (!mediaEncryption.matches("[a-z-]*")) {
            throw new IllegalArgumentException("a baresip media encryption is a word such as srtp-mand");
        }
    }

    /** An account that answers automatically, with plain RTP. */
    public BaresipAccount(Credentials credentials, String domain, Transport transport, String serverHost,
            int serverPort) {
        this(credentials, domain, transport, serverHost, serverPort, AnswerMode.AUTO, "");
    }

    /** The same account answering another way. */
    public BaresipAccount withAnswerMode(AnswerMode mode) {
        return new BaresipAccount(credentials, domain, transport, serverHost, serverPort, mode, mediaEncryption);
    }

    /** The same account with baresip's {@code mediaenc} (its {@code srtp.so} module is loaded). */
    public BaresipAccount withMediaEncryption(String mediaenc) {
        return new BaresipAccount(credentials, domain, transport, serverHost, serverPort, answerMode, mediaenc);
    }

    /** The address of record, as baresip's events and reginfo name it. */
    public String aor() {
        return "sip:" + credentials.user() + "@" + domain;
    }

    /** The line of baresip's {@code accounts} file. */
    public String line(int registerIntervalSeconds) {
        if (credentials.password().contains(";") || credentials.password().contains(">")) {
            throw new IllegalArgumentException("baresip account parameters cannot hold ';' or '>' in a password");
        }
        return TEMPLATE.render(Map.of("user", credentials.user(), "domain", domain,
                "transport", transport.uriParameter(), "password", credentials.password(),
                "serverHost", serverHost, "serverPort", serverPort, "regint", registerIntervalSeconds,
                "answerMode", answerMode.parameter(),
                "mediaenc", mediaEncryption.isEmpty() ? "" : ";mediaenc=" + mediaEncryption)).strip();
    }
}
