package io.chorus.core.session;

import io.chorus.core.rtp.MediaKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.feedback.KeyFrameMethod;
import io.chorus.core.feedback.TransportFeedbackGenerator;
import io.chorus.core.rtcp.TransportCcFeedback;
import io.chorus.core.rtp.AudioLevelExtension;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.Rtx;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.PayloadFormats;
import io.chorus.core.sdp.HeaderExtension;
import io.chorus.core.sdp.NegotiatedMedia;
import io.chorus.core.sdp.NegotiatedSession;
import io.chorus.core.sdp.RtcpFeedback;

/**
 * Turns the browser's RTP into complete frames: packets are routed by payload type (BUNDLE puts
 * audio, video and RTX on one transport), RTX is unwrapped back to the original packet, and each
 * SSRC gets its own {@link InboundStream}. Runs on the receive thread.
 *
 * <p>Each negotiated m-line carries one source, so a kind may hold {@link #MAX_STREAMS_PER_KIND}
 * streams (the current one and the one it replaces, when a client restarts its encoder). A further
 * SSRC takes the place of a stream silent for {@link #STREAM_REPLACEABLE_AFTER_NANOS}, or is
 * dropped: every stream costs statistics, a NACK window and a report block.
 */
final class MediaReceiver {
    static final int MAX_STREAMS_PER_KIND = 2;
    static final long STREAM_REPLACEABLE_AFTER_NANOS = 2_000_000_000L;

    private final MediaSession.Listener listener;
    private final DropCounters drops;
    private final NegotiatedMedia audio;
    private final NegotiatedMedia video;
    private final int videoRtxPayloadType;
    private final Map<Long, InboundStream> streams = new ConcurrentHashMap<>();
    private final int audioTransportSeqId;
    private final int videoTransportSeqId;
    private final int audioLevelId;
    private final TransportFeedbackGenerator transportFeedback = new TransportFeedbackGenerator();
    private volatile Runnable keyFrameNeeded = () -> { };
    private volatile long videoSsrc = -1;

    MediaReceiver(String name, NegotiatedSession negotiated, MediaSession.Listener listener, DropCounters drops) {
        this.listener = listener;
        this.drops = drops;
        this.audio = negotiated.media(MediaKind.AUDIO).filter(m -> m.direction().receives()).orElse(null);
        this.video = negotiated.media(MediaKind.VIDEO).filter(m -> m.direction().receives()).orElse(null);
        this.videoRtxPayloadType = video == null ? -1 : video.rtxPayloadType().orElse(-1);
        this.audioTransportSeqId = transportSequenceExtension(audio);
        this.videoTransportSeqId = transportSequenceExtension(video);
        this.audioLevelId = audio == null ? -1 : audio.extensionId(HeaderExtension.AUDIO_LEVEL).orElse(-1);
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

    /** Whether the browser's video takes REMB (goog-remb negotiated on its m-line). */
    boolean videoAcceptsRemb() {
        return video != null && video.hasFeedback(RtcpFeedback.REMB);
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
            recordTransportSequence(packet, payloadType, receivedNanos);
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
            deliver(media, packet, receivedNanos);
        } catch (MalformedPacketException e) {
            drops.drop(DropReason.MALFORMED_RTP, e.getMessage());
        }
    }

    private void deliver(NegotiatedMedia media, RtpPacket packet, long receivedNanos) {
        InboundStream stream = streams.get(packet.ssrc());
        if (stream == null) {
            stream = admitStream(media, packet.ssrc(), receivedNanos);
            if (stream == null) {
                return;
            }
        }
        List<EncodedFrame> frames;
        try {
            frames = stream.onPacket(packet, receivedNanos, keyFrameNeeded);
        } catch (MalformedPacketException e) {
            drops.drop(DropReason.MALFORMED_PAYLOAD, media.codec().encoding() + ": " + e.getMessage());
            return;
        }
        int level = media == audio ? AudioLevelExtension.level(packet, audioLevelId) : AudioLevelExtension.ABSENT;
        for (EncodedFrame frame : frames) {
            listener.onFrame(media.kind(), frame, level);
        }
    }

    /** A new SSRC's stream, in place of a silent one if the kind is at its limit; null when refused. */
    private InboundStream admitStream(NegotiatedMedia media, long ssrc, long nowNanos) {
        InboundStream oldest = null;
        int ofKind = 0;
        for (InboundStream existing : streams.values()) {
            if (existing.kind() == media.kind()) {
                ofKind++;
                if (oldest == null || existing.lastPacketNanos() < oldest.lastPacketNanos()) {
                    oldest = existing;
                }
            }
        }
        if (ofKind >= MAX_STREAMS_PER_KIND) {
            if (nowNanos - oldest.lastPacketNanos() < STREAM_REPLACEABLE_AFTER_NANOS) {
                drops.drop(DropReason.TOO_MANY_STREAMS, media.kind() + " SSRC " + ssrc + " while " + ofKind
                        + " streams are live");
                return null;
            }
            streams.remove(oldest.ssrc());
        }
        InboundStream stream = newStream(media, ssrc);
        streams.put(ssrc, stream);
        return stream;
    }

    /** Transport-wide feedback for what arrived since the last call (timer thread). */
    List<TransportCcFeedback> transportFeedback(long senderSsrc) {
        synchronized (transportFeedback) {
            return transportFeedback.build(senderSsrc, videoSsrc < 0 ? 0 : videoSsrc);
        }
    }

    private void recordTransportSequence(RtpPacket packet, int payloadType, long receivedNanos) {
        boolean isAudio = audio != null && payloadType == audio.codec().payloadType();
        int id = isAudio ? audioTransportSeqId : videoTransportSeqId;
        if (id < 0) {
            return;
        }
        long element = packet.findExtension(id);
        if (element >= 0 && (element & 0xFFFF) >= 2) {
            int seq = RtpPacket.readUint16(packet.buffer(), (int) (element >>> 16));
            synchronized (transportFeedback) {
                transportFeedback.onPacket(seq, receivedNanos / 1000);
            }
        }
    }

    private static int transportSequenceExtension(NegotiatedMedia media) {
        if (media == null || !media.hasFeedback(RtcpFeedback.TRANSPORT_CC)) {
            return -1;
        }
        return media.extensionId(HeaderExtension.TRANSPORT_WIDE_CC).orElse(-1);
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
