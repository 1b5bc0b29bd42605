package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseChecksTest {

    static final String OK = "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923\r\n"
            + "Call-ID: c@h\r\nCSeq: 35 INVITE\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>;tag=2\r\n"
            + "Content-Length: 0\r\n\r\n";

    @Test
    void processesAResponseWithOneVia() {
        assertThat(ResponseChecks.check((SipResponse) SipParserTest.parsed(OK))).isEmpty();
    }

    @Test
    void discardsAResponseWithMoreThanOneVia() {
        String two = OK.replace("Call-ID", "Via: SIP/2.0/UDP 255.255.255.255;branch=z9hG4bK1saber23\r\nCall-ID");
        assertThat(ResponseChecks.check((SipResponse) SipParserTest.parsed(two))).contains("More Than One Via");
    }
}
