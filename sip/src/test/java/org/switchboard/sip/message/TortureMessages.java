package org.switchboard.sip.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The golden torture messages of RFC 4475 and RFC 5118 and their verdicts tables, read from test resources. */
final class TortureMessages {
    private TortureMessages() { }

    /** One golden message and the verdict its table gives. */
    record Case(String rfc, String name, String verdict, String note, byte[] bytes) {
        @Override
        public String toString() { return rfc + "/" + name + " -> " + verdict; }
    }

    static Map<String, Case> load(String rfc) {
        Path dir = dir(rfc);
        Map<String, Case> cases = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("verdicts.txt"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.strip().split("\\s+", 3);
                byte[] bytes = Files.readAllBytes(dir.resolve(parts[0] + ".sip"));
                cases.put(parts[0], new Case(rfc, parts[0], parts[1], parts.length > 2 ? parts[2] : "", bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    static byte[] bytes(String rfc, String name) {
        return load(rfc).get(name).bytes();
    }

    static Path dir(String rfc) {
        try {
            return Path.of(TortureMessages.class.getClassLoader().getResource(rfc).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a UAS built on this stack does with the bytes: parse, then {@link RequestChecks}
     * for a request or {@link ResponseChecks} for a response.
     */
    static String verdictOf(byte[] bytes) {
        return switch (SipParser.parse(bytes)) {
            case ParseResult.Failed f -> f.status() == 0 ? "DISCARD" : Integer.toString(f.status());
            case ParseResult.Parsed(SipRequest request) -> RequestChecks.check(request, Set.of())
                    .map(r -> Integer.toString(r.status())).orElse("ACCEPT");
            case ParseResult.Parsed(SipResponse response) -> ResponseChecks.check(response).isPresent() ? "DISCARD" : "ACCEPT";
        };
    }
}
