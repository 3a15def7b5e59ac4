package io.chorus.samples.load;

import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;
import java.util.ArrayList;
import java.util.List;

/**
 * 20 ms Opus packets (48 kHz mono, 32 kb/s) encoded once before a run, so synthetic participants
 * spend no CPU on encoding while they are measured. Each index has its own pitch, so a mix of
 * several of them can be told apart.
 */
public final class OpusTone {
    public static final int BITRATE = 32_000;
    public static final int LOOP_FRAMES = 50;
    private static final int AMPLITUDE = 6000;

    private OpusTone() {
    }

    /** One second of a sine tone at {@code 300 + 50 * index} Hz, to be sent in a loop. */
    public static List<byte[]> loop(int index) {
        short[] pcm = new short[AudioFormat.SAMPLES_PER_FRAME];
        List<byte[]> packets = new ArrayList<>(LOOP_FRAMES);
        try (OpusEncoder encoder = OpusLibrary.encoder(BITRATE)) {
            for (int f = 0; f < LOOP_FRAMES; f++) {
                fill(index, f, pcm);
                packets.add(encoder.encode(pcm));
            }
        }
        return packets;
    }

    /** The PCM of frame {@code frame} of tone {@code index}, into {@code pcm} (one 20 ms frame). */
    public static void fill(int index, int frame, short[] pcm) {
        double hz = 300 + 50 * index;
        for (int s = 0; s < pcm.length; s++) {
            long n = (long) frame * pcm.length + s;
            pcm[s] = (short) (AMPLITUDE * Math.sin(2 * Math.PI * hz * n / AudioFormat.SAMPLE_RATE));
        }
    }

    /** One frame of digital silence. */
    public static byte[] silence() {
        try (OpusEncoder encoder = OpusLibrary.encoder(BITRATE)) {
            return encoder.encode(new short[AudioFormat.SAMPLES_PER_FRAME]);
        }
    }
}
