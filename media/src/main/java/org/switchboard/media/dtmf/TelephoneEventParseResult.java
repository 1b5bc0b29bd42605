package org.switchboard.media.dtmf;

/** What {@link TelephoneEvent#parse} makes of a payload: an event, or why there is none. */
public sealed interface TelephoneEventParseResult {

    record Parsed(TelephoneEvent event) implements TelephoneEventParseResult { }

    /** @param reason a short fixed English reason; it never quotes the packet's bytes */
    record Failed(String reason) implements TelephoneEventParseResult { }
}
