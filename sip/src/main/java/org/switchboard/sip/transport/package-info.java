/** Transport-neutral types shared by the SIP stack and module {@code net}, which implements them. */
package org.switchboard.sip.transport;
