package org.switchboard.pbx.voice;

import org.switchboard.media.channel.AudioSource;

/** What happens on a {@link VoiceLine}, in the order it happened. */
public sealed interface VoiceEvent {

    /** The caller pressed a key (RFC 4733 event, in-band tone or SIP INFO), once per press: 0-9, *, #, A-D. */
    record Digit(char key) implements VoiceEvent { }

    /**
     * What {@link VoiceLine#play} played ended by itself (not when replaced or stopped): {@code source}
     * is the one given to {@code play}, so that a late event of an earlier play is told apart.
     */
    record PlayFinished(AudioSource source) implements VoiceEvent { }

    /**
     * An event an application posted itself ({@link VoiceLine#post}), from a sink on the media
     * thread for instance: "the caller has been silent for ten seconds".
     */
    record Notice(String what) implements VoiceEvent { }

    /** The caller hung up (BYE or CANCEL), or the server ended the call. Nothing follows. */
    record HungUp() implements VoiceEvent { }

    /** {@link VoiceLine#next} waited its whole timeout for nothing. */
    record Timeout() implements VoiceEvent { }
}
