package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer's configuration file kept as a test resource with {@code ${name}} placeholders, so the files a softphone
 * reads can be read by people too.
 *
 * @param name the resource path, for messages
 * @param text the template text
 */
public record ConfigTemplate(String name, String text) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    /** Loads the template at {@code resource} (a class-path path such as {@code /baresip/config.template}). */
    public static ConfigTemplate load(String resource) {
        try (InputStream in = ConfigTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new ConfigTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The text with every placeholder replaced; a placeholder without a value is an error, not an empty string. */
    public String render(Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(name + " needs a value for ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
