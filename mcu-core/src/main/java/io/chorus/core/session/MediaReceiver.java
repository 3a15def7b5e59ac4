package io.chorus.core.session;

import io.chorus.core.rtp.MediaKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.feedback.KeyFrameMethod;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.Rtx;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.PayloadFormats;
import io.chorus.core.sdp.NegotiatedMedia;
import io.chorus.core.sdp.NegotiatedSession;
import io.chorus.core.sdp.RtcpFeedback;

/**
 * Turns the browser's RTP into complete frames: packets are routed by payload type (BUNDLE puts
 * audio, video and RTX on one transport), RTX is unwrapped back to the original packet, and each
 * SSRC gets its own {@link InboundStream}. Runs on the receive thread.
 */
final class MediaReceiver {
    private final PeerSession.Listener listener;
    private final DropCounters drops;
    private final NegotiatedMedia audio;
    private final NegotiatedMedia video;
    private final int videoRtxPayloadType;
    private final Map<Long, InboundStream> streams = new ConcurrentHashMap<>();
    private volatile Runnable keyFrameNeeded = () -> { };
    private volatile long videoSsrc = -1;

    MediaReceiver(String name, NegotiatedSession negotiated, PeerSession.Listener listener, DropCounters drops) {
        this.listener = listener;
        this.drops = drops;
        this.audio = negotiated.media(MediaKind.AUDIO).filter(m -> m.direction().receives()).orElse(null);
        this.video = negotiated.media(MediaKind.VIDEO).filter(m -> m.direction().receives()).orElse(null);
        this.videoRtxPayloadType = video == null ? -1 : video.rtxPayloadType().orElse(-1);
    }

    void setKeyFrameNeeded(Runnable keyFrameNeeded) {
        this.keyFrameNeeded = keyFrameNeeded;
    }

    Collection<InboundStream> streams() {
        return streams.values();
    }

    InboundStream stream(long ssrc) {
        return streams.get(ssrc);
    }

    /** The browser's current video SSRC, or -1 before its first video packet. */
    long videoSsrc() {
        return videoSsrc;
    }

    void onRtp(byte[] buffer, int offset, int length, long receivedNanos) {
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(buffer, offset, length);
            int payloadType = packet.payloadType();
            if (payloadType == videoRtxPayloadType) {
                if (Rtx.isPaddingOnly(packet) || videoSsrc < 0) {
                    return;
                }
                packet = Rtx.unwrap(packet, videoSsrc, video.codec().payloadType());
                payloadType = packet.payloadType();
            }
            NegotiatedMedia media = mediaFor(payloadType);
            if (media == null) {
                drops.drop(DropReason.UNKNOWN_PAYLOAD_TYPE, "payload type " + payloadType + " was not negotiated");
                return;
            }
            if (media == video) {
                videoSsrc = packet.ssrc();
            }
            InboundStream stream = streams.computeIfAbsent(packet.ssrc(), ssrc -> newStream(media, ssrc));
            List<EncodedFrame> frames = stream.onPacket(packet, receivedNanos, keyFrameNeeded);
            for (EncodedFrame frame : frames) {
                listener.onFrame(media.kind(), frame);
            }
        } catch (MalformedPacketException e) {
            drops.drop(DropReason.MALFORMED_RTP, e.getMessage());
        }
    }

    private NegotiatedMedia mediaFor(int payloadType) {
        if (audio != null && audio.codec().payloadType() == payloadType) {
            return audio;
        }
        if (video != null && video.codec().payloadType() == payloadType) {
            return video;
        }
        return null;
    }

    private static InboundStream newStream(NegotiatedMedia media, long ssrc) {
        KeyFrameMethod method = KeyFrameMethod.negotiated(media.hasFeedback(RtcpFeedback.PLI),
                media.hasFeedback(RtcpFeedback.FIR));
        return new InboundStream(media.kind(), ssrc, media.codec().clockRate(),
                media.kind() == MediaKind.VIDEO && media.hasFeedback(RtcpFeedback.NACK), method,
                PayloadFormats.depacketizer(media.codec().encoding()));
    }
}
