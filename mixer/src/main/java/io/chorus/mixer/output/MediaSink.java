package io.chorus.mixer.output;

import io.chorus.core.rtp.codec.EncodedFrame;

/**
 * Where one receiver's mixed media goes (its transport, a recorder). Called on a tick thread with
 * a frame shared by every receiver of the same output, so implementations must not block and must
 * not modify the frame's bytes.
 */
@FunctionalInterface
public interface MediaSink {

    void onFrame(EncodedFrame frame);
}
