/**
 * Calls the server answers itself: voicemail taking a message, the mailbox menus of {@code *97}
 * and {@code *98}, later auto-attendants and IVR menus. The contract between the B2BUA, which
 * answers the caller and terminates its media, and the applications, which know nothing of SIP:
 * <ul>
 *   <li>{@link org.switchboard.pbx.voice.VoiceLine}: what an application may do with the caller
 *       (play, record, hear keys and the hang-up, end or transfer the call);</li>
 *   <li>{@link org.switchboard.pbx.voice.VoiceApplication}: an application, run on its own
 *       virtual thread, written as straight-line code that blocks on the line's events;</li>
 *   <li>{@link org.switchboard.pbx.voice.VoiceApplications}: which application takes a call the
 *       callee did not answer, and which numbers the server answers itself.</li>
 * </ul>
 */
package org.switchboard.pbx.voice;
