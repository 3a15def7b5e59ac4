package io.chorus.recorder.mux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.AacEncoder;
import io.chorus.mixer.codec.FfmpegException;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.YuvColour;
import io.chorus.recorder.testing.MediaProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MuxerTest {
    private static final int FPS = 15;
    private static final int SECONDS = 2;

    @TempDir
    Path dir;

    @Test
    void webmWithVp8AndOpusProbesWithBothStreamsAndItsDuration() {
        Path file = dir.resolve("a.webm");
        writeTwoSeconds(file, "webm", VideoCodec.VP8, false);
        assertEquals(List.of("vp8", "opus"), MediaProbe.codecs(file));
        assertEquals(SECONDS, MediaProbe.endSeconds(file, "v"), 0.1);
        assertEquals(SECONDS, MediaProbe.endSeconds(file, "a"), 0.1);
        assertEquals(SECONDS * FPS, MediaProbe.decodedVideoFrames(file));
    }

    @Test
    void mp4WithH264AndAacProbesWithBothStreams() {
        Path file = dir.resolve("a.mp4");
        writeTwoSeconds(file, "mp4", VideoCodec.H264, true);
        assertEquals(List.of("h264", "aac"), MediaProbe.codecs(file));
        assertEquals(SECONDS, MediaProbe.endSeconds(file, "v"), 0.1);
        assertEquals(SECONDS * FPS, MediaProbe.decodedVideoFrames(file));
    }

    @Test
    void aProtocolWhitelistRefusesEveryOtherProtocolBeforeAnythingIsOpened() {
        Map<String, String> fileOnly = Map.of("protocol_whitelist", "file");
        FfmpegException refused = assertThrows(FfmpegException.class, () -> new Muxer("tcp://127.0.0.1:9/x", "matroska",
                List.of(MuxStream.vp8(), MuxStream.opus(1)), Map.of(), fileOnly));
        assertTrue(refused.getMessage().contains("avio_open2(tcp://127.0.0.1:9/x)"), refused.getMessage());
        Path file = dir.resolve("allowed.mkv");
        try (Muxer muxer = new Muxer("file:" + file, "matroska", List.of(MuxStream.vp8(), MuxStream.opus(1)), Map.of(),
                fileOnly)) {
            assertFalse(muxer.started());
        }
        assertTrue(Files.exists(file), "a file: target opens under the whitelist");
    }

    @Test
    void packetsBeforeTheFirstVideoKeyFrameAreDropped() {
        Path file = dir.resolve("b.mkv");
        try (Muxer muxer = new Muxer(file.toString(), "matroska", List.of(MuxStream.vp8(), MuxStream.opus(1)), Map.of(), Map.of());
                OpusEncoder opus = OpusLibrary.encoder(32_000)) {
            assertFalse(muxer.write(1, opus.encode(new short[960]), 0, true), "audio before the header");
            assertFalse(muxer.started());
            assertEquals(1, muxer.droppedBeforeHeader());
        }
    }

    @Test
    void unknownOptionsAndUnwritableTargetsFailClearly() {
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> new Muxer(dir.resolve("c.webm").toString(), "webm", List.of(MuxStream.opus(1)), Map.of("no_such_option", "1"), Map.of()));
        assertTrue(option.getMessage().contains("no_such_option"), option.getMessage());
        FfmpegException io = assertThrows(FfmpegException.class, () -> new Muxer(dir.resolve("missing/d.webm").toString(), "webm",
                List.of(MuxStream.vp8()), Map.of(), Map.of()));
        assertTrue(io.getMessage().contains("avio_open2") && io.getMessage().contains("No such file"), io.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Muxer("x", "no-such-format", List.of(MuxStream.vp8()), Map.of(), Map.of()));
    }

    @Test
    void findsParameterSets() {
        byte[] accessUnit = {0, 0, 0, 1, 0x67, 1, 2, 0, 0, 1, 0x68, 3, 0, 0, 0, 1, 0x65, 9, 9};
        assertArrayEquals(new byte[] {0, 0, 0, 1, 0x67, 1, 2, 0, 0, 0, 1, 0x68, 3}, H264ParameterSets.fromAnnexB(accessUnit));
        assertNull(H264ParameterSets.fromAnnexB(new byte[] {0, 0, 1, 0x65, 1}));
    }

    @Test
    void aVp8StreamWithoutASizeTakesItFromTheFirstKeyFrame() {
        Path file = dir.resolve("size.webm");
        try (VideoEncoder encoder = new VideoEncoder(VideoEncoderSettings.realtime(VideoCodec.VP8, 320, 180, FPS, 300_000))) {
            EncodedFrame key = encoder.encode(picture(0), 0, true);
            EncodedFrame delta = encoder.encode(picture(1), 1, false);
            try (Muxer muxer = new Muxer(file.toString(), "webm", List.of(MuxStream.vp8()), Map.of(), Map.of())) {
                assertThrows(IllegalArgumentException.class, () -> muxer.write(0, delta.data(), 0, true), "a delta frame flagged key");
                assertTrue(muxer.write(0, key.data(), key.timestamp(), true));
            }
        }
        assertEquals("320x180", MediaProbe.videoSize(file));
    }

    private static void writeTwoSeconds(Path file, String format, VideoCodec codec, boolean aac) {
        try (VideoEncoder video = new VideoEncoder(VideoEncoderSettings.realtime(codec, 320, 180, FPS, 300_000));
                OpusEncoder opus = OpusLibrary.encoder(32_000);
                AacEncoder aacEncoder = new AacEncoder(64_000)) {
            MuxStream audioStream = aac ? MuxStream.aac(aacEncoder.extradata()) : MuxStream.opus(1);
            Map<String, String> options = format.equals("mp4") ? Map.of("movflags", "frag_keyframe+empty_moov+default_base_moof") : Map.of();
            try (Muxer muxer = new Muxer(file.toString(), format, List.of(MuxStream.video(codec, 320, 180), audioStream), options, Map.of())) {
                int audioFrames = SECONDS * 50;
                int videoFrames = SECONDS * FPS;
                int v = 0;
                for (int a = 0; a < audioFrames; a++) {
                    long audioTs = a * 960L;
                    while (v < videoFrames && v * 90_000L / FPS <= audioTs * 90_000 / 48_000) {
                        EncodedFrame frame = video.encode(picture(v), v, v % FPS == 0);
                        assertTrue(muxer.write(0, frame.data(), frame.timestamp(), frame.keyFrame()));
                        v++;
                    }
                    short[] pcm = new short[960];
                    for (int i = 0; i < pcm.length; i++) {
                        pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (audioTs + i) / 48_000));
                    }
                    if (aac) {
                        for (EncodedFrame f : aacEncoder.encode(pcm, audioTs)) {
                            if (f.timestamp() >= 0) {
                                muxer.write(1, f.data(), f.timestamp(), true);
                            }
                        }
                    } else {
                        muxer.write(1, opus.encode(pcm), audioTs, true);
                    }
                }
                assertTrue(muxer.packetsWritten() > videoFrames);
                assertTrue(muxer.bytesWritten() > 0);
            }
        }
        assertTrue(Files.exists(file));
    }

    private static I420Picture picture(int index) {
        I420Picture picture = new I420Picture(320, 180);
        picture.fill(YuvColour.fromRgb(index * 8 % 256, 100, 200));
        return picture;
    }
}
