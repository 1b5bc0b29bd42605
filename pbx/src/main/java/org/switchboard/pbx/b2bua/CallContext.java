package org.switchboard.pbx.b2bua;

import java.time.InstantSource;
import org.switchboard.media.relay.MediaEndpoints;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transaction.SipStack;

/** The services every call of one B2BUA shares. */
record CallContext(SipStack stack, Scheduler scheduler, InstantSource clock, B2buaSettings settings,
                   CallTable table, RecordSink records, MediaEndpoints media) { }
