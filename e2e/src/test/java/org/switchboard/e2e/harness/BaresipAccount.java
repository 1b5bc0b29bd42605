package org.switchboard.e2e.harness;

import java.util.Map;

/**
 * One baresip account: a user registering to {@code serverHost:serverPort} over one transport, through baresip's
 * {@code outbound} proxy setting so the address of record stays {@code sip:USER@DOMAIN} (the server then sees a
 * Route header naming itself, RFC 3261 section 16.4, as with any phone that has an outbound proxy).
 */
public record BaresipAccount(Credentials credentials, String domain, Transport transport, String serverHost,
        int serverPort) {
    private static final ConfigTemplate TEMPLATE = ConfigTemplate.load("/baresip/account.template");

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
                "serverHost", serverHost, "serverPort", serverPort, "regint", registerIntervalSeconds)).strip();
    }
}
