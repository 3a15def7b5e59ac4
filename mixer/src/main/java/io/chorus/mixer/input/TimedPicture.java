package io.chorus.mixer.input;

import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.Placement;

/**
 * A decoded picture already scaled for its tile, with the sender time it was captured at.
 * Reused: the ring hands the same objects round, so a picture's pixels are valid only while the
 * ring says it is displayed.
 */
public final class TimedPicture {
    private I420Picture picture;
    private long captureMicros = Long.MIN_VALUE;
    private long sequence;
    private VideoInput.Target target;
    private Placement placement;

    /** The pixels, (re)allocated when the tile size changes. */
    I420Picture pictureSized(int width, int height) {
        if (picture == null || picture.width() != width || picture.height() != height) {
            picture = new I420Picture(width, height);
        }
        return picture;
    }

    void stamp(long captureMicros, long sequence, VideoInput.Target target, Placement placement) {
        this.captureMicros = captureMicros;
        this.sequence = sequence;
        this.target = target;
        this.placement = placement;
    }

    public I420Picture picture() {
        return picture;
    }

    /** Sender capture time in NTP microseconds, or {@link Long#MIN_VALUE} when the sender is not yet mapped. */
    public long captureMicros() {
        return captureMicros;
    }

    /** Decode order; a higher number is a later picture. */
    public long sequence() {
        return sequence;
    }

    /** The tile and fit the picture was scaled for. */
    public VideoInput.Target target() {
        return target;
    }

    /** Where in its tile the picture goes, and which part of the decoded source it shows. */
    public Placement placement() {
        return placement;
    }
}
