/**
 * Voicemail mailboxes: one per extension, implicit until first changed or until a message
 * arrives. A {@link org.switchboard.pbx.voicemail.mailbox.Mailbox} holds the PIN (only as a
 * salted PBKDF2 hash, {@link org.switchboard.pbx.voicemail.mailbox.PinHash}), the e-mail address
 * and {@link org.switchboard.pbx.voicemail.mailbox.EmailMode}, the language of its prompts and
 * mails, and the owner's greeting choice.
 *
 * <p><b>No default PINs, and how a mailbox without a PIN is entered</b>
 * ({@link org.switchboard.pbx.voicemail.mailbox.MailboxService#access}): a new mailbox has no PIN.
 * From any phone (remote access, {@code *98}) it cannot be entered until a PIN is set, since
 * nothing would stand between a stranger and the messages. From the owner's own phone
 * ({@code *97}, the caller authenticated by SIP digest as that extension) it is entered without a
 * PIN, and the owner is asked to choose one before anything else; once a PIN exists both ways ask
 * for it. The administrator can also set one ({@code ./switchboard voicemail set NUMBER --pin}).
 */
package org.switchboard.pbx.voicemail.mailbox;
