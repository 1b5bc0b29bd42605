package org.switchboard.media.codec.opus;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system libopus bound through the FFM API ({@code java.lang.foreign}): the handful of
 * functions of {@code opus.h} we call, as method handles. One instance per loaded library, shared
 * by every encoder and decoder; the library stays mapped for the life of the JVM.
 *
 * <p>The JVM must run with {@code --enable-native-access=ALL-UNNAMED} (the launcher and the
 * test runner do), else each call warns or, with {@code =deny}, loading fails and the Java
 * port is used.
 */
final class NativeOpus implements OpusEngine {

    /** System property: an absolute path to the libopus to load instead of searching. */
    static final String LIBRARY_PROPERTY = "switchboard.opus.library";

    static final int OPUS_OK = 0;
    static final int OPUS_BUFFER_TOO_SMALL = -2;
    static final int APPLICATION_VOIP = 2048;
    static final int SET_BITRATE = 4002;
    static final int SET_MAX_BANDWIDTH = 4004;
    static final int SET_COMPLEXITY = 4010;
    static final int SET_INBAND_FEC = 4012;
    static final int SET_PACKET_LOSS_PERC = 4014;
    static final int SET_DTX = 4016;
    static final int SET_SIGNAL = 4024;
    static final int SIGNAL_VOICE = 3001;

    /** Native encoder and decoder states alive now: a test hook for leaks. */
    private static final AtomicLong OPEN_STATES = new AtomicLong();

    private final MethodHandle encoderCreate;
    private final MethodHandle encode;
    private final MethodHandle encoderCtl;
    private final MethodHandle encoderDestroy;
    private final MethodHandle decoderCreate;
    private final MethodHandle decode;
    private final MethodHandle decoderDestroy;
    private final MethodHandle packetSamples;
    private final String description;

    private NativeOpus(SymbolLookup lib, String where) {
        Linker linker = Linker.nativeLinker();
        // OpusEncoder *opus_encoder_create(opus_int32 Fs, int channels, int application, int *error)
        encoderCreate = bind(linker, lib, "opus_encoder_create", FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
        // opus_int32 opus_encode(OpusEncoder *st, const opus_int16 *pcm, int frame_size, unsigned char *data, opus_int32 max_data_bytes)
        encode = bind(linker, lib, "opus_encode", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
        // int opus_encoder_ctl(OpusEncoder *st, int request, ...): every request we make takes one int
        encoderCtl = linker.downcallHandle(symbol(lib, "opus_encoder_ctl"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
        encoderDestroy = bind(linker, lib, "opus_encoder_destroy", FunctionDescriptor.ofVoid(ADDRESS));
        // OpusDecoder *opus_decoder_create(opus_int32 Fs, int channels, int *error)
        decoderCreate = bind(linker, lib, "opus_decoder_create", FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
        // int opus_decode(OpusDecoder *st, const unsigned char *data, opus_int32 len, opus_int16 *pcm, int frame_size, int decode_fec)
        decode = bind(linker, lib, "opus_decode", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        decoderDestroy = bind(linker, lib, "opus_decoder_destroy", FunctionDescriptor.ofVoid(ADDRESS));
        // int opus_packet_get_nb_samples(const unsigned char packet[], opus_int32 len, opus_int32 Fs)
        packetSamples = bind(linker, lib, "opus_packet_get_nb_samples", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        MethodHandle version = bind(linker, lib, "opus_get_version_string", FunctionDescriptor.of(ADDRESS));
        this.description = versionString(version) + " (" + where + ")";
    }

    /**
     * Loads libopus from the first of {@code candidates} that binds: an absolute path is tried
     * when the file exists, a bare name (a soname such as {@code libopus.so.0}) through the dynamic
     * linker's own search ({@code LD_LIBRARY_PATH}, {@code ld.so.cache}).
     *
     * @throws IllegalStateException with every reason when nothing loads
     */
    static NativeOpus load(List<String> candidates) {
        List<String> problems = new ArrayList<>();
        for (String candidate : candidates) {
            boolean isPath = candidate.indexOf('/') >= 0;
            if (isPath && !Files.isRegularFile(Path.of(candidate))) {
                continue;
            }
            try {
                SymbolLookup lib = isPath
                        ? SymbolLookup.libraryLookup(Path.of(candidate), Arena.global())
                        : SymbolLookup.libraryLookup(candidate, Arena.global());
                return new NativeOpus(lib, candidate);
            } catch (RuntimeException | LinkageError e) {
                problems.add(candidate + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException(problems.isEmpty()
                ? "libopus not found in " + candidates.stream().map(c -> c.contains("/") ? Path.of(c).getParent().toString() : c).distinct().toList()
                : "libopus not loaded: " + String.join("; ", problems));
    }

    /**
     * Where libopus usually lies: the {@value #LIBRARY_PROPERTY} property first, then the
     * distributions' library directories (Debian multiarch, RPM lib64, /usr/local, Homebrew),
     * then the bare sonames for the dynamic linker to find.
     */
    static List<String> usualLocations() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getProperty(LIBRARY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured.strip());
        }
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> System.getProperty("os.arch", "");
        };
        List<String> names = List.of("libopus.so.0", System.mapLibraryName("opus"), "libopus.0.dylib");
        for (String dir : List.of("/usr/lib/" + arch + "-linux-gnu", "/lib/" + arch + "-linux-gnu",
                "/usr/lib64", "/lib64", "/usr/lib", "/usr/local/lib", "/opt/homebrew/lib", "/usr/local/opt/opus/lib")) {
            for (String name : names) {
                candidates.add(dir + "/" + name);
            }
        }
        candidates.add("libopus.so.0");
        candidates.add(System.mapLibraryName("opus"));
        return List.copyOf(candidates);
    }

    @Override
    public OpusImplementation implementation() {
        return OpusImplementation.NATIVE;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public OpusEncoder newEncoder(int sampleRate, OpusEncoderSettings settings) {
        return new NativeOpusEncoder(this, sampleRate, settings);
    }

    @Override
    public OpusDecoder newDecoder(int sampleRate) {
        return new NativeOpusDecoder(this, sampleRate);
    }

    static long openStates() {
        return OPEN_STATES.get();
    }

    MemorySegment encoderCreate(int sampleRate, int channels, int application, MemorySegment error) {
        try {
            MemorySegment state = (MemorySegment) encoderCreate.invokeExact(sampleRate, channels, application, error);
            if (!state.equals(MemorySegment.NULL)) {
                OPEN_STATES.incrementAndGet();
            }
            return state;
        } catch (Throwable t) {
            throw failed("opus_encoder_create", t);
        }
    }

    int encode(MemorySegment state, MemorySegment pcm, int frameSize, MemorySegment data, int maxBytes) {
        try {
            return (int) encode.invokeExact(state, pcm, frameSize, data, maxBytes);
        } catch (Throwable t) {
            throw failed("opus_encode", t);
        }
    }

    int encoderCtl(MemorySegment state, int request, int value) {
        try {
            return (int) encoderCtl.invokeExact(state, request, value);
        } catch (Throwable t) {
            throw failed("opus_encoder_ctl", t);
        }
    }

    void encoderDestroy(MemorySegment state) {
        try {
            encoderDestroy.invokeExact(state);
            OPEN_STATES.decrementAndGet();
        } catch (Throwable t) {
            throw failed("opus_encoder_destroy", t);
        }
    }

    MemorySegment decoderCreate(int sampleRate, int channels, MemorySegment error) {
        try {
            MemorySegment state = (MemorySegment) decoderCreate.invokeExact(sampleRate, channels, error);
            if (!state.equals(MemorySegment.NULL)) {
                OPEN_STATES.incrementAndGet();
            }
            return state;
        } catch (Throwable t) {
            throw failed("opus_decoder_create", t);
        }
    }

    int decode(MemorySegment state, MemorySegment data, int length, MemorySegment pcm, int frameSize, int fec) {
        try {
            return (int) decode.invokeExact(state, data, length, pcm, frameSize, fec);
        } catch (Throwable t) {
            throw failed("opus_decode", t);
        }
    }

    void decoderDestroy(MemorySegment state) {
        try {
            decoderDestroy.invokeExact(state);
            OPEN_STATES.decrementAndGet();
        } catch (Throwable t) {
            throw failed("opus_decoder_destroy", t);
        }
    }

    int packetSamples(MemorySegment packet, int length, int sampleRate) {
        try {
            return (int) packetSamples.invokeExact(packet, length, sampleRate);
        } catch (Throwable t) {
            throw failed("opus_packet_get_nb_samples", t);
        }
    }

    private static MethodHandle bind(Linker linker, SymbolLookup lib, String name, FunctionDescriptor descriptor) {
        return linker.downcallHandle(symbol(lib, name), descriptor);
    }

    private static MemorySegment symbol(SymbolLookup lib, String name) {
        return lib.find(name).orElseThrow(() -> new IllegalStateException("libopus has no symbol " + name));
    }

    private static String versionString(MethodHandle version) {
        try {
            MemorySegment text = (MemorySegment) version.invokeExact();
            return text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw failed("opus_get_version_string", t);
        }
    }

    private static IllegalStateException failed(String function, Throwable cause) {
        return new IllegalStateException(function + " failed: " + cause, cause);
    }
}
