package org.switchboard.pbx.mwi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a {@code message-summary} NOTIFY (RFC 3842 §5.2, media type
 * {@value #CONTENT_TYPE}):
 * <pre>
 * Messages-Waiting: yes
 * Message-Account: sip:1001@pbx.example.com
 * Voice-Message: 2/8 (0/0)
 * </pre>
 * The printer always writes the urgent counts, as Asterisk does, because some desk phones read
 * the line only in that form. The parser is lenient where RFC 3842 allows variation (header
 * case, space around the colon and slashes, LF line ends) and refuses what it cannot read.
 *
 * @param messagesWaiting the lamp: {@code yes} when messages wait (§5.2: new messages exist)
 * @param account         the {@code Message-Account} URI, when known
 * @param voice           the {@code Voice-Message} counts, when given
 */
public record MessageSummary(boolean messagesWaiting, Optional<String> account, Optional<VoiceCounts> voice) {

    /** RFC 3842 §6: the media type of the body. */
    public static final String CONTENT_TYPE = "application/simple-message-summary";
    /** Longest body the parser reads; a summary is a few lines. */
    static final int MAX_LENGTH = 4096;

    public MessageSummary {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(voice, "voice");
        account.ifPresent(a -> {
            if (a.isBlank() || a.indexOf('\r') >= 0 || a.indexOf('\n') >= 0 || a.indexOf(':') < 1) {
                throw new IllegalArgumentException("the message account must be an absolute URI on one line");
            }
        });
    }

    /** The summary of a mailbox: waiting when new messages exist, with the account and its voice counts. */
    public static MessageSummary of(String accountUri, VoiceCounts counts) {
        return new MessageSummary(counts.waiting(), Optional.of(accountUri), Optional.of(counts));
    }

    /** The body text, lines ending in CRLF. */
    public String print() {
        StringBuilder sb = new StringBuilder(96).append("Messages-Waiting: ").append(messagesWaiting ? "yes" : "no").append("\r\n");
        account.ifPresent(a -> sb.append("Message-Account: ").append(a).append("\r\n"));
        voice.ifPresent(v -> sb.append("Voice-Message: ").append(v.newMessages()).append('/').append(v.oldMessages())
                .append(" (").append(v.urgentNew()).append('/').append(v.urgentOld()).append(")\r\n"));
        return sb.toString();
    }

    /** {@link #print()} as UTF-8 bytes, for a message body. */
    public byte[] toBytes() {
        return print().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a body: {@code Messages-Waiting} first (required), then the optional
     * {@code Message-Account} and summary lines up to the first empty line (what follows it is
     * optional message headers, skipped). Other message classes ({@code Fax-Message}...) are
     * skipped. Empty when the text is not such a body.
     */
    public static Optional<MessageSummary> parse(String body) {
        if (body == null || body.length() > MAX_LENGTH) return Optional.empty();
        String[] lines = body.split("\r?\n", -1);
        Boolean waiting = null;
        String account = null;
        VoiceCounts voice = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                if (waiting == null) return Optional.empty();
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) return Optional.empty();
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (i == 0) {
                if (!name.equals("messages-waiting")) return Optional.empty();
                waiting = switch (value.toLowerCase(Locale.ROOT)) {
                    case "yes" -> true;
                    case "no" -> false;
                    default -> null;
                };
                if (waiting == null) return Optional.empty();
            } else if (name.equals("message-account")) {
                if (value.indexOf(':') < 1 || value.indexOf(' ') >= 0) return Optional.empty();
                account = value;
            } else if (name.equals("voice-message")) {
                voice = counts(value);
                if (voice == null) return Optional.empty();
            }
        }
        if (waiting == null) return Optional.empty();
        return Optional.of(new MessageSummary(waiting, Optional.ofNullable(account), Optional.ofNullable(voice)));
    }

    /** {@code newmsgs SLASH oldmsgs [ LPAREN new-urgentmsgs SLASH old-urgentmsgs RPAREN ]}; null when malformed. */
    private static VoiceCounts counts(String value) {
        String main = value;
        String urgent = null;
        int paren = value.indexOf('(');
        if (paren >= 0) {
            if (!value.endsWith(")")) return null;
            main = value.substring(0, paren);
            urgent = value.substring(paren + 1, value.length() - 1);
        }
        int[] m = pair(main);
        int[] u = urgent == null ? new int[] {0, 0} : pair(urgent);
        if (m == null || u == null) return null;
        return new VoiceCounts(m[0], m[1], u[0], u[1]);
    }

    private static int[] pair(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) return null;
        int a = count(text.substring(0, slash).strip());
        int b = count(text.substring(slash + 1).strip());
        return a < 0 || b < 0 ? null : new int[] {a, b};
    }

    /** {@code 1*DIGIT}, at most nine digits; -1 otherwise. */
    private static int count(String digits) {
        if (digits.isEmpty() || digits.length() > 9) return -1;
        for (int i = 0; i < digits.length(); i++) if (digits.charAt(i) < '0' || digits.charAt(i) > '9') return -1;
        return Integer.parseInt(digits);
    }
}
