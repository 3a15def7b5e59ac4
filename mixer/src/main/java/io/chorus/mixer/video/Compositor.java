package io.chorus.mixer.video;

import java.util.List;

/**
 * Paints a frame of the room from its tiles onto one canvas picture that is reused frame after frame.
 *
 * <p>Per frame: the whole canvas in the background colour, then each tile in list order (later tiles
 * cover earlier ones): its area in {@link #TILE_BACKDROP} black, which is what shows as letterbox bars,
 * then the participant's scaled picture, then the name in white on a half-transparent dark box at the
 * tile's bottom-left. A participant without video gets the tile in {@link #PLACEHOLDER} grey with the
 * name large in the middle instead, and no second, bottom label.
 *
 * <p>Not thread-safe: one compositor per room, driven by one thread.
 */
public final class Compositor {

    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 720;
    /** Dark slate: distinguishes the canvas outside tiles from a tile's black bars. */
    public static final YuvColour DEFAULT_BACKGROUND = YuvColour.fromRgb(32, 34, 40);
    /** Black, the usual colour of letterbox bars. */
    public static final YuvColour TILE_BACKDROP = YuvColour.fromRgb(0, 0, 0);
    /** Neutral dark grey: a tile whose participant sends no video. */
    public static final YuvColour PLACEHOLDER = YuvColour.fromRgb(64, 64, 64);
    /** White in limited-range luma. */
    public static final int TEXT_LUMA = 235;

    /**
     * Enough names at a few scales for a large room. A mask is one byte per pixel of one text line, so a
     * few kilobytes for a label, up to some 70 KB for a placeholder name across a whole 720p tile.
     */
    static final int LABEL_CACHE_CAPACITY = 256;

    private static final int MAX_LABEL_SCALE = 3;
    private static final int MAX_PLACEHOLDER_SCALE = 8;

    private final I420Picture canvas;
    private final YuvColour background;
    private final TextMaskCache labels = new TextMaskCache(LABEL_CACHE_CAPACITY);

    public Compositor() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_BACKGROUND);
    }

    public Compositor(int canvasWidth, int canvasHeight, YuvColour background) {
        if (canvasWidth <= 0 || canvasHeight <= 0 || ((canvasWidth | canvasHeight) & 1) != 0) {
            throw new IllegalArgumentException("canvas size must be positive and even: " + canvasWidth + "x" + canvasHeight);
        }
        if (background == null) {
            throw new IllegalArgumentException("background colour is null");
        }
        this.canvas = new I420Picture(canvasWidth, canvasHeight);
        this.background = background;
    }

    /**
     * Paints the frame and returns the canvas; the same picture every call, so it must be consumed (e.g.
     * encoded) before the next call.
     *
     * @throws IllegalArgumentException if a tile leaves the canvas, a destination leaves its tile, or a
     *                                  picture's size differs from its placement's destination size
     */
    public I420Picture compose(List<TileContent> tiles) {
        canvas.fill(background);
        for (TileContent content : tiles) {
            Tile tile = content.tile();
            checkOnCanvas(tile);
            Painter.fill(canvas, tile.x(), tile.y(), tile.width(), tile.height(), TILE_BACKDROP);
            if (content.scaledPicture() == null) {
                drawPlaceholder(tile, content.displayName());
            } else {
                drawPicture(tile, content.placement(), content.scaledPicture());
                drawLabel(tile, content.displayName());
            }
        }
        return canvas;
    }

    public I420Picture canvas() {
        return canvas;
    }

    /**
     * Label text scale for a tile: 1 (7 px text) for strip thumbnails, 2 for grid cells of a 720p canvas,
     * 3 for a speaker's main region or a whole 720p tile; larger would cover too much of the picture.
     */
    static int labelScale(int tileHeight) {
        return Math.max(1, Math.min(MAX_LABEL_SCALE, (tileHeight + 160) / 200));
    }

    /** Placeholder name scale: about twice the label's, so the tile reads as the person. */
    static int placeholderScale(int tileHeight) {
        return Math.max(1, Math.min(MAX_PLACEHOLDER_SCALE, (tileHeight + 45) / 90));
    }

    /** Space between a label's text and the edges of its box. */
    static int labelPadding(int scale) {
        return 2 * scale;
    }

    private void drawPicture(Tile tile, Placement placement, I420Picture picture) {
        if (!tile.contains(placement.dstX(), placement.dstY(), placement.dstWidth(), placement.dstHeight())) {
            throw new IllegalArgumentException("destination " + Tile.describe(placement.dstX(), placement.dstY(),
                    placement.dstWidth(), placement.dstHeight()) + " leaves tile " + tile);
        }
        if (picture.width() != placement.dstWidth() || picture.height() != placement.dstHeight()) {
            throw new IllegalArgumentException("picture of " + tile.participantId() + " is " + picture.width() + "x"
                    + picture.height() + " but its destination is " + placement.dstWidth() + "x" + placement.dstHeight());
        }
        Painter.paste(picture, canvas, placement.dstX(), placement.dstY());
    }

    private void drawLabel(Tile tile, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        int scale = labelScale(tile.height());
        int padding = labelPadding(scale);
        TextMask text = labels.mask(name, scale, tile.width() - 2 * padding);
        int boxWidth = roundUpEven(text.width() + 2 * padding);
        int boxHeight = roundUpEven(text.height() + 2 * padding);
        if (text.isEmpty() || boxWidth > tile.width() || boxHeight > tile.height()) {
            return;
        }
        int boxY = tile.bottom() - boxHeight;
        Painter.shade(canvas, tile.x(), boxY, boxWidth, boxHeight);
        text.stamp(canvas, tile.x() + padding, boxY + padding, (byte) TEXT_LUMA);
    }

    private void drawPlaceholder(Tile tile, String name) {
        Painter.fill(canvas, tile.x(), tile.y(), tile.width(), tile.height(), PLACEHOLDER);
        if (name == null || name.isBlank()) {
            return;
        }
        int scale = placeholderScale(tile.height());
        TextMask text = labels.mask(name, scale, tile.width() - 2 * labelPadding(scale));
        if (text.isEmpty() || text.height() > tile.height()) {
            return;
        }
        text.stamp(canvas, tile.x() + (tile.width() - text.width()) / 2, tile.y() + (tile.height() - text.height()) / 2,
                (byte) TEXT_LUMA);
    }

    private void checkOnCanvas(Tile tile) {
        if (tile.right() > canvas.width() || tile.bottom() > canvas.height()) {
            throw new IllegalArgumentException("tile " + tile + " leaves the " + canvas.width() + "x" + canvas.height()
                    + " canvas");
        }
    }

    private static int roundUpEven(int value) {
        return (value + 1) & ~1;
    }
}
