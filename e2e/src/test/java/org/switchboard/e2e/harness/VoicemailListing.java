package org.switchboard.e2e.harness;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mailbox as {@code switchboard voicemail list NUMBER --json} shows it: its counts and its messages, the server-side
 * truth the voicemail tests check besides the mail and the lamp.
 *
 * @param number the mailbox (extension) number
 * @param newMessages messages not heard yet (they light the lamp)
 * @param oldMessages messages heard
 * @param savedMessages messages the owner chose to keep
 * @param messages every message, as listed
 */
public record VoicemailListing(String number, int newMessages, int oldMessages, int savedMessages,
        List<Message> messages) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One message.
     *
     * @param id the message id (its recording is {@code DATA/voicemail/NUMBER/ID.wav})
     * @param folder {@code new}, {@code old} or {@code saved}
     * @param callerNumber who left it, empty when unknown
     * @param durationSeconds its length, rounded to the second
     * @param emailState {@code pending}, {@code sent}, {@code failed}, or empty when no mail was queued
     */
    public record Message(String id, String folder, String callerNumber, long durationSeconds, String emailState) {
    }

    /**
     * Runs {@code voicemail list NUMBER --json} (in this JVM, as the CLI would) and parses it.
     *
     * @throws IllegalStateException when the CLI fails
     */
    public static VoicemailListing of(SwitchboardCli cli, String number) {
        ProcessResult r = cli.runInThisJvm("voicemail", "list", number, "--json");
        if (r.exitCode() != 0) {
            throw new IllegalStateException("voicemail list " + number + " --json failed: " + r.describe());
        }
        return parse(r.stdout());
    }

    /** Parses what {@code voicemail list --json} printed. */
    public static VoicemailListing parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("voicemail list --json printed no JSON: " + json, e);
        }
        JsonNode mailbox = root.path("mailbox");
        JsonNode counts = mailbox.path("messages");
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            messages.add(new Message(m.path("id").asString(""), m.path("folder").asString(""),
                    m.path("callerNumber").asString(""), m.path("durationSeconds").asLong(-1),
                    m.path("email").path("state").asString("")));
        }
        return new VoicemailListing(mailbox.path("number").asString(""), counts.path("newMessages").asInt(-1),
                counts.path("oldMessages").asInt(-1), counts.path("savedMessages").asInt(-1), List.copyOf(messages));
    }

    /** The messages in {@code folder}. */
    public List<Message> in(String folder) {
        return messages.stream().filter(m -> m.folder().equals(folder)).toList();
    }
}
