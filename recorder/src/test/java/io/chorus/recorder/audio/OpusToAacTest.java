package io.chorus.recorder.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;

/** The AAC track keeps time with the Opus timestamps: gaps are concealed, stale packets dropped. */
class OpusToAacTest {
    @Test
    void aGapIsFilledSoAacTimeKeepsUpWithOpusTime() {
        List<EncodedFrame> aac = new ArrayList<>();
        try (OpusEncoder opus = OpusLibrary.encoder(32_000); OpusToAac transcoder = new OpusToAac(96_000)) {
            long[] timestamps = {0, 960, 1920, 2880, 6720, 7680, 8640, 9600, 10560, 11520};
            for (long ts : timestamps) {
                aac.addAll(transcoder.transcode(opus.encode(tone(ts)), ts));
            }
            assertTrue(transcoder.transcode(opus.encode(tone(0)), 960).isEmpty(), "an old packet is dropped");
            aac.addAll(transcoder.flush());
        }
        for (int i = 1; i < aac.size(); i++) {
            assertEquals(1024, aac.get(i).timestamp() - aac.get(i - 1).timestamp(), "frame " + i + " follows on");
        }
        long last = aac.get(aac.size() - 1).timestamp() + 1024;
        long first = aac.get(0).timestamp();
        assertTrue(last - first >= 12_480 - 1024, "AAC covers the gap: " + first + ".." + last);
    }

    private static short[] tone(long startSample) {
        short[] pcm = new short[960];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 500 * (startSample + i) / 48_000.0));
        }
        return pcm;
    }
}
