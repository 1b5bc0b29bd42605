package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing by mutation: the golden bodies with bytes flipped, lines deleted, repeated,
 * swapped or cut, separators and huge values inserted. The parser must return a description
 * or a reason, never throw (its last-resort guard must never fire), never hang; every
 * description it returns must print and parse back equal, and survive the offer/answer
 * helpers without an exception.
 */
class SdpParserPropertiesTest {

    static final List<byte[]> SEEDS = seeds();

    @Property(tries = 8_000)
    void returnsADescriptionOrAReasonAndDescriptionsRoundTrip(
            @ForAll @IntRange(min = 0, max = 10_000) int seedIndex, @ForAll long mutationSeed) {
        byte[] input = mutate(SEEDS.get(seedIndex % SEEDS.size()), new Random(mutationSeed));
        SdpParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> SdpParser.parse(input));
        Statistics.label("outcome").collect(result instanceof SdpParseResult.Failed f ? f.reason() : "parsed");
        switch (result) {
            case SdpParseResult.Failed f -> {
                assertThat(f.reason()).isNotBlank().isNotEqualTo("malformed description");
                assertThat(f.line()).isNotNegative();
            }
            case SdpParseResult.Parsed p -> {
                SessionDescription d = p.description();
                assertThat(SdpParser.parse(d.toBytes())).isEqualTo(p);
                exerciseHelpers(d);
            }
        }
    }

    /** The helpers take any parsed description: none may throw on peer input. */
    static void exerciseHelpers(SessionDescription d) {
        d.isHold();
        d.media().forEach(m -> {
            m.rtpFormats();
            d.direction(m);
        });
        if (CodecFilter.DEFAULT.filter(d) instanceof CodecFilterResult.Filtered f) {
            AnswerMatcher.match(f.offer(), d);
            AnswerMatcher.match(d, f.offer());
        }
        List<MediaAnchor> anchors = d.media().stream().map(m -> MediaAnchor.of(30_000)).toList();
        SessionDescription anchored = Anchoring.rewrite(d, AnchorPlan.of(Connection.of("203.0.113.5"), anchors));
        SdpOriginator.create(1, 1, Connection.of("203.0.113.5")).stamp(anchored);
    }

    static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        SdpGoldens.CAPTURED.forEach(p -> seeds.add(SdpGoldens.bytes(p)));
        for (String section : SdpGoldens.RFC4317) {
            SdpGoldens.rfc4317(section).values().forEach(t -> seeds.add(t.getBytes(StandardCharsets.UTF_8)));
        }
        return seeds;
    }

    private static final String[] INSERTS = {"\r", "\n", "\r\n", "\u0000", " ", "\t", "=", ":", "/", "a=", "m=audio 0 RTP/AVP 0\r\n",
        "c=IN IP4 0.0.0.0\r\n", "a=rtpmap:96 opus/48000/2\r\n", "a=rtpmap:96 /\r\n", "99999999999999999999", "-1", "\u00ff"};

    static byte[] mutate(byte[] seed, Random r) {
        String text = new String(seed, StandardCharsets.ISO_8859_1);
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int at = r.nextInt(lines.size());
            switch (r.nextInt(8)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(r.nextInt(lines.size())));
                case 2 -> java.util.Collections.swap(lines, at, r.nextInt(lines.size()));
                case 3 -> {
                    String l = lines.get(at);
                    lines.set(at, l.substring(0, r.nextInt(l.length() + 1)));
                }
                case 4 -> {
                    String l = lines.get(at);
                    int p = r.nextInt(l.length() + 1);
                    lines.set(at, l.substring(0, p) + INSERTS[r.nextInt(INSERTS.length)] + l.substring(p));
                }
                case 5 -> {
                    String l = lines.get(at);
                    if (!l.isEmpty()) {
                        char[] c = l.toCharArray();
                        c[r.nextInt(c.length)] ^= (char) (1 << r.nextInt(8));
                        lines.set(at, new String(c));
                    }
                }
                case 6 -> lines.set(at, lines.get(at) + "x".repeat(r.nextInt(5_000)));
                default -> lines.replaceAll(l -> l.replace("\r", ""));
            }
            text = String.join("\n", lines);
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
