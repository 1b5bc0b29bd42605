package org.switchboard.pbx.b2bua;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.SipResponse;

/**
 * The callee phase a voice application starts when it puts its caller through
 * ({@code VoiceApplication.Ending.Transfer}: voicemail's {@code 0} to the operator): the phones of
 * the number ring as new forks of the same call while the caller, still answered by the server,
 * hears ringback ({@link ServerAnswer#ringback}).
 *
 * <p>The offer carries the caller's own codec and telephone-event under the payload types the
 * caller agreed with the server ({@link MediaSession#offerForTransfer}), widened with the codecs
 * the server transcodes to. The first phone to answer is bridged with the caller: relayed when it
 * took the caller's codec (the caller's endpoint goes back to relaying and sees no re-INVITE),
 * transcoded otherwise ({@link Transcoding}); the other phones get CANCEL. When no phone may ring,
 * every phone fails, or none answers within the extension's ring timeout, the caller gets BYE.
 *
 * <p>Used on the call's executor only.
 */
final class Transfer {
    private static final Logger LOG = LoggerFactory.getLogger(Transfer.class);

    private final Call call;
    private final String number;
    private final List<CalleeFork> forks = new ArrayList<>();
    private boolean ringing = true;

    private Transfer(Call call, String number) {
        this.call = call;
        this.number = number;
    }

    /**
     * Rings {@code number}'s phones for {@code call}, whose caller the server answered; empty,
     * with the caller hung up, when no phone may ring or the caller's audio cannot be offered.
     */
    static Optional<Transfer> start(Call call, String number) {
        CallContext context = call.context();
        Optional<VoiceServices.Target> target = context.voice().target(number, call.callerFlow(),
                context.clock().instant(), context.settings().ringTimeout());
        if (target.isEmpty()) {
            LOG.info("Call {}: transfer to {}: no phone may ring, hanging up", call.id, number);
            call.hangUp(HangupSide.SYSTEM, HangupCause.SUBSCRIBER_ABSENT);
            return Optional.empty();
        }
        List<Binding> contacts = target.get().contacts();
        call.media().newCallee(SrtpLeg.of(target.get().srtp(), number),
                context.settings().mediaHostFor().apply(contacts.getFirst().flow()));
        Optional<byte[]> offer = call.media().offerForTransfer();
        if (offer.isEmpty()) {
            LOG.info("Call {}: transfer to {}: the caller's audio cannot be offered, hanging up", call.id, number);
            call.hangUp(HangupSide.SYSTEM, HangupCause.INCOMPATIBLE_DESTINATION);
            return Optional.empty();
        }
        LOG.debug("Call {}: transferred to {}", call.id, number);
        Transfer transfer = new Transfer(call, number);
        call.server().ringback();
        transfer.forks.addAll(call.ringAlso(number, contacts, offer.get(), target.get().ringTimeout()));
        return Optional.of(transfer);
    }

    /** The number its forks ring. */
    String number() { return number; }

    /** Whether its phones still ring (no answer, no failure yet). */
    boolean ringing() { return ringing; }

    /** Whether {@code fork} rings for this transfer (not for the number first dialled). */
    boolean rings(CalleeFork fork) { return forks.contains(fork); }

    /** A fork of the transfer failed with {@code status}: once every one has (or one answered 6xx), the caller is hung up. */
    void failed(int status) {
        List<Integer> statuses = new ArrayList<>();
        for (CalleeFork f : forks) {
            if (!f.ended() && status < 600) return;
            statuses.add(f.finalStatus);
        }
        end(ForkVerdict.of(statuses).cause());
    }

    /** Nobody answered within the ring timeout. */
    void timedOut() { end(HangupCause.NO_ANSWER); }

    /** One of its phones answered (and was ACKed): bridged with the caller, the others cancelled. */
    void answered(CalleeFork fork, SipResponse r) {
        MediaSession media = call.media();
        media.signalling(Side.CALLEE, fork.secure());
        SdpStep step = r.bodyLength() == 0 ? new SdpStep.Refuse(488, "Not Acceptable Here", null)
                : media.answerForTransfer(r.body());
        if (step instanceof SdpStep.Refuse refuse) {
            LOG.info("Call {}: answer of {} refused: {} {}", call.id, fork.legId, refuse.status(), refuse.warning());
            fork.dialog.send(call.context().stack(), "BYE", Headers.empty(), new byte[0], "", Call.IGNORE);
            end(HangupCause.INCOMPATIBLE_DESTINATION);
            return;
        }
        ringing = false;
        call.takeWinner(fork, r);
        call.sessionTimers().start();
        call.server().connect();
        call.publish();
    }

    /** The call ends while the phones ring: each gets CANCEL. */
    void cancel() {
        ringing = false;
        for (CalleeFork f : forks) if (!f.ended()) f.cancel();
    }

    private void end(HangupCause cause) {
        LOG.info("Call {}: transfer to {} ended unanswered ({}), hanging up", call.id, number, cause);
        cancel();
        call.hangUp(HangupSide.SYSTEM, cause);
    }
}
