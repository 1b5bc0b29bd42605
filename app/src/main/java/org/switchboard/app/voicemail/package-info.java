/**
 * Voicemail assembled for a running server: the domain's stores and services on the
 * {@code Storage}'s repositories and {@code DATA/voicemail/}, crash recovery at start, and the
 * e-mail queue on the SMTP settings.
 */
package org.switchboard.app.voicemail;
