package io.chorus.samples.bench;

import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.codec.OpusDecoder;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What one Opus stream costs the server to encode and to decode, on each libopus it can run (the
 * system's and FFmpeg's bundled one), beside Debian's {@code ffmpeg} command line encoding and
 * decoding the same signal with the same settings in the same run. The server's codecs are timed by
 * the CPU time of the thread that runs them; the command line by its process's CPU time, less that of
 * the same command copying the PCM (reading and writing it). Writes its section of docs/benchmarks.md.
 *
 * <p>Usage: {@code OpusBenchmark <docs/benchmarks.md> <work folder>}
 */
public final class OpusBenchmark {
    static final String SECTION = "opus-benchmark";
    private static final int SECONDS = 60;
    private static final int FRAMES = SECONDS * 1000 / AudioFormat.FRAME_MILLIS;
    private static final int BITRATE = 32_000;
    private static final int RUNS = 3;

    private OpusBenchmark() {
    }

    record Cost(String what, double encode, double decode) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: OpusBenchmark <docs/benchmarks.md> <work folder>");
            System.exit(2);
        }
        Path work = Files.createDirectories(Path.of(args[1]));
        short[][] signal = signal();
        List<Cost> costs = new ArrayList<>();
        for (String library : List.of(OpusLibrary.BUNDLED, OpusLibrary.SYSTEM)) {
            OpusLibrary chosen = OpusLibrary.use(library);
            double[] encode = new double[RUNS];
            double[] decode = new double[RUNS];
            timeCodecs(signal, new double[1], new double[1]);
            for (int run = 0; run < RUNS; run++) {
                double[] e = new double[1];
                double[] d = new double[1];
                timeCodecs(signal, e, d);
                encode[run] = e[0];
                decode[run] = d[0];
            }
            costs.add(new Cost("Chorus, " + chosen, median(encode) / SECONDS, median(decode) / SECONDS));
        }
        costs.add(commandLine(signal, work));
        for (Cost c : costs) {
            System.out.printf(Locale.ROOT, "%s: encode %.4f core, decode %.4f core%n", c.what(), c.encode(), c.decode());
        }
        DocSection.write(Path.of(args[0]), SECTION, markdown(costs));
        System.out.println("wrote " + args[0]);
    }

    /** 60 s of a 220 Hz tone, swelling at 3 Hz like syllables, over low noise: a voice's level and band. */
    private static short[][] signal() {
        Random random = new Random(1);
        short[][] frames = new short[FRAMES][AudioFormat.SAMPLES_PER_FRAME];
        for (int f = 0; f < FRAMES; f++) {
            for (int i = 0; i < AudioFormat.SAMPLES_PER_FRAME; i++) {
                double t = (double) (f * AudioFormat.SAMPLES_PER_FRAME + i) / AudioFormat.SAMPLE_RATE;
                frames[f][i] = (short) (6000 * Math.sin(2 * Math.PI * 220 * t) * Math.sin(2 * Math.PI * 3 * t)
                        + 500 * random.nextGaussian());
            }
        }
        return frames;
    }

    private static void timeCodecs(short[][] signal, double[] encodeSeconds, double[] decodeSeconds) {
        byte[][] packets = new byte[signal.length][];
        short[] out = new short[OpusDecoder.MAX_SAMPLES];
        try (OpusEncoder encoder = OpusLibrary.encoder(BITRATE); OpusDecoder decoder = OpusLibrary.decoder()) {
            long start = threadCpu();
            for (int f = 0; f < signal.length; f++) {
                packets[f] = encoder.encode(signal[f]);
            }
            long encoded = threadCpu();
            for (byte[] packet : packets) {
                if (decoder.decode(packet, 0, packet.length, out) != AudioFormat.SAMPLES_PER_FRAME) {
                    throw new IllegalStateException("a packet did not decode to 20 ms");
                }
            }
            long decoded = threadCpu();
            encodeSeconds[0] = (encoded - start) / 1e9;
            decodeSeconds[0] = (decoded - encoded) / 1e9;
        }
    }

    private static Cost commandLine(short[][] signal, Path work) throws IOException, InterruptedException {
        Path pcm = work.resolve("opus-bench.s16");
        ByteBuffer bytes = ByteBuffer.allocate(signal.length * AudioFormat.SAMPLES_PER_FRAME * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short[] frame : signal) {
            for (short sample : frame) {
                bytes.putShort(sample);
            }
        }
        Files.write(pcm, bytes.array());
        Path opus = work.resolve("opus-bench.ogg");
        String ffmpeg = "ffmpeg -hide_banner -nostdin -loglevel error -y -threads 1 ";
        String raw = "-f s16le -ar 48000 -ac 1 -i " + pcm;
        double copy = FfmpegAnchor.medianCpuSeconds(ffmpeg + raw + " -c:a pcm_s16le -f s16le /dev/null");
        double encode = FfmpegAnchor.medianCpuSeconds(ffmpeg + raw + " -c:a libopus -b:a " + BITRATE
                + " -application voip -frame_duration 20 -fec 1 -packet_loss 10 -compression_level 5 " + opus);
        double decode = FfmpegAnchor.medianCpuSeconds(ffmpeg + "-c:a libopus -i " + opus + " -f s16le /dev/null");
        return new Cost("Debian's ffmpeg command line (its libopus is the system's)", (encode - copy) / SECONDS,
                (decode - copy) / SECONDS);
    }

    private static String markdown(List<Cost> costs) {
        StringBuilder md = new StringBuilder();
        md.append("## Opus: CPU per stream (cores), measured ").append(LocalDate.now()).append("\n\n");
        md.append("One 60 s mono stream, 48 kHz, 20 ms frames, ").append(BITRATE / 1000)
                .append(" kb/s VBR, voip, in-band FEC at 10% expected loss, complexity 5 (the server's settings); ")
                .append("the signal is a 220 Hz tone swelling at 3 Hz over low noise. Chorus: CPU time of the thread ")
                .append("that encodes, then decodes, median of ").append(RUNS).append(" runs after one unmeasured. ")
                .append("Command line: median of three runs, less the same command copying the PCM.\n\n");
        md.append("| codecs | encode | decode |\n|---|---|---|\n");
        for (Cost c : costs) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f |%n", c.what(), c.encode(), c.decode()));
        }
        Cost system = costs.get(1);
        Cost cli = costs.get(2);
        md.append(String.format(Locale.ROOT, "%nSystem libopus over the command line: encode %.2fx, decode %.2fx. "
                + "Command: `samples/bench/opus-bench.sh`.%n", system.encode() / cli.encode(), system.decode() / cli.decode()));
        return md.toString();
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
