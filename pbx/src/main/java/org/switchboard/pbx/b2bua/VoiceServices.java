package org.switchboard.pbx.b2bua;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.ExtensionDirectory;
import org.switchboard.pbx.extension.SrtpPolicy;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.Location;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplications;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.sip.transport.Flow;

/**
 * What the calls share to let the server answer callers itself ({@link ServerAnswer}): which
 * application takes a call, the virtual threads those applications run on (so that a stopping
 * server can wait for them), and the phones of a number an application transfers its caller to.
 * Thread-safe.
 */
final class VoiceServices {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceServices.class);

    /**
     * The phones to ring for a transfer.
     *
     * @param contacts    the registered contacts that may ring (on TLS only when the extension requires SRTP)
     * @param ringTimeout how long they ring before the caller is hung up
     */
    record Target(String number, List<Binding> contacts, SrtpPolicy srtp, Duration ringTimeout) {
        Target {
            contacts = List.copyOf(contacts);
        }
    }

    private final VoiceApplications applications;
    private final Location location;
    private final ExtensionDirectory directory;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    VoiceServices(VoiceApplications applications, Location location, ExtensionDirectory directory) {
        this.applications = Objects.requireNonNull(applications, "applications");
        this.location = Objects.requireNonNull(location, "location");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The application of service number {@code dialled}; empty when it is none, or when asking failed (logged). */
    Optional<VoiceApplication> service(String dialled, VoiceCaller caller) {
        return ask(() -> applications.service(dialled, caller), "service " + dialled);
    }

    /** The application that takes a call to {@code callee} that failed {@code why}; empty: the caller hears the failure. */
    Optional<VoiceApplication> unanswered(String callee, VoiceApplications.Unanswered why, VoiceCaller caller) {
        return ask(() -> applications.unanswered(callee, why, caller), "unanswered " + callee + " " + why);
    }

    /** An application that throws or answers null is no application: the call goes on as if there were none. */
    private static Optional<VoiceApplication> ask(Supplier<Optional<VoiceApplication>> question, String what) {
        try {
            Optional<VoiceApplication> app = question.get();
            return app == null ? Optional.empty() : app;
        } catch (RuntimeException e) {
            LOG.warn("Voice applications failed to answer '{}': {}", what, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The phones of extension {@code number} that a caller on {@code callerFlow} is put through
     * to: never the caller's own phone, only those on TLS when the extension requires SRTP
     * ({@link SrtpLeg}); empty when the number is no extension or none of its phones may ring.
     */
    Optional<Target> target(String number, Flow callerFlow, Instant now, Duration defaultRingTimeout) {
        Extension extension = number == null ? null : directory.find(number).orElse(null);
        if (extension == null) return Optional.empty();
        List<Binding> contacts = location.lookup(number, now).stream()
                .filter(b -> !b.flow().remote().equals(callerFlow.remote()))
                .filter(b -> extension.srtp() != SrtpPolicy.REQUIRED || b.flow().transport().secure())
                .toList();
        if (contacts.isEmpty()) return Optional.empty();
        return Optional.of(new Target(number, contacts, extension.srtp(), extension.ringTimeoutOr(defaultRingTimeout)));
    }

    /** Starts {@code body} on a virtual thread named {@code name}, counted until it ends. */
    Thread start(String name, Runnable body) {
        Thread thread = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                body.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        });
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** How many application threads run now. */
    int running() { return threads.size(); }

    /**
     * Waits up to {@code grace} for every application thread to end (a voicemail saving the message
     * of a caller who just hung up, say). Returns how many are still running.
     */
    int await(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : List.copyOf(threads)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            t.join(Duration.ofNanos(left));
        }
        return threads.size();
    }
}
