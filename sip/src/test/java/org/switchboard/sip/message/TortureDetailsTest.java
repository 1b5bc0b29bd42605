package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parser reads out of some torture messages, and why the refused ones are refused. */
class TortureDetailsTest {

    static SipMessage parsed(String rfc, String name) {
        return ((ParseResult.Parsed) SipParser.parse(TortureMessages.bytes(rfc, name))).message();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "badaspec|Bad To", "badinv01|Bad Via", "baddn|Bad From", "badvers|Version Not Supported",
            "bigcode|Bad Status Line", "clerr|Content-Length Exceeds Body", "insuf|Missing Call-ID",
            "ltgtruri|Bad Request-URI", "lwsruri|Bad Request Line", "lwsstart|Bad Request Line", "trws|Bad Request Line",
            "mcl01|Multiple Content-Length", "mismatch01|CSeq Method Mismatch", "mismatch02|Not Implemented",
            "multi01|Duplicate Call-ID", "ncl|Bad Content-Length", "quotbal|Bad To", "regbadct|Bad Contact",
            "scalar02|Bad CSeq", "scalarlg|Bad CSeq"})
    void parserRefusesForTheRightReason(String name, String reason) {
        ParseResult.Failed f = (ParseResult.Failed) SipParser.parse(TortureMessages.bytes("rfc4475", name));
        assertThat(f.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "badbranch|Bad Branch", "escruri|Headers Not Allowed In Request-URI", "unksm2|To Is Not A SIP URI",
            "unkscm|Unsupported URI Scheme", "novelsc|Unsupported URI Scheme", "zeromf|Too Many Hops",
            "bext01|Bad Extension", "invut|Unsupported Media Type", "sdp01|Not Acceptable"})
    void requestChecksRefuseForTheRightReason(String name, String reason) {
        SipRequest r = (SipRequest) parsed("rfc4475", name);
        assertThat(RequestChecks.check(r, java.util.Set.of()).orElseThrow().reason()).isEqualTo(reason);
    }

    @Test
    void wsinvReadsThroughAllItsWhiteSpace() {
        SipRequest r = (SipRequest) parsed("rfc4475", "wsinv");
        assertThat(r.to().tag()).contains("1918181833n");
        assertThat(r.from().displayNameText()).isEqualTo("J Rosenberg \\\"");
        assertThat(r.cseq()).isEqualTo(new CSeq(9, "INVITE"));
        assertThat(r.vias()).extracting(Via::host).containsExactly("192.0.2.2", "spindle.example.com", "192.168.255.111");
        assertThat(r.vias().get(2).branch()).contains("z9hG4bK30239");
        assertThat(r.header("NewFangledHeader")).contains("newfangled value continued newfangled value");
        assertThat(r.header("UnknownHeaderWithUnusualValue")).contains(";;,,;;,;");
        assertThat(r.header("Subject")).contains("");
        assertThat(r.contacts()).singleElement().satisfies(c -> {
            assertThat(c.displayNameText()).isEqualTo("Quoted string \"\"");
            assertThat(c.param("newparam")).contains("newvalue");
            assertThat(c.param("q")).contains("0.33");
        });
        assertThat(r.bodyLength()).isEqualTo(150);
    }

    @Test
    void intmethKeepsItsUnusualCharacters() {
        SipRequest r = (SipRequest) parsed("rfc4475", "intmeth");
        assertThat(r.method()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        assertThat(r.to().displayName()).contains("\u0000").contains("\u0007").contains("\u007f");
        assertThat(r.from().param("fromParam''~+*_!.-%")).contains("\"работающий\"");
        assertThat(r.header("extensionHeader-!.%*+_`'~")).contains("\uFEFF大停電");
        assertThat(r.callId()).isEqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");
    }

    @Test
    void dblreqIgnoresTheSecondRequest() {
        SipRequest r = (SipRequest) parsed("rfc4475", "dblreq");
        assertThat(r.method()).isEqualTo("REGISTER");
        assertThat(r.bodyLength()).isZero();
        assertThat(r.callId()).isEqualTo("dblreq.0ha0isndaksdj99sdfafnl3lk233412");
    }

    @Test
    void mpart01KeepsItsBinaryBody() {
        SipRequest r = (SipRequest) parsed("rfc4475", "mpart01");
        assertThat(r.bodyLength()).isEqualTo(553);
        assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).endsWith("--7a9cbec02ceef655--\r\n");
    }

    @Test
    void responsesWithUnusualReasonPhrases() {
        assertThat(((SipResponse) parsed("rfc4475", "unreason")).reason()).isEqualTo("= 2**3 * 5**2 но сто девяносто девять - простое");
        assertThat(((SipResponse) parsed("rfc4475", "noreason")).reason()).isEmpty();
    }

    @Test
    void inv2543BodyRunsToTheEndOfTheDatagram() {
        SipRequest r = (SipRequest) parsed("rfc4475", "inv2543");
        assertThat(r.bodyText()).startsWith("v=0\r\n").endsWith("m=audio 49217 RTP/AVP 0\r\n");
        assertThat(r.topVia().branch()).isEmpty();
        assertThat(r.to().param("user")).contains("phone");
    }

    @Test
    void escapedUrisCompareDecoded() {
        SipRequest r = (SipRequest) parsed("rfc4475", "esc01");
        assertThat(r.to().sipUri().orElseThrow().userUnescaped()).isEqualTo("user");
        assertThat(r.contacts().getFirst().sipUri().orElseThrow().params().has("%6C%72")).isTrue();
    }

    @Test
    void ipv6ReferencesOfRfc5118() {
        SipRequest r = (SipRequest) parsed("rfc5118", "ipv4-mapped-ipv6");
        assertThat(r.vias()).extracting(Via::hostAddress).containsExactly("::ffff:192.0.2.10", "::ffff:192.0.2.2");
        assertThat(r.vias().getFirst().port()).isEqualTo(19823);
        assertThat(r.contacts().getFirst().sipUri().orElseThrow().hostAddress()).isEqualTo("::ffff:192.0.2.2");
        SipRequest ambiguous = (SipRequest) parsed("rfc5118", "port-ambiguous");
        assertThat(ambiguous.sipUri().orElseThrow().port()).isEqualTo(-1);
        assertThat(((SipRequest) parsed("rfc5118", "port-unambiguous")).sipUri().orElseThrow().port()).isEqualTo(5070);
    }
}
