package io.chorus.samples.bench;

import io.chorus.core.rtp.MediaKind;
import io.chorus.mixer.audio.AudioLevel;
import io.chorus.mixer.codec.OpusDecoder;
import io.chorus.mixer.codec.OpusLibrary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gives each audio packet of a benchmark input the RFC 6464 level a browser would have put on it:
 * a browser measures its microphone's PCM before encoding; here the packet is decoded once, before
 * the run, and the level of the decoded frame stands in for it. With levels, the mixer decodes only
 * the voices it mixes, as it does with real clients.
 */
final class SenderLevels {
    private SenderLevels() {
    }

    static List<WebmPackets.Timed> stamp(List<WebmPackets.Timed> packets) {
        List<WebmPackets.Timed> out = new ArrayList<>(packets.size());
        short[] pcm = new short[OpusDecoder.MAX_SAMPLES];
        try (OpusDecoder decoder = OpusLibrary.decoder()) {
            for (WebmPackets.Timed t : packets) {
                if (t.kind() != MediaKind.AUDIO) {
                    out.add(t);
                    continue;
                }
                byte[] data = t.frame().data();
                int samples = decoder.decode(data, 0, data.length, pcm);
                out.add(t.withAudioLevel(samples > 0
                        ? AudioLevel.fromPcm(Arrays.copyOf(pcm, samples)) : AudioLevel.SILENCE));
            }
        }
        return out;
    }
}
