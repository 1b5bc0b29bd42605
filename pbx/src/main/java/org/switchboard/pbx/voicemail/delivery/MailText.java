package org.switchboard.pbx.voicemail.delivery;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

/**
 * The words of a voicemail mail in the mailbox's language: a subject with the caller and the
 * duration, a body with caller, time received (server's local time) and duration, and a last
 * line saying where the recording is. Also the attachment's file name.
 */
public record MailText(String subject, String body) {

    private record Words(String subject, String intro, String from, String received, String duration,
                         String unknown, String attached, String attachedDeleted, String notifyOnly, String timePattern) { }

    private static Words words(MailboxLanguage language) {
        return switch (language) {
            case EN -> new Words("Voicemail from %s (%s)", "New voicemail in mailbox %s.", "From:", "Received:",
                    "Duration:", "unknown caller", "The recording is attached.",
                    "The recording is attached and has been removed from the mailbox.",
                    "Listen to it with your phone's voicemail.", "EEEE d MMMM yyyy, HH:mm");
            case FR -> new Words("Message vocal de %s (%s)", "Nouveau message vocal dans la boîte %s.", "De :",
                    "Reçu le :", "Durée :", "appelant inconnu", "L'enregistrement est joint.",
                    "L'enregistrement est joint et a été retiré de la boîte vocale.",
                    "Écoutez-le avec la messagerie vocale de votre téléphone.", "EEEE d MMMM yyyy 'à' HH:mm");
            case DE -> new Words("Sprachnachricht von %s (%s)", "Neue Sprachnachricht im Postfach %s.", "Von:",
                    "Empfangen:", "Dauer:", "unbekannter Anrufer", "Die Aufnahme ist angehängt.",
                    "Die Aufnahme ist angehängt und wurde aus dem Postfach entfernt.",
                    "Hören Sie sie über die Sprachbox Ihres Telefons ab.", "EEEE, d. MMMM yyyy, HH:mm 'Uhr'");
        };
    }

    /** The text of the mail for {@code message}. */
    public static MailText of(VoicemailMessage message, EmailMode mode, MailboxLanguage language, ZoneId zone) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(mode, "mode");
        Words w = words(Objects.requireNonNull(language, "language"));
        String caller = caller(message.caller(), w.unknown());
        String duration = duration(message.duration());
        String time = DateTimeFormatter.ofPattern(w.timePattern(), language.locale())
                .format(message.receivedAt().atZone(zone));
        int width = Math.max(w.from().length(), Math.max(w.received().length(), w.duration().length())) + 1;
        String body = String.format(w.intro(), message.mailbox()) + "\n\n"
                + pad(w.from(), width) + caller + "\n"
                + pad(w.received(), width) + time + "\n"
                + pad(w.duration(), width) + duration + "\n\n"
                + switch (mode) {
                    case ATTACH -> w.attached();
                    case ATTACH_DELETE -> w.attachedDeleted();
                    case NOTIFY, OFF -> w.notifyOnly();
                } + "\n";
        return new MailText(String.format(w.subject(), caller, duration), body);
    }

    /** {@code voicemail-1002-20260302-140500-from-1001.wav}, local time; the caller's part only when it is a number. */
    public static String attachmentName(VoicemailMessage message, ZoneId zone) {
        String time = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss", Locale.ROOT).format(message.receivedAt().atZone(zone));
        String number = message.caller().number().replaceAll("[^0-9+]", "");
        return "voicemail-" + message.mailbox() + "-" + time + (number.isEmpty() ? "" : "-from-" + number) + ".wav";
    }

    /** {@code Alice <1001>}, {@code 1001}, {@code Alice}, or the unknown caller's words. */
    static String caller(Caller caller, String unknown) {
        if (!caller.name().isEmpty() && !caller.number().isEmpty() && !caller.name().equals(caller.number())) {
            return caller.name() + " <" + caller.number() + ">";
        }
        if (!caller.number().isEmpty()) return caller.number();
        return caller.name().isEmpty() ? unknown : caller.name();
    }

    /** {@code 0:42}, {@code 12:05}, {@code 1:02:03}: to the nearest second. */
    static String duration(Duration d) {
        long s = (d.toMillis() + 500) / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String pad(String label, int width) {
        return label + " ".repeat(Math.max(1, width - label.length()));
    }
}
