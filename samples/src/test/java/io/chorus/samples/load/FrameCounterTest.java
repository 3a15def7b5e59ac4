package io.chorus.samples.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoDecoder;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.YuvColour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameCounterTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 0x5555, 0xAAAA, 12345, FrameCounter.MAX})
    void readsBackWhatWasDrawn(int counter) {
        I420Picture picture = new I420Picture(640, 360);
        new TestPattern(3, 90).paint(picture, 0);
        FrameCounter.draw(picture, counter);
        assertEquals(counter, FrameCounter.read(picture, 0, 0, 640, 360));
    }

    @Test
    void aPictureWithoutACounterIsUnreadable() {
        I420Picture picture = new I420Picture(640, 360);
        picture.fill(YuvColour.fromRgb(200, 200, 200));
        assertEquals(FrameCounter.UNREADABLE, FrameCounter.read(picture, 0, 0, 640, 360));
    }

    @Test
    void aFlippedBitFailsTheParity() {
        I420Picture picture = new I420Picture(640, 360);
        FrameCounter.draw(picture, 6);
        int cell = FrameCounter.rowHeight(640);
        // Bit 0 lives in cell 2: paint it white, so the row reads 7 with the parity of 6.
        for (int row = 0; row < cell; row++) {
            java.util.Arrays.fill(picture.y(), row * 640 + 2 * cell, row * 640 + 3 * cell, (byte) 235);
        }
        assertEquals(FrameCounter.UNREADABLE, FrameCounter.read(picture, 0, 0, 640, 360));
    }

    @Test
    void rejectsCountersOutOfRange() {
        I420Picture picture = new I420Picture(640, 360);
        assertThrows(IllegalArgumentException.class, () -> FrameCounter.draw(picture, -1));
        assertThrows(IllegalArgumentException.class, () -> FrameCounter.draw(picture, FrameCounter.MAX + 1));
    }

    /** The way the composite goes: pattern -> VP8 -> decode -> scaled into a tile -> read. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void survivesCodingAndScalingDownToAQuarter(int divisor) {
        int frames = 12;
        TestPattern pattern = new TestPattern(1, frames);
        I420Picture source = new I420Picture(640, 360);
        I420Picture tile = new I420Picture(640 / divisor, 360 / divisor);
        try (VideoEncoder encoder = new VideoEncoder(
                VideoEncoderSettings.realtime(VideoCodec.VP8, 640, 360, 30, 400_000));
                VideoDecoder decoder = new VideoDecoder(VideoCodec.VP8)) {
            for (int i = 0; i < frames; i++) {
                int counter = 1000 + 37 * i;
                pattern.paint(source, i);
                FrameCounter.draw(source, counter);
                EncodedFrame encoded = encoder.encode(source, i, i == 0);
                decoder.decode(encoded);
                decoder.scaleInto(tile);
                assertEquals(counter, FrameCounter.read(tile, 0, 0, tile.width(), tile.height()),
                        "frame " + i + " at 1/" + divisor);
            }
        }
    }
}
