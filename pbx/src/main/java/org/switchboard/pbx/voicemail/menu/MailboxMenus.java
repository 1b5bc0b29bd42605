package org.switchboard.pbx.voicemail.menu;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voicemail.VoicemailServices;

/**
 * The mailbox owner's menus by phone: {@link #own()} for {@code *97} (the caller's own mailbox,
 * known from SIP authentication), {@link #any()} for {@code *98} (the caller types the mailbox
 * number), {@link #ownerOf} for the owner who pressed {@code *} during their greeting. Each makes
 * an application without I/O; the application logs in ({@link Login}) and then runs the
 * {@link MainMenu}. Every change goes through {@code MessageStore} and {@code MailboxService}, so
 * message-waiting lamps follow.
 */
public final class MailboxMenus {
    private final VoicemailServices services;
    private final ZoneId zone;

    /** @param zone the time zone envelopes are said in ("received at 2:30 p.m.") */
    public MailboxMenus(VoicemailServices services, ZoneId zone) {
        this.services = Objects.requireNonNull(services, "services");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * {@code *97}: the mailbox of the caller's authenticated extension. A caller who did not
     * authenticate (a trunk, a phone of another system) is asked for the mailbox number, as with {@code *98}.
     */
    public VoiceApplication own() {
        return line -> new Login(this, line, Optional.of(line.caller().authenticated()).filter(n -> !n.isEmpty())).run();
    }

    /** {@code *98}: any mailbox, its number typed by the caller. */
    public VoiceApplication any() {
        return line -> new Login(this, line, Optional.empty()).run();
    }

    /** The owner of {@code mailbox}, who pressed {@code *} during its greeting. */
    public VoiceApplication ownerOf(String mailbox) {
        Objects.requireNonNull(mailbox, "mailbox");
        return line -> new Login(this, line, Optional.of(mailbox)).run();
    }

    VoicemailServices services() {
        return services;
    }

    ZoneId zone() {
        return zone;
    }
}
