package org.switchboard.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.web.AdminToken;

class AdminDirectoryTest {
    @TempDir Path data;

    @Test
    void publishedEndpointAndTokenReadBackUntilWithdrawn() throws Exception {
        AdminDirectory admin = new AdminDirectory(data);
        AdminToken token = AdminToken.generate(new SecureRandom());
        AdminEndpoint endpoint = new AdminEndpoint(URI.create("https://127.0.0.1:8443"), 4242, data.resolve("tls/cert.pem"));

        assertThat(admin.endpoint()).isEmpty();
        admin.publish(token, endpoint);

        assertThat(admin.endpoint()).contains(endpoint);
        assertThat(admin.token().matches(token.reveal())).isTrue();

        admin.withdraw();
        assertThat(admin.endpoint()).isEmpty();
        assertThat(admin.tokenFile()).exists();
    }

    @Test
    void aDamagedEndpointFileIsReported() throws Exception {
        AdminDirectory admin = new AdminDirectory(data);
        Files.createDirectories(admin.endpointFile().getParent());
        Files.writeString(admin.endpointFile(), "{\"url\": \"https://127.0.0.1:1\"}");

        assertThatThrownBy(admin::endpoint).isInstanceOf(IOException.class).hasMessageContaining("is damaged");
    }
}
