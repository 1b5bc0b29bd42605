/**
 * The domain: extensions, registrar and location, later calls, legs, bridges and a package
 * per feature. Talks to the network only through interfaces of modules {@code sip} and
 * {@code media}; persistence goes through repository interfaces that {@code store} implements.
 */
package org.switchboard.pbx;
