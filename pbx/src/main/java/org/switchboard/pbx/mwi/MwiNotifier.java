package org.switchboard.pbx.mwi;

import java.net.InetAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.extension.ExtensionDirectory;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.BindingListener;
import org.switchboard.pbx.registrar.Location;
import org.switchboard.pbx.security.AuthFailureGuard;
import org.switchboard.pbx.security.SecurityLog;
import org.switchboard.sip.auth.AuthResult;
import org.switchboard.sip.auth.ChallengeKind;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.PasswordLookup;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.dialog.DialogId;
import org.switchboard.sip.event.EventHeader;
import org.switchboard.sip.event.SubscriptionState;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.RequestChecks;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transaction.SipStack;

/**
 * The notifier of the {@code message-summary} event package (RFC 3842 over RFC 6665): answers
 * SUBSCRIBE, keeps the subscriptions and sends the NOTIFYs that light message-waiting lamps;
 * and, unless turned off, the unsolicited NOTIFYs of phones that do not subscribe
 * ({@link UnsolicitedNotifier}).
 *
 * <p>A new SUBSCRIBE, in this order: {@code Event} missing (400) or another package (489 with
 * {@code Allow-Events}, §4.2.1.1); an {@code Accept} without {@value MessageSummary#CONTENT_TYPE}
 * (406); {@code Expires} below the minimum (423 with Min-Expires; above the maximum it is cut,
 * absent it is the default, {@code 0} asks for a one-off fetch, §4.4.3); digest authentication
 * as for REGISTER (401 challenges; a failure is logged and counted by the
 * {@link AuthFailureGuard}, a blocked source gets silence); the mailbox, the user of the
 * Request-URI (RFC 3842 §4): not an extension 404, another extension's 403 (a phone watches its
 * own mailbox only; {@value #OWN_MAILBOX_NUMBER}, the number that opens one's own mailbox, is the
 * subscriber's own, as phones configured with it as their voicemail number subscribe to it); no Contact 400; more than {@link MwiSettings#maxPerExtension()}
 * subscriptions 403. Then 200 with our To tag, Contact and the granted Expires, which creates
 * the dialog (§4.2.1.1), and at once a NOTIFY with {@code active;expires=N} and the counts
 * (§4.2.1.2). A SUBSCRIBE with a To tag refreshes or ends its subscription
 * ({@link Subscription}), or gets 481.
 *
 * <p>The feed: {@link #countsChanged} after every change of a mailbox (from voicemail, any
 * thread); a {@link MessageCountsSource} for mailboxes not heard of yet, read on the
 * {@code blocking} executor. Subscriptions live in memory only: after a restart a phone's
 * refresh gets 481 and it subscribes again (RFC 6665 §4.1.2.2), so a lamp may be stale for up
 * to the phone's refresh interval.
 *
 * <p>Threading: SUBSCRIBEs arrive on the SIP shard of their Call-ID, which is also each
 * subscription's executor; nothing here blocks.
 */
public final class MwiNotifier implements MessageCountsListener, BindingListener {
    /** The number of one's own mailbox (voicemail's {@code *97}): a subscription to it watches the subscriber's. */
    static final String OWN_MAILBOX_NUMBER = "*97";

    private static final Logger LOG = LoggerFactory.getLogger(MwiNotifier.class);

    /** The value of {@code Allow-Events} (RFC 6665 §8.2.2): the one package served. */
    public static final String ALLOW_EVENTS = SummaryNotify.PACKAGE;

    private final MwiSettings settings;
    private final Scheduler scheduler;
    private final InstantSource clock;
    private final Location location;
    private final ExtensionDirectory directory;
    private final PasswordLookup passwords;
    private final DigestAuthenticator authenticator;
    private final AuthFailureGuard guard;
    private final SecurityLog securityLog;
    private final CountsBoard counts;
    private final SubscriptionTable table = new SubscriptionTable();
    private volatile MwiContext context;
    private volatile UnsolicitedNotifier unsolicited;

    /**
     * @param credentials SIP secret of an extension number (the registrar's {@code CredentialCache})
     * @param source      counts of a mailbox not heard of yet; may block
     * @param blocking    where {@code source} is read (virtual threads in production)
     */
    public MwiNotifier(MwiSettings settings, Scheduler scheduler, InstantSource clock, Location location,
                       ExtensionDirectory directory, Function<String, Optional<SipSecret>> credentials,
                       DigestAuthenticator authenticator, AuthFailureGuard guard, SecurityLog securityLog,
                       MessageCountsSource source, Executor blocking) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.location = Objects.requireNonNull(location, "location");
        this.directory = Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(credentials, "credentials");
        this.passwords = user -> credentials.apply(user).map(SipSecret::reveal);
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.securityLog = Objects.requireNonNull(securityLog, "securityLog");
        this.counts = new CountsBoard(source, blocking);
    }

    /** Connects the stack that carries the NOTIFYs (built with a dispatcher that hands SUBSCRIBEs here). */
    public void bind(SipStack stack) {
        MwiContext ctx = new MwiContext(stack, scheduler, clock, settings, counts, table);
        this.unsolicited = new UnsolicitedNotifier(ctx, location);
        this.context = ctx;
    }

    /** How many subscriptions are live. */
    public int subscriptionCount() { return table.size(); }

    /** A SUBSCRIBE past the RFC 3261 §8.2 checks, new (no To tag) or in a dialog. */
    public void onSubscribe(ServerTransaction tx, SipRequest request) {
        MwiContext ctx = context;
        if (ctx == null) {
            tx.respond(503, "Service Unavailable");
            return;
        }
        Optional<String> eventValue = request.header(HeaderNames.EVENT);
        if (eventValue.isEmpty()) {
            tx.respond(ctx.reply(request, tx, 400, "Missing Event Header"));
            return;
        }
        EventHeader event = EventHeader.parse(eventValue.get()).orElse(null);
        if (event == null || !event.isPackage(SummaryNotify.PACKAGE)) {
            tx.respond(MwiContext.with(ctx.reply(request, tx, 489, "Bad Event"), HeaderNames.ALLOW_EVENTS, ALLOW_EVENTS));
            return;
        }
        var accept = request.headers().all(HeaderNames.ACCEPT);
        if (!accept.isEmpty() && !RequestChecks.accepts(accept, MessageSummary.CONTENT_TYPE)) {
            tx.respond(MwiContext.with(ctx.reply(request, tx, 406, "Not Acceptable"), HeaderNames.ACCEPT,
                    MessageSummary.CONTENT_TYPE));
            return;
        }
        int granted = grant(request);
        if (granted < 0) {
            tx.respond(MwiContext.with(ctx.reply(request, tx, 423, "Interval Too Brief"), HeaderNames.MIN_EXPIRES,
                    Integer.toString(settings.minExpires())));
            return;
        }
        if (request.to().tag().isPresent()) {
            Subscription s = table.find(DialogId.ofIncoming(request));
            if (s == null) tx.respond(ctx.reply(request, tx, 481, "Subscription Does Not Exist"));
            else s.onSubscribe(tx, request, event, granted);
            return;
        }
        subscribe(ctx, tx, request, event, granted);
    }

    /**
     * The seconds granted: the request's {@code Expires} (a malformed value counts as absent),
     * cut to the maximum; the default when absent; 0 for 0; -1 when shorter than the minimum.
     */
    private int grant(SipRequest request) {
        long asked = request.header(HeaderNames.EXPIRES).map(MwiNotifier::deltaSeconds).orElse(-1L);
        if (asked < 0) return settings.defaultExpires();
        if (asked == 0) return 0;
        if (asked < settings.minExpires()) return -1;
        return (int) Math.min(asked, settings.maxExpires());
    }

    private void subscribe(MwiContext ctx, ServerTransaction tx, SipRequest request, EventHeader event, int granted) {
        Instant now = clock.instant();
        InetAddress source = tx.flow().remote().getAddress();
        if (guard.isBlocked(source, now)) {
            tx.abandon();
            return;
        }
        String user = switch (authenticator.verify(request, ChallengeKind.WWW, passwords, settings.domain(), null, false, now)) {
            case AuthResult.Missing m -> challenge(ctx, tx, request, false, now);
            case AuthResult.Stale s -> challenge(ctx, tx, request, true, now);
            case AuthResult.Failed f -> {
                String where = tx.flow().remoteText();
                securityLog.authFailure(where, f.username(), request.method(), f.reason().token(), guard, source, now);
                yield challenge(ctx, tx, request, false, now);
            }
            case AuthResult.Ok ok -> ok.username();
        };
        if (user == null) return;
        String mailbox = request.sipUri().map(SipUri::userUnescaped).orElse(null);
        // desk phones subscribe to their "voice mail number" (*97: the own mailbox) as often as to their own
        if (OWN_MAILBOX_NUMBER.equals(mailbox)) mailbox = user;
        if (mailbox == null || !ExtensionNumber.isValid(mailbox) || directory.find(mailbox).isEmpty()) {
            tx.respond(ctx.reply(request, tx, 404, "Not Found"));
            return;
        }
        if (!mailbox.equals(user)) {
            tx.respond(ctx.reply(request, tx, 403, "Forbidden"));
            return;
        }
        if (request.contacts().stream().noneMatch(c -> c.sipUri().isPresent())) {
            tx.respond(ctx.reply(request, tx, 400, "Missing Contact"));
            return;
        }
        if (granted > 0 && table.of(mailbox).size() >= settings.maxPerExtension()) {
            tx.respond(ctx.reply(request, tx, 403, "Too Many Subscriptions"));
            return;
        }
        String contact = settings.contactFor().apply(tx.flow());
        SipResponse ok = MwiContext.with(MwiContext.with(ctx.reply(request, tx, 200, "OK"), HeaderNames.CONTACT,
                "<" + contact + ">"), HeaderNames.EXPIRES, Integer.toString(granted));
        Dialog dialog = Dialog.asUas(request, ok, contact, tx.flow().transport().secure()).orElse(null);
        if (dialog == null) {
            tx.respond(ctx.reply(request, tx, 400, "Missing Contact"));
            return;
        }
        Subscription s = new Subscription(ctx, mailbox, event, dialog, tx.flow(), now.plusSeconds(granted));
        if (granted > 0) table.add(s);
        tx.respond(ok);
        LOG.debug("MWI subscription {} of {} from {} for {} s", dialog.id().callId(), mailbox, tx.flow().remoteText(), granted);
        if (granted > 0) s.start();
        else s.fetch();
    }

    /** 401 with our challenges; returns null, so the caller stops. */
    private String challenge(MwiContext ctx, ServerTransaction tx, SipRequest request, boolean stale, Instant now) {
        SipResponse r = ctx.reply(request, tx, 401, "Unauthorized");
        for (String c : authenticator.challenge(settings.domain(), stale, now)) {
            r = MwiContext.with(r, HeaderNames.WWW_AUTHENTICATE, c);
        }
        tx.respond(r);
        return null;
    }

    /**
     * The mailbox of {@code extension} changed: every subscription to it gets a NOTIFY, and each
     * registered phone without one an unsolicited NOTIFY (when enabled). Nothing is sent when the
     * counts equal the last known ones. Quick, never blocks, never throws.
     */
    @Override
    public void countsChanged(String extension, int newMessages, int oldMessages) {
        try {
            countsChanged(extension, VoiceCounts.of(newMessages, oldMessages));
        } catch (RuntimeException e) {
            LOG.warn("MWI change of mailbox {} not sent: {}", extension, e.toString());
        }
    }

    /** As {@link #countsChanged(String, int, int)}, with urgent counts. */
    public void countsChanged(String extension, VoiceCounts now) {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(now, "now");
        if (!counts.put(extension, now)) return;
        for (Subscription s : table.of(extension)) s.executor.execute(s::onCountsChanged);
        UnsolicitedNotifier u = unsolicited;
        if (settings.unsolicited() && u != null) u.toContactsOf(extension, now, clock.instant());
    }

    /**
     * A phone registered anew: after {@link MwiSettings#unsolicitedDelay()} it gets an unsolicited
     * NOTIFY with the counts, unless it subscribed meanwhile or is gone (a {@link BindingListener}
     * of the location service).
     */
    @Override
    public void bound(Binding binding) {
        UnsolicitedNotifier u = unsolicited;
        MwiContext ctx = context;
        if (!settings.unsolicited() || u == null || ctx == null) return;
        try {
            scheduler.schedule(settings.unsolicitedDelay(), () -> {
                try {
                    if (u.stillWants(binding, clock.instant())) {
                        counts.whenKnown(binding.aor(), Runnable::run, c -> u.send(binding, c));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Unsolicited MWI to {} not sent: {}", binding.contactUri(), e.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Unsolicited MWI to {} not scheduled: {}", binding.contactUri(), e.toString());
        }
    }

    /** The extension was removed: its subscriptions end with {@code terminated;reason=noresource} (RFC 6665 §4.1.3). */
    public void extensionRemoved(String extension) {
        counts.forget(extension);
        for (Subscription s : table.of(extension)) {
            s.executor.execute(() -> s.end(SubscriptionState.terminated("noresource")));
        }
    }

    /** delta-seconds (RFC 3261 §25.1); -1 when malformed, which the caller treats as absent. */
    private static long deltaSeconds(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.length() > 12) return -1;
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return -1;
        return Long.parseLong(v);
    }
}
