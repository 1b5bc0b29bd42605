/** Switchboard web module. */
package org.switchboard.web;
