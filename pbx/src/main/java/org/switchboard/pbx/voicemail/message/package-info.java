/**
 * Voicemail messages: recordings in {@code DATA/voicemail/MAILBOX/ID.wav} and their index rows.
 * {@link org.switchboard.pbx.voicemail.message.MessageStore} is the only way in: a recorder gets a
 * {@link org.switchboard.pbx.voicemail.message.MessageDraft}, writes a WAV file, commits (fsync,
 * atomic rename, fsync of the directory, then the index row), and listeners hear of the new
 * message ({@link org.switchboard.pbx.voicemail.message.MessageArrivals}: e-mail) and of the new
 * counts ({@link org.switchboard.pbx.voicemail.message.MailboxCounts}: message-waiting lamps).
 * At start {@link org.switchboard.pbx.voicemail.message.MessageStore#recover()} repairs what a
 * crash left between those steps.
 */
package org.switchboard.pbx.voicemail.message;
