package org.switchboard.pbx.registrar;

import java.util.List;

/** Read side of the location service, for the admin API and the CLI. Never blocks. */
public interface Registrations {

    /** Live (unexpired) bindings, ordered by address-of-record then contact. */
    List<Binding> all();
}
