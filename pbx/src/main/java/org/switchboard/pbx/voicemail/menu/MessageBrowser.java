package org.switchboard.pbx.voicemail.menu;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.Announcement;
import org.switchboard.pbx.voice.Choice;
import org.switchboard.pbx.voice.Conversation;
import org.switchboard.pbx.voice.Played;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplication.Ending;
import org.switchboard.pbx.voicemail.message.Folder;
import org.switchboard.pbx.voicemail.message.MessageStore;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

/**
 * Plays messages one after another, each with its envelope (number, when, from whom) and then
 * its recording, and acts on the keys its menu names, pressed during or after the message:
 * {@code 1} again, {@code 3} call the sender back (when their number is known), {@code 4}
 * previous, {@code 5} the envelope again, {@code 6} next, {@code 7} delete, {@code 9} save,
 * {@code *} back to the main menu, {@code #} goodbye. A new message becomes old once it starts
 * playing; delete and save move on to the next message. Changes go through {@code MessageStore},
 * so the message-waiting lamp follows.
 */
final class MessageBrowser {
    private static final Logger LOG = LoggerFactory.getLogger(MessageBrowser.class);
    /** A number worth calling back: digits, with a leading {@code +}. */
    private static final Pattern CALLABLE = Pattern.compile("\\+?[0-9]{2,32}");

    /** What comes next for the current message. */
    private enum Step { ENVELOPE_AND_MESSAGE, MESSAGE, ENVELOPE, MENU, MAIN_MENU, CALL_BACK, GOODBYE }

    private final MailboxMenus menus;
    private final Conversation talk;
    private final String mailbox;
    private final List<VoicemailMessage> messages;
    private int index;

    MessageBrowser(MailboxMenus menus, Conversation talk, String mailbox, List<VoicemailMessage> messages) {
        this.menus = menus;
        this.talk = talk;
        this.mailbox = mailbox;
        this.messages = new ArrayList<>(messages);
    }

    /** Empty when the owner goes back to the main menu; else how the call ends. */
    Optional<Ending> run() throws InterruptedException {
        Step step = Step.ENVELOPE_AND_MESSAGE;
        while (true) {
            VoicemailMessage message = messages.get(index);
            char key;
            if (step == Step.MENU) {
                switch (talk.choose(menu(message), keys(message))) {
                    case Choice.HungUp _ -> {
                        return Optional.of(VoiceApplication.HANG_UP);
                    }
                    case Choice.GaveUp _ -> {
                        return Optional.of(goodbye());
                    }
                    case Choice.Picked p -> key = p.key();
                }
            } else {
                Played played = talk.play(announce(message, step));
                if (played instanceof Played.HungUp) return Optional.of(VoiceApplication.HANG_UP);
                if (!(played instanceof Played.Key k)) {
                    step = Step.MENU;
                    continue;
                }
                key = k.key();
            }
            step = switch (key) {
                case '1' -> Step.MESSAGE;
                case '3' -> callable(message) ? Step.CALL_BACK : say(PromptKey.INVALID_OPTION, Step.MENU);
                case '4' -> {
                    if (index == 0) yield say(PromptKey.VM_FIRST_MESSAGE, Step.MENU);
                    index--;
                    yield Step.ENVELOPE_AND_MESSAGE;
                }
                case '5' -> Step.ENVELOPE;
                case '6' -> {
                    if (index == messages.size() - 1) yield say(PromptKey.VM_NO_MORE_MESSAGES, Step.MENU);
                    index++;
                    yield Step.ENVELOPE_AND_MESSAGE;
                }
                case '7' -> {
                    delete(message);
                    messages.remove(index);
                    say(PromptKey.VM_MESSAGE_DELETED, Step.MENU);
                    yield index < messages.size() ? Step.ENVELOPE_AND_MESSAGE : say(PromptKey.VM_NO_MORE_MESSAGES, Step.MAIN_MENU);
                }
                case '9' -> {
                    menus.services().messages().move(mailbox, message.id(), Folder.SAVED);
                    messages.set(index, message.inFolder(Folder.SAVED));
                    say(PromptKey.VM_MESSAGE_SAVED, Step.MENU);
                    if (index == messages.size() - 1) yield say(PromptKey.VM_NO_MORE_MESSAGES, Step.MAIN_MENU);
                    index++;
                    yield Step.ENVELOPE_AND_MESSAGE;
                }
                case '*' -> Step.MAIN_MENU;
                case '#' -> Step.GOODBYE;
                default -> say(PromptKey.INVALID_OPTION, Step.MENU);
            };
            if (talk.hungUp()) return Optional.of(VoiceApplication.HANG_UP);
            switch (step) {
                case MAIN_MENU -> {
                    return Optional.empty();
                }
                case GOODBYE -> {
                    return Optional.of(goodbye());
                }
                case CALL_BACK -> {
                    LOG.info("Mailbox {}: calling back {}", mailbox, message.caller().number());
                    return Optional.of(new Ending.Transfer(message.caller().number()));
                }
                default -> { }
            }
        }
    }

    private Announcement announce(VoicemailMessage message, Step step) {
        MessageStore store = menus.services().messages();
        Announcement recording = Announcement.recording(store.file(message), "message:" + message.id());
        if (step == Step.ENVELOPE_AND_MESSAGE || step == Step.MESSAGE) {
            if (!store.markHeard(mailbox, message.id())) LOG.debug("Message {} is gone", message.id());
        }
        return switch (step) {
            case ENVELOPE_AND_MESSAGE -> envelope(message).then(Announcement.pause(300)).then(recording);
            case MESSAGE -> recording;
            case ENVELOPE -> envelope(message);
            case MENU, MAIN_MENU, CALL_BACK, GOODBYE -> Announcement.NOTHING;
        };
    }

    private Announcement envelope(VoicemailMessage message) {
        LocalDateTime received = LocalDateTime.ofInstant(message.receivedAt(), menus.zone());
        return Announcement.of(talk.phrasing().envelope(index + 1, received, message.caller().number()));
    }

    private Announcement menu(VoicemailMessage message) {
        Announcement menu = Announcement.of(PromptKey.VM_MSG_REPEAT);
        if (callable(message)) menu = menu.then(PromptKey.VM_MSG_CALL_BACK);
        return menu.then(PromptKey.VM_MSG_PREVIOUS, PromptKey.VM_MSG_ENVELOPE, PromptKey.VM_MSG_NEXT,
                PromptKey.VM_MSG_DELETE, PromptKey.VM_MSG_SAVE, PromptKey.VM_MSG_MAIN_MENU);
    }

    private static String keys(VoicemailMessage message) {
        return callable(message) ? "1345679*#" : "145679*#";
    }

    private static boolean callable(VoicemailMessage message) {
        return CALLABLE.matcher(message.caller().number()).matches();
    }

    private void delete(VoicemailMessage message) {
        try {
            menus.services().messages().delete(mailbox, message.id());
        } catch (IOException e) {
            LOG.warn("Cannot delete message {} of mailbox {}: {}", message.id(), mailbox, e.getMessage());
        }
    }

    private Step say(PromptKey key, Step then) throws InterruptedException {
        talk.line().clearDigits();
        talk.play(Announcement.of(key), "");
        return then;
    }

    private Ending goodbye() throws InterruptedException {
        talk.play(Announcement.of(PromptKey.GOODBYE), "");
        return VoiceApplication.HANG_UP;
    }
}
