/**
 * Voicemail, a package per concept (the anti-pattern is Asterisk's 17,000-line
 * {@code app_voicemail.c}):
 * <ul>
 *   <li>{@code mailbox}: a mailbox per extension, PIN, e-mail settings, language, login rule;</li>
 *   <li>{@code greeting}: the recorded greetings and which one a caller hears;</li>
 *   <li>{@code message}: durable messages, folders, counts for message-waiting lamps, crash recovery;</li>
 *   <li>{@code delivery}: voicemail to e-mail with retries;</li>
 *   <li>{@code file}: the write-fsync-rename discipline and the WAV header reader they share.</li>
 * </ul>
 * {@link org.switchboard.pbx.voicemail.VoicemailSettings} are the limits from the configuration;
 * {@link org.switchboard.pbx.voicemail.VoicemailAdmin} is what the REST API and the CLI see. The
 * call flow (playing greetings, recording callers, the owner's menus) is a later step built on
 * {@code GreetingSelector}, {@code GreetingStore}, {@code MessageStore} and {@code MailboxService}.
 */
package org.switchboard.pbx.voicemail;
