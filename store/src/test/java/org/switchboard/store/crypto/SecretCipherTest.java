package org.switchboard.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
    @TempDir Path dataDir;

    private static final byte[] PLAIN = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "switchboard/extension/101/sip_secret".getBytes(StandardCharsets.UTF_8);

    private Path keyFile() { return dataDir.resolve("secrets").resolve("master.key"); }

    @Test
    void encryptsAndDecryptsWithAFreshNonceEachTime() {
        SecretCipher cipher = SecretCipher.open(dataDir);
        byte[] first = cipher.encrypt(PLAIN, AAD);
        byte[] second = cipher.encrypt(PLAIN, AAD);
        assertThat(first).hasSize(12 + PLAIN.length + 16).isNotEqualTo(second);
        assertThat(cipher.decrypt(cipher.keyVersion(), first, AAD)).isEqualTo(PLAIN);
        assertThat(cipher.decrypt(cipher.keyVersion(), second, AAD)).isEqualTo(PLAIN);
    }

    @Test
    void anyAlteredByteIsRejected() {
        SecretCipher cipher = SecretCipher.open(dataDir);
        byte[] sealed = cipher.encrypt(PLAIN, AAD);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(1, tampered, AAD))
                    .isInstanceOf(SecretDecryptionException.class).hasMessageContaining("failed authentication");
        }
    }

    @Test
    void aValueMovedToAnotherRowIsRejected() {
        SecretCipher cipher = SecretCipher.open(dataDir);
        byte[] sealed = cipher.encrypt(PLAIN, AAD);
        byte[] otherRow = "switchboard/extension/102/sip_secret".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> cipher.decrypt(1, sealed, otherRow)).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void truncatedValuesAndUnknownKeyVersionsAreRejected() {
        SecretCipher cipher = SecretCipher.open(dataDir);
        byte[] sealed = cipher.encrypt(PLAIN, AAD);
        assertThatThrownBy(() -> cipher.decrypt(1, new byte[5], AAD))
                .isInstanceOf(SecretDecryptionException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> cipher.decrypt(2, sealed, AAD))
                .isInstanceOf(SecretDecryptionException.class).hasMessageContaining("key version 2");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        byte[] sealed = SecretCipher.open(dataDir).encrypt(PLAIN, AAD);
        SecretCipher other = SecretCipher.ofKey(new byte[32]);
        assertThatThrownBy(() -> other.decrypt(1, sealed, AAD)).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void firstStartCreatesAnOwnerOnlyKeyAndNoLeftovers() throws Exception {
        SecretCipher.open(dataDir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secrets")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
        assertThat(Files.size(keyFile())).isEqualTo(32);
        try (var files = Files.list(dataDir.resolve("secrets"))) {
            assertThat(files).containsExactly(keyFile());
        }
    }

    @Test
    void aRestartUsesTheSameKey() throws Exception {
        byte[] sealed = SecretCipher.open(dataDir).encrypt(PLAIN, AAD);
        byte[] key = Files.readAllBytes(keyFile());
        SecretCipher again = SecretCipher.open(dataDir);
        assertThat(Files.readAllBytes(keyFile())).isEqualTo(key);
        assertThat(again.decrypt(1, sealed, AAD)).isEqualTo(PLAIN);
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws Exception {
        SecretCipher.open(dataDir);
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SecretCipher.open(dataDir))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("mode 0644").hasMessageContaining("chmod 600").hasMessageContaining(keyFile().toString());
    }

    @Test
    void anUnreadableKeyFileIsRefused() throws Exception {
        SecretCipher.open(dataDir);
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("-w-------"));
        assertThatThrownBy(() -> SecretCipher.open(dataDir))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("not readable");
    }

    @Test
    void aKeyFileOfTheWrongSizeIsRefusedAndKept() throws Exception {
        SecretCipher.open(dataDir);
        Files.write(keyFile(), new byte[16]);
        assertThatThrownBy(() -> SecretCipher.open(dataDir))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("16 bytes");
        assertThat(Files.size(keyFile())).as("never overwritten").isEqualTo(16);
    }

    @Test
    void aSecretsDirectoryOthersCanEnterIsRefused() throws Exception {
        Files.createDirectories(dataDir.resolve("secrets"));
        Files.setPosixFilePermissions(dataDir.resolve("secrets"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> SecretCipher.open(dataDir))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("0755").hasMessageContaining("chmod 700");
        assertThat(Files.exists(keyFile())).isFalse();
    }

    @Test
    void aDirectoryInPlaceOfTheKeyIsRefused() throws Exception {
        SecretCipher.open(dataDir);
        Files.delete(keyFile());
        Files.createDirectory(keyFile());
        assertThatThrownBy(() -> SecretCipher.open(dataDir))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("regular file");
    }

    @Test
    void describesItselfWithoutTheKey() throws Exception {
        SecretCipher cipher = SecretCipher.open(dataDir);
        assertThat(cipher.toString()).isEqualTo("SecretCipher[AES-256-GCM, key version 1]");
    }
}
