package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether some process listens on an IPv4 address and port, read from Linux's {@code /proc/net/udp} and
 * {@code /proc/net/tcp} (and their IPv6 twins, where a dual-stack socket such as Java's shows the address
 * IPv4-mapped) without touching the port: probing by binding it would race with the peer starting up.
 */
public final class ListeningSockets {
    private static final String TCP_LISTEN = "0A";
    /** ::ffff:0:0/96 as /proc/net/*6 prints it (four 32-bit words, each in host byte order). */
    private static final String MAPPED_PREFIX = "0000000000000000FFFF0000";

    private ListeningSockets() {
    }

    /**
     * Whether a socket is bound to {@code ip:port} for UDP, or listening there for TCP (TLS counts as TCP).
     *
     * @param ip a dotted IPv4 address such as 127.0.0.1
     */
    public static boolean isListening(Transport transport, String ip, int port) {
        String protocol = transport == Transport.UDP ? "udp" : "tcp";
        String hexPort = ":" + "%04X".formatted(port);
        return listed(Path.of("/proc/net/" + protocol), hexAddress(ip) + hexPort, transport)
                || listed(Path.of("/proc/net/" + protocol + "6"), MAPPED_PREFIX + hexAddress(ip) + hexPort, transport);
    }

    /**
     * The UDP ports from {@code first} to {@code last} that process {@code pid} holds a socket on (any address):
     * its socket inodes from {@code /proc/PID/fd}, matched against the kernel's UDP tables. Other processes' sockets
     * (other tests, peers) do not count.
     */
    public static java.util.SortedSet<Integer> udpPortsOf(long pid, int first, int last) {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException gone) {
                    // the descriptor closed while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sockets of process " + pid, e);
        }
        java.util.SortedSet<Integer> bound = new java.util.TreeSet<>();
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) continue;
            try {
                List<String> lines = Files.readAllLines(path);
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 10 || !inodes.contains(f[9])) continue;
                    int port = Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16);
                    if (port >= first && port <= last) bound.add(port);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + " (the harness needs Linux)", e);
            }
        }
        return bound;
    }

    private static boolean listed(Path table, String local, Transport transport) {
        if (!Files.exists(table)) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(table);
            return lines.stream().skip(1).map(String::trim).map(l -> l.split("\\s+")).filter(f -> f.length > 3)
                    .anyMatch(f -> f[1].equalsIgnoreCase(local)
                            && (transport == Transport.UDP || f[3].equals(TCP_LISTEN)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table + " (the harness needs Linux)", e);
        }
    }

    /** The kernel's form of an IPv4 address: its four bytes in host (little-endian) order, in hexadecimal. */
    static String hexAddress(String ip) {
        try {
            InetAddress address = InetAddress.getByName(ip);
            if (!(address instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip);
            }
            byte[] b = address.getAddress();
            return "%02X%02X%02X%02X".formatted(b[3], b[2], b[1], b[0]).toUpperCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip, e);
        }
    }
}
