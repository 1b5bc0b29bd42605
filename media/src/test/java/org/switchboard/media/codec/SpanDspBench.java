package org.switchboard.media.codec;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The reference for the codec benches ({@code G711Bench}, {@code G722Bench}): spandsp's C codecs,
 * which Asterisk and FreeSWITCH deployments use, on the same 20 ms frames, in frames per second
 * on one thread. Each call works on native memory prepared once, with state kept across frames:
 * the C library's best case (a C PBX has its audio in native memory already), so the ratio of
 * our Java codecs to these figures errs against us. {@code bench/media-codecs.sh} runs both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpanDspBench {

    private static final int NARROW = 160;
    private static final int WIDE = 320;

    private Arena arena;
    private MethodHandle g711Encode;
    private MethodHandle g711Decode;
    private MethodHandle g722Encode;
    private MethodHandle g722Decode;
    private MemorySegment ulaw;
    private MemorySegment g722Encoder;
    private MemorySegment g722Decoder;
    private MemorySegment narrowPcm;
    private MemorySegment widePcm;
    private MemorySegment codes;
    private MemorySegment decoded;

    @Setup
    public void setUp() throws Throwable {
        arena = Arena.ofShared();
        SymbolLookup lib = SymbolLookup.libraryLookup(SpanDsp.LIBRARY, arena);
        Linker linker = Linker.nativeLinker();
        var ptr = ValueLayout.ADDRESS;
        var i32 = ValueLayout.JAVA_INT;
        FunctionDescriptor codec = FunctionDescriptor.of(i32, ptr, ptr, ptr, i32);
        g711Encode = linker.downcallHandle(lib.findOrThrow("g711_encode"), codec, Linker.Option.critical(false));
        g711Decode = linker.downcallHandle(lib.findOrThrow("g711_decode"), codec, Linker.Option.critical(false));
        g722Encode = linker.downcallHandle(lib.findOrThrow("g722_encode"), codec, Linker.Option.critical(false));
        g722Decode = linker.downcallHandle(lib.findOrThrow("g722_decode"), codec, Linker.Option.critical(false));
        MethodHandle g711Init = linker.downcallHandle(lib.findOrThrow("g711_init"), FunctionDescriptor.of(ptr, ptr, i32));
        MethodHandle g722EncodeInit = linker.downcallHandle(lib.findOrThrow("g722_encode_init"), FunctionDescriptor.of(ptr, ptr, i32, i32));
        MethodHandle g722DecodeInit = linker.downcallHandle(lib.findOrThrow("g722_decode_init"), FunctionDescriptor.of(ptr, ptr, i32, i32));
        ulaw = (MemorySegment) g711Init.invokeExact(MemorySegment.NULL, 1);
        g722Encoder = (MemorySegment) g722EncodeInit.invokeExact(MemorySegment.NULL, 64000, 0);
        g722Decoder = (MemorySegment) g722DecodeInit.invokeExact(MemorySegment.NULL, 64000, 0);
        SplittableRandom random = new SplittableRandom(1);
        narrowPcm = arena.allocate(ValueLayout.JAVA_SHORT, NARROW);
        widePcm = arena.allocate(ValueLayout.JAVA_SHORT, WIDE);
        for (int i = 0; i < WIDE; i++) {
            short s = (short) (6000 * Math.sin(i * 0.2) + 2000 * Math.sin(i * 1.9) + random.nextInt(-1000, 1001));
            widePcm.setAtIndex(ValueLayout.JAVA_SHORT, i, s);
            if (i < NARROW) narrowPcm.setAtIndex(ValueLayout.JAVA_SHORT, i, s);
        }
        codes = arena.allocate(WIDE);
        decoded = arena.allocate(ValueLayout.JAVA_SHORT, WIDE);
        int bytes = (int) g722Encode.invokeExact(g722Encoder, codes, widePcm, WIDE);
        if (bytes != WIDE / 2) throw new IllegalStateException("g722_encode gave " + bytes + " bytes");
    }

    @TearDown
    public void tearDown() {
        arena.close();   // the codec states are a few hundred bytes each, freed with the process
    }

    @Benchmark
    public int pcmuEncode() throws Throwable {
        return (int) g711Encode.invokeExact(ulaw, codes, narrowPcm, NARROW);
    }

    @Benchmark
    public int pcmuDecode() throws Throwable {
        return (int) g711Decode.invokeExact(ulaw, decoded, codes, NARROW);
    }

    @Benchmark
    public int g722Encode() throws Throwable {
        return (int) g722Encode.invokeExact(g722Encoder, codes, widePcm, WIDE);
    }

    @Benchmark
    public int g722Decode() throws Throwable {
        return (int) g722Decode.invokeExact(g722Decoder, decoded, codes, WIDE / 2);
    }
}
