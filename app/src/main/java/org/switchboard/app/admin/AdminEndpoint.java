package org.switchboard.app.admin;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the running server's admin API listens, published in {@code DATA/admin/endpoint.json}
 * while it runs: the base URL (a loopback or the specific bind address), the server's process
 * id, and the certificate file the CLI pins.
 */
public record AdminEndpoint(URI url, long pid, Path certificate) {
    public AdminEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(certificate, "certificate");
    }
}
