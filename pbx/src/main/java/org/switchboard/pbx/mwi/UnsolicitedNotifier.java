package org.switchboard.pbx.mwi;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.Location;
import org.switchboard.sip.event.EventHeader;
import org.switchboard.sip.event.SubscriptionState;
import org.switchboard.sip.message.HeaderField;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ResponseListener;
import org.switchboard.sip.transaction.TransactionFailure;

/**
 * Unsolicited MWI: an out-of-dialog NOTIFY with {@code Event: message-summary} to each
 * registered contact of an extension that holds no subscription, as many desk phones and
 * softphones expect from a PBX (Asterisk's default, FreeSWITCH's on register). RFC 6665 has no
 * such thing, so it follows what those servers send and phones accept:
 * {@code Subscription-State: terminated} without a reason (what Asterisk's {@code res_pjsip_mwi}
 * sends; FreeSWITCH also says {@code terminated}), a fresh Call-ID, From and To the mailbox's
 * account. It is sent once, and the answer (a phone may say 481 or 489) changes nothing.
 *
 * <p>Callable from any thread; never blocks (the stack queues the request).
 */
final class UnsolicitedNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(UnsolicitedNotifier.class);
    private static final EventHeader EVENT = EventHeader.of(SummaryNotify.PACKAGE);
    private static final ResponseListener IGNORE = new ResponseListener() {
        @Override
        public void onResponse(SipResponse response) {
            if (response.isFinal() && !response.success()) {
                LOG.debug("Unsolicited MWI NOTIFY answered {} {}", response.status(), response.reason());
            }
        }

        @Override
        public void onFailure(TransactionFailure failure) {
            LOG.debug("Unsolicited MWI NOTIFY failed: {}", failure);
        }
    };

    private final MwiContext ctx;
    private final Location location;

    UnsolicitedNotifier(MwiContext ctx, Location location) {
        this.ctx = ctx;
        this.location = location;
    }

    /** Sends {@code counts} to every registered contact of {@code extension} that no subscription serves. */
    void toContactsOf(String extension, VoiceCounts counts, Instant now) {
        List<Subscription> subscribed = ctx.table().of(extension);
        for (Binding b : location.lookup(extension, now)) {
            if (!servedBy(subscribed, b)) send(b, counts);
        }
    }

    /** Whether {@code binding} is still registered and unsubscribed, so it deserves its NOTIFY. */
    boolean stillWants(Binding binding, Instant now) {
        boolean registered = location.lookup(binding.aor(), now).stream()
                .anyMatch(b -> b.contactUri().equals(binding.contactUri()) && b.flow().equals(binding.flow()));
        return registered && !servedBy(ctx.table().of(binding.aor()), binding);
    }

    /** Sends one NOTIFY to {@code binding}'s contact, on the flow it registered from. */
    void send(Binding binding, VoiceCounts counts) {
        String account = ctx.settings().accountOf(binding.aor());
        SummaryNotify notify = new SummaryNotify(EVENT, SubscriptionState.terminated(), MessageSummary.of(account, counts));
        Headers h = Headers.of(List.of(
                new HeaderField(HeaderNames.FROM, "<" + account + ">;tag=" + ctx.stack().newTag()),
                new HeaderField(HeaderNames.TO, "<" + account + ">"),
                new HeaderField(HeaderNames.CALL_ID, ctx.stack().newCallId()),
                new HeaderField(HeaderNames.CSEQ, "1 NOTIFY"),
                new HeaderField(HeaderNames.CONTACT, "<" + ctx.settings().contactFor().apply(binding.flow()) + ">")));
        for (HeaderField f : notify.headers(ctx.settings().serverHeader()).fields()) h = h.with(f.name(), f.value());
        SipRequest request = new SipRequest("NOTIFY", binding.contactUri(), h, notify.body());
        try {
            ctx.stack().sendRequest(request, binding.flow().transport(), binding.flow().remote(), IGNORE);
        } catch (RuntimeException e) {
            LOG.warn("Unsolicited MWI NOTIFY to {} not sent: {}", binding.contactUri(), e.toString());
        }
    }

    private static boolean servedBy(List<Subscription> subscriptions, Binding b) {
        for (Subscription s : subscriptions) if (s.serves(b)) return true;
        return false;
    }
}
