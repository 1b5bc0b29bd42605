package org.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.crypto.SecretCipher;

class SqlBindingRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00.250Z");

    @TempDir Path dataDir;
    private Database db;
    private SqlExtensionRepository extensions;
    private SqlBindingRepository bindings;

    @BeforeEach
    void open() {
        db = Database.open(dataDir);
        extensions = new SqlExtensionRepository(db, SecretCipher.open(dataDir));
        bindings = new SqlBindingRepository(db);
        for (String number : List.of("101", "102")) {
            extensions.add(new Extension(number, "Ext " + number, NOW), SipSecret.of("secret-" + number));
        }
    }

    @AfterEach
    void close() { db.close(); }

    private static InetSocketAddress addr(String ip, int port) {
        return new InetSocketAddress(InetAddress.ofLiteral(ip), port);
    }

    private static Binding udp(String aor, String contact, long cseq) {
        return new Binding(aor, contact, NOW.plusSeconds(3600), "call-" + contact, cseq,
                new Flow(Transport.UDP, addr("192.0.2.10", 5060), addr("198.51.100.7", 40123)),
                "Yealink T54W", NOW);
    }

    private static Binding tlsV6(String aor, String contact) {
        return new Binding(aor, contact, NOW.plusSeconds(600), "call-v6", 7,
                new Flow(Transport.TLS, addr("2001:db8::1", 5061), addr("2001:db8::beef", 51000)), "", NOW);
    }

    @Test
    void storedBindingsLoadBackEqual() {
        Binding a = udp("101", "sip:101@198.51.100.7:40123", 1);
        Binding b = tlsV6("102", "sip:102@[2001:db8::beef]:51000;transport=tls");
        bindings.apply(List.of(a, b), List.of());
        assertThat(bindings.loadAll()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void anUpsertReplacesTheBindingWithTheSameKey() {
        Binding first = udp("101", "sip:101@198.51.100.7:40123", 1);
        bindings.apply(List.of(first), List.of());
        Binding refreshed = new Binding("101", first.contactUri(), NOW.plusSeconds(7200), first.callId(), 2,
                new Flow(Transport.TCP, addr("192.0.2.10", 5060), addr("198.51.100.7", 40999)), "Yealink T54W 2.0",
                NOW.plusSeconds(60));
        bindings.apply(List.of(refreshed), List.of());
        assertThat(bindings.loadAll()).containsExactly(refreshed);
    }

    @Test
    void removalsDeleteOnlyTheirKeys() {
        Binding desk = udp("101", "sip:101@198.51.100.7:40123", 1);
        Binding mobile = udp("101", "sip:101@198.51.100.8:5060", 1);
        Binding bob = udp("102", "sip:102@198.51.100.9:5060", 1);
        bindings.apply(List.of(desk, mobile, bob), List.of());
        bindings.apply(List.of(), List.of(desk.key(), new Binding.Key("102", "sip:unknown@203.0.113.1")));
        assertThat(bindings.loadAll()).containsExactlyInAnyOrder(mobile, bob);
    }

    @Test
    void aKeyBothUpsertedAndRemovedInOneBatchEndsRemoved() {
        Binding desk = udp("101", "sip:101@198.51.100.7:40123", 1);
        bindings.apply(List.of(desk), List.of(desk.key()));
        assertThat(bindings.loadAll()).isEmpty();
    }

    @Test
    void anUpsertForAVanishedExtensionIsSkippedWithoutLosingTheBatch() {
        Binding orphan = udp("999", "sip:999@198.51.100.7:5060", 1);
        Binding alice = udp("101", "sip:101@198.51.100.7:40123", 1);
        bindings.apply(List.of(orphan, alice), List.of());
        assertThat(bindings.loadAll()).containsExactly(alice);
    }

    @Test
    void removingAnExtensionRemovesItsBindings() {
        bindings.apply(List.of(udp("101", "sip:101@a", 1), udp("101", "sip:101@b", 1), udp("102", "sip:102@c", 1)), List.of());
        extensions.remove("101");
        assertThat(bindings.loadAll()).extracting(Binding::aor).containsExactly("102");
    }

    @Test
    void registrationsSurviveARestart() {
        Binding a = udp("101", "sip:101@198.51.100.7:40123", 1);
        Binding b = tlsV6("102", "sip:102@[2001:db8::beef]:51000;transport=tls");
        bindings.apply(List.of(a, b), List.of());
        db.close();
        db = Database.open(dataDir);
        bindings = new SqlBindingRepository(db);
        assertThat(bindings.loadAll()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void tenThousandUpsertsInOneBatch() {
        List<Extension> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) many.add(new Extension(Integer.toString(2000 + i), "Load " + i, NOW));
        for (Extension e : many) extensions.add(e, SipSecret.of("load-secret-" + e.number()));
        List<Binding> batch = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            String aor = many.get(i % 100).number();
            batch.add(udp(aor, "sip:" + aor + "@198.51.100." + (i / 100) + ":" + (5060 + i), i));
        }
        long start = System.nanoTime();
        bindings.apply(batch, List.of());
        long insertMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        bindings.apply(batch.stream().map(b -> udp(b.aor(), b.contactUri(), b.cseq() + 1)).toList(), List.of());
        long updateMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        List<Binding> loaded = bindings.loadAll();
        long loadMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("SqlBindingRepository: 10000 upserts (insert) %d ms, 10000 upserts (update) %d ms, loadAll %d ms%n",
                insertMs, updateMs, loadMs);
        assertThat(loaded).hasSize(10_000);
        assertThat(loaded.stream().map(Binding::key).collect(java.util.stream.Collectors.toSet()))
                .isEqualTo(Set.copyOf(batch.stream().map(Binding::key).toList()));
        assertThat(loaded).allMatch(b -> b.callId().startsWith("call-") && b.cseq() >= 1);
    }
}
