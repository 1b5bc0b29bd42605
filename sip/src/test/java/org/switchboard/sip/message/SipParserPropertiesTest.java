package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzing by mutation: start from the 61 golden torture messages and a few ordinary REGISTER
 * and INVITE messages, mutate them (bit flips, inserted CR/LF/NUL/0xFF and delimiters,
 * deleted or repeated lines, truncation, bare LF, folding, huge values) and prove that the
 * parser only ever returns a message or a parse error, never throws, never hangs, and that
 * every message it returns prints and parses back to an equal message.
 *
 * <p>Each try draws a seed message and a mutation seed; jqwik reports both on failure, and
 * {@link Mutator} replays the same mutation from them.
 */
class SipParserPropertiesTest {

    static final List<byte[]> SEEDS = seeds();
    static final List<byte[]> VALID_SEEDS = SEEDS.stream()
            .filter(b -> SipParser.parse(b) instanceof ParseResult.Parsed).toList();

    @Property(tries = 12_000)
    void parserReturnsAMessageOrAnErrorAndMessagesRoundTrip(
            @ForAll @IntRange(min = 0, max = 10_000) int seedIndex, @ForAll long mutationSeed) {
        byte[] input = Mutator.mutate(SEEDS.get(seedIndex % SEEDS.size()), new Random(mutationSeed));
        ParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> SipParser.parseUnchecked(input, SipParser.Limits.DEFAULT));
        Statistics.label("outcome").collect(result instanceof ParseResult.Failed f
                ? (f.status() == 0 ? "discarded" : "answered " + f.status()) : "parsed");
        switch (result) {
            case ParseResult.Failed f -> {
                assertThat(f.reason()).isNotBlank();
                assertThat(f.status()).isIn(0, 400, 414, 501, 505, 513);
                if (f.status() != 0) assertThat(f.request()).isNotNull();
            }
            case ParseResult.Parsed p -> {
                byte[] printed = p.message().toBytes();
                assertThat(SipParser.parseUnchecked(printed, SipParser.Limits.DEFAULT)).isEqualTo(p);
                if (p.message() instanceof SipRequest request) {
                    // the checks above parsing must not throw on anything the parser accepts either
                    RequestChecks.check(request, java.util.Set.of("100rel"));
                }
            }
        }
    }

    /** Fewer, lighter mutations of messages that parse: most stay valid, so the round trip is exercised. */
    @Property(tries = 4_000)
    void lightlyMutatedValidMessagesRoundTrip(@ForAll @IntRange(min = 0, max = 10_000) int seedIndex, @ForAll long mutationSeed) {
        byte[] seed = VALID_SEEDS.get(seedIndex % VALID_SEEDS.size());
        Random r = new Random(mutationSeed);
        byte[] input = Mutator.once(seed, r);
        ParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> SipParser.parseUnchecked(input, SipParser.Limits.DEFAULT));
        Statistics.label("outcome").collect(result instanceof ParseResult.Parsed ? "parsed" : "failed");
        if (result instanceof ParseResult.Parsed p) {
            assertThat(SipParser.parseUnchecked(p.message().toBytes(), SipParser.Limits.DEFAULT)).isEqualTo(p);
        }
    }

    @Property(tries = 1_000)
    void randomBytesAreNeverAMessageAndNeverAnException(@ForAll byte[] input) {
        ParseResult result = SipParser.parseUnchecked(input, SipParser.Limits.DEFAULT);
        assertThat(result).isNotNull();
    }

    private static List<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>();
        Stream.of("rfc4475", "rfc5118").forEach(rfc ->
                TortureMessages.load(rfc).values().forEach(c -> out.add(c.bytes())));
        out.add(("REGISTER sip:pbx.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: \"Alice\" <sip:201@pbx.example.com>\r\n"
                + "From: \"Alice\" <sip:201@pbx.example.com>;tag=456248\r\n"
                + "Call-ID: 843817637684230@998sdasdh09\r\n"
                + "CSeq: 1826 REGISTER\r\n"
                + "Contact: <sip:201@192.0.2.10:5060;transport=udp>;expires=3600;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"\r\n"
                + "Authorization: Digest username=\"201\", realm=\"pbx\", nonce=\"abc\", uri=\"sip:pbx.example.com\", response=\"0123456789abcdef\"\r\n"
                + "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY\r\n"
                + "Expires: 3600\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.add(("INVITE sip:bob@[2001:db8::10]:5070;transport=tcp SIP/2.0\n"
                + "v: SIP/2.0/TCP [2001:db8::9]:5060;branch=z9hG4bKnashds8\n"
                + "Max-Forwards: 70\n"
                + "t: Bob <sip:bob@example.com>\n"
                + "f: \"Al\\\"ice\" <sip:alice@example.com>;tag=1928301774\n"
                + "i: a84b4c76e66710@pc33.example.com\n"
                + "CSeq: 314159 INVITE\n"
                + "m: <sip:alice@[2001:db8::9]>, <sip:alice@192.0.2.4>;q=0.5\n"
                + "Route: <sip:p1.example.com;lr>,\n <sip:p2.example.com;lr>\n"
                + "Require: 100rel\n"
                + "c: application/sdp\n"
                + "l: 16\n\n"
                + "v=0\r\ns=-\r\nt=0 0\r\n").getBytes(StandardCharsets.UTF_8));
        out.add(("SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;received=192.0.2.10;rport=5060\r\n"
                + "To: <sip:201@pbx.example.com>;tag=37GkEhwl6\r\n"
                + "From: <sip:201@pbx.example.com>;tag=456248\r\n"
                + "Call-ID: 843817637684230@998sdasdh09\r\n"
                + "CSeq: 1826 REGISTER\r\n"
                + "Contact: <sip:201@192.0.2.10:5060>;expires=3600\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** Mutations that aim at the places a SIP parser breaks. */
    static final class Mutator {
        private static final byte[] INTERESTING = {'\r', '\n', 0, (byte) 0xFF, (byte) 0xC3, ' ', '\t', ':', ',', ';',
                '"', '\\', '<', '>', '[', ']', '%', '@', '=', '/', '?'};

        static byte[] mutate(byte[] seed, Random r) {
            byte[] b = seed;
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) b = once(b, r);
            return b;
        }

        static byte[] once(byte[] b, Random r) {
            if (b.length == 0) return new byte[] {'\r', '\n'};
            int at = r.nextInt(b.length);
            return switch (r.nextInt(12)) {
                case 0 -> { byte[] c = b.clone(); c[at] ^= (byte) (1 << r.nextInt(8)); yield c; }
                case 1 -> { byte[] c = b.clone(); c[at] = INTERESTING[r.nextInt(INTERESTING.length)]; yield c; }
                case 2 -> insert(b, at, new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]});
                case 3 -> delete(b, at, 1 + r.nextInt(Math.min(16, b.length - at)));
                case 4 -> java.util.Arrays.copyOf(b, at);
                case 5 -> lines(b, r, 0);
                case 6 -> lines(b, r, 1);
                case 7 -> lines(b, r, 2);
                case 8 -> insert(b, at, repeat((byte) (r.nextBoolean() ? 'a' : ','), r.nextInt(4) == 0 ? 70_000 : 1 + r.nextInt(9_000)));
                case 9 -> insert(b, at, "\r\n ".getBytes(StandardCharsets.US_ASCII));
                case 10 -> new String(b, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
                default -> insert(b, at, digitsOrSpaces(r));
            };
        }

        /** kind 0: repeat a line; 1: remove a line; 2: swap a line with the next. */
        private static byte[] lines(byte[] b, Random r, int kind) {
            String s = new String(b, StandardCharsets.ISO_8859_1);
            List<String> lines = new ArrayList<>(List.of(s.split("\r\n", -1)));
            if (lines.size() < 3) return b;
            int i = 1 + r.nextInt(lines.size() - 2);
            switch (kind) {
                case 0 -> lines.add(i, lines.get(i));
                case 1 -> lines.remove(i);
                default -> lines.add(i + 1, lines.remove(i));
            }
            return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
        }

        private static byte[] digitsOrSpaces(Random r) {
            String[] options = {"99999999999999999999", "-1", "  ", "0", "4294967296", " SIP/2.0", "SIP/3.0 ", "\r\n\r\n",
                    "Content-Length: 5\r\n", "Via: SIP/2.0/UDP [::1\r\n", "<sip:", "\"", "\r\nl: 99\r\n"};
            return options[r.nextInt(options.length)].getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] insert(byte[] b, int at, byte[] x) {
            byte[] c = new byte[b.length + x.length];
            System.arraycopy(b, 0, c, 0, at);
            System.arraycopy(x, 0, c, at, x.length);
            System.arraycopy(b, at, c, at + x.length, b.length - at);
            return c;
        }

        private static byte[] delete(byte[] b, int at, int len) {
            byte[] c = new byte[b.length - len];
            System.arraycopy(b, 0, c, 0, at);
            System.arraycopy(b, at + len, c, at, b.length - at - len);
            return c;
        }

        private static byte[] repeat(byte v, int n) {
            byte[] c = new byte[n];
            java.util.Arrays.fill(c, v);
            return c;
        }
    }
}
