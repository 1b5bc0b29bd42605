package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.time.ManualScheduler;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSender;

/** The stack on its own shard threads: ordering per Call-ID, parallelism across calls, hops. */
class SipStackConcurrencyTest {

    @Test
    void eachCallIdStaysOnOneShardThreadAndCallsSpreadOverShards() throws InterruptedException {
        int calls = 32;
        int perCall = 10;
        CountDownLatch answered = new CountDownLatch(calls * perCall);
        Map<String, Set<String>> threadsByCall = new ConcurrentHashMap<>();
        Map<String, List<Long>> cseqsByCall = new ConcurrentHashMap<>();
        TransactionUser tu = new TransactionUser() {
            @Override
            public void onRequest(ServerTransaction tx, org.switchboard.sip.message.SipRequest r) {
                threadsByCall.computeIfAbsent(r.callId(), k -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
                cseqsByCall.computeIfAbsent(r.callId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(r.cseq().number());
                tx.respond(200, "OK");
                answered.countDown();
            }

            @Override
            public void onAck(org.switchboard.sip.message.SipRequest ack, Flow flow) { }
        };
        TransportSender sink = new TransportSender() {
            @Override public void send(Flow flow, byte[] m, SendResult r) { r.done(flow, null); }
            @Override public void send(Transport t, InetSocketAddress a, byte[] m, SendResult r) { r.done(null, null); }
        };
        try (SipStack stack = SipStack.builder(sink, new ManualScheduler(), tu)
                .settings(SipStackSettings.defaults().withShards(4)).build()) {
            for (int n = 1; n <= perCall; n++) {
                for (int c = 0; c < calls; c++) {
                    String via = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + c + "x" + n;
                    stack.onMessage(Sip.text("OPTIONS", via, "call-" + c, n).getBytes(), Sip.udp());
                }
            }
            assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stack.stats().responsesOut()).isEqualTo((long) calls * perCall);
        }
        Set<String> allThreads = new HashSet<>();
        for (Set<String> t : threadsByCall.values()) {
            assertThat(t).hasSize(1);
            allThreads.addAll(t);
        }
        assertThat(allThreads).hasSizeGreaterThan(1).allMatch(n -> n.startsWith("sip-shard-"));
        for (List<Long> seqs : cseqsByCall.values()) {
            assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    @Test
    void respondFromAnotherThreadHopsOntoTheShard() throws InterruptedException {
        ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("db-worker").factory());
        CountDownLatch sent = new CountDownLatch(1);
        Map<String, String> sendThread = new HashMap<>();
        TransportSender sender = new TransportSender() {
            @Override
            public void send(Flow flow, byte[] m, SendResult r) {
                synchronized (sendThread) {
                    sendThread.put("thread", Thread.currentThread().getName());
                }
                r.done(flow, null);
                sent.countDown();
            }

            @Override public void send(Transport t, InetSocketAddress a, byte[] m, SendResult r) { r.done(null, null); }
        };
        RecordingUser tu = new RecordingUser().answering((tx, r) -> worker.execute(() -> tx.respond(200, "OK")));
        try (SipStack stack = SipStack.builder(sender, new ManualScheduler(), tu)
                .settings(SipStackSettings.defaults().withShards(2)).build()) {
            stack.onMessage(Sip.bytes("REGISTER", "z9hG4bKhop"), Sip.udp());
            assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            worker.shutdownNow();
        }
        synchronized (sendThread) {
            assertThat(sendThread.get("thread")).startsWith("sip-shard-");
        }
    }

    @Test
    void executorForRunsOnTheCallsShard() throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        RecordingUser tu = new RecordingUser().answering((tx, r) -> {
            threads.add(Thread.currentThread().getName());
            seen.countDown();
        });
        try (SipStack stack = SipStack.builder((TransportSender) new FakeSender(new ManualScheduler()), new ManualScheduler(), tu)
                .settings(SipStackSettings.defaults().withShards(8)).build()) {
            stack.onMessage(Sip.bytes("OPTIONS", "SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKe", "exec-call"), Sip.udp());
            stack.executorFor("exec-call").execute(() -> {
                threads.add(Thread.currentThread().getName());
                seen.countDown();
            });
            assertThat(seen.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(threads).hasSize(1);
    }

    @Test
    void afterCloseMessagesAreDroppedWithoutThrowing() {
        ManualScheduler clock = new ManualScheduler();
        RecordingUser tu = new RecordingUser();
        SipStack stack = SipStack.builder(new FakeSender(clock), clock, tu)
                .settings(SipStackSettings.defaults().withShards(1)).build();
        stack.close();

        stack.onMessage(Sip.bytes("OPTIONS", "z9hG4bKlate"), Sip.udp());
        assertThat(stack.stats().dropped()).isEqualTo(1);
        assertThat(tu.requests).isEmpty();
    }
}
