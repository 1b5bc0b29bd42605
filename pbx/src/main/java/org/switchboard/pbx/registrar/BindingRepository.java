package org.switchboard.pbx.registrar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Durable copy of the location service, so registrations survive a restart. The registrar
 * serves from memory and writes changes behind in batches; these methods may block.
 */
public interface BindingRepository {

    /** Every stored binding, expired ones included (the caller drops those). */
    List<Binding> loadAll();

    /** Applies upserts (by key) and removals in one transaction. */
    void apply(Collection<Binding> upserts, Collection<Binding.Key> removals);

    /**
     * As {@link #apply(Collection, Collection)}, with refreshes as well: bindings stored
     * before that changed only as a phone re-registering changes them
     * ({@link Binding#isRefreshOf}), which an implementation may write more cheaply than an
     * upsert. A refresh of a binding that is not stored (its extension was removed) is
     * skipped. By default refreshes are written as upserts. Each key appears at most once.
     */
    default void apply(Collection<Binding> upserts, Collection<Binding> refreshes, Collection<Binding.Key> removals) {
        if (refreshes.isEmpty()) {
            apply(upserts, removals);
            return;
        }
        List<Binding> all = new ArrayList<>(upserts.size() + refreshes.size());
        all.addAll(upserts);
        all.addAll(refreshes);
        apply(all, removals);
    }
}
