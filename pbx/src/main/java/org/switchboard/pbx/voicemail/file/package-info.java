/**
 * Files that matter for voicemail (messages, greetings) written so that a crash never leaves a
 * half one under its final name: a {@link org.switchboard.pbx.voicemail.file.DraftFile} is
 * written under a temporary name, fsynced, renamed atomically and its directory fsynced
 * (POSIX {@code rename(2)} is atomic; the directory fsync makes the new name itself durable).
 * {@link org.switchboard.pbx.voicemail.file.WavInfo} reads just enough of a RIFF header to know
 * how long a recording is, for the files a crash left without an index row.
 */
package org.switchboard.pbx.voicemail.file;
