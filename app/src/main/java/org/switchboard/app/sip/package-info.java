/** Wiring of the SIP side: transports (net), transaction layer (sip), registrar (pbx). */
package org.switchboard.app.sip;
