/** Switchboard media module. */
package org.switchboard.media;
