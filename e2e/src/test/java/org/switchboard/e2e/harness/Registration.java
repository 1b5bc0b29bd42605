package org.switchboard.e2e.harness;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One binding as {@code switchboard registrations --json} lists it: the server-side truth the tests check.
 *
 * @param aor the address of record's user part ({@code 1001})
 * @param contact the registered contact URI
 * @param expiresInSeconds seconds left
 * @param transport {@code udp}, {@code tcp} or {@code tls}
 * @param source where the REGISTER came from ({@code 127.0.0.1:5070})
 * @param userAgent the phone's User-Agent
 * @param registeredAt when, as the server printed it
 */
public record Registration(String aor, String contact, long expiresInSeconds, String transport, String source,
        String userAgent, String registeredAt) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Parses the JSON array the CLI prints. */
    public static List<Registration> parseAll(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("registrations --json printed no JSON: " + json, e);
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("registrations --json printed no JSON array: " + json);
        }
        List<Registration> all = new ArrayList<>();
        for (JsonNode n : root) {
            all.add(new Registration(n.path("aor").asString(""), n.path("contact").asString(""),
                    n.path("expiresInSeconds").asLong(-1), n.path("transport").asString(""),
                    n.path("source").asString(""), n.path("userAgent").asString(""),
                    n.path("registeredAt").asString("")));
        }
        return List.copyOf(all);
    }

    /** Whether this binding is of {@code user}, given as {@code 1001} or {@code sip:1001@domain}. */
    public boolean isOf(String user) {
        String bare = aor.startsWith("sip:") ? aor.substring(4) : aor;
        int at = bare.indexOf('@');
        return (at < 0 ? bare : bare.substring(0, at)).equals(user);
    }

    /** Whether it came over {@code t} (the CLI's case does not matter). */
    public boolean isOver(Transport t) {
        return transport.equalsIgnoreCase(t.uriParameter());
    }
}
