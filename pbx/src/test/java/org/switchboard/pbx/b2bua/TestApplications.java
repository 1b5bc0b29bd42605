package org.switchboard.pbx.b2bua;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplications;
import org.switchboard.pbx.voice.VoiceCaller;

/** In-memory {@link VoiceApplications}: a voicemail for every extension, service numbers by name; remembers every question. */
final class TestApplications implements VoiceApplications {
    /** What the B2BUA asked, as {@code unanswered 102 BUSY} or {@code service *97}. */
    final List<String> asked = new CopyOnWriteArrayList<>();
    /** Who it said was calling, one per question. */
    final List<VoiceCaller> callers = new CopyOnWriteArrayList<>();
    final Map<String, VoiceApplication> services = new ConcurrentHashMap<>();
    /** The voicemail of every extension; null: none, the caller hears the failure. */
    volatile VoiceApplication voicemail;

    @Override
    public Optional<VoiceApplication> unanswered(String callee, Unanswered why, VoiceCaller caller) {
        asked.add("unanswered " + callee + " " + why);
        callers.add(caller);
        return Optional.ofNullable(voicemail);
    }

    @Override
    public Optional<VoiceApplication> service(String dialled, VoiceCaller caller) {
        asked.add("service " + dialled);
        callers.add(caller);
        return Optional.ofNullable(services.get(dialled));
    }
}
