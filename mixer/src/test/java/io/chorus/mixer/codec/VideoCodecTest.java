package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.TestPictures.BLUE;
import static io.chorus.mixer.codec.TestPictures.GREEN;
import static io.chorus.mixer.codec.TestPictures.RED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.YuvColour;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VideoCodecTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final int FPS = 30;
    private static final int TOLERANCE = 12;

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void roundTripKeepsColoursAndScalesToTheTargetSize(VideoCodec codec) {
        I420Picture source = TestPictures.withRectangle(WIDTH, HEIGHT, BLUE, RED, 80, 44, 160, 92);
        try (VideoEncoder encoder = new VideoEncoder(settings(codec, 1_000_000));
                VideoDecoder decoder = new VideoDecoder(codec)) {
            EncodedFrame frame = encoder.encode(source, 0, false);
            assertNotNull(frame, "zero-latency encoder returns the first picture at once");
            assertTrue(frame.keyFrame());
            assertEquals(0, frame.timestamp());
            assertEquals(WIDTH, frame.width());
            assertEquals(HEIGHT, frame.height());
            assertTrue(decoder.decode(frame));
            assertEquals(WIDTH, decoder.width());
            assertEquals(HEIGHT, decoder.height());

            I420Picture target = new I420Picture(160, 90);
            decoder.scaleInto(target);
            assertClose(RED, target.colourAt(80, 45));
            assertClose(RED, target.colourAt(45, 27));
            assertClose(BLUE, target.colourAt(10, 10));
            assertClose(BLUE, target.colourAt(150, 80));
            assertClose(BLUE, target.colourAt(80, 5));

            EncodedFrame second = encoder.encode(source, 1, false);
            assertEquals(3000, second.timestamp(), "RTP timestamp advances 90000/fps per frame");
        }
    }

    @Test
    void aVp8KeyFrameDeclaringAHugePictureIsRefusedUnreadAndTheStreamGoesOn() {
        I420Picture source = TestPictures.withRectangle(WIDTH, HEIGHT, BLUE, RED, 80, 44, 160, 92);
        try (VideoEncoder encoder = new VideoEncoder(settings(VideoCodec.VP8, 1_000_000));
                VideoDecoder decoder = new VideoDecoder(VideoCodec.VP8)) {
            EncodedFrame real = encoder.encode(source, 0, false);
            byte[] crafted = real.data().clone();
            // 14-bit width and height (RFC 6386 section 9.1): 16383 x 16383, about 268 million pixels.
            crafted[6] = (byte) 0xFF;
            crafted[7] = (byte) 0x3F;
            crafted[8] = (byte) 0xFF;
            crafted[9] = (byte) 0x3F;
            assertFalse(decoder.decode(new EncodedFrame(crafted, 0, true, 0, 0)));
            assertEquals(1, decoder.oversizedFrames());
            assertFalse(decoder.hasPicture());
            assertTrue(decoder.decode(real), "the next real key frame decodes");
            assertEquals(WIDTH, decoder.width());
        }
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void aPictureOverTheDecodersPixelLimitIsRefused(VideoCodec codec) {
        I420Picture source = TestPictures.withRectangle(WIDTH, HEIGHT, BLUE, RED, 80, 44, 160, 92);
        try (VideoEncoder encoder = new VideoEncoder(settings(codec, 1_000_000));
                VideoDecoder small = new VideoDecoder(codec, (long) WIDTH * HEIGHT - 1);
                VideoDecoder enough = new VideoDecoder(codec, (long) WIDTH * HEIGHT)) {
            EncodedFrame frame = encoder.encode(source, 0, false);
            assertFalse(small.decode(frame));
            assertFalse(small.hasPicture());
            assertEquals(1, small.oversizedFrames() + small.corruptFrames(), "refused and counted once");
            assertTrue(enough.decode(frame), "a picture at the limit is fine");
        }
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void forcedKeyFrameArrivesMidStream(VideoCodec codec) {
        List<EncodedFrame> frames = new ArrayList<>();
        I420Picture picture = new I420Picture(WIDTH, HEIGHT);
        try (VideoEncoder encoder = new VideoEncoder(settings(codec, 500_000))) {
            for (int i = 0; i < 12; i++) {
                TestPictures.movingPattern(picture, i);
                frames.add(encoder.encode(picture, i, i == 7));
            }
        }
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i == 0 || i == 7, frames.get(i).keyFrame(), "key frame flag of frame " + i);
        }
        if (codec == VideoCodec.H264) {
            for (int i : new int[] {0, 7}) {
                List<Integer> types = nalTypes(frames.get(i).data());
                assertTrue(types.containsAll(List.of(7, 8, 5)), "key frame " + i + " carries SPS, PPS and IDR: " + types);
            }
            assertFalse(nalTypes(frames.get(3).data()).contains(7), "delta frames carry no SPS");
        }
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void setBitrateChangesTheOutputRate(VideoCodec codec) {
        Random random = new Random(7);
        I420Picture picture = new I420Picture(WIDTH, HEIGHT);
        try (VideoEncoder encoder = new VideoEncoder(settings(codec, 1_000_000));
                VideoDecoder decoder = new VideoDecoder(codec)) {
            long high = 0;
            for (int i = 0; i < 30; i++) {
                TestPictures.grainyPattern(picture, i, random);
                EncodedFrame frame = encoder.encode(picture, i, false);
                assertTrue(decoder.decode(frame));
                high += i == 0 ? 0 : frame.data().length;
            }
            assertEquals(codec == VideoCodec.VP8, encoder.retargetsInPlace());
            encoder.setBitrate(100_000);
            assertEquals(100_000, encoder.bitrate());
            long low = 0;
            for (int i = 30; i < 60; i++) {
                TestPictures.grainyPattern(picture, i, random);
                EncodedFrame frame = encoder.encode(picture, i, false);
                // VP8 is retargeted in place; OpenH264 is reopened, so an IDR follows the change. (OpenH264 may
                // add IDRs of its own on scene changes, so only the frame after the change is checked.)
                if (i == 30) {
                    assertEquals(codec == VideoCodec.H264, frame.keyFrame(), "key frame right after the change");
                }
                assertTrue(decoder.decode(frame), "the stream stays decodable across the change");
                low += i == 30 ? 0 : frame.data().length;
            }
            assertTrue(low * 3 < high, "29 frames at 100 kb/s took " + low + " bytes, at 1 Mb/s " + high);
            encoder.setBitrate(1_000_000);
            long raised = 0;
            for (int i = 60; i < 90; i++) {
                TestPictures.grainyPattern(picture, i, random);
                EncodedFrame frame = encoder.encode(picture, i, false);
                assertTrue(decoder.decode(frame));
                raised += i == 60 ? 0 : frame.data().length;
            }
            assertTrue(raised > 2 * low, "raising the rate again works too: " + raised + " bytes after " + low);
            assertEquals(0, decoder.corruptFrames());
        }
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void corruptDataIsCountedAndDecodingGoesOn(VideoCodec codec) {
        I420Picture picture = TestPictures.withRectangle(WIDTH, HEIGHT, BLUE, RED, 0, 0, 64, 64);
        try (VideoEncoder encoder = new VideoEncoder(settings(codec, 500_000));
                VideoDecoder decoder = new VideoDecoder(codec)) {
            EncodedFrame key = encoder.encode(picture, 0, false);
            byte[] random = new byte[2000];
            new Random(3).nextBytes(random);
            if (codec == VideoCodec.H264) {
                random[0] = 0;
                random[1] = 0;
                random[2] = 1;
                random[3] = 0x65; // an IDR slice NAL header, so the decoder really parses the noise
            }
            assertFalse(decoder.decode(new EncodedFrame(random, 0, true, 0, 0)));
            assertEquals(1, decoder.corruptFrames());
            byte[] truncated = Arrays.copyOf(key.data(), codec == VideoCodec.H264 ? 40 : 20);
            assertFalse(decoder.decode(new EncodedFrame(truncated, 0, true, 0, 0)));
            assertEquals(2, decoder.corruptFrames());
            assertFalse(decoder.decode(new EncodedFrame(new byte[0], 0, true, 0, 0)));
            assertEquals(3, decoder.corruptFrames());

            assertTrue(decoder.decode(key), "a good key frame after bad data decodes");
            I420Picture target = new I420Picture(WIDTH, HEIGHT);
            decoder.scaleInto(target);
            assertClose(RED, target.colourAt(20, 20));
            assertClose(BLUE, target.colourAt(200, 100));
        }
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void scaleIntoTakesTheCropRectangle(VideoCodec codec) {
        I420Picture halves = TestPictures.halves(WIDTH, HEIGHT, GREEN, RED);
        try (VideoEncoder encoder = new VideoEncoder(settings(codec, 1_000_000));
                VideoDecoder decoder = new VideoDecoder(codec)) {
            assertTrue(decoder.decode(encoder.encode(halves, 0, false)));
            I420Picture left = new I420Picture(80, 90);
            decoder.scaleInto(left, 0, 0, 150, HEIGHT);
            assertUniform(GREEN, left);
            I420Picture right = new I420Picture(64, 64);
            decoder.scaleInto(right, 171, 3, 148, 170); // odd corner: moves to (170, 2)
            assertUniform(RED, right);
            I420Picture same = new I420Picture(WIDTH, HEIGHT);
            decoder.scaleInto(same);
            assertClose(GREEN, same.colourAt(100, 90));
            assertClose(RED, same.colourAt(220, 90));
        }
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void closeIsIdempotentAndUseAfterCloseThrows(VideoCodec codec) {
        VideoEncoder encoder = new VideoEncoder(settings(codec, 300_000));
        VideoDecoder decoder = new VideoDecoder(codec);
        I420Picture picture = new I420Picture(WIDTH, HEIGHT);
        EncodedFrame frame = encoder.encode(picture, 0, false);
        encoder.close();
        encoder.close();
        decoder.close();
        decoder.close();
        assertThrows(IllegalStateException.class, () -> encoder.encode(picture, 1, false));
        assertThrows(IllegalStateException.class, () -> encoder.setBitrate(200_000));
        assertThrows(IllegalStateException.class, () -> decoder.decode(frame));
        assertThrows(IllegalStateException.class, () -> decoder.scaleInto(picture));
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void rejectsBadArguments(VideoCodec codec) {
        try (VideoEncoder encoder = new VideoEncoder(settings(codec, 300_000));
                VideoDecoder decoder = new VideoDecoder(codec)) {
            I420Picture picture = new I420Picture(WIDTH, HEIGHT);
            assertThrows(IllegalStateException.class, () -> decoder.scaleInto(picture), "no picture yet");
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(new I420Picture(160, 90), 0, false));
            assertTrue(decoder.decode(encoder.encode(picture, 5, false)));
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(picture, 5, false), "index must increase");
            assertThrows(IllegalArgumentException.class, () -> encoder.setBitrate(1_000));
            assertThrows(IllegalArgumentException.class, () -> decoder.scaleInto(picture, 10, 0, WIDTH, HEIGHT));
            assertThrows(IllegalArgumentException.class, () -> decoder.scaleInto(picture, 0, 0, 0, HEIGHT));
        }
    }

    private static VideoEncoderSettings settings(VideoCodec codec, int bitrate) {
        return VideoEncoderSettings.realtime(codec, WIDTH, HEIGHT, FPS, bitrate);
    }

    private static void assertClose(YuvColour expected, YuvColour actual) {
        assertTrue(expected.distance(actual) <= TOLERANCE, "expected about " + expected + " but was " + actual);
    }

    /** Checks points over the whole picture, keeping off the edge where a crop border may bleed in. */
    private static void assertUniform(YuvColour expected, I420Picture picture) {
        for (int y = 2; y < picture.height() - 2; y += 5) {
            for (int x = 2; x < picture.width() - 2; x += 5) {
                YuvColour actual = picture.colourAt(x, y);
                assertTrue(expected.distance(actual) <= TOLERANCE,
                        "at (" + x + "," + y + ") expected about " + expected + " but was " + actual);
            }
        }
    }

    /** NAL unit types in an Annex B access unit. */
    static List<Integer> nalTypes(byte[] accessUnit) {
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i + 3 < accessUnit.length; i++) {
            if (accessUnit[i] == 0 && accessUnit[i + 1] == 0 && accessUnit[i + 2] == 1) {
                types.add(accessUnit[i + 3] & 0x1F);
                i += 3;
            }
        }
        return types;
    }
}
