package io.chorus.mixer.codec;

import static io.chorus.mixer.audio.AudioFormat.SAMPLES_PER_FRAME;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.Goertzel;
import io.chorus.mixer.audio.TestTones;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;

class AacEncoderTest {
    private static final double TONE_HZ = 750;
    private static final double OTHER_HZ = 2000;

    @Test
    void toneSurvivesEncodingAndFfmpegDecoding() {
        List<EncodedFrame> frames = new ArrayList<>();
        byte[] config;
        long firstInput = 48_000L * 7;
        try (AacEncoder encoder = new AacEncoder(64_000)) {
            config = encoder.extradata();
            for (int i = 0; i < 50; i++) {
                frames.addAll(encoder.encode(TestTones.sineFrame(TONE_HZ, -12, i), firstInput + (long) i * SAMPLES_PER_FRAME));
            }
            frames.addAll(encoder.flush());
            assertEquals(1024, encoder.primingSamples());
        }
        // One second of input is 46.9 AAC frames; flushing adds the priming frame and the padded remainder.
        assertTrue(frames.size() >= 47 && frames.size() <= 49, "frames: " + frames.size());
        assertEquals(firstInput - 1024, frames.get(0).timestamp(), "the first frame is the priming frame");
        for (int i = 1; i < frames.size(); i++) {
            assertEquals(1024, frames.get(i).timestamp() - frames.get(i - 1).timestamp(), "frame " + i);
        }
        assertTrue(config.length >= 2, "AudioSpecificConfig present");
        // AudioSpecificConfig: object type 2 (AAC-LC), sampling index 3 (48 kHz), 1 channel.
        assertEquals(2, (config[0] & 0xFF) >> 3);
        assertEquals(3, ((config[0] & 0x07) << 1) | ((config[1] & 0xFF) >> 7));
        assertEquals(1, (config[1] >> 3) & 0x0F);

        short[] decoded = decode(config, frames);
        // Skip priming and the encoder's ramp-up; judge a steady 100 ms (on 50 Hz bins: 4800 samples).
        int from = 24_000;
        double tone = Goertzel.amplitude(decoded, from, 4800, TONE_HZ, 48_000);
        double other = Goertzel.amplitude(decoded, from, 4800, OTHER_HZ, 48_000);
        double expected = TestTones.amplitude(-12);
        assertTrue(tone > 0.7 * expected && tone < 1.3 * expected, "tone amplitude " + tone + " vs " + expected);
        assertTrue(20 * Math.log10(tone / other) > 30, "tone " + tone + " over 2 kHz " + other);
    }

    @Test
    void rejectsWrongFrameSizeAndBitrate() {
        assertThrows(IllegalArgumentException.class, () -> new AacEncoder(1_000));
        try (AacEncoder encoder = new AacEncoder(64_000)) {
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(new short[100], 0));
        }
        AacEncoder closed = new AacEncoder(64_000);
        closed.close();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.encode(new short[SAMPLES_PER_FRAME], 0));
    }

    private static short[] decode(byte[] config, List<EncodedFrame> frames) {
        AVCodec codec = Codecs.decoder("aac");
        AVCodecContext context = Codecs.open(codec, c -> {
            BytePointer extradata = new BytePointer(av_malloc(config.length + 64)).capacity(config.length + 64);
            extradata.put(new byte[config.length + 64]).put(config);
            c.extradata(extradata).extradata_size(config.length);
        });
        short[] pcm = new short[frames.size() * 1024];
        int written = 0;
        AVFrame frame = av_frame_alloc();
        try (PacketInput input = new PacketInput(2048)) {
            for (EncodedFrame f : frames) {
                FfmpegException.check(avcodec_send_packet(context, input.fill(f.data(), 0, f.data().length)), "avcodec_send_packet");
                while (avcodec_receive_frame(context, frame) >= 0) {
                    FloatPointer samples = new FloatPointer(frame.data(0));
                    for (int i = 0; i < frame.nb_samples(); i++) {
                        pcm[written++] = (short) Math.max(-32768, Math.min(32767, Math.round(samples.get(i) * 32768)));
                    }
                    av_frame_unref(frame);
                }
            }
        } finally {
            av_frame_free(frame);
            Codecs.free(context);
        }
        short[] result = new short[written];
        System.arraycopy(pcm, 0, result, 0, written);
        return result;
    }
}
