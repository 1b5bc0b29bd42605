/**
 * Defences of the SIP edge: {@link org.switchboard.pbx.security.AuthFailureGuard} ignores an
 * address after too many failed authentications (an online password-guessing and extension
 * scanning brake, like fail2ban but in-process), and
 * {@link org.switchboard.pbx.security.SecurityLog} writes one parseable {@code key=value}
 * line per security event to the SLF4J logger {@code switchboard.security}, for people and for
 * external tools (fail2ban, a SIEM).
 */
package org.switchboard.pbx.security;
