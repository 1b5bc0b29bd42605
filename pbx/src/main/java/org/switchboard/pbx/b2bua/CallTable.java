package org.switchboard.pbx.b2bua;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.LiveCalls;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * The live calls, found by what arrives: an in-dialog request or ACK by its Call-ID and our tag
 * (each leg has its own), a CANCEL by the caller's INVITE transaction. Thread-safe: shards of
 * different calls use it at once; one call's entries change on its own shard only.
 */
final class CallTable implements LiveCalls {

    /** A leg as the table finds it: the call, the side, and the contact's fork for a callee leg. */
    record LegRef(Call call, Side side, CalleeFork fork) { }

    private final Map<String, LegRef> byDialog = new ConcurrentHashMap<>();
    private final Map<ServerTransaction, Call> byInvite = new ConcurrentHashMap<>();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    static String key(String callId, String localTag) { return callId + '\n' + localTag; }

    void add(Call call, ServerTransaction invite) {
        calls.put(call.id, call);
        byInvite.put(invite, call);
    }

    void addLeg(String callId, String localTag, LegRef ref) { byDialog.put(key(callId, localTag), ref); }

    void removeLeg(String callId, String localTag) { byDialog.remove(key(callId, localTag)); }

    LegRef leg(String callId, String localTag) { return byDialog.get(key(callId, localTag)); }

    Call byInvite(ServerTransaction invite) { return byInvite.get(invite); }

    void remove(Call call, ServerTransaction invite) {
        calls.remove(call.id);
        byInvite.remove(invite);
    }

    /** The calls up now. */
    List<Call> calls() { return new ArrayList<>(calls.values()); }

    int size() { return calls.size(); }

    /**
     * The published snapshots with each leg's media figures ({@link LiveMedia}). A call's
     * endpoints are fixed when it is made, so reading them here, off the call's shard, is safe.
     */
    @Override
    public List<CallSnapshot> snapshot() {
        List<LiveMedia.Source> live = new ArrayList<>();
        for (Call c : calls.values()) {
            CallSnapshot s = c.snapshot();
            if (s != null) live.add(new LiveMedia.Source(s, c.media().endpoint(Side.CALLER), c.media().endpoint(Side.CALLEE)));
        }
        List<CallSnapshot> out = LiveMedia.attach(live, LiveMedia.WAIT);
        out.sort(Comparator.comparing(CallSnapshot::startedAt));
        return out;
    }
}
