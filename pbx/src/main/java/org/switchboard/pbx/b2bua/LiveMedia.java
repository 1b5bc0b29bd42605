package org.switchboard.pbx.b2bua;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.media.relay.LegQuality;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.LegSnapshot;

/**
 * Adds each leg's media figures to the published snapshots of live calls when someone looks
 * ({@code switchboard calls}, {@code GET /api/v1/calls}). They are asked for, not pushed: a
 * relayed leg's figures live on its media thread and are worked out there on demand, so a call
 * nobody looks at costs nothing. Every endpoint is asked at once and all are awaited together for
 * at most {@link #WAIT}; a leg whose figures are not in by then (or whose endpoint failed) is
 * shown without them.
 *
 * <p>The caller's leg (a snapshot's first) gets the caller side's endpoint; the callee side's
 * endpoint goes to the callee leg when there is just one (the answered contact, or the only one
 * ringing): while several contacts ring they share it, and no one of them owns its figures.
 */
final class LiveMedia {

    /** The longest a look at the live calls waits for the media threads. */
    static final Duration WAIT = Duration.ofSeconds(1);

    /** One call's published snapshot and the endpoints of its two sides. */
    record Source(CallSnapshot snapshot, MediaEndpoint caller, MediaEndpoint callee) { }

    private LiveMedia() { }

    /** The snapshots of {@code calls}, in the same order, their legs with the figures that came within {@code wait}. */
    static List<CallSnapshot> attach(List<Source> calls, Duration wait) {
        List<List<CompletableFuture<LegQuality>>> asked = new ArrayList<>(calls.size());
        List<CompletableFuture<LegQuality>> all = new ArrayList<>();
        for (Source call : calls) {
            List<LegSnapshot> legs = call.snapshot().legs();
            List<CompletableFuture<LegQuality>> perLeg = new ArrayList<>(legs.size());
            for (int i = 0; i < legs.size(); i++) {
                // a leg without a port of its own (the server answering, LegSnapshot#rtpPort 0) has no figures
                MediaEndpoint endpoint = i == 0 ? call.caller()
                        : legs.size() == 2 && legs.get(i).rtpPort() > 0 ? call.callee() : null;
                CompletableFuture<LegQuality> figures = endpoint == null ? null : ask(endpoint);
                perLeg.add(figures);
                if (figures != null) all.add(figures);
            }
            asked.add(perLeg);
        }
        await(all, wait);
        List<CallSnapshot> out = new ArrayList<>(calls.size());
        for (int c = 0; c < calls.size(); c++) {
            CallSnapshot snapshot = calls.get(c).snapshot();
            List<LegSnapshot> legs = new ArrayList<>(snapshot.legs().size());
            for (int i = 0; i < snapshot.legs().size(); i++) {
                CompletableFuture<LegQuality> figures = asked.get(c).get(i);
                LegSnapshot leg = snapshot.legs().get(i);
                boolean arrived = figures != null && figures.isDone() && !figures.isCompletedExceptionally();
                legs.add(arrived ? leg.withMedia(figures.join()) : leg);
            }
            out.add(snapshot.withLegs(legs));
        }
        return out;
    }

    private static CompletableFuture<LegQuality> ask(MediaEndpoint endpoint) {
        try {
            return endpoint.quality().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void await(List<CompletableFuture<LegQuality>> figures, Duration wait) {
        try {
            CompletableFuture.allOf(figures.toArray(CompletableFuture[]::new)).get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // shown without the figures that are missing or failed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
