package org.switchboard.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code DATA/switchboard.yaml} into flat {@code key -> text} pairs ({@code sip-port},
 * {@code registrar.min-expires}), refusing what the server would otherwise silently ignore:
 * unknown keys, duplicate keys, a list or a section where one value belongs.
 */
final class YamlSettings {

    /** Every key the file may hold: top-level values and, per section, its keys. */
    static final Map<String, List<String>> SCHEMA = schema();
    /** Keys whose value may be a YAML list; its items are joined with commas. */
    static final Set<String> LISTS = Set.of("auth.algorithms");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private YamlSettings() { }

    private static Map<String, List<String>> schema() {
        Map<String, List<String>> schema = new LinkedHashMap<>();
        schema.put("", List.of("bind", "domain", "sip-port", "sips-port", "https-port", "rtp-ports"));
        schema.put("tls", List.of("certificate", "private-key"));
        schema.put("registrar", List.of("min-expires", "max-expires", "default-expires"));
        schema.put("auth", List.of("algorithms", "max-failures", "failure-window", "block-duration", "nonce-lifetime"));
        schema.put("transport", List.of("max-message-size", "max-connections", "max-connections-per-address",
                "idle-timeout", "first-message-timeout", "connect-timeout"));
        schema.put("timers", List.of("t1", "t2", "t4"));
        schema.put("calls", List.of("ring-timeout", "session-expires", "media-timeout"));
        schema.put("smtp", List.of("host", "port", "from", "username", "password", "tls", "timeout", "certificate"));
        schema.put("voicemail", List.of("max-message-length", "min-message-length", "silence-end", "silence-threshold",
                "max-messages", "language", "email-retry-first", "email-retry-max", "email-give-up", "operator", "enabled"));
        schema.put("mwi", List.of("unsolicited", "max-expires"));
        schema.put("moh", List.of("default-class"));
        schema.put("recording", List.of("retention-days", "announce"));
        return Map.copyOf(schema);
    }

    /** The file's settings; empty when the file does not exist. */
    static Map<String, String> read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read it (" + e.getMessage() + "): check its permissions");
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage() + location(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) return Map.of();
        if (!root.isObject()) throw new ConfigException(file + ": must be a mapping of keys to values, e.g. 'sip-port: 5060'");

        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (SCHEMA.get("").contains(key)) {
                settings.put(key, scalar(file, key, value));
            } else if (SCHEMA.containsKey(key) && !key.isEmpty()) {
                readSection(file, key, value, settings);
            } else {
                throw new ConfigException(file + ": unknown key '" + key + "': known keys are " + topLevelKeys());
            }
        }
        return settings;
    }

    private static void readSection(Path file, String section, JsonNode node, Map<String, String> settings)
            throws ConfigException {
        List<String> keys = SCHEMA.get(section);
        if (node.isNull()) return;
        if (!node.isObject()) {
            throw new ConfigException(file + ": " + section + " must be a section with keys " + String.join(", ", keys));
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = section + "." + entry.getKey();
            if (!keys.contains(entry.getKey())) {
                throw new ConfigException(file + ": unknown key '" + key + "': the keys of " + section + " are "
                        + String.join(", ", keys));
            }
            JsonNode value = entry.getValue();
            if (LISTS.contains(key) && value.isArray()) {
                List<String> items = new java.util.ArrayList<>();
                for (JsonNode item : value) items.add(scalar(file, key, item));
                settings.put(key, String.join(",", items));
            } else {
                settings.put(key, scalar(file, key, value));
            }
        }
    }

    private static String scalar(Path file, String key, JsonNode value) throws ConfigException {
        if (value.isNull()) throw new ConfigException(file + ": " + key + " has no value: give one or remove the line");
        if (value.isContainer()) throw new ConfigException(file + ": " + key + " must be a single value, not a list or section");
        return value.asString();
    }

    private static String topLevelKeys() {
        Set<String> keys = new TreeSet<>(SCHEMA.get(""));
        SCHEMA.keySet().stream().filter(k -> !k.isEmpty()).forEach(keys::add);
        return String.join(", ", keys);
    }

    private static String location(JacksonException e) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? " (line " + e.getLocation().getLineNr() + ")" : "";
    }
}
