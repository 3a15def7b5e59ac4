package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.TestPictures.BLUE;
import static io.chorus.mixer.codec.TestPictures.RED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.YuvColour;
import org.junit.jupiter.api.Test;

class PictureScalerTest {
    @Test
    void scalesAJavaPictureToEachTargetSize() {
        I420Picture canvas = TestPictures.withRectangle(640, 360, BLUE, RED, 320, 0, 320, 180);
        try (PictureScaler scaler = new PictureScaler()) {
            for (int[] size : new int[][] {{320, 180}, {1280, 720}, {318, 178}, {320, 180}}) {
                I420Picture target = new I420Picture(size[0], size[1]);
                scaler.scale(canvas, target);
                assertColour(RED, target.colourAt(size[0] * 3 / 4, size[1] / 4));
                assertColour(BLUE, target.colourAt(size[0] / 4, size[1] / 4));
                assertColour(BLUE, target.colourAt(size[0] * 3 / 4, size[1] * 3 / 4));
            }
        }
    }

    @Test
    void sameSizeIsAnExactCopy() {
        I420Picture canvas = new I420Picture(33, 17);
        TestPictures.movingPattern(canvas, 3);
        I420Picture target = new I420Picture(33, 17);
        try (PictureScaler scaler = new PictureScaler()) {
            scaler.scale(canvas, target);
        }
        assertArrayEquals(canvas.y(), target.y());
        assertArrayEquals(canvas.u(), target.u());
        assertArrayEquals(canvas.v(), target.v());
    }

    @Test
    void followsAChangeOfSourceSize() {
        try (PictureScaler scaler = new PictureScaler()) {
            I420Picture target = new I420Picture(100, 60);
            scaler.scale(TestPictures.withRectangle(200, 120, RED, RED, 0, 0, 1, 1), target);
            assertColour(RED, target.colourAt(50, 30));
            scaler.scale(TestPictures.withRectangle(300, 180, BLUE, BLUE, 0, 0, 1, 1), target);
            assertColour(BLUE, target.colourAt(50, 30));
        }
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseThrows() {
        PictureScaler scaler = new PictureScaler();
        scaler.close();
        scaler.close();
        assertThrows(IllegalStateException.class,
                () -> scaler.scale(new I420Picture(64, 64), new I420Picture(32, 32)));
    }

    private static void assertColour(YuvColour expected, YuvColour actual) {
        assertTrue(expected.distance(actual) <= 3, "expected about " + expected + " but was " + actual);
        assertEquals(expected.luma(), actual.luma(), 3);
    }
}
