package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-file test: every message of RFC 4475 (49) and RFC 5118 (12), byte for byte, gets the
 * verdict of its table (rfc4475/verdicts.txt, rfc5118/verdicts.txt).
 */
class TortureMessagesTest {

    static Stream<TortureMessages.Case> cases() {
        return Stream.concat(TortureMessages.load("rfc4475").values().stream(),
                TortureMessages.load("rfc5118").values().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void getsTheVerdictOfItsTable(TortureMessages.Case c) {
        assertThat(TortureMessages.verdictOf(c.bytes())).as(c.note()).isEqualTo(c.verdict());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsedMessagesPrintAndParseBackEqual(TortureMessages.Case c) {
        if (SipParser.parse(c.bytes()) instanceof ParseResult.Parsed(SipMessage m)) {
            assertThat(SipParser.parse(m.toBytes())).isEqualTo(new ParseResult.Parsed(m));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyAnsweredFailureCarriesARequestToAnswer(TortureMessages.Case c) {
        if (SipParser.parse(c.bytes()) instanceof ParseResult.Failed f && f.status() != 0) {
            assertThat(f.request()).isNotNull();
            SipResponse response = SipResponse.to(f.request(), f.status(), f.reason(), "t1");
            assertThat(response.headers().all(HeaderNames.VIA)).isNotEmpty();
            assertThat(SipParser.parse(response.toBytes())).isNotNull();
        }
    }

    @Test
    void theTablesCoverEveryMessageOfBothRfcs() throws IOException {
        for (String rfc : new String[] {"rfc4475", "rfc5118"}) {
            Set<String> files;
            try (var list = Files.list(TortureMessages.dir(rfc))) {
                files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sip"))
                        .map(n -> n.substring(0, n.length() - 4)).collect(Collectors.toSet());
            }
            assertThat(TortureMessages.load(rfc).keySet()).as(rfc).containsExactlyInAnyOrderElementsOf(files);
        }
        assertThat(TortureMessages.load("rfc4475")).hasSize(49);
        assertThat(TortureMessages.load("rfc5118")).hasSize(12);
    }

    @Test
    void verdictCountsPerRfc() {
        assertThat(counts("rfc4475")).isEqualTo(Map.of("ACCEPT", 19L, "400", 19L, "505", 1L, "501", 1L, "416", 2L,
                "420", 1L, "415", 1L, "406", 1L, "483", 1L, "DISCARD", 3L));
        assertThat(counts("rfc5118")).isEqualTo(Map.of("ACCEPT", 11L, "400", 1L));
    }

    private static Map<String, Long> counts(String rfc) {
        return new TreeMap<>(TortureMessages.load(rfc).values().stream().collect(
                Collectors.groupingBy(TortureMessages.Case::verdict, Collectors.counting())));
    }
}
