package org.switchboard.store;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.BindingRepository;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/**
 * Registrar bindings in table {@code binding}, keyed by (aor, contact URI). The flow is kept as
 * transport name and local/remote IP literal and port; instants as epoch milliseconds.
 *
 * <p>{@link #apply} runs one transaction of JDBC batches: upserts first, then refreshes, then
 * removals, so a key listed in two ends as the later batch leaves it. A refresh (a phone
 * re-registering) rewrites only the four columns a refresh changes, by primary key: it is
 * the usual write of a busy registrar, and the narrow update costs about half the upsert. An upsert for an address-of-record that is no longer an
 * extension (removed while the write was pending) is skipped rather than failing the batch;
 * removing an extension removes its bindings (foreign key {@code ON DELETE CASCADE}).
 * {@link #loadAll} skips, with a warning, a row it cannot turn back into a binding.
 */
public final class SqlBindingRepository implements BindingRepository {
    private static final Logger LOG = LoggerFactory.getLogger(SqlBindingRepository.class);

    private static final String UPSERT = """
            INSERT INTO binding (aor, contact_uri, expires_at, call_id, cseq, transport,
                                 local_host, local_port, remote_host, remote_port, user_agent, registered_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE EXISTS (SELECT 1 FROM extension WHERE number = ?)
            ON CONFLICT (aor, contact_uri) DO UPDATE SET
                expires_at = excluded.expires_at, call_id = excluded.call_id, cseq = excluded.cseq,
                transport = excluded.transport, local_host = excluded.local_host, local_port = excluded.local_port,
                remote_host = excluded.remote_host, remote_port = excluded.remote_port,
                user_agent = excluded.user_agent, registered_at = excluded.registered_at""";
    private static final String REFRESH = """
            UPDATE binding SET expires_at = ?, call_id = ?, cseq = ?, registered_at = ?
            WHERE aor = ? AND contact_uri = ?""";
    private static final String DELETE = "DELETE FROM binding WHERE aor = ? AND contact_uri = ?";
    private static final String SELECT_ALL = """
            SELECT aor, contact_uri, expires_at, call_id, cseq, transport,
                   local_host, local_port, remote_host, remote_port, user_agent, registered_at
            FROM binding""";

    private final Database db;

    public SqlBindingRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<Binding> loadAll() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_ALL); ResultSet rs = ps.executeQuery()) {
                List<Binding> all = new ArrayList<>();
                while (rs.next()) binding(rs).ifPresent(all::add);
                return List.copyOf(all);
            }
        });
    }

    @Override
    public void apply(Collection<Binding> upserts, Collection<Binding.Key> removals) {
        apply(upserts, List.of(), removals);
    }

    @Override
    public void apply(Collection<Binding> upserts, Collection<Binding> refreshes, Collection<Binding.Key> removals) {
        Objects.requireNonNull(upserts, "upserts");
        Objects.requireNonNull(refreshes, "refreshes");
        Objects.requireNonNull(removals, "removals");
        if (upserts.isEmpty() && refreshes.isEmpty() && removals.isEmpty()) return;
        int skipped = db.write(c -> upsert(c, upserts) + refresh(c, refreshes) + remove(c, removals));
        if (skipped > 0) LOG.debug("{} binding writes skipped: their extension no longer exists", skipped);
    }

    /** Returns how many upserts were skipped for want of an extension. */
    private static int upsert(Connection c, Collection<Binding> upserts) throws SQLException {
        if (upserts.isEmpty()) return 0;
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Binding b : upserts) {
                Flow flow = b.flow();
                ps.setString(1, b.aor());
                ps.setString(2, b.contactUri());
                ps.setLong(3, b.expiresAt().toEpochMilli());
                ps.setString(4, b.callId());
                ps.setLong(5, b.cseq());
                ps.setString(6, flow.transport().name());
                ps.setString(7, host(flow.local()));
                ps.setInt(8, flow.local().getPort());
                ps.setString(9, host(flow.remote()));
                ps.setInt(10, flow.remote().getPort());
                ps.setString(11, b.userAgent());
                ps.setLong(12, b.registeredAt().toEpochMilli());
                ps.setString(13, b.aor());
                ps.addBatch();
            }
            int skipped = 0;
            for (int count : ps.executeBatch()) if (count == 0) skipped++;
            return skipped;
        }
    }

    /** Returns how many refreshes found no row (the extension, and so its bindings, were removed). */
    private static int refresh(Connection c, Collection<Binding> refreshes) throws SQLException {
        if (refreshes.isEmpty()) return 0;
        try (PreparedStatement ps = c.prepareStatement(REFRESH)) {
            for (Binding b : refreshes) {
                ps.setLong(1, b.expiresAt().toEpochMilli());
                ps.setString(2, b.callId());
                ps.setLong(3, b.cseq());
                ps.setLong(4, b.registeredAt().toEpochMilli());
                ps.setString(5, b.aor());
                ps.setString(6, b.contactUri());
                ps.addBatch();
            }
            int skipped = 0;
            for (int count : ps.executeBatch()) if (count == 0) skipped++;
            return skipped;
        }
    }

    private static int remove(Connection c, Collection<Binding.Key> removals) throws SQLException {
        if (removals.isEmpty()) return 0;
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            for (Binding.Key key : removals) {
                ps.setString(1, key.aor());
                ps.setString(2, key.contactUri());
                ps.addBatch();
            }
            ps.executeBatch();
            return 0;
        }
    }

    private static String host(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        return ip != null ? ip.getHostAddress() : address.getHostString();
    }

    private static Optional<Binding> binding(ResultSet rs) throws SQLException {
        String aor = rs.getString("aor");
        String contact = rs.getString("contact_uri");
        try {
            Transport transport = Transport.fromName(rs.getString("transport")).orElseThrow(
                    () -> new IllegalArgumentException("unknown transport"));
            Flow flow = new Flow(transport,
                    address(rs.getString("local_host"), rs.getInt("local_port")),
                    address(rs.getString("remote_host"), rs.getInt("remote_port")));
            return Optional.of(new Binding(aor, contact,
                    Instant.ofEpochMilli(rs.getLong("expires_at")), rs.getString("call_id"), rs.getLong("cseq"),
                    flow, rs.getString("user_agent"), Instant.ofEpochMilli(rs.getLong("registered_at"))));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("skipping stored binding {} -> {}: {}", aor, contact, e.getMessage());
            return Optional.empty();
        }
    }

    /** An IP literal back to an address without any name lookup. */
    private static InetSocketAddress address(String host, int port) {
        InetAddress ip;
        try {
            ip = InetAddress.ofLiteral(host);
        } catch (IllegalArgumentException e) {
            return InetSocketAddress.createUnresolved(host, port);
        }
        return new InetSocketAddress(ip, port);
    }
}
