package org.switchboard.pbx.call;

/** Who ended a call: one of the parties, or the server itself (timeouts, errors, shutdown). */
public enum HangupSide { CALLER, CALLEE, SYSTEM }
