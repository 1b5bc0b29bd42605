/**
 * HTTP Digest authentication for SIP (RFC 3261 §22, RFC 2617, RFC 7616, RFC 8760): the
 * {@code WWW-Authenticate}/{@code Authorization} header syntax, MD5 and SHA-256 response
 * computation, self-verifying nonces with expiry and nonce-count replay protection, and a
 * {@link org.switchboard.sip.auth.DigestAuthenticator} that challenges and verifies requests.
 *
 * <p>Sans-IO like the rest of module {@code sip}: no clock (every call takes {@code now}),
 * no threads, no I/O. Written by hand because no maintained Java library implements SIP
 * digest on the server side without dragging in a whole stack.
 *
 * <p>Policy choices, documented once here:
 * <ul>
 *   <li>Only {@code qop=auth} is accepted. RFC 2069 answers without qop carry no nonce
 *       count, so they cannot be protected against replay: they are refused (reason
 *       {@link org.switchboard.sip.auth.FailureReason#QOP_REQUIRED}). {@code auth-int} is
 *       not offered and refused.</li>
 *   <li>Challenges offer SHA-256 first and MD5 second, one header each (RFC 8760 §2.4);
 *       a client uses the first it supports.</li>
 *   <li>A correct digest on an expired, forgotten, replayed or foreign nonce is answered by
 *       a new challenge with {@code stale=true} (RFC 7616 §3.3), never accepted.</li>
 * </ul>
 */
package org.switchboard.sip.auth;
