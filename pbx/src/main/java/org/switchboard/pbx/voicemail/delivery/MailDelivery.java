package org.switchboard.pbx.voicemail.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.Mailbox;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.message.MessageArrivals;
import org.switchboard.pbx.voicemail.message.MessageStore;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

/**
 * The voicemail-to-e-mail queue. {@link #arrived} (a {@link MessageArrivals} listener of the
 * {@link MessageStore}) persists a PENDING {@link Delivery} for a mailbox that wants mail and
 * wakes the sender; {@link #start()} runs one virtual thread that sends what is due, oldest
 * first, one at a time (a mailbox's owner gets mails in order, and the mail server sees one
 * connection). Outcomes:
 * <ul>
 *   <li>accepted: SENT; in {@link EmailMode#ATTACH_DELETE} the message is then deleted;</li>
 *   <li>refused for good ({@link MailSendException#permanent()}) or the recording is gone: FAILED;</li>
 *   <li>anything else: PENDING again, at the time the {@link RetryPolicy} says, or FAILED once it gives up.</li>
 * </ul>
 * The message is never deleted or changed by a failure. Pending deliveries live in the
 * database, so a restart resumes them. {@link #runDue()} is the sending step itself, for tests on
 * a virtual clock.
 */
public final class MailDelivery implements MessageArrivals, AutoCloseable {
    static final String WAV = "audio/wav";
    /** Longest sleep of the sender, so a changed wall clock is noticed. */
    private static final Duration MAX_SLEEP = Duration.ofMinutes(1);
    /** Pause after the store itself failed, so a broken database is not hammered. */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final DeliveryRepository deliveries;
    private final MessageStore messages;
    private final Function<String, Mailbox> mailboxes;
    private final MailSender sender;
    private final RetryPolicy policy;
    private final Clock clock;
    private final ZoneId zone;
    private final MailboxLanguage defaultLanguage;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean woken;
    private volatile boolean closed;
    private Thread worker;

    /**
     * @param mailboxes       the mailbox of a number (stored or implicit)
     * @param zone            the time zone of times in mails
     * @param defaultLanguage the language of mailboxes without their own
     */
    public MailDelivery(DeliveryRepository deliveries, MessageStore messages, Function<String, Mailbox> mailboxes,
                        MailSender sender, RetryPolicy policy, Clock clock, ZoneId zone, MailboxLanguage defaultLanguage) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    }

    /** Queues the mail of a new message, when its mailbox wants one. */
    @Override
    public void arrived(VoicemailMessage message) {
        Mailbox mailbox = mailboxes.apply(message.mailbox());
        Optional<String> to = mailbox.mailTo();
        if (to.isEmpty()) return;
        Delivery delivery = Delivery.pending(message.id(), message.mailbox(), to.get(), mailbox.emailMode(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (deliveries.insert(delivery)) {
            LOG.debug("Mail of message {} queued ({})", message.id(), mailbox.emailMode().word());
            signal();
        }
    }

    /** Starts the sending thread; pending deliveries from before a restart are sent as they fall due. */
    public void start() {
        lock.lock();
        try {
            if (worker != null) throw new IllegalStateException("already started");
            worker = Thread.ofVirtual().name("voicemail-mail").start(this::loop);
        } finally {
            lock.unlock();
        }
    }

    /** Sends every PENDING delivery whose time has come; returns how many were attempted. */
    public int runDue() {
        int attempted = 0;
        for (Delivery d : deliveries.pending()) {
            if (closed) break;
            Instant now = clock.instant();
            if (d.nextAttemptAt().map(now::isBefore).orElse(true)) continue;
            attempt(d, now);
            attempted++;
        }
        return attempted;
    }

    /** When the earliest pending delivery falls due. */
    public Optional<Instant> nextDue() {
        return deliveries.pending().stream().map(Delivery::nextAttemptAt).flatMap(Optional::stream).min(Instant::compareTo);
    }

    private void attempt(Delivery delivery, Instant now) {
        Optional<VoicemailMessage> message = messages.find(delivery.mailbox(), delivery.messageId());
        if (message.isEmpty()) {
            deliveries.update(delivery.failed("the message was deleted before it could be mailed"));
            return;
        }
        Mailbox mailbox = mailboxes.apply(delivery.mailbox());
        MailText text = MailText.of(message.get(), delivery.mode(), mailbox.languageOr(defaultLanguage), zone);
        Optional<MailAttachment> attachment = Optional.empty();
        if (delivery.mode().attaches()) {
            Path file = messages.file(message.get());
            if (!Files.isReadable(file)) {
                fail(delivery, "the recording " + file + " is missing or unreadable");
                return;
            }
            attachment = Optional.of(new MailAttachment(MailText.attachmentName(message.get(), zone), WAV, file));
        }
        try {
            sender.send(new OutgoingMail(delivery.address(), text.subject(), text.body(), attachment));
        } catch (MailSendException e) {
            failed(delivery, now, e.getMessage(), e.permanent());
            return;
        } catch (RuntimeException e) {
            failed(delivery, now, e.toString(), false);
            return;
        }
        deliveries.update(delivery.sent(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        LOG.info("Mail of message {} sent to mailbox {}'s address ({})", delivery.messageId(), delivery.mailbox(),
                delivery.mode().word());
        if (delivery.mode() == EmailMode.ATTACH_DELETE) {
            try {
                messages.delete(delivery.mailbox(), delivery.messageId());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Mail of message {} was sent but the message could not be deleted: {}", delivery.messageId(),
                        e.toString());
            }
        }
    }

    private void failed(Delivery delivery, Instant now, String error, boolean permanent) {
        String reason = error == null || error.isBlank() ? "the mail server refused the mail" : error;
        if (permanent) {
            fail(delivery, reason);
            return;
        }
        Optional<Instant> next = policy.next(delivery.createdAt(), delivery.attempts() + 1, now);
        if (next.isEmpty()) {
            fail(delivery, "gave up after " + (delivery.attempts() + 1) + " attempts: " + reason);
            return;
        }
        deliveries.update(delivery.retryAt(next.get().truncatedTo(ChronoUnit.MILLIS), reason));
        LOG.warn("Mail of message {} not sent (attempt {}): {}; next attempt at {}", delivery.messageId(),
                delivery.attempts() + 1, reason, next.get());
    }

    private void fail(Delivery delivery, String reason) {
        deliveries.update(delivery.failed(reason));
        LOG.warn("Mail of message {} of mailbox {} failed for good: {}; the message stays in the mailbox",
                delivery.messageId(), delivery.mailbox(), reason);
    }

    private void loop() {
        while (!closed) {
            Duration sleep;
            try {
                runDue();
                sleep = nextDue().map(t -> Duration.between(clock.instant(), t)).orElse(MAX_SLEEP);
            } catch (RuntimeException e) {
                LOG.error("Voicemail mail queue failed; trying again in {} s", AFTER_FAILURE.toSeconds(), e);
                sleep = AFTER_FAILURE;
            }
            if (sleep.compareTo(MAX_SLEEP) > 0) sleep = MAX_SLEEP;
            lock.lock();
            try {
                if (!woken && !closed && sleep.isPositive()) wake.await(sleep.toMillis(), TimeUnit.MILLISECONDS);
                woken = false;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private void signal() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the sending thread after its current mail; pending deliveries stay for the next start. */
    @Override
    public void close() {
        closed = true;
        signal();
        Thread w;
        lock.lock();
        try {
            w = worker;
        } finally {
            lock.unlock();
        }
        if (w == null) return;
        try {
            if (!w.join(Duration.ofSeconds(10))) w.interrupt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
