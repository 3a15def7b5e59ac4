package io.chorus.core.session;

import io.chorus.core.rtp.MediaKind;
import java.util.ArrayList;
import java.util.List;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.PayloadFormats;
import io.chorus.core.sdp.HeaderExtension;
import io.chorus.core.sdp.LocalMedia;
import io.chorus.core.sdp.NegotiatedMedia;
import io.chorus.core.sdp.NegotiatedSession;
import io.chorus.core.sdp.RtcpFeedback;

/** The server's outgoing streams of one session, one per negotiated kind that the server sends. */
final class MediaSender {
    private final OutboundStream audio;
    private final OutboundStream video;

    MediaSender(String name, NegotiatedSession negotiated, LocalMedia media, PacketTransport transport) {
        this.audio = negotiated.media(MediaKind.AUDIO).filter(m -> m.direction().sends())
                .map(m -> stream(m, media, transport)).orElse(null);
        this.video = negotiated.media(MediaKind.VIDEO).filter(m -> m.direction().sends())
                .map(m -> stream(m, media, transport)).orElse(null);
    }

    private static OutboundStream stream(NegotiatedMedia m, LocalMedia media, PacketTransport transport) {
        return new OutboundStream(m.kind(), media.track(m.kind()).ssrc(), m.codec().payloadType(),
                m.codec().clockRate(), PayloadFormats.packetizer(m.codec().encoding()),
                m.hasFeedback(RtcpFeedback.NACK), transport, m.extensionId(HeaderExtension.ABS_SEND_TIME).orElse(-1));
    }

    void send(MediaKind kind, EncodedFrame frame) {
        OutboundStream stream = stream(kind);
        if (stream != null) {
            stream.send(frame, System.nanoTime());
        }
    }

    OutboundStream stream(MediaKind kind) {
        return kind == MediaKind.AUDIO ? audio : video;
    }

    OutboundStream bySsrc(long ssrc) {
        for (OutboundStream s : streams()) {
            if (s.ssrc() == ssrc) {
                return s;
            }
        }
        return null;
    }

    List<OutboundStream> streams() {
        List<OutboundStream> list = new ArrayList<>(2);
        if (audio != null) {
            list.add(audio);
        }
        if (video != null) {
            list.add(video);
        }
        return list;
    }
}
