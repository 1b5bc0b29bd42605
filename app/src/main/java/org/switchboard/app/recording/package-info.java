/** Call recording of a running server: its directory, store, retention and the services calls and the API use. */
package org.switchboard.app.recording;
