package org.switchboard.pbx.moh;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.AudioSource;

/**
 * Finds the music on hold classes and opens their music.
 *
 * <ul>
 *   <li>Class {@value #DEFAULT_CLASS} is bundled: {@value #BUNDLED_RESOURCE}, made by this project
 *       ({@code scripts/make-moh.sh}) and royalty-free. A folder {@code DATA/moh/default/} with
 *       readable files replaces it, as a custom prompt replaces a bundled one.</li>
 *   <li>Every other folder {@code DATA/moh/CLASS/} is a class: its {@code *.wav} files (any format
 *       the media {@code WavReader} reads: 8- or 16-bit PCM, A-law, u-law, any rate, mono or
 *       stereo) in file-name order, looped. Files starting with a dot are ignored.</li>
 *   <li>The folders are read each time music is asked for, so an uploaded class plays on the next
 *       hold without a restart. A file that cannot be played is skipped with one WARN line.</li>
 *   <li>A class that does not exist, or has no readable file, plays the default class instead
 *       (a WARN line each time); when even that has nothing, there is no music and the caller decides
 *       (the B2BUA then holds in silence).</li>
 * </ul>
 *
 * <p>Thread-safe. Reading a folder and a WAV header is local file I/O of a few microseconds, done
 * on the caller's thread (the call's), as opening a prompt is.
 */
public final class MusicOnHold {
    private static final Logger LOG = LoggerFactory.getLogger(MusicOnHold.class);

    /** The class played unless configured otherwise ({@code moh.default-class}). */
    public static final String DEFAULT_CLASS = "default";
    /** The class-path name of the bundled default music. */
    public static final String BUNDLED_RESOURCE = "/org/switchboard/pbx/moh/default/gentle-chords.wav";
    /** The folder of the data directory that holds the classes. */
    public static final String FOLDER = "moh";

    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final MusicClass BUNDLED = new MusicClass(DEFAULT_CLASS, List.of(new MusicTrack.Bundled(BUNDLED_RESOURCE)));

    private final Path directory;
    private final String defaultClass;
    private final UnreadableTracks unreadable = new UnreadableTracks();

    private MusicOnHold(Path directory, String defaultClass) {
        this.directory = directory;
        this.defaultClass = defaultClass;
    }

    /** The bundled class only: what tests and a server without a data directory use. */
    public static MusicOnHold bundled() {
        return new MusicOnHold(null, DEFAULT_CLASS);
    }

    /**
     * Classes from the folders of {@code directory} ({@code DATA/moh}, which need not exist yet)
     * and the bundled default.
     *
     * @param defaultClass the class a hold plays ({@code moh.default-class})
     * @throws IllegalArgumentException when {@code defaultClass} is not a class name
     */
    public static MusicOnHold of(Path directory, String defaultClass) {
        Objects.requireNonNull(directory, "directory");
        requireClassName(defaultClass);
        return new MusicOnHold(directory, defaultClass);
    }

    /**
     * Whether {@code name} can name a class: 1 to 64 letters, digits, dots, dashes and underscores,
     * not starting with a dot or a dash (it is a folder name: no path can hide in it).
     */
    public static boolean isClassName(String name) {
        return name != null && CLASS_NAME.matcher(name).matches();
    }

    /** The class a hold plays. */
    public String defaultClass() {
        return defaultClass;
    }

    /**
     * The class called {@code name} with the files it has now; empty when it has none (or the
     * name is not a class name). {@value #DEFAULT_CLASS} always exists.
     */
    public Optional<MusicClass> find(String name) {
        if (!isClassName(name)) return Optional.empty();
        List<MusicTrack> files = directory == null ? List.of() : files(directory.resolve(name));
        if (!files.isEmpty()) return Optional.of(new MusicClass(name, files));
        return name.equals(DEFAULT_CLASS) ? Optional.of(BUNDLED) : Optional.empty();
    }

    /** The names of the classes there are now, {@value #DEFAULT_CLASS} included, sorted. */
    public List<String> classNames() {
        TreeSet<String> names = new TreeSet<>();
        names.add(DEFAULT_CLASS);
        if (directory != null && Files.isDirectory(directory)) {
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory, Files::isDirectory)) {
                for (Path folder : folders) {
                    String name = folder.getFileName().toString();
                    if (isClassName(name) && !files(folder).isEmpty()) names.add(name);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Music on hold: cannot list {}: {}", directory, e.toString());
            }
        }
        return List.copyOf(names);
    }

    /** The music of the {@linkplain #defaultClass() default class}, looped; see {@link #play(String)}. */
    public Optional<AudioSource> play() {
        return play(defaultClass);
    }

    /**
     * The music of class {@code name}, looped, ready to be handed to a terminated leg (which then
     * owns and closes it). A missing or unplayable class falls back to {@value #DEFAULT_CLASS},
     * then to the bundled music; empty only when nothing at all can be played.
     */
    public Optional<AudioSource> play(String name) {
        List<MusicClass> candidates = new ArrayList<>(3);
        find(name).ifPresent(candidates::add);
        if (!DEFAULT_CLASS.equals(name)) find(DEFAULT_CLASS).ifPresent(candidates::add);
        if (!candidates.contains(BUNDLED)) candidates.add(BUNDLED);
        for (MusicClass music : candidates) {
            Optional<Playlist> playlist = Playlist.of(music, unreadable);
            if (playlist.isPresent()) {
                if (!music.name().equals(name) || music == BUNDLED && candidates.getFirst() != BUNDLED) {
                    LOG.warn("Music on hold: class '{}' has no playable file; playing {}", name,
                            music == BUNDLED ? "the bundled music" : "class '" + music.name() + "'");
                }
                return Optional.of(playlist.get());
            }
        }
        return Optional.empty();
    }

    /** The {@code *.wav} files of a class folder in name order; empty when there is no such folder. */
    private List<MusicTrack> files(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                String file = p.getFileName().toString();
                if (!file.startsWith(".") && file.toLowerCase(Locale.ROOT).endsWith(".wav") && Files.isRegularFile(p)) {
                    found.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Music on hold: cannot list {}: {}", folder, e.toString());
            return List.of();
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return found.stream().<MusicTrack>map(MusicTrack.File::new).toList();
    }

    private static void requireClassName(String name) {
        if (!isClassName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a music class name: use 1 to 64 letters, digits,"
                    + " dots, dashes or underscores, starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return "MusicOnHold[" + (directory == null ? "bundled" : directory) + ", default class " + defaultClass + "]";
    }
}
