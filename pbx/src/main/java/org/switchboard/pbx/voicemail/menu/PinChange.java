package org.switchboard.pbx.voicemail.menu;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.Announcement;
import org.switchboard.pbx.voice.Conversation;
import org.switchboard.pbx.voice.Entry;
import org.switchboard.pbx.voice.Played;
import org.switchboard.pbx.voicemail.VoicemailServices;
import org.switchboard.pbx.voicemail.mailbox.Mailbox;
import org.switchboard.pbx.voicemail.mailbox.MailboxService.Outcome;
import org.switchboard.pbx.voicemail.mailbox.PinRule;

/**
 * The owner chooses a new PIN: typed twice, checked by {@link PinRule} (no {@code 0000}, no
 * {@code 1234}, not the mailbox number), stored by {@code MailboxService.changePin} (hashed).
 * A weak PIN or two that differ are told and asked again, {@link Login#TRIES} times in all.
 * The PIN is never logged.
 */
final class PinChange {
    private static final Logger LOG = LoggerFactory.getLogger(PinChange.class);

    enum Result { CHANGED, GAVE_UP, HUNG_UP }

    private final VoicemailServices voicemail;
    private final Conversation talk;
    private final String mailbox;

    PinChange(VoicemailServices voicemail, Conversation talk, String mailbox) {
        this.voicemail = voicemail;
        this.talk = talk;
        this.mailbox = mailbox;
    }

    Result run() throws InterruptedException {
        for (int attempt = 0; attempt < Login.TRIES; attempt++) {
            talk.line().clearDigits();
            Optional<String> first = pin(PromptKey.VM_PIN_NEW);
            if (talk.hungUp()) return Result.HUNG_UP;
            if (first.isEmpty()) continue;
            if (PinRule.problem(first.get(), mailbox).isPresent()) {
                if (!tell(PromptKey.VM_PIN_INVALID)) return Result.HUNG_UP;
                continue;
            }
            Optional<String> second = pin(PromptKey.VM_PIN_REENTER);
            if (talk.hungUp()) return Result.HUNG_UP;
            if (!second.equals(first)) {
                if (!tell(PromptKey.VM_PIN_MISMATCH)) return Result.HUNG_UP;
                continue;
            }
            switch (voicemail.mailboxes().changePin(mailbox, first.get())) {
                case Outcome.Done<Mailbox> _ -> {
                    LOG.info("The owner of mailbox {} changed its PIN by phone", mailbox);
                    tell(PromptKey.VM_PIN_CHANGED);
                    return Result.CHANGED;
                }
                case Outcome.Invalid<Mailbox> _ -> {
                    if (!tell(PromptKey.VM_PIN_INVALID)) return Result.HUNG_UP;
                }
                case Outcome.NotFound<Mailbox> _ -> {
                    LOG.warn("Mailbox {} disappeared while its owner changed its PIN", mailbox);
                    return Result.GAVE_UP;
                }
            }
        }
        return Result.GAVE_UP;
    }

    private Optional<String> pin(PromptKey question) throws InterruptedException {
        return switch (talk.ask(Announcement.of(question), Login.PIN)) {
            case Entry.Typed typed when !typed.digits().isEmpty() -> Optional.of(typed.digits());
            case Entry.Typed _, Entry.Nothing _, Entry.HungUp _ -> Optional.empty();
        };
    }

    /** Says {@code key}; false when the caller hung up. */
    private boolean tell(PromptKey key) throws InterruptedException {
        talk.line().clearDigits();
        return !(talk.play(Announcement.of(key), "") instanceof Played.HungUp);
    }
}
