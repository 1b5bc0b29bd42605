package org.switchboard.media.codec;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Test-only binding of spandsp's G.711 and G.722 (libspandsp.so.2, the library Asterisk and
 * FreeSWITCH use) through FFM, to compare our codecs with a real implementation bit by bit.
 * Each call copies the arrays to native memory: fine for tests, not for the media path.
 */
final class SpanDsp {

    static final Path LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libspandsp.so.2");
    private static final int G711_ALAW = 0;
    private static final int G711_ULAW = 1;

    private final MethodHandle g722EncodeInit;
    private final MethodHandle g722Encode;
    private final MethodHandle g722EncodeFree;
    private final MethodHandle g722DecodeInit;
    private final MethodHandle g722Decode;
    private final MethodHandle g722DecodeFree;
    private final MethodHandle g711Init;
    private final MethodHandle g711Encode;
    private final MethodHandle g711Decode;
    private final MethodHandle g711Free;

    private SpanDsp(SymbolLookup lookup) {
        Linker linker = Linker.nativeLinker();
        var ptr = ValueLayout.ADDRESS;
        var i32 = ValueLayout.JAVA_INT;
        g722EncodeInit = linker.downcallHandle(lookup.findOrThrow("g722_encode_init"), FunctionDescriptor.of(ptr, ptr, i32, i32));
        g722Encode = linker.downcallHandle(lookup.findOrThrow("g722_encode"), FunctionDescriptor.of(i32, ptr, ptr, ptr, i32));
        g722EncodeFree = linker.downcallHandle(lookup.findOrThrow("g722_encode_free"), FunctionDescriptor.of(i32, ptr));
        g722DecodeInit = linker.downcallHandle(lookup.findOrThrow("g722_decode_init"), FunctionDescriptor.of(ptr, ptr, i32, i32));
        g722Decode = linker.downcallHandle(lookup.findOrThrow("g722_decode"), FunctionDescriptor.of(i32, ptr, ptr, ptr, i32));
        g722DecodeFree = linker.downcallHandle(lookup.findOrThrow("g722_decode_free"), FunctionDescriptor.of(i32, ptr));
        g711Init = linker.downcallHandle(lookup.findOrThrow("g711_init"), FunctionDescriptor.of(ptr, ptr, i32));
        g711Encode = linker.downcallHandle(lookup.findOrThrow("g711_encode"), FunctionDescriptor.of(i32, ptr, ptr, ptr, i32));
        g711Decode = linker.downcallHandle(lookup.findOrThrow("g711_decode"), FunctionDescriptor.of(i32, ptr, ptr, ptr, i32));
        g711Free = linker.downcallHandle(lookup.findOrThrow("g711_free"), FunctionDescriptor.of(i32, ptr));
    }

    /** The library when this machine has it. */
    static Optional<SpanDsp> load() {
        if (!Files.isReadable(LIBRARY)) {
            return Optional.empty();
        }
        return Optional.of(new SpanDsp(SymbolLookup.libraryLookup(LIBRARY, Arena.global())));
    }

    /** {@code g722_encode} at 64 kbit/s of all of {@code pcm} with a fresh state. */
    byte[] g722Encode(short[] pcm) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = (MemorySegment) g722EncodeInit.invokeExact(MemorySegment.NULL, 64000, 0);
            MemorySegment amp = arena.allocateFrom(ValueLayout.JAVA_SHORT, pcm);
            MemorySegment data = arena.allocate(pcm.length / 2 + 1);
            int bytes = (int) g722Encode.invokeExact(state, data, amp, pcm.length);
            int ignored = (int) g722EncodeFree.invokeExact(state);
            return data.asSlice(0, bytes).toArray(ValueLayout.JAVA_BYTE);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** {@code g722_decode} at 64 kbit/s of all of {@code codes} with a fresh state. */
    short[] g722Decode(byte[] codes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = (MemorySegment) g722DecodeInit.invokeExact(MemorySegment.NULL, 64000, 0);
            MemorySegment data = arena.allocateFrom(ValueLayout.JAVA_BYTE, codes);
            MemorySegment amp = arena.allocate(ValueLayout.JAVA_SHORT, 2L * codes.length + 1);
            int samples = (int) g722Decode.invokeExact(state, amp, data, codes.length);
            int ignored = (int) g722DecodeFree.invokeExact(state);
            return amp.asSlice(0, 2L * samples).toArray(ValueLayout.JAVA_SHORT);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** {@code g711_encode} in µ-law or A-law. */
    byte[] g711Encode(boolean ulaw, short[] pcm) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = (MemorySegment) g711Init.invokeExact(MemorySegment.NULL, ulaw ? G711_ULAW : G711_ALAW);
            MemorySegment amp = arena.allocateFrom(ValueLayout.JAVA_SHORT, pcm);
            MemorySegment data = arena.allocate(pcm.length);
            int bytes = (int) g711Encode.invokeExact(state, data, amp, pcm.length);
            int ignored = (int) g711Free.invokeExact(state);
            return data.asSlice(0, bytes).toArray(ValueLayout.JAVA_BYTE);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** {@code g711_decode} in µ-law or A-law. */
    short[] g711Decode(boolean ulaw, byte[] codes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = (MemorySegment) g711Init.invokeExact(MemorySegment.NULL, ulaw ? G711_ULAW : G711_ALAW);
            MemorySegment data = arena.allocateFrom(ValueLayout.JAVA_BYTE, codes);
            MemorySegment amp = arena.allocate(ValueLayout.JAVA_SHORT, codes.length);
            int samples = (int) g711Decode.invokeExact(state, amp, data, codes.length);
            int ignored = (int) g711Free.invokeExact(state);
            return amp.asSlice(0, 2L * samples).toArray(ValueLayout.JAVA_SHORT);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
