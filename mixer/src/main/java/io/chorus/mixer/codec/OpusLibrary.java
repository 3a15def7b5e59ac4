package io.chorus.mixer.codec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which libopus the process's Opus encoders and decoders call: the system's (Debian's optimised
 * {@code libopus0}, through {@link LibOpus}) or the one bundled in bytedeco's FFmpeg (compiled without
 * optimisation: about twice the CPU per packet, see docs/benchmarks.md). Chosen once per process, by
 * the server's {@code audio.opusLibrary} setting; code that opens codecs before any choice (tests,
 * tools) gets {@link #AUTO}.
 *
 * <ul>
 *   <li>{@code auto}: the system's if it can be loaded, otherwise the bundled one with a warning that
 *       says why and what it costs;</li>
 *   <li>{@code system}: the system's from the usual library folders, or a refusal naming what is
 *       missing;</li>
 *   <li>an absolute path to a {@code libopus.so}: that file, or a refusal;</li>
 *   <li>{@code bundled}: FFmpeg's.</li>
 * </ul>
 */
public final class OpusLibrary {
    public static final String AUTO = "auto";
    public static final String SYSTEM = "system";
    public static final String BUNDLED = "bundled";
    /** Where Debian, Red Hat and a source build put the shared library's runtime name. */
    private static final List<Path> SYSTEM_LOCATIONS = List.of(Path.of("/usr/lib/x86_64-linux-gnu/libopus.so.0"),
            Path.of("/usr/lib64/libopus.so.0"), Path.of("/usr/lib/libopus.so.0"), Path.of("/usr/local/lib/libopus.so.0"));
    /** What a JVM needs on its command line for the system's libopus (a child JVM the server starts, too). */
    public static final List<String> JVM_OPTIONS = List.of("--add-modules=jdk.incubator.foreign",
            "--enable-native-access=ALL-UNNAMED");
    private static final Logger LOG = LoggerFactory.getLogger(OpusLibrary.class);

    private static OpusLibrary active;
    /** The one libopus this process has loaded, if any: symbols are looked up across the class loader. */
    private static LibOpus loaded;

    /** Null for the bundled library. */
    private final LibOpus system;

    private OpusLibrary(LibOpus system) {
        this.system = system;
    }

    /**
     * Makes {@code setting} the library of every encoder and decoder opened from now on (those already
     * open keep theirs).
     *
     * @throws IllegalArgumentException when {@code system} or a path was asked for and cannot be used,
     *                                  or the setting is none of those listed in the class comment
     */
    public static synchronized OpusLibrary use(String setting) {
        active = choose(setting);
        return active;
    }

    /** A new encoder on the active library. */
    public static OpusEncoder encoder(int bitrateBps) {
        return active().openEncoder(bitrateBps);
    }

    /** A new decoder on the active library. */
    public static OpusDecoder decoder() {
        return active().openDecoder();
    }

    OpusEncoder openEncoder(int bitrateBps) {
        return system == null ? new FfmpegOpusEncoder(bitrateBps) : new SystemOpusEncoder(system, bitrateBps);
    }

    OpusDecoder openDecoder() {
        return system == null ? new FfmpegOpusDecoder() : new SystemOpusDecoder(system);
    }

    /** The library in use, choosing {@link #AUTO} if nothing was chosen yet. */
    public static synchronized OpusLibrary active() {
        if (active == null) {
            active = choose(AUTO);
        }
        return active;
    }

    /** Whether this is the system's libopus. */
    public boolean isSystem() {
        return system != null;
    }

    /** For the log: which library, its version and file. */
    @Override
    public String toString() {
        return system == null ? "FFmpeg's bundled libopus (unoptimised build)"
                : "the system's " + system.version() + " (" + system.path() + ")";
    }

    /** The library a setting names, without making it the active one. */
    static synchronized OpusLibrary choose(String setting) {
        switch (setting) {
            case BUNDLED:
                return new OpusLibrary(null);
            case SYSTEM:
                return new OpusLibrary(loadSystem(SYSTEM_LOCATIONS));
            case AUTO:
                try {
                    return new OpusLibrary(loadSystem(SYSTEM_LOCATIONS));
                } catch (IllegalArgumentException e) {
                    LOG.warn("Opus runs on FFmpeg's bundled libopus, which is built without optimisation and costs "
                            + "about twice the CPU per encoder and decoder: {}", e.getMessage());
                    return new OpusLibrary(null);
                }
            default:
                checkSetting(setting);
                return new OpusLibrary(loadSystem(List.of(Path.of(setting))));
        }
    }

    /** Refuses a setting that names no library, without loading anything. */
    public static void checkSetting(String setting) {
        if (!List.of(AUTO, SYSTEM, BUNDLED).contains(setting) && !setting.startsWith("/")) {
            throw new IllegalArgumentException("must be auto, system, bundled or an absolute path to a libopus.so, got '"
                    + setting + "'");
        }
    }

    private static LibOpus loadSystem(List<Path> candidates) {
        if (ModuleLayer.boot().findModule("jdk.incubator.foreign").isEmpty()) {
            throw new IllegalArgumentException("the system's libopus needs Java 17's foreign-function API: start the "
                    + "JVM with " + String.join(" ", JVM_OPTIONS));
        }
        List<Path> missing = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isReadable(candidate)) {
                if (loaded == null) {
                    loaded = load(candidate);
                } else if (!loaded.path().equals(candidate)) {
                    throw new IllegalArgumentException(candidate + " cannot be loaded: this process already runs "
                            + loaded.path() + ", and it takes one libopus");
                }
                return loaded;
            }
            missing.add(candidate);
        }
        throw new IllegalArgumentException("no libopus at " + missing + " (Debian: apt-get install libopus0)");
    }

    private static LibOpus load(Path candidate) {
        try {
            return LibOpus.load(candidate);
        } catch (IllegalCallerException e) {
            throw new IllegalArgumentException("the JVM refuses native calls: start it with " + String.join(" ", JVM_OPTIONS), e);
        } catch (UnsatisfiedLinkError | IllegalStateException e) {
            throw new IllegalArgumentException(candidate + " cannot be used as libopus: " + e.getMessage(), e);
        }
    }
}
