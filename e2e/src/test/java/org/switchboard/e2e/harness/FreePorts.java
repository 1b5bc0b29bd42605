package org.switchboard.e2e.harness;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out ports on 127.0.0.1 that are free for both UDP and TCP, each with its next port free too (baresip also
 * binds TLS on its SIP port + 1), and never the same port twice in one JVM.
 *
 * <p>Ports come from 20000-32767, below Linux's ephemeral range (32768-60999), so that an outgoing connection of
 * some other program cannot take a port between the check and the use.
 */
public final class FreePorts {
    private static final int FIRST = 20_000;
    private static final int LAST = 32_766;
    private static final int MAX_ATTEMPTS = 2_000;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port P such that P and P+1 are free on 127.0.0.1 for UDP and TCP. */
    public static int next() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST) & ~1;
            if (!HANDED_OUT.contains(port) && !HANDED_OUT.contains(port + 1) && isFree(port) && isFree(port + 1)
                    && HANDED_OUT.add(port)) {
                HANDED_OUT.add(port + 1);
                return port;
            }
        }
        throw new IllegalStateException("no free port pair on 127.0.0.1 after " + MAX_ATTEMPTS + " attempts");
    }

    /** Whether UDP and TCP can both bind {@code port} on 127.0.0.1 right now. */
    public static boolean isFree(int port) {
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(LOOPBACK, port));
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                return udp.isBound();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
