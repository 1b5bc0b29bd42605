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
 * {@link org.switchboard.pbx.voicemail.VoicemailAdmin} is what the REST API and the CLI see. Calls
 * reach voicemail through {@code call.VoicemailApplications}: {@code deposit} (a caller leaves a
 * message) and {@code menu} (the owner's {@code *97}/{@code *98} menus), applications written on
 * {@code org.switchboard.pbx.voice.Conversation} that share one
 * {@link org.switchboard.pbx.voicemail.VoicemailServices}.
 */
package org.switchboard.pbx.voicemail;
