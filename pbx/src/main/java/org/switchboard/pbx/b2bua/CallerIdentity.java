package org.switchboard.pbx.b2bua;

import java.util.Locale;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.sip.message.NameAddr;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;

/**
 * Who the callee is told is calling: the caller's authenticated extension number and its name
 * from the directory, never what the caller wrote into From, P-Asserted-Identity,
 * P-Preferred-Identity or Remote-Party-ID (RFC 3325 §5: identity comes from the trust
 * domain, here the digest authentication). A caller asking for privacy ({@code Privacy: id} or
 * {@code header}, RFC 3323 §4.2, RFC 3325 §7) is presented as anonymous, and no
 * P-Asserted-Identity goes to the callee's phone, which is outside the trust domain.
 *
 * @param number the caller's extension number
 * @param name   its display name, may be empty
 * @param hidden the caller asked for privacy
 */
record CallerIdentity(String number, String name, boolean hidden) {

    static final String ANONYMOUS_URI = "sip:anonymous@anonymous.invalid";

    /** The identity of the authenticated caller {@code number} named {@code name}, reading Privacy from the INVITE. */
    static CallerIdentity of(String number, String name, SipRequest invite) {
        return new CallerIdentity(number, name, wantsPrivacy(invite));
    }

    /** RFC 3323 §4.2: priv-values separated by ';'. */
    static boolean wantsPrivacy(SipRequest invite) {
        for (String value : invite.headers().all("Privacy")) {
            for (String token : value.split("[;,]")) {
                String t = token.trim().toLowerCase(Locale.ROOT);
                if (t.equals("id") || t.equals("header") || t.equals("user")) return true;
            }
        }
        return false;
    }

    /** The From of the INVITE to the callee, with our tag. */
    String from(String domain, String tag) {
        NameAddr a = hidden
                ? new NameAddr("\"Anonymous\"", ANONYMOUS_URI, org.switchboard.sip.message.Params.empty())
                : NameAddr.of(name, SipUri.of("sip", number, domain, -1));
        return a.withTag(tag).toString();
    }

    /**
     * The caller as a voice application sees it ({@code VoiceCaller}): number and name left empty
     * when the caller asked for privacy (a mailbox then records an anonymous message); its
     * authenticated extension is always there, for {@code *97}.
     */
    VoiceCaller voiceCaller(String dialled) {
        return new VoiceCaller(hidden ? "" : number, hidden ? "" : name, number, dialled == null ? "" : dialled);
    }

    /** P-Asserted-Identity for the callee, or null when the caller is hidden. */
    String assertedIdentity(String domain) {
        return hidden ? null : NameAddr.of(name, SipUri.of("sip", number, domain, -1)).toString();
    }
}
