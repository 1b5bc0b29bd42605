/**
 * The registrar and location service (RFC 3261 §10): {@link org.switchboard.pbx.registrar.Registrar}
 * answers REGISTER with digest authentication; {@link org.switchboard.pbx.registrar.Location}
 * keeps the bindings in memory and writes them behind to a
 * {@link org.switchboard.pbx.registrar.BindingRepository}, so they survive a restart.
 *
 * <p>Choices: a REGISTER for a domain we do not serve gets 404 (RFC 3261 §21.4.5); one AOR
 * holds at most {@code maxContactsPerAor} contacts (default 10), and a new contact beyond it
 * replaces the least recently refreshed one (a rebooted phone often comes back with a new
 * port), while a single REGISTER asking for more than the cap gets 403. Contacts are matched
 * by their URI text as sent, the key the repository stores.
 */
package org.switchboard.pbx.registrar;
