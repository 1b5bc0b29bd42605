/** Switchboard app module. */
package org.switchboard.app;
