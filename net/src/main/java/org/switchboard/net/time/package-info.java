/** Real-time scheduling for the sans-IO SIP stack. */
package org.switchboard.net.time;
