package org.switchboard.pbx.mwi;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.dialog.DialogId;
import org.switchboard.sip.event.EventHeader;
import org.switchboard.sip.event.SubscriptionState;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.NameAddr;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transaction.ResponseListener;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transaction.TransactionFailure;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/**
 * One phone's subscription to one mailbox (RFC 6665, package {@code message-summary} of RFC
 * 3842): the dialog its 200 created, its expiry, and the NOTIFYs that carry the counts.
 * <pre>
 *   SUBSCRIBE accepted --200, NOTIFY active--&gt; ACTIVE
 *   ACTIVE --refresh: 200, NOTIFY active;expires=N--&gt; ACTIVE        (§4.2.1.4)
 *   ACTIVE --counts changed: NOTIFY active;expires=left--&gt; ACTIVE
 *   ACTIVE --Expires: 0, expiry timer, mailbox gone: final NOTIFY terminated--&gt; ENDING
 *   ACTIVE --NOTIFY answered 481 or other failure, timed out, unsendable--&gt; ENDED  (§4.2.2)
 *   ENDING --final NOTIFY answered or failed--&gt; ENDED
 * </pre>
 * One NOTIFY is in flight at a time, so they cannot overtake each other over UDP; changes that
 * happen meanwhile are coalesced into one NOTIFY of the newest state once it is answered. Each
 * NOTIFY reads the counts when it is sent, never when it was asked for.
 *
 * <p>Runs on {@link #executor}, the shard of its Call-ID, which also gets its NOTIFY responses
 * and in-dialog SUBSCRIBEs; the fields other threads read ({@link #serves}) are immutable or
 * volatile. Nothing here blocks.
 */
final class Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    enum State {
        /** Subscribed: NOTIFYs carry {@code active;expires=N}. */
        ACTIVE,
        /** Over for us: the final NOTIFY is sent or waits for the one in flight. */
        ENDING,
        /** Nothing more is sent. */
        ENDED
    }

    final String extension;
    final EventHeader event;
    final Executor executor;
    private final MwiContext ctx;
    private final DialogId id;
    /** The phone's Contact when it subscribed: matched against its registered contacts. */
    private final String contactUri;
    private volatile InetSocketAddress destination;
    private volatile Transport transport;
    private Dialog dialog;
    private Instant expiresAt;
    private Scheduler.Handle timer = Scheduler.Handle.NONE;
    private State state = State.ACTIVE;
    private boolean inFlight;
    private boolean stale;
    private SubscriptionState finalState;

    /**
     * @param flow      where the SUBSCRIBE came from: NOTIFYs go back there (its source address
     *                  behind NAT, its connection over TCP/TLS), as the B2BUA's in-dialog requests do
     * @param expiresAt when it lapses unless refreshed
     */
    Subscription(MwiContext ctx, String extension, EventHeader event, Dialog dialog, Flow flow, Instant expiresAt) {
        this.ctx = ctx;
        this.extension = extension;
        this.event = event;
        this.dialog = dialog;
        this.id = dialog.id();
        this.contactUri = dialog.remoteTarget();
        this.destination = flow.remote();
        this.transport = flow.transport();
        this.expiresAt = expiresAt;
        this.executor = ctx.stack().executorFor(id.callId());
    }

    DialogId dialogId() { return id; }

    State state() { return state; }

    /** Whether the phone of {@code binding} is this subscriber: same source address or same contact. */
    boolean serves(Binding binding) {
        return binding.flow().remote().equals(destination) || binding.contactUri().equals(contactUri);
    }

    /** The subscription was accepted (its 200 sent): arms the expiry and sends the state at once (§4.2.1.2). */
    void start() {
        scheduleExpiry();
        notifyState();
    }

    /** A fetch ({@code Expires: 0} outside a dialog, §4.4.3): one NOTIFY with the state and {@code terminated}. */
    void fetch() {
        end(SubscriptionState.terminated("timeout"));
    }

    /**
     * A SUBSCRIBE in this dialog, its event package and expiry already checked: a refresh
     * ({@code granted} seconds) or an unsubscribe ({@code granted} 0).
     */
    void onSubscribe(ServerTransaction tx, SipRequest request, EventHeader requested, int granted) {
        switch (state) {
            case ACTIVE -> refresh(tx, request, requested, granted);
            case ENDING, ENDED -> tx.respond(ctx.reply(request, tx, 481, "Subscription Does Not Exist"));
        }
    }

    /** The mailbox's counts changed. */
    void onCountsChanged() {
        if (state == State.ACTIVE) notifyState();
    }

    /** Ends the subscription with a last NOTIFY in {@code state} (§4.2.2); ignored unless active. */
    void end(SubscriptionState last) {
        if (state != State.ACTIVE) return;
        state = State.ENDING;
        finalState = last;
        timer.cancel();
        ctx.table().remove(this);
        LOG.debug("MWI subscription {} of {} ends: {}", id.callId(), extension, last);
        notifyState();
    }

    private void refresh(ServerTransaction tx, SipRequest request, EventHeader requested, int granted) {
        if (!requested.id().equals(event.id())) {
            tx.respond(ctx.reply(request, tx, 481, "Subscription Does Not Exist"));
            return;
        }
        var accepted = dialog.acceptRemote(request);
        if (accepted.isEmpty()) {
            tx.respond(ctx.reply(request, tx, 500, "CSeq Out Of Order"));
            return;
        }
        dialog = withContactOf(accepted.get(), request);
        destination = tx.flow().remote();
        transport = tx.flow().transport();
        SipResponse ok = MwiContext.with(ctx.reply(request, tx, 200, "OK"), HeaderNames.CONTACT, "<" + dialog.localTarget() + ">");
        tx.respond(MwiContext.with(ok, HeaderNames.EXPIRES, Integer.toString(granted)));
        if (granted == 0) {
            end(SubscriptionState.terminated("timeout"));
            return;
        }
        expiresAt = ctx.clock().instant().plusSeconds(granted);
        scheduleExpiry();
        notifyState();
    }

    /** SUBSCRIBE is a target refresh request (RFC 6665 §4.1.2.2): its Contact becomes the remote target. */
    private static Dialog withContactOf(Dialog d, SipRequest request) {
        String target = request.contacts().stream().map(NameAddr::uri).filter(u -> !u.equals("*")).findFirst()
                .orElse(d.remoteTarget());
        if (target.equals(d.remoteTarget())) return d;
        return new Dialog(d.id(), d.localUri(), d.remoteUri(), d.localTarget(), target, d.routeSet(), d.localSeq(),
                d.remoteSeq(), d.secure(), d.early());
    }

    private void scheduleExpiry() {
        timer.cancel();
        Duration left = Duration.between(ctx.clock().instant(), expiresAt);
        timer = ctx.scheduler().schedule(left.isNegative() ? Duration.ZERO : left, () -> executor.execute(this::expire));
    }

    private void expire() {
        if (state == State.ACTIVE && !ctx.clock().instant().isBefore(expiresAt)) {
            end(SubscriptionState.terminated("timeout"));
        }
    }

    /** Asks for a NOTIFY of the current state: now, or once the one in flight is answered. */
    private void notifyState() {
        if (state == State.ENDED) return;
        if (inFlight) {
            stale = true;
            return;
        }
        inFlight = true;
        stale = false;
        ctx.counts().whenKnown(extension, executor, this::transmit);
    }

    private void transmit(VoiceCounts counts) {
        if (state == State.ENDED) {
            inFlight = false;
            return;
        }
        boolean last = state == State.ENDING;
        SubscriptionState s = last ? finalState : SubscriptionState.active(secondsLeft());
        SummaryNotify notify = new SummaryNotify(event, s, MessageSummary.of(ctx.settings().accountOf(extension), counts));
        Dialog.Outgoing out = dialog.next("NOTIFY", notify.headers(ctx.settings().serverHeader()), notify.body());
        dialog = out.dialog();
        try {
            ctx.stack().sendRequest(out.request(), transport, destination, new Answer(last));
        } catch (RuntimeException e) {
            LOG.warn("MWI NOTIFY to {} not sent: {}", destination, e.toString());
            inFlight = false;
            close();
        }
    }

    private long secondsLeft() {
        long millis = Duration.between(ctx.clock().instant(), expiresAt).toMillis();
        return Math.max(0, (millis + 999) / 1000);
    }

    private void answered(boolean last) {
        inFlight = false;
        if (last) {
            state = State.ENDED;
        } else if (state == State.ENDING || stale) {
            notifyState();
        }
    }

    /** The NOTIFY failed (§4.2.2): the subscription is gone without another NOTIFY. */
    private void failed(String why) {
        inFlight = false;
        if (state == State.ACTIVE) LOG.debug("MWI subscription {} of {} ended: NOTIFY {}", id.callId(), extension, why);
        close();
    }

    private void close() {
        state = State.ENDED;
        timer.cancel();
        ctx.table().remove(this);
    }

    /** The outcome of one NOTIFY. */
    private final class Answer implements ResponseListener {
        private final boolean last;

        Answer(boolean last) { this.last = last; }

        @Override
        public void onResponse(SipResponse response) {
            if (response.provisional()) return;
            if (response.success()) answered(last);
            else failed("answered " + response.status());
        }

        @Override
        public void onFailure(TransactionFailure failure) {
            failed(failure.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
