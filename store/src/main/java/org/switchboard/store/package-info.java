/**
 * Durable storage of Switchboard: an embedded SQLite database ({@code DATA/switchboard.db},
 * WAL journal) migrated by Flyway, and the repositories that implement the interfaces of
 * {@code pbx}. SQL is kept to what SQLite and PostgreSQL both accept (standard types,
 * {@code INSERT ... ON CONFLICT}), so a PostgreSQL {@link org.switchboard.store.Database}
 * can later serve the same repositories. SIP secrets are sealed by
 * {@link org.switchboard.store.crypto.SecretCipher} before they reach a table.
 */
package org.switchboard.store;
