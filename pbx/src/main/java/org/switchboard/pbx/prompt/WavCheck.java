package org.switchboard.pbx.prompt;

/** What {@link WavHeader#read} made of a file: a usable header, or why not (said to an administrator). */
public sealed interface WavCheck {

    record Valid(WavHeader header) implements WavCheck { }

    record Invalid(String reason) implements WavCheck { }
}
