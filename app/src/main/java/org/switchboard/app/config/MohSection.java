package org.switchboard.app.config;

import org.switchboard.app.config.ConfigLoader.Values;
import org.switchboard.pbx.moh.MusicOnHold;

/** The {@code moh:} section (music on hold), read by {@link ConfigLoader} with the same rules as the rest. */
final class MohSection {
    private MohSection() { }

    static SwitchboardConfig.Moh moh(Values values) throws ConfigException {
        String defaultClass = values.get("moh.default-class", MohSection::className)
                .orElse(SwitchboardConfig.Moh.DEFAULT.defaultClass());
        return new SwitchboardConfig.Moh(defaultClass);
    }

    private static String className(String text) {
        if (!MusicOnHold.isClassName(text)) {
            throw new IllegalArgumentException("is not a music class name: use the name of a folder of DATA/moh (1 to 64"
                    + " letters, digits, dots, dashes or underscores), or default");
        }
        return text;
    }
}
