package org.switchboard.pbx.moh;

import java.util.List;
import java.util.Objects;

/**
 * A class of music on hold: a name callers never see, and its files, played in this order and
 * looped. {@link MusicOnHold#find} builds one from a folder or from the bundled file.
 *
 * @param name   the class name ({@link MusicOnHold#isClassName})
 * @param tracks its files, in play order; never empty
 */
public record MusicClass(String name, List<MusicTrack> tracks) {

    public MusicClass {
        Objects.requireNonNull(name, "name");
        tracks = List.copyOf(tracks);
        if (tracks.isEmpty()) throw new IllegalArgumentException("music class " + name + " has no track");
    }
}
