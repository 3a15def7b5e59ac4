package io.chorus.samples.load;

import io.chorus.core.rtp.AudioLevelExtension;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.audio.AudioLevel;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;
import java.util.ArrayList;
import java.util.List;

/**
 * A participant's microphone, encoded once before the run: one second of a tone in 20 ms Opus
 * packets and the packet the same encoder makes of silence (what a listener with Opus DTX sends
 * between pauses). Each is kept as an RTP packet already carrying its RFC 6464 level (computed from
 * the PCM it was encoded from), so a sender copies it and stamps only SSRC, sequence number and
 * timestamp: nothing is built per packet.
 *
 * @param tone    one loop, levels with the voice-activity flag set
 * @param silence level 127, no voice activity
 */
record AudioClip(List<RtpPacket> tone, RtpPacket silence) {
    static final int BITRATE = OpusTone.BITRATE;
    /** Silent frames encoded before the one kept: the first ones still carry the tone's tail. */
    private static final int SILENCE_SETTLE_FRAMES = 5;

    AudioClip {
        tone = List.copyOf(tone);
    }

    static AudioClip encode(int colourIndex) {
        short[] pcm = new short[AudioFormat.SAMPLES_PER_FRAME];
        List<RtpPacket> tone = new ArrayList<>(OpusTone.LOOP_FRAMES);
        try (OpusEncoder encoder = OpusLibrary.encoder(BITRATE)) {
            for (int f = 0; f < OpusTone.LOOP_FRAMES; f++) {
                OpusTone.fill(colourIndex, f, pcm);
                tone.add(template(encoder.encode(pcm), AudioLevel.fromPcm(pcm), true));
            }
            short[] silent = new short[AudioFormat.SAMPLES_PER_FRAME];
            byte[] payload = null;
            for (int f = 0; f < SILENCE_SETTLE_FRAMES; f++) {
                payload = encoder.encode(silent);
            }
            return new AudioClip(tone, template(payload, AudioLevel.fromPcm(silent), false));
        }
    }

    /** SSRC, sequence number and timestamp are zero: the sender stamps them on its copy. */
    private static RtpPacket template(byte[] payload, int level, boolean voiceActivity) {
        return RtpPacket.createWithExtension(OfferSdp.OPUS, 0, 0, 0, false, OfferSdp.AUDIO_LEVEL_ID,
                new byte[] {AudioLevelExtension.toByte(level, voiceActivity)}, payload, 0, payload.length, 0);
    }

    /** The longest packet, for the sender's buffer. */
    int maxLength() {
        int max = silence.length();
        for (RtpPacket p : tone) {
            max = Math.max(max, p.length());
        }
        return max;
    }
}
