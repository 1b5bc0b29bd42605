package org.switchboard.pbx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityLogTest {

    private final List<String> lines = new ArrayList<>();
    private final SecurityLog log = new SecurityLog(lines::add);

    @Test
    void authFailureIsOneParseableLine() {
        log.authFailure("udp:198.51.100.7:5060", "1001", "REGISTER", "wrong_password");
        assertThat(lines).containsExactly(
                "event=auth_failure source=udp:198.51.100.7:5060 user=1001 method=REGISTER reason=wrong_password");
        assertThat(KeyValueLine.parse(lines.getFirst())).contains(Map.of("event", "auth_failure",
                "source", "udp:198.51.100.7:5060", "user", "1001", "method", "REGISTER", "reason", "wrong_password"));
    }

    @Test
    void addressBlockedNamesSourceAndEnd() {
        log.addressBlocked("tcp:[2001:db8::7]:5061", Instant.parse("2026-01-01T00:10:00Z"));
        Map<String, String> kv = KeyValueLine.parse(lines.getFirst()).orElseThrow();
        assertThat(kv).containsEntry("event", "address_blocked").containsEntry("source", "tcp:[2001:db8::7]:5061")
                .containsEntry("until", "2026-01-01T00:10:00Z");
    }

    @Test
    void hostileUsernamesCannotForgeFieldsOrLines() {
        String evil = "x reason=ok\r\nevent=auth_success user=\"1001\\";
        log.authFailure("udp:198.51.100.7:5060", evil, "REGISTER", "unknown_user");
        String line = lines.getFirst();
        assertThat(line).doesNotContain("\r").doesNotContain("\n");
        Map<String, String> kv = KeyValueLine.parse(line).orElseThrow();
        assertThat(kv).containsEntry("reason", "unknown_user").containsEntry("event", "auth_failure");
        assertThat(kv.get("user")).isEqualTo("x reason=ok??event=auth_success user=\"1001\\");
    }

    @Test
    void emptyAndLongValuesStayParseable() {
        log.authFailure("udp:198.51.100.7:5060", "", "REGISTER", "malformed");
        log.authFailure("udp:198.51.100.7:5060", "9".repeat(1000), "REGISTER", "unknown_user");
        assertThat(KeyValueLine.parse(lines.get(0)).orElseThrow()).containsEntry("user", "");
        assertThat(KeyValueLine.parse(lines.get(1)).orElseThrow().get("user")).hasSize(KeyValueLine.MAX_VALUE_LENGTH);
    }

    @Test
    void parseRejectsWhatIsNotALine() {
        assertThat(KeyValueLine.parse("")).isEmpty();
        assertThat(KeyValueLine.parse("no pairs here")).isEmpty();
        assertThat(KeyValueLine.parse("a=\"open")).isEmpty();
    }
}
