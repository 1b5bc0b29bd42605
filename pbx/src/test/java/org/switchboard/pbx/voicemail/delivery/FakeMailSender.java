package org.switchboard.pbx.voicemail.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A mail server in memory: keeps what it accepted (attachments read at send time) and fails as told. */
final class FakeMailSender implements MailSender {
    record Sent(OutgoingMail mail, byte[] attachment) { }

    private final List<Sent> sent = new ArrayList<>();
    private final Deque<MailSendException> failures = new ArrayDeque<>();
    private boolean down;

    synchronized void failNext(MailSendException failure) { failures.add(failure); }

    /** Every attempt fails as a connection refusal until {@link #up()}. */
    synchronized void down() { down = true; }

    synchronized void up() { down = false; }

    synchronized List<Sent> sent() { return List.copyOf(sent); }

    @Override
    public synchronized void send(OutgoingMail mail) throws MailSendException {
        if (down) throw new MailSendException("cannot connect to mail.example.com:587: Connection refused", false);
        MailSendException failure = failures.poll();
        if (failure != null) throw failure;
        byte[] bytes = mail.attachment().map(a -> {
            try {
                return Files.readAllBytes(a.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
        sent.add(new Sent(mail, bytes));
    }
}
