package org.switchboard.pbx.voicemail.menu;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.Announcement;
import org.switchboard.pbx.voice.Choice;
import org.switchboard.pbx.voice.Conversation;
import org.switchboard.pbx.voice.DigitLimits;
import org.switchboard.pbx.voice.Entry;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplication.Ending;
import org.switchboard.pbx.voicemail.greeting.Greeting;
import org.switchboard.pbx.voicemail.greeting.GreetingChoice;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;

/**
 * The mailbox options ({@code 0} in the main menu), as their prompts say them: {@code 1} record
 * the unavailable greeting, {@code 2} the busy one, {@code 3} the owner's name, {@code 4} the
 * temporary greeting, {@code 5} choose the active greeting (a custom one by its number 1-9, or
 * {@code 0} for the standard ones), {@code 6} change the PIN, {@code 7} record custom greeting
 * 1-9; {@code *} (or {@code #}) back to the main menu.
 */
final class OptionsMenu {
    private static final Announcement MENU = Announcement.of(PromptKey.VM_OPT_UNAVAILABLE, PromptKey.VM_OPT_BUSY,
            PromptKey.VM_OPT_NAME, PromptKey.VM_OPT_TEMPORARY, PromptKey.VM_OPT_CHOOSE_GREETING, PromptKey.VM_OPT_PIN,
            PromptKey.VM_OPT_CUSTOM, PromptKey.VM_OPT_MAIN_MENU);
    private static final String KEYS = "1234567*#";
    private static final DigitLimits ONE_KEY = DigitLimits.upTo(1);

    private final MailboxMenus menus;
    private final Conversation talk;
    private final String mailbox;

    OptionsMenu(MailboxMenus menus, Conversation talk, String mailbox) {
        this.menus = menus;
        this.talk = talk;
        this.mailbox = mailbox;
    }

    /** Empty when the owner goes back to the main menu; else how the call ends. */
    Optional<Ending> run() throws InterruptedException {
        while (true) {
            Choice choice = talk.choose(MENU, KEYS);
            if (choice instanceof Choice.HungUp) return Optional.of(VoiceApplication.HANG_UP);
            if (!(choice instanceof Choice.Picked picked)) return Optional.empty();
            GreetingRecorder recorder = new GreetingRecorder(menus.services(), talk, mailbox);
            switch (picked.key()) {
                case '1' -> recorder.record(GreetingKind.UNAVAILABLE);
                case '2' -> recorder.record(GreetingKind.BUSY);
                case '3' -> recorder.record(GreetingKind.NAME);
                case '4' -> recorder.record(GreetingKind.TEMPORARY);
                case '5' -> chooseGreeting();
                case '6' -> new PinChange(menus.services(), talk, mailbox).run();
                case '7' -> {
                    Optional<GreetingKind.Custom> custom = customNumber();
                    if (custom.isPresent()) recorder.record(custom.get());
                }
                default -> {
                    return Optional.empty();
                }
            }
            if (talk.hungUp()) return Optional.of(VoiceApplication.HANG_UP);
        }
    }

    /** A custom greeting's number, 1 to 9, as typed. */
    private Optional<GreetingKind.Custom> customNumber() throws InterruptedException {
        if (talk.ask(Announcement.of(PromptKey.VM_GREETING_ENTER_NUMBER), ONE_KEY) instanceof Entry.Typed typed
                && typed.digits().length() == 1 && typed.digits().charAt(0) >= '1' && typed.digits().charAt(0) <= '9') {
            return Optional.of(new GreetingKind.Custom(typed.digits()));
        }
        say(PromptKey.INVALID_OPTION);
        return Optional.empty();
    }

    /** Says which greeting callers hear now, then switches to a custom one by number, or 0 for the standard ones. */
    private void chooseGreeting() throws InterruptedException {
        List<Greeting> recorded = menus.services().greetings().list(mailbox);
        Announcement question = active(menus.services().mailboxes().mailbox(mailbox).greetings(), recorded)
                .then(PromptKey.VM_GREETING_CHOOSE_STANDARD, PromptKey.VM_GREETING_CHOOSE_CUSTOM);
        if (!(talk.ask(question, ONE_KEY) instanceof Entry.Typed typed) || typed.digits().length() != 1) {
            if (!talk.hungUp()) say(PromptKey.INVALID_OPTION);
            return;
        }
        char key = typed.digits().charAt(0);
        if (key == '0') {
            menus.services().mailboxes().chooseCustomGreeting(mailbox, Optional.empty());
            say(PromptKey.VM_GREETING_ACTIVATED);
        } else if (key >= '1' && key <= '9') {
            String name = String.valueOf(key);
            if (recorded.stream().noneMatch(g -> g.kind().equals(new GreetingKind.Custom(name)))) {
                say(PromptKey.VM_GREETING_NOT_RECORDED);
                return;
            }
            menus.services().mailboxes().chooseCustomGreeting(mailbox, Optional.of(name));
            say(PromptKey.VM_GREETING_ACTIVATED);
        } else {
            say(PromptKey.INVALID_OPTION);
        }
    }

    /** "Your active greeting is ...": the temporary one while it plays, a chosen custom one by number, else the standard. */
    private Announcement active(GreetingChoice choice, List<Greeting> recorded) {
        Instant now = menus.services().clock().instant();
        boolean temporary = recorded.stream().anyMatch(g -> g.kind() == GreetingKind.TEMPORARY)
                && choice.temporaryUntil().map(now::isBefore).orElse(true);
        Announcement active = Announcement.of(PromptKey.VM_GREETING_ACTIVE_IS);
        if (temporary) return active.then(PromptKey.VM_GREETING_TEMPORARY);
        Optional<String> custom = choice.activeCustom()
                .filter(name -> recorded.stream().anyMatch(g -> g.kind().equals(new GreetingKind.Custom(name))));
        if (custom.isEmpty()) return active.then(PromptKey.VM_GREETING_STANDARD);
        if (custom.get().chars().allMatch(Character::isDigit) && custom.get().length() <= 6) {
            return active.then(PromptKey.VM_GREETING_NUMBER).then(talk.phrasing().number(Integer.parseInt(custom.get())));
        }
        return Announcement.NOTHING;
    }

    private void say(PromptKey key) throws InterruptedException {
        talk.line().clearDigits();
        talk.play(Announcement.of(key), "");
    }
}
