package org.switchboard.pbx.registrar;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registrar configuration (RFC 3261 §10.3).
 *
 * @param realm             digest realm in challenges (default: the first domain)
 * @param domains           host names and IP literals the registrar serves, besides the local
 *                          address a REGISTER arrived on (always served), compared case-insensitively
 * @param minExpires        shortest registration accepted, seconds (default 60); shorter gets 423
 * @param maxExpires        longest registration granted, seconds (default 3600); longer is cut down
 * @param defaultExpires    used when neither the contact nor the request says (default 3600)
 * @param maxContactsPerAor most contacts one extension may have registered (default 10); a new
 *                          one beyond it replaces the least recently refreshed
 */
public record RegistrarSettings(String realm, Set<String> domains, int minExpires, int maxExpires,
                                int defaultExpires, int maxContactsPerAor) {

    public static final int DEFAULT_MIN_EXPIRES = 60;
    public static final int DEFAULT_MAX_EXPIRES = 3600;
    public static final int DEFAULT_EXPIRES = 3600;
    public static final int DEFAULT_MAX_CONTACTS = 10;

    public RegistrarSettings {
        Objects.requireNonNull(realm, "realm");
        if (realm.isBlank()) throw new IllegalArgumentException("realm must not be blank");
        domains = domains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (minExpires < 1) throw new IllegalArgumentException("minExpires must be at least 1 second");
        if (maxExpires < minExpires) throw new IllegalArgumentException("maxExpires must not be below minExpires");
        if (defaultExpires < minExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("defaultExpires must lie between minExpires and maxExpires");
        }
        if (maxContactsPerAor < 1) throw new IllegalArgumentException("maxContactsPerAor must be at least 1");
    }

    /** The defaults for one domain, which is also the realm. */
    public static RegistrarSettings defaults(String domain) {
        return new RegistrarSettings(domain, Set.of(domain), DEFAULT_MIN_EXPIRES, DEFAULT_MAX_EXPIRES,
                DEFAULT_EXPIRES, DEFAULT_MAX_CONTACTS);
    }

    public RegistrarSettings withDomains(Set<String> newDomains) {
        return new RegistrarSettings(realm, newDomains, minExpires, maxExpires, defaultExpires, maxContactsPerAor);
    }

    public RegistrarSettings withExpires(int min, int max, int byDefault) {
        return new RegistrarSettings(realm, domains, min, max, byDefault, maxContactsPerAor);
    }

    public RegistrarSettings withMaxContactsPerAor(int max) {
        return new RegistrarSettings(realm, domains, minExpires, maxExpires, defaultExpires, max);
    }
}
