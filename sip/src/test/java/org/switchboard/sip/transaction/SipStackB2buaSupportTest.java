package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.time.ManualScheduler;
import org.switchboard.sip.transport.Transport;

/** What a B2BUA needs from the stack: CANCEL of its own INVITE, and Call-IDs on the caller's shard. */
class SipStackB2buaSupportTest {
    private static final InetSocketAddress CALLEE = new InetSocketAddress("192.0.2.20", 5080);

    private final ManualScheduler clock = new ManualScheduler();
    private final FakeSender sender = new FakeSender(clock);
    private final SipStack stack = SipStack.builder(sender, clock, new RecordingUser())
            .settings(SipStackSettings.defaults().withShards(4)
                    .withSentBy(Transport.UDP, new SentBy("198.51.100.1", 5060)))
            .shardExecutors(i -> Runnable::run)
            .tokens(new UniqueTokens("stk"))
            .build();

    /** An INVITE as a TU hands it to the stack: no Via yet. */
    private SipRequest invite(String callId) {
        SipRequest r = Sip.parse(Sip.text("INVITE", "SIP/2.0/UDP x:1;branch=z9hG4bKx", callId, 1).getBytes());
        return r.withHeaders(r.headers().without("Via"));
    }

    @Test
    void cancelCopiesTheInvitesBranchAndEndsItWith487() {
        RecordingListener inviteListener = new RecordingListener();
        ClientTransaction tx = stack.sendRequest(invite("b2b-1"), Transport.UDP, CALLEE, inviteListener);
        SipRequest sentInvite = sender.last().request();
        stack.onMessage(Sip.response(sentInvite, 180).toBytes(), Sip.flow(Transport.UDP, CALLEE));

        RecordingListener cancelListener = new RecordingListener();
        stack.cancel(tx, cancelListener);
        SipRequest cancel = sender.last().request();
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancel.uri()).isEqualTo(sentInvite.uri());
        assertThat(cancel.topVia()).isEqualTo(sentInvite.topVia());
        assertThat(cancel.cseq().number()).isEqualTo(1);
        assertThat(cancel.cseq().method()).isEqualTo("CANCEL");
        assertThat(cancel.header("To")).isEqualTo(sentInvite.header("To"));
        assertThat(sender.last().destination()).isEqualTo(CALLEE);

        stack.onMessage(Sip.response(cancel, 200).toBytes(), Sip.flow(Transport.UDP, CALLEE));
        stack.onMessage(Sip.response(sentInvite, 487).toBytes(), Sip.flow(Transport.UDP, CALLEE));
        assertThat(cancelListener.statuses()).containsExactly(200);
        assertThat(inviteListener.statuses()).containsExactly(180, 487);
    }

    @Test
    void onlyAnInviteOfThisStackCanBeCancelled() {
        ClientTransaction options = stack.sendRequest(Sip.request("OPTIONS", "z9hG4bKo"), Transport.UDP, CALLEE,
                new RecordingListener());
        assertThatThrownBy(() -> stack.cancel(options, new RecordingListener()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newCallIdsLandOnTheShardOfTheCallTheyBelongTo() {
        Set<String> seen = new HashSet<>();
        for (String caller : new String[] {"a@x", "b@y", "caller-call-17@192.0.2.10", "zz"}) {
            for (int i = 0; i < 20; i++) {
                String id = stack.newCallIdBeside(caller);
                assertThat(seen.add(id)).as("unique").isTrue();
                assertThat(shard(id)).isEqualTo(shard(caller));
            }
        }
    }

    /** The stack's shard choice, observed through the executor it returns (same object per shard). */
    private int shard(String callId) {
        int h = CallIdHash.of(callId);
        h ^= h >>> 16;
        return (h & 0x7fffffff) % stack.shardCount();
    }
}
