/**
 * Leaving a message: the greeting a caller of an unanswered extension hears, the beep, and the
 * recording kept durably in the mailbox ({@link org.switchboard.pbx.voicemail.deposit.AnsweringMachine}
 * makes one application per call).
 */
package org.switchboard.pbx.voicemail.deposit;
