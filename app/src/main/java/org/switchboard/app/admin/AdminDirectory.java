package org.switchboard.app.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.switchboard.app.files.AtomicFiles;
import org.switchboard.web.AdminToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code DATA/admin} ({@code 0700}): how a CLI on the same machine finds and authenticates to
 * the running server. {@code token} ({@code 0600}) is rewritten at every start, so reading it is
 * the proof of being the server's owner; {@code endpoint.json} exists only while the server runs.
 */
public final class AdminDirectory {
    public static final String NAME = "admin";
    public static final String TOKEN_FILE = "token";
    public static final String ENDPOINT_FILE = "endpoint.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    public AdminDirectory(Path dataDir) {
        this.dir = dataDir.toAbsolutePath().normalize().resolve(NAME);
    }

    public Path tokenFile() { return dir.resolve(TOKEN_FILE); }

    public Path endpointFile() { return dir.resolve(ENDPOINT_FILE); }

    /** Writes the token, then the endpoint: a reader that sees the endpoint finds the token current. */
    public void publish(AdminToken token, AdminEndpoint endpoint) throws IOException {
        AtomicFiles.createPrivateDirectory(dir);
        AtomicFiles.writeOwnerOnly(tokenFile(), (token.reveal() + "\n").getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("url", endpoint.url().toString());
        document.put("pid", endpoint.pid());
        document.put("certificate", endpoint.certificate().toString());
        AtomicFiles.writeOwnerOnly(endpointFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
    }

    /** Removes the endpoint file: the server is no longer reachable. */
    public void withdraw() throws IOException {
        Files.deleteIfExists(endpointFile());
    }

    /** The published endpoint, or empty when none is (no server, or it stopped cleanly). */
    public Optional<AdminEndpoint> endpoint() throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(endpointFile());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(content);
            return Optional.of(new AdminEndpoint(URI.create(node.required("url").asString()),
                    node.required("pid").asLong(), Path.of(node.required("certificate").asString())));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IOException(endpointFile() + " is damaged (" + e.getMessage() + ")", e);
        }
    }

    /** The current admin token. */
    public AdminToken token() throws IOException {
        try {
            return AdminToken.of(Files.readString(tokenFile(), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException(tokenFile() + " does not hold a token", e);
        }
    }
}
