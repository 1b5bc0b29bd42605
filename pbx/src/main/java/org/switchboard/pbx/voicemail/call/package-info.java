/**
 * Voicemail on calls: {@link org.switchboard.pbx.voicemail.call.VoicemailApplications} tells the
 * B2BUA which application takes an unanswered call (leaving a message, package {@code deposit})
 * and which service numbers open the mailbox menus (package {@code menu}).
 */
package org.switchboard.pbx.voicemail.call;
