package org.switchboard.pbx.prompt;

/** Things a prompt counts, each with its singular and plural recording ("one new message", "two new messages"). */
public enum Counted {
    NEW_MESSAGE(PromptKey.VM_NEW_MESSAGE, PromptKey.VM_NEW_MESSAGES),
    OLD_MESSAGE(PromptKey.VM_OLD_MESSAGE, PromptKey.VM_OLD_MESSAGES),
    MINUTE(PromptKey.MINUTE, PromptKey.MINUTES),
    SECOND(PromptKey.SECOND, PromptKey.SECONDS);

    private final PromptKey singular;
    private final PromptKey plural;

    Counted(PromptKey singular, PromptKey plural) {
        this.singular = singular;
        this.plural = plural;
    }

    public PromptKey singular() {
        return singular;
    }

    public PromptKey plural() {
        return plural;
    }
}
