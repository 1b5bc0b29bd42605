package org.switchboard.store;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.ExtensionLanguage;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.extension.ExtensionRepository;
import org.switchboard.pbx.extension.MohClass;
import org.switchboard.pbx.extension.RecordingPolicy;
import org.switchboard.pbx.extension.RingTimeout;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.extension.SrtpPolicy;
import org.switchboard.store.crypto.MasterKeyException;
import org.switchboard.store.crypto.SecretCipher;
import org.switchboard.store.crypto.SecretDecryptionException;

/**
 * Extensions in table {@code extension}. The SIP secret is stored only as an AES-GCM sealed
 * value bound to its extension number, beside the version of the key that sealed it; it is
 * encrypted before the write lock is taken and decrypted only by {@link #secret}.
 *
 * <p>{@code createdAt} is kept to the millisecond. {@link #list()} orders numerically
 * (100, 101, ..., 1000), which for digit strings without a leading zero is by length, then text.
 * Numbers that break {@link ExtensionNumber#RULE} are simply not found. The ring timeout is
 * {@code ring_timeout_seconds}, NULL for the server default; a stored value that breaks
 * {@link RingTimeout#RULE} (edited by hand) reads as the default, with a warning. The SRTP policy is
 * {@code srtp}, one of {@link SrtpPolicy}'s words; anything else reads as the default, with a warning.
 * The same holds for {@code language} ({@link ExtensionLanguage}, NULL for the server's), {@code moh_class}
 * ({@link MohClass}, NULL for the server's) and {@code recording} ({@link RecordingPolicy}'s words).
 */
public final class SqlExtensionRepository implements ExtensionRepository {
    private static final byte[] KEY_CHECK_TEXT = "switchboard master key check".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = LoggerFactory.getLogger(SqlExtensionRepository.class);
    private static final String COLUMNS = "number, name, created_at, ring_timeout_seconds, srtp, language, moh_class,"
            + " recording";

    private final Database db;
    private final SecretCipher cipher;

    /**
     * Binds the repository to its database and cipher, and checks that the cipher's key is the
     * one this database was first used with (recording it on first use).
     *
     * @throws MasterKeyException if the key does not belong to this database
     */
    public SqlExtensionRepository(Database db, SecretCipher cipher) {
        this.db = Objects.requireNonNull(db, "db");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        verifyKey();
    }

    private void verifyKey() {
        int version = cipher.keyVersion();
        byte[] aad = ("switchboard/secret_key/" + version + "/check").getBytes(StandardCharsets.US_ASCII);
        byte[] fresh = cipher.encrypt(KEY_CHECK_TEXT, aad);
        db.write(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT check_value FROM secret_key WHERE version = ?")) {
                select.setInt(1, version);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        checkMatches(rs.getBytes(1), version, aad);
                        return null;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO secret_key (version, check_value, created_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setBytes(2, fresh);
                insert.setLong(3, System.currentTimeMillis());
                insert.executeUpdate();
            }
            return null;
        });
    }

    private void checkMatches(byte[] stored, int version, byte[] aad) {
        try {
            if (Arrays.equals(cipher.decrypt(version, stored, aad), KEY_CHECK_TEXT)) return;
        } catch (SecretDecryptionException e) {
            // reported below
        }
        throw new MasterKeyException("secrets/master.key does not belong to database " + db.file()
                + ": it was replaced or lost; restore the original key file (SIP secrets cannot be read without it)");
    }

    static byte[] associatedData(String number) {
        return ("switchboard/extension/" + number + "/sip_secret").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] seal(String number, SipSecret secret) {
        byte[] plain = secret.reveal().getBytes(StandardCharsets.UTF_8);
        try {
            return cipher.encrypt(plain, associatedData(number));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public boolean add(Extension extension, SipSecret secret) {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(secret, "secret");
        byte[] sealed = seal(extension.number(), secret);
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO extension (number, name, created_at, secret_sealed, secret_key_version, ring_timeout_seconds,
                    srtp, language, moh_class, recording) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (number) DO NOTHING""")) {
                ps.setString(1, extension.number());
                ps.setString(2, extension.name());
                ps.setLong(3, extension.createdAt().toEpochMilli());
                ps.setBytes(4, sealed);
                ps.setInt(5, cipher.keyVersion());
                setRingTimeout(ps, 6, extension.ringTimeout());
                ps.setString(7, extension.srtp().word());
                setSettings(ps, 8, extension);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Extension> find(String number) {
        if (!ExtensionNumber.isValid(number)) return Optional.empty();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM extension WHERE number = ?")) {
                ps.setString(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(extension(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Extension> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM extension ORDER BY LENGTH(number), number");
                 ResultSet rs = ps.executeQuery()) {
                List<Extension> all = new ArrayList<>();
                while (rs.next()) all.add(extension(rs));
                return List.copyOf(all);
            }
        });
    }

    private static Extension extension(ResultSet rs) throws SQLException {
        String number = rs.getString(1);
        long seconds = rs.getLong(4);
        Optional<Duration> ringTimeout = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        if (ringTimeout.isPresent() && !RingTimeout.isValid(ringTimeout.get())) {
            LOG.warn("Extension {} has ring_timeout_seconds {} in the database, outside the rule ({}): using the server"
                    + " default; set it again with ./switchboard extension set", number, seconds, RingTimeout.RULE);
            ringTimeout = Optional.empty();
        }
        String srtpWord = rs.getString(5);
        SrtpPolicy srtp = SrtpPolicy.parse(srtpWord).orElse(null);
        if (srtp == null) {
            LOG.warn("Extension {} has srtp '{}' in the database, outside the rule ({}): using {}; set it again with"
                    + " ./switchboard extension set", number, srtpWord, SrtpPolicy.RULE, SrtpPolicy.DEFAULT.word());
            srtp = SrtpPolicy.DEFAULT;
        }
        return new Extension(number, rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), ringTimeout, srtp,
                language(number, rs.getString(6)), mohClass(number, rs.getString(7)), recording(number, rs.getString(8)));
    }

    private static Optional<String> language(String number, String stored) {
        if (stored == null) return Optional.empty();
        if (ExtensionLanguage.isCanonical(stored)) return Optional.of(stored);
        LOG.warn("Extension {} has language '{}' in the database, outside the rule ({}): using the server default; set"
                + " it again with ./switchboard extension set", number, stored, ExtensionLanguage.RULE);
        return Optional.empty();
    }

    private static Optional<String> mohClass(String number, String stored) {
        if (stored == null) return Optional.empty();
        if (MohClass.isValid(stored)) return Optional.of(stored);
        LOG.warn("Extension {} has moh_class '{}' in the database, outside the rule ({}): using the server default; set"
                + " it again with ./switchboard extension set", number, stored, MohClass.RULE);
        return Optional.empty();
    }

    private static RecordingPolicy recording(String number, String stored) {
        Optional<RecordingPolicy> policy = RecordingPolicy.parse(stored);
        if (policy.isPresent()) return policy.get();
        LOG.warn("Extension {} has recording '{}' in the database, outside the rule ({}): using {}; set it again with"
                + " ./switchboard extension set", number, stored, RecordingPolicy.RULE, RecordingPolicy.DEFAULT.word());
        return RecordingPolicy.DEFAULT;
    }

    /** Language, music class and recording policy at {@code first}, {@code first + 1} and {@code first + 2}. */
    private static void setSettings(PreparedStatement ps, int first, Extension extension) throws SQLException {
        ps.setString(first, extension.language().orElse(null));
        ps.setString(first + 1, extension.mohClass().orElse(null));
        ps.setString(first + 2, extension.recording().word());
    }

    private static void setRingTimeout(PreparedStatement ps, int index, Optional<Duration> ringTimeout) throws SQLException {
        if (ringTimeout.isPresent()) ps.setLong(index, ringTimeout.get().toSeconds());
        else ps.setNull(index, Types.INTEGER);
    }

    /** Writes the settings only (name to recording policy): the sealed secret and {@code created_at} stay as stored. */
    @Override
    public boolean updateSettings(Extension extension) {
        Objects.requireNonNull(extension, "extension");
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE extension SET name = ?, ring_timeout_seconds = ?, srtp = ?, language = ?, moh_class = ?,"
                            + " recording = ? WHERE number = ?")) {
                ps.setString(1, extension.name());
                setRingTimeout(ps, 2, extension.ringTimeout());
                ps.setString(3, extension.srtp().word());
                setSettings(ps, 4, extension);
                ps.setString(7, extension.number());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Removes the extension, its sealed secret and (by cascade) its bindings. */
    @Override
    public boolean remove(String number) {
        if (!ExtensionNumber.isValid(number)) return false;
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM extension WHERE number = ?")) {
                ps.setString(1, number);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean changeSecret(String number, SipSecret secret) {
        Objects.requireNonNull(secret, "secret");
        if (!ExtensionNumber.isValid(number)) return false;
        byte[] sealed = seal(number, secret);
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE extension SET secret_sealed = ?, secret_key_version = ? WHERE number = ?")) {
                ps.setBytes(1, sealed);
                ps.setInt(2, cipher.keyVersion());
                ps.setString(3, number);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws SecretDecryptionException if the stored value was altered or moved from another
     *     extension; the extension needs a new secret
     */
    @Override
    public Optional<SipSecret> secret(String number) {
        if (!ExtensionNumber.isValid(number)) return Optional.empty();
        Optional<Sealed> stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT secret_sealed, secret_key_version FROM extension WHERE number = ?")) {
                ps.setString(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Sealed(rs.getBytes(1), rs.getInt(2))) : Optional.empty();
                }
            }
        });
        return stored.map(s -> open(number, s));
    }

    private SipSecret open(String number, Sealed sealed) {
        byte[] plain;
        try {
            plain = cipher.decrypt(sealed.keyVersion(), sealed.bytes(), associatedData(number));
        } catch (SecretDecryptionException e) {
            throw new SecretDecryptionException("the SIP secret of extension " + number + " cannot be read: "
                    + e.getMessage() + "; set a new secret", e);
        }
        try {
            return SipSecret.of(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("the SIP secret of extension " + number + " is not a valid password; set a new secret");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private record Sealed(byte[] bytes, int keyVersion) { }
}
