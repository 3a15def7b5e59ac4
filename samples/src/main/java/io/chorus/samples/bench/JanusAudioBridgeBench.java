package io.chorus.samples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chorus.samples.load.Flags;
import io.chorus.samples.load.OpusTone;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The side-by-side anchor for audio rooms: Janus's AudioBridge (the packaged {@code janus}, e.g.
 * Debian's 1.1.2) with one room of N plain-RTP participants per N, on 127.0.0.1 only. Prints Janus's
 * CPU per N as a Markdown table; {@code --json} writes the results too.
 * <pre>
 * JanusAudioBridgeBench [--participants=20,40] [--talkers=2] [--settle=10] [--seconds=30]
 *                       [--janus=/usr/bin/janus] [--configs=/etc/janus] [--json=out.json]
 * </pre>
 */
public final class JanusAudioBridgeBench {
    private static final Map<String, String> DEFAULTS = Map.of("participants", "20,40", "talkers", "2",
            "settle", "10", "seconds", "30", "janus", "/usr/bin/janus", "configs", "/etc/janus", "json", "");

    private JanusAudioBridgeBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = parse(args);
        int[] sizes = Arrays.stream(flags.get("participants").split(",")).mapToInt(s -> positive("participants", s))
                .toArray();
        int talkers = positive("talkers", flags.get("talkers"));
        int settle = positive("settle", flags.get("settle"));
        int seconds = positive("seconds", flags.get("seconds"));
        List<List<byte[]>> tones = new ArrayList<>();
        for (int i = 0; i < talkers; i++) {
            tones.add(OpusTone.loop(i));
        }
        JanusRoomRun run = new JanusRoomRun(Path.of(flags.get("janus")), Path.of(flags.get("configs")), tones,
                OpusTone.silence());
        List<JanusRoomResult> results = new ArrayList<>();
        System.out.print(JanusRoomResult.tableHeader());
        for (int n : sizes) {
            JanusRoomResult r = run.measure(n, settle, seconds);
            results.add(r);
            System.out.print(r.tableRow());
        }
        if (!flags.get("json").isEmpty()) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(flags.get("json"))
                    .toFile(), results);
        }
    }

    static Map<String, String> parse(String[] args) {
        return Flags.parse(args, DEFAULTS);
    }

    private static int positive(String name, String value) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the flag's name
        }
        throw new IllegalArgumentException("--" + name + " must be a positive integer: " + value);
    }
}
