/**
 * The voicemail repositories on the tables of migration V5: {@code mailbox}, {@code greeting},
 * {@code voicemail_message}, {@code mail_delivery}. Rows written by hand that break a domain rule
 * (an unknown e-mail mode, a bad schedule) are read with the default and a warning, or skipped
 * with a warning, never thrown at a caller.
 */
package org.switchboard.store.voicemail;
