package org.switchboard.pbx.extension;

import org.switchboard.pbx.moh.MusicOnHold;

/**
 * The rule for an extension's music on hold class: the class its callers hear when this
 * extension's phone holds them (as Asterisk plays the holding channel's class). The name is a
 * folder of {@code DATA/moh/} ({@link MusicOnHold#isClassName}); whether that folder exists is
 * checked when the music plays, so a class can be set before its files are uploaded: a class with
 * no playable file plays the server's {@code moh.default-class} instead, with a WARN line.
 */
public final class MohClass {
    private MohClass() { }

    public static final String RULE = "music on hold class must be 1 to 64 letters, digits, dots, dashes or"
            + " underscores, starting with a letter or digit";

    public static boolean isValid(String name) {
        return MusicOnHold.isClassName(name);
    }
}
