package io.chorus.signalling.conference;

import io.chorus.mixer.publish.VideoDemand;

/**
 * What one publisher is asked to send, from what the room shows of its camera: the tile's box, the
 * room's frame rate, and a bitrate for that many pixels. An input shown nowhere is asked to stop
 * (browsers pause the encoder on {@code active: false}); its REMB falls to a floor, since REMB cannot
 * say "stop" to clients that only understand REMB.
 *
 * @param maxBitrateBps what the page puts in {@code RTCRtpEncodingParameters.maxBitrate}, and the REMB
 */
public record PublishConstraints(int maxWidth, int maxHeight, int maxFramerate, long maxBitrateBps, boolean active) {
    /**
     * Bits per pixel per frame for a camera the mixer scales into a tile: about what libwebrtc gives
     * 640x360 at 30 fps (~500 kb/s); pictures that will be shown no larger than the box need no more.
     */
    static final double BITS_PER_PIXEL = 0.07;
    /** Below this a tile of any size turns to blocks; thumbnails still get it. */
    static final long MIN_BITRATE_BPS = 60_000;
    /** The REMB for an input nobody sees: keeps the RTCP and the odd key frame flowing, nothing more. */
    static final long HIDDEN_BITRATE_BPS = 30_000;

    static PublishConstraints of(VideoDemand demand) {
        if (!demand.shown()) {
            return new PublishConstraints(0, 0, 0, HIDDEN_BITRATE_BPS, false);
        }
        long pixelsPerSecond = (long) demand.maxWidth() * demand.maxHeight() * demand.maxFramerate();
        long bitrate = Math.max(MIN_BITRATE_BPS, Math.round(pixelsPerSecond * BITS_PER_PIXEL));
        return new PublishConstraints(demand.maxWidth(), demand.maxHeight(), demand.maxFramerate(), bitrate, true);
    }
}
