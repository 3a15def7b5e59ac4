package io.chorus.mixer.codec;

import static jdk.incubator.foreign.CLinker.C_INT;
import static jdk.incubator.foreign.CLinker.C_POINTER;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;
import jdk.incubator.foreign.SymbolLookup;

/**
 * The system's libopus ({@code libopus.so.0}, Debian's {@code libopus0}), called through Java 17's
 * foreign-function API. Why not the libopus inside bytedeco's libavcodec: that one is compiled without
 * optimisation and costs about twice as much per packet (measured in docs/benchmarks.md), and its
 * symbols are not exported, so FFmpeg's wrapper is the only way in. The API is incubating in Java 17:
 * the JVM must be started with {@code --add-modules=jdk.incubator.foreign
 * --enable-native-access=ALL-UNNAMED}; {@link OpusLibrary} checks that before this class is touched.
 *
 * <p>Only the few calls the server needs are bound; each is a downcall with primitive arguments and
 * native buffers the caller owns. The methods throw nothing checked: a failing downcall is a bug or a
 * broken library, reported as an {@link IllegalStateException}.
 */
final class LibOpus {
    static final int OK = 0;
    static final int APPLICATION_VOIP = 2048;
    static final int SET_BITRATE = 4002;
    static final int SET_VBR = 4006;
    static final int SET_COMPLEXITY = 4010;
    static final int SET_INBAND_FEC = 4012;
    static final int SET_PACKET_LOSS_PERC = 4014;
    static final int SET_VBR_CONSTRAINT = 4020;

    private final Path path;
    private final String version;
    private final MethodHandle encoderCreate;
    private final MethodHandle encoderCtl;
    private final MethodHandle encode;
    private final MethodHandle encoderDestroy;
    private final MethodHandle decoderCreate;
    private final MethodHandle decode;
    private final MethodHandle decoderDestroy;
    private final MethodHandle strerror;

    private LibOpus(Path path) {
        System.load(path.toString());
        SymbolLookup symbols = SymbolLookup.loaderLookup();
        CLinker linker = CLinker.getInstance();
        this.path = path;
        encoderCreate = bind(symbols, linker, "opus_encoder_create", type(MemoryAddress.class, int.class, int.class, int.class, MemoryAddress.class),
                FunctionDescriptor.of(C_POINTER, C_INT, C_INT, C_INT, C_POINTER));
        encoderCtl = bind(symbols, linker, "opus_encoder_ctl", type(int.class, MemoryAddress.class, int.class, int.class),
                FunctionDescriptor.of(C_INT, C_POINTER, C_INT, CLinker.asVarArg(C_INT)));
        encode = bind(symbols, linker, "opus_encode", type(int.class, MemoryAddress.class, MemoryAddress.class, int.class, MemoryAddress.class,
                int.class), FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_INT, C_POINTER, C_INT));
        encoderDestroy = bind(symbols, linker, "opus_encoder_destroy", type(void.class, MemoryAddress.class), FunctionDescriptor.ofVoid(C_POINTER));
        decoderCreate = bind(symbols, linker, "opus_decoder_create", type(MemoryAddress.class, int.class, int.class, MemoryAddress.class),
                FunctionDescriptor.of(C_POINTER, C_INT, C_INT, C_POINTER));
        decode = bind(symbols, linker, "opus_decode", type(int.class, MemoryAddress.class, MemoryAddress.class, int.class, MemoryAddress.class,
                int.class, int.class), FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_INT, C_POINTER, C_INT, C_INT));
        decoderDestroy = bind(symbols, linker, "opus_decoder_destroy", type(void.class, MemoryAddress.class), FunctionDescriptor.ofVoid(C_POINTER));
        strerror = bind(symbols, linker, "opus_strerror", type(MemoryAddress.class, int.class), FunctionDescriptor.of(C_POINTER, C_INT));
        MethodHandle versionString = bind(symbols, linker, "opus_get_version_string", type(MemoryAddress.class),
                FunctionDescriptor.of(C_POINTER));
        try {
            version = CLinker.toJavaString((MemoryAddress) versionString.invokeExact());
        } catch (Throwable t) {
            throw failed("opus_get_version_string", t);
        }
    }

    /**
     * Loads the library at {@code path} into this class's loader. A process loads at most one libopus
     * this way: symbols are looked up across everything the loader holds.
     */
    static LibOpus load(Path path) {
        return new LibOpus(path);
    }

    Path path() {
        return path;
    }

    /** What libopus says it is, e.g. "libopus 1.3.1". */
    String version() {
        return version;
    }

    /** A new mono encoder, or an exception naming libopus' error. */
    MemoryAddress createEncoder(int sampleRate, int application) {
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            MemorySegment error = MemorySegment.allocateNative(C_INT, scope);
            MemoryAddress state = (MemoryAddress) encoderCreate.invokeExact(sampleRate, 1, application, error.address());
            check(MemoryAccess.getInt(error), "opus_encoder_create");
            return state;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw failed("opus_encoder_create", t);
        }
    }

    /** One {@code OPUS_SET_*} request that takes an int; an exception if libopus refuses it. */
    void set(MemoryAddress encoder, int request, int value) {
        int result;
        try {
            result = (int) encoderCtl.invokeExact(encoder, request, value);
        } catch (Throwable t) {
            throw failed("opus_encoder_ctl", t);
        }
        check(result, "opus_encoder_ctl(" + request + ", " + value + ")");
    }

    /** @return the packet's length in bytes, or a negative libopus error */
    int encode(MemoryAddress encoder, MemorySegment pcm, int frameSize, MemorySegment packet) {
        try {
            return (int) encode.invokeExact(encoder, pcm.address(), frameSize, packet.address(), (int) packet.byteSize());
        } catch (Throwable t) {
            throw failed("opus_encode", t);
        }
    }

    void destroyEncoder(MemoryAddress encoder) {
        try {
            encoderDestroy.invokeExact(encoder);
        } catch (Throwable t) {
            throw failed("opus_encoder_destroy", t);
        }
    }

    /** A new mono decoder, or an exception naming libopus' error. */
    MemoryAddress createDecoder(int sampleRate) {
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            MemorySegment error = MemorySegment.allocateNative(C_INT, scope);
            MemoryAddress state = (MemoryAddress) decoderCreate.invokeExact(sampleRate, 1, error.address());
            check(MemoryAccess.getInt(error), "opus_decoder_create");
            return state;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw failed("opus_decoder_create", t);
        }
    }

    /**
     * Decodes {@code length} bytes of {@code packet}, or conceals {@code frameSize} lost samples when
     * {@code length} is 0 (libopus' packet-loss concealment).
     *
     * @return samples decoded, or a negative libopus error
     */
    int decode(MemoryAddress decoder, MemorySegment packet, int length, MemorySegment pcm, int frameSize) {
        MemoryAddress data = length == 0 ? MemoryAddress.NULL : packet.address();
        try {
            return (int) decode.invokeExact(decoder, data, length, pcm.address(), frameSize, 0);
        } catch (Throwable t) {
            throw failed("opus_decode", t);
        }
    }

    void destroyDecoder(MemoryAddress decoder) {
        try {
            decoderDestroy.invokeExact(decoder);
        } catch (Throwable t) {
            throw failed("opus_decoder_destroy", t);
        }
    }

    /** libopus' text for an error code. */
    String error(int code) {
        try {
            return CLinker.toJavaString((MemoryAddress) strerror.invokeExact(code));
        } catch (Throwable t) {
            throw failed("opus_strerror", t);
        }
    }

    private void check(int result, String call) {
        if (result != OK) {
            throw new IllegalStateException(call + " failed: " + error(result) + " (" + result + ")");
        }
    }

    private static MethodHandle bind(SymbolLookup symbols, CLinker linker, String name, MethodType type,
            FunctionDescriptor descriptor) {
        MemoryAddress symbol = symbols.lookup(name)
                .orElseThrow(() -> new IllegalStateException("the library has no " + name + ": is it libopus?"));
        return linker.downcallHandle(symbol, type, descriptor);
    }

    private static MethodType type(Class<?> returns, Class<?>... parameters) {
        return MethodType.methodType(returns, parameters);
    }

    private static IllegalStateException failed(String call, Throwable cause) {
        return new IllegalStateException(call + " could not be called", cause);
    }
}
