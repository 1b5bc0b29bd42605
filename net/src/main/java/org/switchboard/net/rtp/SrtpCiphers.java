package org.switchboard.net.rtp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import org.jitsi.srtp.crypto.Aes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readies jitsi-srtp's ciphers off the media threads. Left alone, jitsi-srtp benchmarks every
 * crypto provider on first use of each AES mode to pick the fastest, which took 11-17 s of CPU
 * on this project's 2-core machine at every start. We name the provider instead: the JDK's
 * SunJCE, whose AES runs on the CPU's AES instructions (HotSpot intrinsics) and which is always
 * present; jitsi's OpenSSL path needs a native library we do not ship. Creating the ciphers then
 * takes under a second (class loading), still done in the background ({@link #prepare()}); the
 * SRTP path drops packets until it is done ({@link #ready()}).
 *
 * <p>Also quiets jitsi's {@code java.util.logging} output to warnings.
 */
final class SrtpCiphers {
    private static final Logger LOG = LoggerFactory.getLogger(SrtpCiphers.class);
    /** The transforms jitsi-srtp asks for: SRTP and its key derivation, GCM suites. */
    private static final String[] MODES = {"AES/CTR/NoPadding", "AES/ECB/NoPadding", "AES/GCM/NoPadding"};
    /** jitsi-srtp's factory for the JDK's own provider (a name relative to its {@code Aes} class). */
    static final String PROVIDER = "SunJCE";
    /** Held so that the level stays set (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger JITSI_LOG = java.util.logging.Logger.getLogger("org.jitsi");
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch DONE = new CountDownLatch(1);

    private SrtpCiphers() { }

    /** Starts the benchmark once per process, on a virtual thread. */
    static void prepare() {
        if (!STARTED.compareAndSet(false, true)) return;
        JITSI_LOG.setLevel(Level.WARNING);
        Aes.setFactoryClassName(PROVIDER);
        Thread.ofVirtual().name("srtp-ciphers").start(() -> {
            long start = System.nanoTime();
            try {
                for (String mode : MODES) Aes.createCipher(mode);
                LOG.debug("SRTP ciphers ready in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } catch (RuntimeException e) {
                LOG.warn("SRTP ciphers could not be prepared: {}", e.toString());
            } finally {
                DONE.countDown();
            }
        });
    }

    /** True once the ciphers are ready (or failed to be, in which case SRTP packets fail and are counted). */
    static boolean ready() {
        return DONE.getCount() == 0;
    }

    /** Waits for {@link #ready()}, for tests and an orderly start; false on timeout. */
    static boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        prepare();
        return DONE.await(timeout, unit);
    }
}
