package org.switchboard.pbx.b2bua;

/** The two sides of a call: the caller's leg, and the callee leg that answered (or rings). */
enum Side {
    CALLER, CALLEE;

    Side other() { return this == CALLER ? CALLEE : CALLER; }
}
