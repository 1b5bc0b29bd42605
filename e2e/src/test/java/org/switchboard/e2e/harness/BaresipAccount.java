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
 * @param audioCodecs baresip's {@code audio_codecs} account parameter: the codecs the phone offers and accepts, in
 *                    order ({@code PCMU,PCMA} unless a test asks for others, e.g. {@code G722} alone)
 */
public record BaresipAccount(Credentials credentials, String domain, Transport transport, String serverHost,
        int serverPort, AnswerMode answerMode, String mediaEncryption, String audioCodecs) {
    /** The codecs an account offers unless told otherwise. */
    public static final String DEFAULT_AUDIO_CODECS = "PCMU,PCMA";

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
        if (!audioCodecs.matches("[A-Za-z0-9/]+(,[A-Za-z0-9/]+)*")) {
            throw new IllegalArgumentException("baresip's audio_codecs is a comma-separated list such as PCMU,PCMA");
        }
    }

    /** An account that answers automatically, with plain RTP. */
    public BaresipAccount(Credentials credentials, String domain, Transport transport, String serverHost,
            int serverPort) {
        this(credentials, domain, transport, serverHost, serverPort, AnswerMode.AUTO, "", DEFAULT_AUDIO_CODECS);
    }

    /** The same account answering another way. */
    public BaresipAccount withAnswerMode(AnswerMode mode) {
        return new BaresipAccount(credentials, domain, transport, serverHost, serverPort, mode, mediaEncryption,
                audioCodecs);
    }

    /** The same account with baresip's {@code mediaenc} (its {@code srtp.so} module is loaded). */
    public BaresipAccount withMediaEncryption(String mediaenc) {
        return new BaresipAccount(credentials, domain, transport, serverHost, serverPort, answerMode, mediaenc,
                audioCodecs);
    }

    /** The same account offering and accepting only {@code codecs} (baresip's names, e.g. {@code G722}). */
    public BaresipAccount withAudioCodecs(String codecs) {
        return new BaresipAccount(credentials, domain, transport, serverHost, serverPort, answerMode, mediaEncryption,
                codecs);
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
                "answerMode", answerMode.parameter(), "audioCodecs", audioCodecs,
                "mediaenc", mediaEncryption.isEmpty() ? "" : ";mediaenc=" + mediaEncryption)).strip();
    }
}
