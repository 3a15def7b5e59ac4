package io.chorus.mixer.room;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.Placement;
import io.chorus.mixer.video.Tile;
import io.chorus.mixer.video.TileContent;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanvasChangeTest {
    private static final Tile LEFT = new Tile("a", 0, 0, 320, 180, 0);
    private static final Tile RIGHT = new Tile("b", 320, 0, 320, 180, 0);
    private static final Placement FULL = new Placement(0, 0, 320, 180, 0, 0, 320, 180);
    private final I420Picture picture = new I420Picture(320, 180);
    private final CanvasChange change = new CanvasChange();

    @Test
    void theFirstFrameIsAlwaysAChange() {
        assertTrue(change.changed(List.of(TileContent.placeholder(LEFT, "a")), new long[] {-1}));
    }

    @Test
    void theSameTilesWithTheSamePicturesAreNoChange() {
        List<TileContent> frame = List.of(new TileContent(LEFT, FULL, picture, "a"), TileContent.placeholder(RIGHT, "b"));
        assertTrue(change.changed(frame, new long[] {7, -1}));
        assertFalse(change.changed(List.of(new TileContent(LEFT, FULL, picture, "a"), TileContent.placeholder(RIGHT, "b")),
                new long[] {7, -1}));
    }

    @Test
    void aNewPictureInTheSameReusedBufferIsAChange() {
        assertTrue(change.changed(List.of(new TileContent(LEFT, FULL, picture, "a")), new long[] {7}));
        assertTrue(change.changed(List.of(new TileContent(LEFT, FULL, picture, "a")), new long[] {8}),
                "the ring reuses the buffer: only the sequence tells a new picture");
        assertFalse(change.changed(List.of(new TileContent(LEFT, FULL, picture, "a")), new long[] {8}));
    }

    @Test
    void aMovedTileARenamedLabelOrAnotherTileCountIsAChange() {
        assertTrue(change.changed(List.of(TileContent.placeholder(LEFT, "a")), new long[] {-1}));
        assertTrue(change.changed(List.of(TileContent.placeholder(new Tile("a", 2, 0, 320, 180, 0), "a")), new long[] {-1}));
        assertTrue(change.changed(List.of(TileContent.placeholder(new Tile("a", 2, 0, 320, 180, 0), "Ann")), new long[] {-1}));
        assertTrue(change.changed(List.of(TileContent.placeholder(new Tile("a", 2, 0, 320, 180, 0), "Ann"),
                TileContent.placeholder(RIGHT, "b")), new long[] {-1, -1}));
        assertFalse(change.changed(List.of(TileContent.placeholder(new Tile("a", 2, 0, 320, 180, 0), "Ann"),
                TileContent.placeholder(RIGHT, "b")), new long[] {-1, -1}));
    }
}
