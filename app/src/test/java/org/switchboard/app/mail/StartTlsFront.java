package org.switchboard.app.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * STARTTLS (RFC 3207) in front of GreenMail, which speaks only plain SMTP and SMTPS: it greets,
 * answers EHLO with {@code STARTTLS}, upgrades the connection to TLS, then relays the rest of the
 * session to GreenMail's plain port (swallowing GreenMail's own greeting, which the client, after
 * the upgrade, no longer expects). One session at a time; loopback only; stops with {@link #close()}.
 */
final class StartTlsFront implements AutoCloseable {
    private final ServerSocket listener;
    private final int backendPort;
    private final AtomicInteger upgraded = new AtomicInteger();
    private final Thread acceptor;

    StartTlsFront(int backendPort) throws IOException {
        this.backendPort = backendPort;
        this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("starttls-front").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many sessions were upgraded to TLS. */
    int upgraded() {
        return upgraded.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try (Socket client = listener.accept()) {
                session(client);
            } catch (IOException e) {
                // the client went away or the front was closed
            }
        }
    }

    private void session(Socket client) throws IOException {
        OutputStream out = client.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        write(out, "220 localhost ESMTP starttls-front");
        while (true) {
            String line = in.readLine();
            if (line == null) return;
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            if (verb.equals("EHLO")) {
                write(out, "250-localhost");
                write(out, "250 STARTTLS");
            } else if (verb.equals("STAR")) {
                write(out, "220 2.0.0 Ready to start TLS");
                break;
            } else if (verb.equals("QUIT")) {
                write(out, "221 bye");
                return;
            } else {
                write(out, "530 5.7.0 Must issue a STARTTLS command first");
            }
        }
        SSLSocketFactory tls = TestMailServers.serverTls().getSocketFactory();
        try (SSLSocket secure = (SSLSocket) tls.createSocket(client, "127.0.0.1", client.getPort(), true);
             Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            secure.setUseClientMode(false);
            secure.startHandshake();
            upgraded.incrementAndGet();
            InputStream fromBackend = backend.getInputStream();
            int c;
            while ((c = fromBackend.read()) != -1 && c != '\n') {
                // GreenMail's greeting line
            }
            Thread up = Thread.ofVirtual().start(() -> pipe(secure, backend));
            pipe(backend, secure);
            try {
                up.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            // one side closed; the other follows
        }
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
