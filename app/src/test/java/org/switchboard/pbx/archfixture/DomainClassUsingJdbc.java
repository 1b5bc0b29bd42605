package org.switchboard.pbx.archfixture;

import java.sql.Connection;

/**
 * Test fixture only: a "domain" class that reaches for JDBC, which the layer rules forbid.
 * {@code LayerOrderTest} imports it alone to prove the rules catch such an import.
 */
public final class DomainClassUsingJdbc {
    private Connection connection;

    public boolean open() {
        return connection != null;
    }
}
