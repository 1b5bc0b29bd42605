package org.switchboard.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.sip.auth.DigestAlgorithm;

class ConfigLoaderTest {
    @TempDir Path data;
    private final ConfigLoader loader = new ConfigLoader(() -> "PBX-Host");

    @Test
    void defaultsWithoutFileOrFlags() throws Exception {
        SwitchboardConfig config = loader.load(data, Map.of());

        assertThat(config.dataDir()).isEqualTo(data.toAbsolutePath());
        assertThat(config.bind()).isEqualTo(InetAddress.ofLiteral("0.0.0.0"));
        assertThat(config.bindsAllInterfaces()).isTrue();
        assertThat(config.domain()).isEqualTo("pbx-host");
        assertThat(config.sipPort()).isEqualTo(5060);
        assertThat(config.sipsPort()).isEqualTo(5061);
        assertThat(config.httpsPort()).isEqualTo(8443);
        assertThat(config.rtpPorts()).isEqualTo(new PortRange(10_000, 20_000));
        assertThat(config.tls()).isEqualTo(SwitchboardConfig.Tls.DEFAULT);
        assertThat(config.registrar()).isEqualTo(SwitchboardConfig.Registrar.DEFAULT);
        assertThat(config.auth()).isEqualTo(SwitchboardConfig.Auth.DEFAULT);
        assertThat(config.transport()).isEqualTo(SwitchboardConfig.TransportLimits.DEFAULT);
        assertThat(config.timers()).isEqualTo(SwitchboardConfig.Timers.DEFAULT);
    }

    @Test
    void flagBeatsYamlBeatsDefault() throws Exception {
        yaml("""
                sip-port: 5070
                https-port: 9443
                domain: pbx.example.com
                """);

        SwitchboardConfig config = loader.load(data, Map.of("sip-port", "5080"));

        assertThat(config.sipPort()).isEqualTo(5080);
        assertThat(config.httpsPort()).isEqualTo(9443);
        assertThat(config.sipsPort()).isEqualTo(5061);
        assertThat(config.domain()).isEqualTo("pbx.example.com");
    }

    @Test
    void everySectionIsRead() throws Exception {
        yaml("""
                bind: 127.0.0.1
                rtp-ports: 30000-30100
                tls:
                  certificate: certs/pbx.pem
                  private-key: /etc/ssl/private/pbx.key
                registrar:
                  min-expires: 120
                  max-expires: 2h
                  default-expires: 10m
                auth:
                  algorithms: [MD5]
                  max-failures: 5
                  failure-window: 2m
                  block-duration: 1h
                  nonce-lifetime: 60s
                transport:
                  max-message-size: 8192
                  max-connections: 100
                  max-connections-per-address: 4
                  idle-timeout: 600
                  first-message-timeout: 5s
                  connect-timeout: 3s
                timers:
                  t1: 250ms
                  t2: 2s
                  t4: 3s
                """);

        SwitchboardConfig config = loader.load(data, Map.of());

        assertThat(config.domain()).as("a specific bind address is the default domain").isEqualTo("127.0.0.1");
        assertThat(config.rtpPorts()).isEqualTo(new PortRange(30_000, 30_100));
        assertThat(config.tls()).isEqualTo(new SwitchboardConfig.Tls(Optional.of(data.toAbsolutePath().resolve("certs/pbx.pem")),
                Optional.of(Path.of("/etc/ssl/private/pbx.key"))));
        assertThat(config.registrar()).isEqualTo(new SwitchboardConfig.Registrar(
                Duration.ofSeconds(120), Duration.ofHours(2), Duration.ofMinutes(10)));
        assertThat(config.auth()).isEqualTo(new SwitchboardConfig.Auth(List.of(DigestAlgorithm.MD5), 5, Duration.ofMinutes(2), Duration.ofHours(1),
                Duration.ofSeconds(60)));
        assertThat(config.transport()).isEqualTo(new SwitchboardConfig.TransportLimits(8192, 100, 4,
                Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(3)));
        assertThat(config.timers()).isEqualTo(new SwitchboardConfig.Timers(
                Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofSeconds(3)));
    }

    @Test
    void unknownKeysAreNamedWithTheKnownOnes() throws IOException {
        yaml("sip_port: 5060\n");
        assertThatThrownBy(() -> loader.load(data, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("switchboard.yaml: unknown key 'sip_port'")
                .hasMessageContaining("sip-port");

        yaml("registrar:\n  max-expire: 60\n");
        assertThatThrownBy(() -> loader.load(data, Map.of()))
                .hasMessageContaining("unknown key 'registrar.max-expire'")
                .hasMessageContaining("max-expires");
    }

    @Test
    void badValuesNameTheirSourceAndTheRule() throws IOException {
        assertThatThrownBy(() -> loader.load(data, Map.of("sip-port", "70000")))
                .hasMessage("--sip-port: '70000' is not a port: use a number from 1 to 65535 (0 picks a free port)");
        assertThatThrownBy(() -> loader.load(data, Map.of("rtp-ports", "20000-10000")))
                .hasMessageStartingWith("--rtp-ports: '20000-10000' ").hasMessageContaining("A-B");
        assertThatThrownBy(() -> loader.load(data, Map.of("bind", "pbx.example.com")))
                .hasMessageStartingWith("--bind: 'pbx.example.com' is not an IP address");
        assertThatThrownBy(() -> loader.load(data, Map.of("bind", "192.0.2.99")))
                .hasMessageContaining("is not an address of this machine");
        assertThatThrownBy(() -> loader.load(data, Map.of("domain", "bad_domain!")))
                .hasMessageStartingWith("--domain: 'bad_domain!' is not a domain");

        yaml("timers:\n  t1: fast\n");
        assertThatThrownBy(() -> loader.load(data, Map.of()))
                .hasMessageContaining("switchboard.yaml: timers.t1: 'fast' is not a duration")
                .hasMessageContaining("500ms");
    }

    @Test
    void inconsistentValuesAreRefused() throws IOException {
        assertThatThrownBy(() -> loader.load(data, Map.of("sips-port", "5060")))
                .hasMessageContaining("--sips-port").hasMessageContaining("sip-port");
        assertThatThrownBy(() -> loader.load(data, Map.of("https-port", "5061")))
                .hasMessageContaining("--https-port");
        assertThatThrownBy(() -> loader.load(data, Map.of("rtp-ports", "5000-6000")))
                .hasMessage("--rtp-ports: 5000-6000 contains the SIP port 5060 (default sip-port): choose --rtp-ports or"
                        + " --sip-port so that they do not overlap");
        assertThatThrownBy(() -> loader.load(data, Map.of("sip-port", "15060")))
                .hasMessageStartingWith("default rtp-ports: 10000-20000 contains the SIP port 15060 (--sip-port)");

        yaml("registrar:\n  min-expires: 600\n  default-expires: 300\n");
        assertThatThrownBy(() -> loader.load(data, Map.of()))
                .hasMessageContaining("min-expires <= default-expires <= max-expires");

        yaml("tls:\n  certificate: cert.pem\n");
        assertThatThrownBy(() -> loader.load(data, Map.of()))
                .hasMessageContaining("tls.certificate and tls.private-key go together");

        yaml("timers:\n  t1: 5s\n  t2: 1s\n");
        assertThatThrownBy(() -> loader.load(data, Map.of())).hasMessageContaining("t2 must be at least t1");
    }

    @Test
    void malformedYamlIsAClearError() throws IOException {
        yaml("sip-port: [5060, 5070]\n");
        assertThatThrownBy(() -> loader.load(data, Map.of())).hasMessageContaining("sip-port must be a single value");

        yaml("sip-port: 5060\nsip-port: 5070\n");
        assertThatThrownBy(() -> loader.load(data, Map.of())).hasMessageContaining("not valid YAML");

        yaml("registrar: 60\n");
        assertThatThrownBy(() -> loader.load(data, Map.of())).hasMessageContaining("registrar must be a section");

        yaml("- a\n- b\n");
        assertThatThrownBy(() -> loader.load(data, Map.of())).hasMessageContaining("must be a mapping");
    }

    @Test
    void digestAlgorithmsAreAListInOrderOfPreference() throws Exception {
        yaml("auth:\n  algorithms: MD5, sha-256\n");
        assertThat(loader.load(data, Map.of()).auth().algorithms()).containsExactly(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);

        yaml("auth:\n  algorithms: [SHA-512]\n");
        assertThatThrownBy(() -> loader.load(data, Map.of()))
                .hasMessageContaining("auth.algorithms: 'SHA-512' is not a list of digest algorithms");
    }

    @Test
    void emptyFileMeansDefaults() throws Exception {
        yaml("# nothing configured yet\n");
        assertThat(loader.load(data, Map.of()).sipPort()).isEqualTo(5060);
    }

    @Test
    void portZeroPicksAFreePortForTests() throws Exception {
        assertThat(loader.load(data, Map.of("sip-port", "0", "sips-port", "0", "https-port", "0")).httpsPort()).isZero();
    }

    @Test
    void domainIsNormalised() throws Exception {
        assertThat(loader.load(data, Map.of("domain", "PBX.Example.COM.")).domain()).isEqualTo("pbx.example.com");
        assertThat(loader.load(data, Map.of("domain", "[::1]")).domain()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(new ConfigLoader(() -> "bad host").load(data, Map.of()).domain()).isEqualTo("localhost");
    }

    private void yaml(String text) throws IOException {
        Files.writeString(data.resolve(SwitchboardConfig.FILE_NAME), text);
    }
}
