/**
 * Where requests enter the domain: the transaction user of the SIP stack, which checks each
 * request (RFC 3261 §8.2) and hands it to the part of the domain that serves its method.
 */
package org.switchboard.pbx.signalling;
