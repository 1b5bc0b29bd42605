/**
 * Encryption at rest of SIP secrets. They cannot be hashed like people's passwords, because
 * digest authentication (RFC 3261 §22.4, RFC 8760) and phone provisioning need the clear text,
 * so they are sealed with AES-256-GCM (NIST SP 800-38D) under a master key kept in
 * {@code DATA/secrets/master.key}, apart from the database and its backups.
 */
package org.switchboard.store.crypto;
