package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

class CompletedAnswersTest {

    private final CompletedAnswers answers = new CompletedAnswers();
    private final Flow flow = Sip.udp();

    private static ServerKey key(int i) { return new ServerKey("z9hG4bK" + i, "192.0.2.10", 5060, "REGISTER"); }

    private static byte[] bytes(int i) { return ("SIP/2.0 200 OK " + i + "\r\n" + "x".repeat(500)).getBytes(StandardCharsets.US_ASCII); }

    @Test
    void anAnswerIsFoundUntilItsDeadlineAndNotAtIt() {
        answers.put(key(1), bytes(1), flow, 32_000);
        CompletedAnswers.Answer a = answers.find(key(1), 31_999);
        assertThat(a.response()).isEqualTo(bytes(1));
        assertThat(a.flow()).isEqualTo(flow);
        assertThat(a.deadline()).isEqualTo(32_000);
        assertThat(answers.find(key(1), 32_000)).isNull();
        assertThat(answers.find(key(2), 0)).isNull();
    }

    @Test
    void everyPartOfTheKeyCounts() {
        answers.put(new ServerKey("z9hG4bKa", "192.0.2.10", 5060, "REGISTER"), bytes(1), flow, 100);
        assertThat(answers.find(new ServerKey("z9hG4bKa", "192.0.2.10", 5060, "REGISTER"), 0)).isNotNull();
        assertThat(answers.find(new ServerKey("z9hG4bKb", "192.0.2.10", 5060, "REGISTER"), 0)).isNull();
        assertThat(answers.find(new ServerKey("z9hG4bKa", "192.0.2.11", 5060, "REGISTER"), 0)).isNull();
        assertThat(answers.find(new ServerKey("z9hG4bKa", "192.0.2.10", 5061, "REGISTER"), 0)).isNull();
        assertThat(answers.find(new ServerKey("z9hG4bKa", "192.0.2.10", 5060, "OPTIONS"), 0)).isNull();
        // field boundaries are part of the encoding: "ab"+"c" is not "a"+"bc"
        answers.put(new ServerKey("ab", "c", 1, "M"), bytes(2), flow, 100);
        assertThat(answers.find(new ServerKey("a", "bc", 1, "M"), 0)).isNull();
        // characters beyond ASCII (RFC 2543 keys carry URIs and tags) are kept apart
        answers.put(new ServerKey("2543;é;ü", "h", 1, "M"), bytes(3), flow, 100);
        assertThat(answers.find(new ServerKey("2543;é;ü", "h", 1, "M"), 0).response()).isEqualTo(bytes(3));
        assertThat(answers.find(new ServerKey("2543;e;u", "h", 1, "M"), 0)).isNull();
    }

    @Test
    void expiryDropsTheOldestOnlyAndCountsThem() {
        for (int i = 0; i < 10; i++) answers.put(key(i), bytes(i), flow, 1_000 + i);
        assertThat(answers.expire(1_004)).isEqualTo(5);
        assertThat(answers.size()).isEqualTo(5);
        assertThat(answers.nextDeadline()).isEqualTo(1_005);
        assertThat(answers.find(key(4), 0)).isNull();
        assertThat(answers.find(key(5), 0).flow()).isEqualTo(flow);
        assertThat(answers.expire(5_000)).isEqualTo(5);
        assertThat(answers.isEmpty()).isTrue();
    }

    @Test
    void aStormSpreadsOverManyArraysThatAreFreedAsItsAnswersExpire() {
        int n = 10_000;   // about 6 MiB of records
        for (int i = 0; i < n; i++) answers.put(key(i), bytes(i), flow, 1_000 + i);
        assertThat(answers.retainedBytes()).isGreaterThan(4L * CompletedAnswers.CHUNK);
        for (int i = 0; i < n; i += 997) assertThat(answers.find(key(i), 0).response()).isEqualTo(bytes(i));

        assertThat(answers.expire(1_000 + n / 2)).isEqualTo(n / 2 + 1);
        assertThat(answers.retainedBytes()).isLessThan(5L * CompletedAnswers.CHUNK);
        assertThat(answers.nextDeadline()).isEqualTo(1_000 + n / 2 + 1);
        assertThat(answers.find(key(n - 1), 0).response()).isEqualTo(bytes(n - 1));
        assertThat(answers.find(key(10), 0)).isNull();

        assertThat(answers.expire(1_000 + n)).isEqualTo(n / 2 - 1);
        assertThat(answers.retainedBytes()).isZero();
        assertThat(answers.size()).isZero();
        answers.put(key(1), bytes(1), flow, 9_999_999);   // and it starts again from nothing
        assertThat(answers.find(key(1), 0).response()).isEqualTo(bytes(1));
    }

    @Test
    void deadlinesCompareAcrossTheWrapOfTheNanosecondClock() {
        long t = Long.MAX_VALUE - 10;
        answers.put(key(1), bytes(1), flow, t + 20);   // wraps to a negative number
        assertThat(answers.find(key(1), t)).isNotNull();
        assertThat(answers.expire(t)).isZero();
        assertThat(answers.expire(t + 20)).isEqualTo(1);
    }

    @Test
    void aForgottenAnswerIsGoneAndItsRecordStillExpires() {
        answers.put(key(1), bytes(1), flow, 100);
        answers.put(key(2), bytes(2), flow, 101);
        assertThat(answers.remove(key(1))).isTrue();
        assertThat(answers.remove(key(1))).isFalse();
        assertThat(answers.find(key(1), 0)).isNull();
        assertThat(answers.size()).isEqualTo(1);
        assertThat(answers.expire(200)).isEqualTo(1);   // only key(2) was still findable
        assertThat(answers.isEmpty()).isTrue();
    }

    @Test
    void flowsComeBackEqualWhateverTheirAddresses() throws Exception {
        Flow v6 = new Flow(Transport.UDP, new InetSocketAddress(InetAddress.ofLiteral("::1"), 5060),
                new InetSocketAddress(Inet6Address.getByAddress(null, InetAddress.ofLiteral("fe80::1").getAddress(), 3), 40000));
        Flow named = new Flow(Transport.UDP, new InetSocketAddress(InetAddress.ofLiteral("0.0.0.0"), 5060),
                InetSocketAddress.createUnresolved("phone.example.com", 5070));
        answers.put(key(1), bytes(1), v6, 100);
        answers.put(key(2), bytes(2), named, 100);
        Flow back = answers.find(key(1), 0).flow();
        assertThat(back).isEqualTo(v6);
        assertThat(((Inet6Address) back.remote().getAddress()).getScopeId()).isEqualTo(3);
        assertThat(answers.find(key(2), 0).flow()).isEqualTo(named);
        assertThat(answers.find(key(2), 0).response()).isEqualTo(bytes(2));
    }
}
