package org.switchboard.pbx.b2bua;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.codec.Codecs;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaEndpoints;
import org.switchboard.media.relay.NoMediaPortsException;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.pbx.call.LiveCalls;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.ExtensionDirectory;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.extension.SrtpPolicy;
import org.switchboard.pbx.moh.MusicOnHold;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.Location;
import org.switchboard.pbx.security.AuthFailureGuard;
import org.switchboard.pbx.security.SecurityLog;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplications;
import org.switchboard.sip.auth.AuthResult;
import org.switchboard.sip.auth.ChallengeKind;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.PasswordLookup;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transaction.SipStack;
import org.switchboard.sip.transport.Flow;

/**
 * The call side of the SIP transaction user: admits new INVITEs (digest challenge 407 as a
 * proxy would, RFC 3261 §22.3; only authenticated callers learn whether a number exists),
 * finds the callee's contacts, anchors the media and starts a {@link Call}; routes in-dialog
 * requests, ACKs and CANCELs to their call. Runs on the SIP shards and never blocks.
 *
 * <p>Answers before a call exists: 407 (no or stale credentials, and a wrong password, so that
 * scanning learns nothing), 404 unknown number, 480 callee not registered, 422 session interval
 * too small (RFC 4028 §8.1), 400 broken SDP, 488 no codec the server relays or decodes,
 * 503 no media port free, 483 Max-Forwards 0. Each authenticated attempt gets a call record, failed ones too.
 *
 * <p>SRTP ({@link SrtpLeg} has the offer/answer rules): a caller whose extension requires SRTP
 * and calls over UDP or TCP gets 488 with a Warning before anything rings; a callee whose
 * extension requires it rings only on its phones registered over TLS, and with none of those
 * the caller gets 488 with a Warning rather than 480: the callee is there, but not reachable
 * the way its policy demands, and retrying will not help.
 *
 * <p>Hold: a phone's hold is answered here and the other party hears music on hold ({@link Hold}
 * has the rules).
 *
 * <p>Calls the server answers itself ({@link ServerAnswer}), when {@link VoiceApplications} has an
 * application for them: a number that is no extension ({@code *97}) instead of 404; an extension
 * with no phone registered instead of 480; a ringing call that ends unanswered (ring timeout),
 * busy (486, 600, 603 from every phone) or failed everywhere, instead of that failure. The
 * caller's CANCEL and a callee that requires SRTP without a phone on TLS (488) are never diverted.
 */
public final class B2bua {
    private static final Logger LOG = LoggerFactory.getLogger(B2bua.class);

    private final B2buaSettings settings;
    private final Scheduler scheduler;
    private final InstantSource clock;
    private final Location location;
    private final ExtensionDirectory directory;
    private final PasswordLookup passwords;
    private final DigestAuthenticator authenticator;
    private final AuthFailureGuard guard;
    private final SecurityLog securityLog;
    private final RecordSink records;
    private final MediaEndpoints media;
    private final MusicOnHold moh;
    private final Codecs codecs;
    private final TranscodableCodecs transcodable;
    private final Optional<CallRecordingFeature> recording;
    private final VoiceServices voice;
    private final CallTable table = new CallTable();
    private final AtomicLong sequence = new AtomicLong();
    private final String idPrefix;
    private volatile CallContext context;

    /** A B2BUA whose held parties hear the bundled music, played in the standard codecs ({@link Codecs#standard()}). */
    public B2bua(B2buaSettings settings, Scheduler scheduler, InstantSource clock, Location location,
                 ExtensionDirectory directory, Function<String, Optional<SipSecret>> credentials,
                 DigestAuthenticator authenticator, AuthFailureGuard guard, SecurityLog securityLog,
                 RecordSink records, MediaEndpoints media) {
        this(settings, scheduler, clock, location, directory, credentials, authenticator, guard, securityLog, records,
                media, MusicOnHold.bundled(), Codecs.standard());
    }

    /**
     * @param moh    the music a party hears while the other phone holds the call ({@link Hold})
     * @param codecs the codecs the server speaks itself (the registry the server builds once, Opus
     *               included when it loads): to play that music (a leg in another codec is held in
     *               silence) and to transcode between phones without a common codec ({@link Transcoding})
     */
    public B2bua(B2buaSettings settings, Scheduler scheduler, InstantSource clock, Location location,
                 ExtensionDirectory directory, Function<String, Optional<SipSecret>> credentials,
                 DigestAuthenticator authenticator, AuthFailureGuard guard, SecurityLog securityLog,
                 RecordSink records, MediaEndpoints media, MusicOnHold moh, Codecs codecs) {
        this(settings, scheduler, clock, location, directory, credentials, authenticator, guard, securityLog, records,
                media, moh, codecs, VoiceApplications.NONE);
    }

    /**
     * @param applications which application answers a call the callee did not, and which numbers
     *                     the server answers itself ({@link ServerAnswer}); {@link VoiceApplications#NONE}
     *                     for none
     */
    public B2bua(B2buaSettings settings, Scheduler scheduler, InstantSource clock, Location location,
                 ExtensionDirectory directory, Function<String, Optional<SipSecret>> credentials,
                 DigestAuthenticator authenticator, AuthFailureGuard guard, SecurityLog securityLog,
                 RecordSink records, MediaEndpoints media, MusicOnHold moh, Codecs codecs,
                 VoiceApplications applications) {
        this(settings, scheduler, clock, location, directory, credentials, authenticator, guard, securityLog, records,
                media, moh, codecs, applications, Optional.empty());
    }

    /** @param recording how calls are recorded by the extensions' policies ({@link RecordingHook}); empty: never */
    public B2bua(B2buaSettings settings, Scheduler scheduler, InstantSource clock, Location location,
                 ExtensionDirectory directory, Function<String, Optional<SipSecret>> credentials,
                 DigestAuthenticator authenticator, AuthFailureGuard guard, SecurityLog securityLog,
                 RecordSink records, MediaEndpoints media, MusicOnHold moh, Codecs codecs,
                 VoiceApplications applications, Optional<CallRecordingFeature> recording) {
        this.recording = Objects.requireNonNull(recording, "recording");
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
        this.records = Objects.requireNonNull(records, "records");
        this.media = Objects.requireNonNull(media, "media");
        this.moh = Objects.requireNonNull(moh, "moh");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.transcodable = new TranscodableCodecs(codecs);
        this.voice = new VoiceServices(applications, location, directory);
        this.idPrefix = Long.toString(clock.millis(), 36);
    }

    /** Connects the stack that carries the calls (it is built with this B2BUA's dispatcher as its user). */
    public void bind(SipStack stack) {
        this.context = new CallContext(stack, scheduler, clock, settings, table, records, media, moh, codecs, directory, voice,
                recording);
    }

    /** The live calls, for the CLI and the REST API. */
    public LiveCalls liveCalls() { return table; }

    /** How many calls are up (ringing or answered). */
    public int liveCount() { return table.size(); }

    /** A new INVITE (no To tag), already past the RFC 3261 §8.2 checks. */
    public void onInvite(ServerTransaction tx, SipRequest invite) {
        CallContext ctx = context;
        if (ctx == null) {
            tx.respond(reply(invite, tx, 503, "Service Unavailable"));
            return;
        }
        Instant now = clock.instant();
        Flow flow = tx.flow();
        InetAddress source = flow.remote().getAddress();
        if (guard.isBlocked(source, now)) {
            tx.abandon();
            return;
        }
        if (invite.header(HeaderNames.MAX_FORWARDS).map(String::trim).filter("0"::equals).isPresent()) {
            tx.respond(reply(invite, tx, 483, "Too Many Hops"));
            return;
        }
        AuthResult auth = authenticator.verify(invite, ChallengeKind.PROXY, passwords, settings.domain(), null, false, now);
        String callerNumber;
        switch (auth) {
            case AuthResult.Missing m -> {
                challenge(tx, invite, false, now);
                return;
            }
            case AuthResult.Stale s -> {
                challenge(tx, invite, true, now);
                return;
            }
            case AuthResult.Failed f -> {
                String where = flow.remoteText();
                securityLog.authFailure(where, f.username(), invite.method(), f.reason().token(), guard, source, now);
                challenge(tx, invite, false, now);
                return;
            }
            case AuthResult.Ok ok -> callerNumber = ok.username();
        }
        admit(ctx, tx, invite, callerNumber, now);
    }

    private void admit(CallContext ctx, ServerTransaction tx, SipRequest invite, String callerNumber, Instant now) {
        String callerName = directory.find(callerNumber).map(Extension::name).orElse("");
        CallerIdentity identity = CallerIdentity.of(callerNumber, callerName, invite);
        String target = invite.sipUri().map(SipUri::userUnescaped).orElse(null);
        String id = idPrefix + "-" + sequence.incrementAndGet();
        Extension calleeExtension = target == null ? null : directory.find(target).orElse(null);
        VoiceApplication app = null;
        ServerAnswer.Kind kind = null;
        if (calleeExtension == null) {
            Optional<VoiceApplication> service = target == null ? Optional.empty()
                    : voice.service(target, identity.voiceCaller(target));
            if (service.isEmpty()) {
                refuse(tx, invite, id, identity, target == null ? "" : target, 404, "Not Found",
                        Disposition.FAILED, HangupCause.UNALLOCATED_NUMBER, now);
                return;
            }
            app = service.get();
            kind = ServerAnswer.Kind.SERVICE;
        }
        Optional<Long> minSe = SessionTimers.tooSmall(invite, settings);
        if (minSe.isPresent()) {
            tx.respond(Replies.with(reply(invite, tx, 422, "Session Interval Too Small"), HeaderNames.MIN_SE,
                    Long.toString(minSe.get())));
            return;
        }
        if (invite.contacts().isEmpty()) {
            tx.respond(reply(invite, tx, 400, "Missing Contact"));
            return;
        }
        SrtpPolicy callerSrtp = directory.find(callerNumber).map(Extension::srtp).orElse(SrtpPolicy.DEFAULT);
        boolean callerSecure = tx.flow().transport().secure();
        if (callerSrtp == SrtpPolicy.REQUIRED && !callerSecure) {
            refuseMedia(tx, invite, id, identity, target, "399 switchboard \"SRTP is required for extension "
                    + callerNumber + ": call over TLS (sips: or transport=tls)\"", now);
            return;
        }
        // the phone that calls is never rung itself (calling one's own extension rings the other phones)
        List<Binding> contacts = app != null ? List.of() : location.lookup(target, now).stream()
                .filter(b -> !b.flow().remote().equals(tx.flow().remote())).toList();
        if (contacts.isEmpty() && app == null) {
            Optional<VoiceApplication> voicemail = voice.unanswered(target, VoiceApplications.Unanswered.UNAVAILABLE,
                    identity.voiceCaller(target));
            if (voicemail.isEmpty()) {
                refuse(tx, invite, id, identity, target, 480, "Temporarily Unavailable", Disposition.FAILED,
                        HangupCause.SUBSCRIBER_ABSENT, now);
                return;
            }
            app = voicemail.get();
            kind = ServerAnswer.Kind.VOICEMAIL;
        }
        if (app == null && calleeExtension.srtp() == SrtpPolicy.REQUIRED) {
            // SDES keys only go to phones on TLS: the others of a required extension are not rung
            contacts = contacts.stream().filter(b -> b.flow().transport().secure()).toList();
            if (contacts.isEmpty()) {
                refuseMedia(tx, invite, id, identity, target, "399 switchboard \"Extension " + target
                        + " requires SRTP and has no phone registered over TLS\"", now);
                return;
            }
        }
        Call[] holder = new Call[1];
        MediaEndpoint callerMedia;
        MediaEndpoint calleeMedia;
        try {
            callerMedia = media.allocate(id + "-a", id, t -> onMediaTimeout(holder, t));
        } catch (NoMediaPortsException e) {
            noPorts(tx, invite, id, identity, target, now, e);
            return;
        }
        try {
            calleeMedia = media.allocate(id + "-b", id, t -> onMediaTimeout(holder, t));
        } catch (NoMediaPortsException e) {
            callerMedia.close();
            noPorts(tx, invite, id, identity, target, now, e);
            return;
        }
        Flow calleeFlow = contacts.isEmpty() ? tx.flow() : contacts.getFirst().flow();
        SrtpPolicy calleeSrtp = calleeExtension == null ? SrtpPolicy.DEFAULT : calleeExtension.srtp();
        MediaSession session = new MediaSession(media, callerMedia, settings.mediaHostFor().apply(tx.flow()),
                calleeMedia, settings.mediaHostFor().apply(calleeFlow), clock.millis() & 0xffffffffL,
                SrtpLeg.of(callerSrtp, callerNumber), callerSecure, SrtpLeg.of(calleeSrtp, target), transcodable);
        if (app != null) {
            Call call = new Call(id, ctx, new CallerLeg(id + "-a", tx, invite, settings.contactFor().apply(tx.flow())),
                    identity, target, session);
            holder[0] = call;
            table.add(call, tx);
            // voicemail that cannot answer leaves the caller the 480 it had; a service the refusal (488)
            call.startAnswered(kind, app, identity.voiceCaller(target),
                    kind == ServerAnswer.Kind.VOICEMAIL ? ForkVerdict.NOT_REGISTERED : null, now);
            return;
        }
        // an INVITE without SDP is a late offer (RFC 3261 §13.2.1): the contacts are invited without one
        SdpStep step = invite.bodyLength() == 0 ? new SdpStep.Forward(new byte[0]) : session.offer(Side.CALLER, invite.body());
        if (step instanceof SdpStep.Refuse refuse) {
            session.close();
            tx.respond(Replies.with(reply(invite, tx, refuse.status(), refuse.reason()), HeaderNames.WARNING,
                    refuse.warning()));
            recordFailed(id, identity, target, now, HangupCause.INCOMPATIBLE_DESTINATION);
            return;
        }
        CallerLeg caller = new CallerLeg(id + "-a", tx, invite, settings.contactFor().apply(tx.flow()));
        Call call = new Call(id, ctx, caller, identity, target, session);
        holder[0] = call;
        table.add(call, tx);
        call.start(contacts, ((SdpStep.Forward) step).body(), calleeExtension.ringTimeoutOr(settings.ringTimeout()), now);
    }

    private void onMediaTimeout(Call[] holder, org.switchboard.media.relay.MediaTimeout timeout) {
        Call call = holder[0];
        if (call != null) call.executor.execute(() -> call.onMediaTimeout(timeout));
    }

    private void noPorts(ServerTransaction tx, SipRequest invite, String id, CallerIdentity identity, String target,
                         Instant now, NoMediaPortsException e) {
        LOG.warn("Call {} refused: {}", id, e.getMessage());
        tx.respond(Replies.with(reply(invite, tx, 503, "Service Unavailable"), HeaderNames.RETRY_AFTER, "5"));
        recordFailed(id, identity, target, now, HangupCause.SWITCH_CONGESTION);
    }

    private void refuse(ServerTransaction tx, SipRequest invite, String id, CallerIdentity identity, String target,
                        int status, String reason, Disposition disposition, HangupCause cause, Instant now) {
        tx.respond(reply(invite, tx, status, reason));
        records.started(CallRecord.started(id, identity.number(), identity.name(), target, now, List.of(id + "-a"))
                .completed(now, disposition, cause, HangupSide.SYSTEM));
    }

    /** 488 Not Acceptable Here with a Warning (RFC 3261 §20.43) saying which SRTP rule the call breaks. */
    private void refuseMedia(ServerTransaction tx, SipRequest invite, String id, CallerIdentity identity, String target,
                             String warning, Instant now) {
        tx.respond(Replies.with(reply(invite, tx, 488, "Not Acceptable Here"), HeaderNames.WARNING, warning));
        recordFailed(id, identity, target, now, HangupCause.INCOMPATIBLE_DESTINATION);
    }

    private void recordFailed(String id, CallerIdentity identity, String target, Instant now, HangupCause cause) {
        records.started(CallRecord.started(id, identity.number(), identity.name(), target, now, List.of(id + "-a"))
                .completed(now, Disposition.FAILED, cause, HangupSide.SYSTEM));
    }

    private void challenge(ServerTransaction tx, SipRequest invite, boolean stale, Instant now) {
        SipResponse r = reply(invite, tx, 407, "Proxy Authentication Required");
        for (String c : authenticator.challenge(settings.domain(), stale, now)) {
            r = Replies.with(r, HeaderNames.PROXY_AUTHENTICATE, c);
        }
        tx.respond(r);
    }

    private SipResponse reply(SipRequest request, ServerTransaction tx, int status, String reason) {
        return Replies.to(request, tx.localTag(), status, reason, settings.serverHeader());
    }

    /** A request with a To tag: routed to its call by Call-ID and our tag, else 481 (RFC 3261 §12.2.2). */
    public void onInDialog(ServerTransaction tx, SipRequest request) {
        String tag = request.to().tag().orElse("");
        CallTable.LegRef ref = table.leg(request.callId(), tag);
        if (ref == null) {
            tx.respond(reply(request, tx, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        ref.call().onInDialog(ref, tx, request);
    }

    /** An ACK outside any transaction (for a 2xx); true when it belonged to a call. */
    public boolean onAck(SipRequest ack) {
        String tag = ack.toAddress().flatMap(a -> a.tag()).orElse("");
        CallTable.LegRef ref = table.leg(ack.callId(), tag);
        if (ref == null) return false;
        ref.call().onAck(ref.side(), ack);
        return true;
    }

    /** The caller's CANCEL for the INVITE of {@code invite}; true when it was a call's. */
    public boolean onCancel(ServerTransaction invite) {
        Call call = table.byInvite(invite);
        if (call == null) return false;
        call.onCancel();
        return true;
    }

    /**
     * Ends every live call (BYE to answered legs, 503 and CANCEL to ringing ones) and waits up to
     * {@code grace} until the phones have answered the BYEs, so that nothing is cut off by the
     * transports closing and every record is complete. The applications of calls the server
     * answered are interrupted, and every application thread is awaited within the same grace.
     * Returns how many calls were ended.
     */
    public int shutdown(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<Call> calls = table.calls();
        CountDownLatch done = new CountDownLatch(calls.size());
        for (Call c : calls) {
            c.executor.execute(() -> {
                try {
                    c.hangUp(HangupSide.SYSTEM, HangupCause.SYSTEM_SHUTDOWN, done::countDown);
                } catch (RuntimeException e) {
                    LOG.warn("Call {} did not end cleanly: {}", c.id, e.toString());
                    done.countDown();
                }
            });
        }
        try {
            if (!done.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} calls did not end within {}", done.getCount(), grace);
            }
            // applications of ended calls may still save what a caller said (a voicemail)
            int running = voice.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (running > 0) LOG.warn("{} voice applications did not end within {}", running, grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return calls.size();
    }

    /** The ids of live calls, for logs and tests. */
    List<String> liveIds() {
        List<String> ids = new ArrayList<>();
        for (Call c : table.calls()) ids.add(c.id);
        return ids;
    }
}
