/** Switchboard net module. */
package org.switchboard.net;
