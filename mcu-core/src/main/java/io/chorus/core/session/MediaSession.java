package io.chorus.core.session;

import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.sdp.SdpException;

/**
 * One client's WebRTC media session as rooms drive it: negotiate once, take trickled candidates,
 * then exchange complete frames and feedback. {@link PeerSession} is the real one; rooms receive
 * theirs from a factory so that their behaviour can be tested without sockets.
 */
public interface MediaSession extends AutoCloseable {

    /** Called on transport threads; implementations must not block. */
    interface Listener {
        void onStateChange(SessionState state, String detail);

        /** A server candidate to trickle; {@code candidate} null means there are no more. */
        void onLocalCandidate(String candidate, String mid, int mLineIndex);

        /**
         * A complete frame from the client, after loss recovery.
         *
         * @param audioLevel for audio, the RFC 6464 level the packet carried (0..127, -dBov), else
         *                   {@link io.chorus.core.rtp.AudioLevelExtension#ABSENT}; always absent for video
         */
        void onFrame(MediaKind kind, EncodedFrame frame, int audioLevel);

        /** The client asked for a key frame of the video the server sends it. */
        void onKeyFrameRequested();

        /**
         * An RTCP sender report for the client's stream of {@code kind}: its 64-bit NTP wallclock
         * and the RTP timestamp of that instant, which is what lines audio and video up (lip sync).
         */
        default void onSenderReport(MediaKind kind, long ntpTimestamp, long rtpTimestamp) {
        }

        /** The client's estimate (REMB) of the bandwidth available for what the server sends it. */
        default void onBandwidthEstimate(long bitsPerSecond) {
        }
    }

    /** Answers the client's offer; a second offer is refused (no renegotiation). */
    String acceptOffer(String offerSdp) throws SdpException;

    /** A trickled client candidate; null means the client has gathered all of them. */
    void addRemoteCandidate(String candidate) throws SdpException;

    /** Sends a complete frame on the server's own stream of that kind; dropped before the transport is secured. */
    void sendFrame(MediaKind kind, EncodedFrame frame);

    /** Asks the client for a key frame of its video (rate-limited). */
    void requestKeyFrame();

    /** Caps the client's video bitrate with REMB; -1 lifts the cap. */
    void limitVideoBitrate(long bitsPerSecond);

    /** The negotiated video codec's encoding name (e.g. "VP8", "H264"), or null before the offer or without video. */
    String videoEncoding();

    /** The latest round-trip time from the client's receiver reports, or -1. */
    long rttMillis();

    /** The client's latest REMB estimate for the server's streams, or -1. */
    long bandwidthEstimateBps();

    SessionState state();

    /** Releases the transport; idempotent. */
    @Override
    void close();
}
