package io.chorus.mixer.video;

/** How a picture whose shape differs from its tile's is fitted; neither ever stretches it. */
public enum FitPolicy {
    /** The whole picture, scaled to fit inside the tile, with bars where the shapes differ. The default. */
    LETTERBOX,
    /** The centre of the picture, cut to the tile's shape, filling the whole tile. */
    CROP;

    public static final FitPolicy DEFAULT = LETTERBOX;
}
