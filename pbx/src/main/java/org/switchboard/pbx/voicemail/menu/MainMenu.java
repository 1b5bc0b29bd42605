package org.switchboard.pbx.voicemail.menu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.Announcement;
import org.switchboard.pbx.voice.Choice;
import org.switchboard.pbx.voice.Conversation;
import org.switchboard.pbx.voice.Played;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplication.Ending;
import org.switchboard.pbx.voicemail.VoicemailServices;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.mailbox.Mailbox;
import org.switchboard.pbx.voicemail.message.Folder;
import org.switchboard.pbx.voicemail.message.MessageCounts;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

/**
 * The mailbox after login: what it holds ("you have two new messages and one old message"),
 * whether the temporary greeting is on, then the main menu as its prompts say it: {@code 1} the
 * new messages then the old ones, {@code 2} the old (and saved) ones only, {@code 0} the mailbox
 * options, {@code *} the menu again, {@code #} goodbye. Silence or wrong keys three times in a row
 * also say goodbye.
 */
final class MainMenu {
    private static final Announcement MENU = Announcement.of(PromptKey.VM_MAIN_PLAY_NEW, PromptKey.VM_MAIN_PLAY_OLD,
            PromptKey.VM_MAIN_OPTIONS, PromptKey.VM_MAIN_REPEAT, PromptKey.VM_MAIN_EXIT);
    private static final String KEYS = "120*#";

    private final MailboxMenus menus;
    private final Conversation talk;
    private final String mailbox;

    MainMenu(MailboxMenus menus, Conversation talk, String mailbox) {
        this.menus = menus;
        this.talk = talk;
        this.mailbox = mailbox;
    }

    Ending run() throws InterruptedException {
        Played summary = talk.play(summary());
        if (summary instanceof Played.HungUp) return VoiceApplication.HANG_UP;
        char typedAhead = summary instanceof Played.Key k ? k.key() : 0;
        while (true) {
            Choice choice = KEYS.indexOf(typedAhead) >= 0 ? new Choice.Picked(typedAhead) : talk.choose(MENU, KEYS);
            typedAhead = 0;
            Optional<Ending> ending = switch (choice) {
                case Choice.HungUp _ -> Optional.of(VoiceApplication.HANG_UP);
                case Choice.GaveUp _ -> Optional.of(goodbye());
                case Choice.Picked p -> switch (p.key()) {
                    case '1' -> listen(true);
                    case '2' -> listen(false);
                    case '0' -> new OptionsMenu(menus, talk, mailbox).run();
                    case '#' -> Optional.of(goodbye());
                    default -> Optional.empty();
                };
            };
            if (ending.isPresent()) return ending.get();
            if (talk.hungUp()) return VoiceApplication.HANG_UP;
        }
    }

    private Announcement summary() {
        MessageCounts counts = menus.services().messages().counts(mailbox);
        Announcement summary = Announcement.of(talk.phrasing().mailboxSummary(counts.newMessages(), counts.heard()));
        return temporaryGreetingOn() ? summary.then(PromptKey.VM_TEMPORARY_GREETING_ON) : summary;
    }

    /** The temporary greeting plays to callers now: it is recorded and its end time, if any, is ahead. */
    private boolean temporaryGreetingOn() {
        VoicemailServices voicemail = menus.services();
        Mailbox box = voicemail.mailboxes().mailbox(mailbox);
        boolean recorded = voicemail.greetings().list(mailbox).stream().anyMatch(g -> g.kind() == GreetingKind.TEMPORARY);
        return recorded && box.greetings().temporaryUntil().map(until -> voicemail.clock().instant().isBefore(until)).orElse(true);
    }

    /** The new messages then the old ones ({@code withNew}), or the old and saved ones only. */
    private Optional<Ending> listen(boolean withNew) throws InterruptedException {
        List<VoicemailMessage> all = menus.services().messages().list(mailbox);
        List<VoicemailMessage> chosen = new ArrayList<>();
        if (withNew) all.stream().filter(m -> m.folder() == Folder.NEW).forEach(chosen::add);
        all.stream().filter(m -> m.folder() != Folder.NEW).forEach(chosen::add);
        if (chosen.isEmpty()) {
            PromptKey none = withNew ? PromptKey.VM_NO_MESSAGES : PromptKey.VM_NO_MORE_MESSAGES;
            talk.play(Announcement.of(none), "");
            return Optional.empty();
        }
        return new MessageBrowser(menus, talk, mailbox, chosen).run();
    }

    private Ending goodbye() throws InterruptedException {
        talk.play(Announcement.of(PromptKey.GOODBYE), "");
        return VoiceApplication.HANG_UP;
    }
}
