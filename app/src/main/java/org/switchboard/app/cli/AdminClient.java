package org.switchboard.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.switchboard.app.admin.AdminDirectory;
import org.switchboard.app.admin.AdminEndpoint;
import org.switchboard.web.AdminToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI's side of the admin API: finds the running server through {@code DATA/admin/},
 * speaks HTTPS to it trusting only the certificate of that data directory, authenticates with
 * the token, and turns every failure into a {@link CliException} that says what to do.
 */
final class AdminClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dataDir;
    private final AdminDirectory admin;
    private final AdminEndpoint endpoint;
    private final AdminToken token;
    private final HttpClient http;

    private AdminClient(Path dataDir, AdminDirectory admin, AdminEndpoint endpoint, AdminToken token, HttpClient http) {
        this.dataDir = dataDir;
        this.admin = admin;
        this.endpoint = endpoint;
        this.token = token;
        this.http = http;
    }

    /** Connects to the server running on {@code dataDir}, or explains that none is. */
    static AdminClient connect(Path dataDir) throws CliException {
        AdminDirectory admin = new AdminDirectory(dataDir);
        Optional<AdminEndpoint> published;
        try {
            published = admin.endpoint();
        } catch (AccessDeniedException e) {
            throw notOwner(admin.endpointFile());
        } catch (IOException e) {
            throw new CliException(e.getMessage() + ": restart the server to rewrite it");
        }
        AdminEndpoint endpoint = published.filter(AdminClient::alive).orElseThrow(() -> notRunning(dataDir));
        AdminToken token;
        try {
            token = admin.token();
        } catch (AccessDeniedException e) {
            throw notOwner(admin.tokenFile());
        } catch (IOException e) {
            throw new CliException("Cannot read the admin token " + admin.tokenFile() + " (" + e.getMessage()
                    + "): restart the server to write a new one");
        }
        HttpClient http = HttpClient.newBuilder()
                .sslContext(pinnedContext(endpoint.certificate()))
                .sslParameters(tls12Plus())
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        return new AdminClient(dataDir, admin, endpoint, token, http);
    }

    JsonNode get(String path) throws CliException {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) throws CliException {
        return send("POST", path, body);
    }

    JsonNode put(String path, Object body) throws CliException {
        return send("PUT", path, body);
    }

    JsonNode patch(String path, Object body) throws CliException {
        return send("PATCH", path, body);
    }

    void delete(String path) throws CliException {
        send("DELETE", path, null);
    }

    @Override
    public void close() {
        http.close();
    }

    private JsonNode send(String method, String path, Object body) throws CliException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url() + "/api/v1" + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return answer(exchange(request, HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Downloads what {@code path} serves (a recording's audio) into {@code target}, which must not
     * exist: the bytes go to a hidden file beside it, moved onto the name only when complete.
     *
     * @return the bytes written
     * @throws CliException when the server refuses (its problem's detail), the target exists or
     *                      cannot be written
     */
    long download(String path, Path target) throws CliException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url() + "/api/v1" + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token.reveal())
                .GET();
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                answer(new String(in.readAllBytes(), StandardCharsets.UTF_8), status);
                throw new CliException("The server answered HTTP " + status);
            }
            Path partial = target.resolveSibling("." + target.getFileName() + ".download");
            try {
                long bytes = Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target);
                return bytes;
            } catch (FileAlreadyExistsException e) {
                throw new CliException(target + " exists already: choose another name, or delete it first");
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (AccessDeniedException e) {
            throw new CliException("Cannot write " + target + ": permission denied");
        } catch (IOException e) {
            throw new CliException("Cannot save the recording as " + target + ": " + e.getMessage());
        }
    }

    /** Sends {@code request}; every way it can fail to get an answer becomes a {@link CliException}. */
    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws CliException {
        HttpResponse<T> response;
        try {
            response = http.send(request.build(), handler);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw notRunning(dataDir);
        } catch (HttpTimeoutException e) {
            throw new CliException("The server at " + endpoint.url() + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s: check its log");
        } catch (IOException e) {
            if (causedBy(e, SSLHandshakeException.class)) {
                throw new CliException("The program at " + endpoint.url() + " did not present the certificate in "
                        + endpoint.certificate() + ": it is not the Switchboard server of " + dataDir
                        + "; restart the server");
            }
            if (causedBy(e, ConnectException.class)) throw notRunning(dataDir);
            throw new CliException("Cannot talk to the server at " + endpoint.url() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted");
        }
        return response;
    }

    private JsonNode answer(HttpResponse<String> response) throws CliException {
        return answer(response.body(), response.statusCode());
    }

    private JsonNode answer(String text, int status) throws CliException {
        JsonNode body = null;
        if (!text.isBlank()) {
            try {
                body = JSON.readTree(text);
            } catch (JacksonException e) {
                throw new CliException("The server answered HTTP " + status + " with something that is not JSON");
            }
        }
        if (status >= 200 && status < 300) return body;
        if (status == 401) {
            throw new CliException("The server did not accept the admin token in " + admin.tokenFile()
                    + ": make sure --data names the directory the server was started with");
        }
        String detail = body != null && body.hasNonNull("detail") ? body.get("detail").asString() : "HTTP " + status;
        throw new CliException(capitalize(detail) + ".");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static boolean alive(AdminEndpoint endpoint) {
        return ProcessHandle.of(endpoint.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    static CliException notRunning(Path dataDir) {
        return new CliException("No Switchboard server is running with data directory " + dataDir
                + ": start it with ./switchboard run --data " + dataDir);
    }

    private static CliException notOwner(Path file) {
        return new CliException("Cannot read " + file + ": run this command as the user that runs the server");
    }

    private static SSLContext pinnedContext(Path certificateFile) throws CliException {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(certificateFile)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new CliException("Cannot read the server certificate " + certificateFile + " (" + e.getMessage()
                    + "): restart the server");
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedTrustManager(certificate, certificateFile)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new CliException("Cannot set up TLS: " + e.getMessage());
        }
    }

    private static SSLParameters tls12Plus() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return parameters;
    }

    private static String capitalize(String text) {
        if (text.isEmpty()) return text;
        String sentence = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
