package org.switchboard.pbx.voicemail.menu;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.Announcement;
import org.switchboard.pbx.voice.Announcer;
import org.switchboard.pbx.voice.Conversation;
import org.switchboard.pbx.voice.DigitLimits;
import org.switchboard.pbx.voice.Entry;
import org.switchboard.pbx.voice.Played;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplication.Ending;
import org.switchboard.pbx.voice.VoiceLine;
import org.switchboard.pbx.voicemail.mailbox.MailboxAccess;
import org.switchboard.pbx.voicemail.mailbox.MailboxService;

/**
 * Logging in to a mailbox by phone. The mailbox number is asked unless known ({@code *97}, or
 * {@code *} during the greeting); {@link MailboxService#access} decides: the PIN is asked, or the
 * owner on their own phone (SIP-authenticated as the mailbox's extension) enters a mailbox without
 * PIN and must choose one first. {@link #TRIES} wrong tries, then goodbye.
 *
 * <p>A refused mailbox (unknown, or without PIN from another phone) is asked its PIN all the same
 * and answered "mailbox number or PIN incorrect", so a caller cannot probe which mailboxes exist.
 * Neither the PIN nor the digits typed are logged.
 */
final class Login {
    private static final Logger LOG = LoggerFactory.getLogger(Login.class);
    static final int TRIES = 3;
    static final DigitLimits MAILBOX_NUMBER = DigitLimits.upTo(15);
    /** Longer than any PIN, so a typo is refused rather than cut to length. */
    static final DigitLimits PIN = DigitLimits.upTo(20);

    private final MailboxMenus menus;
    private final VoiceLine line;
    private final Optional<String> mailbox;

    Login(MailboxMenus menus, VoiceLine line, Optional<String> mailbox) {
        this.menus = menus;
        this.line = line;
        this.mailbox = mailbox;
    }

    Ending run() throws InterruptedException {
        MailboxService mailboxes = menus.services().mailboxes();
        Conversation talk = new Conversation(line, new Announcer(menus.services().prompts(), language(mailbox), line.sampleRate()));
        for (int attempt = 0; attempt < TRIES; attempt++) {
            String number;
            if (mailbox.isPresent()) {
                number = mailbox.get();
            } else {
                switch (talk.ask(Announcement.of(PromptKey.VM_ENTER_MAILBOX), MAILBOX_NUMBER)) {
                    case Entry.HungUp _ -> {
                        return VoiceApplication.HANG_UP;
                    }
                    case Entry.Nothing _ -> number = "";
                    case Entry.Typed typed -> number = typed.digits();
                }
            }
            MailboxAccess access = mailboxes.access(number, route(number));
            if (access instanceof MailboxAccess.ChoosePin) {
                LOG.info("Mailbox {} entered from its own phone without a PIN: the owner chooses one", number);
                return enter(talk, number, true);
            }
            line.clearDigits();
            switch (talk.ask(Announcement.of(PromptKey.VM_ENTER_PIN), PIN)) {
                case Entry.HungUp _ -> {
                    return VoiceApplication.HANG_UP;
                }
                case Entry.Typed pin when access instanceof MailboxAccess.AskPin && mailboxes.verifyPin(number, pin.digits()) -> {
                    LOG.info("Mailbox {} entered by phone from {}", number, shown(line.caller().number()));
                    return enter(talk, number, false);
                }
                case Entry.Typed _, Entry.Nothing _ -> { }
            }
            LOG.info("Mailbox login failed{} from {}: {}", ExtensionNumber.isValid(number) ? " for " + number : "",
                    shown(line.caller().number()), access instanceof MailboxAccess.Refused r ? r.reason() : "wrong PIN");
            line.clearDigits();
            if (talk.play(Announcement.of(PromptKey.VM_LOGIN_INCORRECT), "") instanceof Played.HungUp) {
                return VoiceApplication.HANG_UP;
            }
        }
        talk.play(Announcement.of(PromptKey.GOODBYE), "");
        return VoiceApplication.HANG_UP;
    }

    private Ending enter(Conversation talk, String number, boolean choosePin) throws InterruptedException {
        Conversation owner = talk.speaking(language(Optional.of(number)));
        if (choosePin && new PinChange(menus.services(), owner, number).run() != PinChange.Result.CHANGED) {
            owner.play(Announcement.of(PromptKey.GOODBYE), "");
            return VoiceApplication.HANG_UP;
        }
        return new MainMenu(menus, owner, number).run();
    }

    /** The own-phone route only for a caller SIP-authenticated as the mailbox's extension itself. */
    private MailboxAccess.Route route(String number) {
        return !number.isEmpty() && number.equals(line.caller().authenticated())
                ? MailboxAccess.Route.OWN_PHONE : MailboxAccess.Route.REMOTE;
    }

    private String language(Optional<String> number) {
        MailboxService mailboxes = menus.services().mailboxes();
        return number.filter(ExtensionNumber::isValid)
                .map(n -> mailboxes.languageOf(mailboxes.mailbox(n)))
                .orElse(mailboxes.defaultLanguage()).tag();
    }

    /** A caller's number for the log: it comes from the network, so it is cut and has no control characters. */
    private static String shown(String number) {
        if (number.isEmpty()) return "an unknown caller";
        String cut = number.length() > 32 ? number.substring(0, 32) + "..." : number;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
