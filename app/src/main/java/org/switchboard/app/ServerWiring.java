package org.switchboard.app;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Which implementations the server is assembled from: the composition root's one switch
 * between production and tests.
 */
public record ServerWiring(Storage.Opener storage, Supplier<SipService> sip) {
    public ServerWiring {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(sip, "sip");
    }

    /** SQLite in the data directory and the real SIP stack. */
    public static ServerWiring production() {
        return new ServerWiring(SqliteStorage::open, org.switchboard.app.sip.StackSipService::new);
    }
}
