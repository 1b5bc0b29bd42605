package org.switchboard.net.sip;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipStreamDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(1024));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    static String options(String body) {
        return "OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.1;branch=z9hG4bK1\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private List<Object> feed(String... chunks) {
        for (String c : chunks) channel.writeInbound(Unpooled.copiedBuffer(c, US_ASCII));
        List<Object> out = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) out.add(o instanceof byte[] b ? new String(b, US_ASCII) : o);
        return out;
    }

    @Test
    void twoMessagesInOneSegmentComeOutAsTwo() {
        assertThat(feed(options("hello") + options(""))).containsExactly(options("hello"), options(""));
    }

    @Test
    void aMessageSplitAcrossSegmentsComesOutWhole() {
        String m = options("v=0\r\n");
        assertThat(feed(m.substring(0, 10))).isEmpty();
        assertThat(feed(m.substring(10, m.length() - 3))).isEmpty();
        assertThat(feed(m.substring(m.length() - 3))).containsExactly(m);
    }

    @Test
    void splitInsideTheHeadEndStillFrames() {
        String m = options("x");
        int headEnd = m.indexOf("\r\n\r\n");
        assertThat(feed(m.substring(0, headEnd + 1), m.substring(headEnd + 1, headEnd + 3), m.substring(headEnd + 3)))
                .containsExactly(m);
    }

    @Test
    void compactContentLengthAndOddSpacingAreAccepted() {
        String m = "MESSAGE sip:a@b SIP/2.0\r\nLocation: x\r\ncontent-LENGTH \t:  3 \r\nl:3\r\n\r\nabc";
        assertThat(feed(m)).containsExactly(m);
    }

    @Test
    void pingIsReportedAndNotDelivered() {
        assertThat(feed("\r\n\r\n")).containsExactly(SipStreamDecoder.KeepAlive.PING);
        assertThat(feed("\r\n", "\r\n")).containsExactly(SipStreamDecoder.KeepAlive.PING);
    }

    @Test
    void strayLineBreaksBetweenMessagesAreSkipped() {
        assertThat(feed(options("a") + "\r\n" + options("b"), "\r\n")).containsExactly(options("a"), options("b"));
        assertThat(feed(options("c"))).containsExactly(options("c"));
    }

    @Test
    void missingContentLengthIsAFramingError() {
        List<Object> out = feed("OPTIONS sip:a@b SIP/2.0\r\nVia: x\r\n\r\n" + options(""));
        assertThat(out).singleElement().isInstanceOfSatisfying(SipStreamDecoder.FramingError.class,
                e -> assertThat(e.oversize()).isFalse());
        assertThat(feed(options("later input is discarded"))).isEmpty();
    }

    @Test
    void badOrConflictingContentLengthIsAFramingError() {
        for (String cl : List.of("Content-Length: abc", "Content-Length: -1", "Content-Length:",
                "Content-Length: 1 2", "Content-Length: 99999999999", "Content-Length: 1\r\nl: 2")) {
            EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(1024));
            ch.writeInbound(Unpooled.copiedBuffer("INFO sip:a@b SIP/2.0\r\n" + cl + "\r\n\r\nx", US_ASCII));
            Object first = ch.readInbound();
            assertThat(first).as(cl).isInstanceOf(SipStreamDecoder.FramingError.class);
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void bodyOverTheLimitIsAnOversizeError() {
        List<Object> out = feed("INFO sip:a@b SIP/2.0\r\nContent-Length: 2000\r\n\r\n");
        assertThat(out).singleElement().isInstanceOfSatisfying(SipStreamDecoder.FramingError.class,
                e -> assertThat(e.oversize()).isTrue());
    }

    @Test
    void headWithoutEndOverTheLimitIsAnOversizeError() {
        assertThat(feed("INFO sip:a@b SIP/2.0\r\n", "X: " + "y".repeat(600) + "\r\n")).isEmpty();
        List<Object> out = feed("X: " + "y".repeat(600) + "\r\n");
        assertThat(out).singleElement().isInstanceOfSatisfying(SipStreamDecoder.FramingError.class,
                e -> assertThat(e.oversize()).isTrue());
    }

    @Test
    void aMessageOfExactlyTheLimitPasses() {
        String head = "INFO sip:a@b SIP/2.0\r\nContent-Length: ";
        int body = 1024 - head.length() - 3 - 4;
        String m = head + body + "\r\n\r\n" + "b".repeat(body);
        assertThat(m).hasSize(1024);
        assertThat(feed(m)).containsExactly(m);
    }
}
