/** Switchboard store module. */
package org.switchboard.store;
