/**
 * Voicemail to e-mail. For each new message of a mailbox with an address and a mode other than
 * off, {@link org.switchboard.pbx.voicemail.delivery.MailDelivery} persists a
 * {@link org.switchboard.pbx.voicemail.delivery.Delivery} (PENDING) and a virtual thread sends it
 * through a {@link org.switchboard.pbx.voicemail.delivery.MailSender} (SMTP in module app).
 * Failures are retried with exponential backoff ({@link org.switchboard.pbx.voicemail.delivery.RetryPolicy})
 * until they succeed (SENT) or the policy gives up (FAILED); the state, attempts and last error
 * are visible in the CLI and REST API. The message itself is never touched by a failure; in
 * attach-and-delete mode it is deleted only after the mail server accepted the mail. A restart
 * resumes the pending deliveries from the database.
 */
package org.switchboard.pbx.voicemail.delivery;
