package org.switchboard.pbx.registrar;

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
}
