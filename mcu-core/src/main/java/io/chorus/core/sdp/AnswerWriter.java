package io.chorus.core.sdp;

import io.chorus.core.dtls.DtlsRole;

import java.util.List;
import java.util.Optional;

/**
 * Writes the answer text for decisions already made, in the layout JSEP (RFC 8829 section 5.3.1)
 * describes: session lines, then per offered m-line either the accepted section with transport,
 * codec and SSRC lines, or a rejected one with port 0 that keeps its mid.
 */
final class AnswerWriter {
    private static final String CRLF = "\r\n";
    /** JSEP's placeholder address and port before (or instead of) a default candidate. */
    private static final String NO_ADDRESS = "0.0.0.0";
    private static final int DISCARD_PORT = 9;

    private final StringBuilder sdp = new StringBuilder(4096);
    private final NegotiatedSession session;
    private final LocalTransport transport;
    private final LocalMedia media;
    private final String connectionAddress;
    private final int port;

    private AnswerWriter(NegotiatedSession session, LocalTransport transport, LocalMedia media) {
        this.session = session;
        this.transport = transport;
        this.media = media;
        Optional<IceCandidate> defaultCandidate = transport.candidates().stream().filter(c -> c.component() == 1)
                .findFirst();
        this.connectionAddress = defaultCandidate.map(c -> addressType(c.address()) + " " + c.address())
                .orElse("IP4 " + NO_ADDRESS);
        this.port = defaultCandidate.map(IceCandidate::port).orElse(DISCARD_PORT);
    }

    static String write(long sessionId, List<MediaDecision> decisions, NegotiatedSession session,
            LocalTransport transport, LocalMedia media) {
        AnswerWriter writer = new AnswerWriter(session, transport, media);
        writer.writeSession(sessionId);
        for (MediaDecision decision : decisions) {
            if (decision.isAccepted()) {
                writer.writeAccepted(decision.accepted());
            } else {
                writer.writeRejected(decision.offered());
            }
        }
        return writer.sdp.toString();
    }

    private void writeSession(long sessionId) {
        line('v', "0");
        line('o', "- " + sessionId + " 2 IN IP4 127.0.0.1");
        line('s', "-");
        line('t', "0 0");
        if (!session.bundleMids().isEmpty()) {
            attribute("group", new SdpGroup(SdpGroup.BUNDLE, session.bundleMids()).toSdpValue());
        }
        attribute("msid-semantic", " WMS *");
    }

    private void writeAccepted(NegotiatedMedia m) {
        RtpCodec codec = m.codec();
        line('m', mediaName(m) + " " + port + " " + MediaNegotiator.PROTO + " " + codec.payloadType()
                + m.rtx().map(r -> " " + r.payloadType()).orElse(""));
        line('c', "IN " + connectionAddress);
        attribute("rtcp", port + " IN " + connectionAddress);
        attribute("ice-ufrag", transport.ice().ufrag());
        attribute("ice-pwd", transport.ice().password());
        attribute("ice-options", "trickle");
        attribute("fingerprint", transport.fingerprint().sdpAttributeValue());
        attribute("setup", (session.dtlsRole() == DtlsRole.SERVER ? SetupRole.PASSIVE : SetupRole.ACTIVE).sdpValue());
        if (m.mid() != null) {
            attribute("mid", m.mid());
        }
        m.extensions().forEach(e -> attribute("extmap", e.toSdpValue()));
        attribute(m.direction().attributeName());
        OutgoingTrack track = media.track(m.kind());
        Msid msid = new Msid(media.streamId(), track.trackId());
        if (m.direction().sends()) {
            attribute("msid", msid.toSdpValue());
        }
        attribute("rtcp-mux");
        if (m.rtcpReducedSize()) {
            attribute("rtcp-rsize");
        }
        writeCodec(codec);
        m.rtx().ifPresent(this::writeCodec);
        if (m.direction().sends()) {
            writeSsrcs(track, msid, m.rtx().isPresent());
        }
        if (m.mLineIndex() == session.transportMedia().mLineIndex()) {
            transport.candidates().forEach(c -> attribute("candidate", c.toSdpValue()));
            if (transport.gatheringComplete()) {
                attribute("end-of-candidates");
            }
        }
    }

    /** RFC 3264 section 6: a rejected stream keeps its media type and a format, with port 0. */
    private void writeRejected(MediaSection offered) {
        line('m', offered.kind() + " 0 " + offered.proto() + " " + offered.formats().get(0));
        line('c', "IN IP4 " + NO_ADDRESS);
        offered.attributes().mid().ifPresent(mid -> attribute("mid", mid));
    }

    private void writeCodec(RtpCodec codec) {
        attribute("rtpmap", codec.payloadType() + " " + codec.rtpmapValue());
        codec.feedback().forEach(f -> attribute("rtcp-fb", codec.payloadType() + " " + f.toSdpValue()));
        if (codec.fmtp() != null && !codec.fmtp().isEmpty()) {
            attribute("fmtp", codec.payloadType() + " " + codec.fmtp());
        }
    }

    /** RFC 5576 source attributes; the FID group ties the RTX SSRC to the media SSRC (RFC 4588 section 8.3). */
    private void writeSsrcs(OutgoingTrack track, Msid msid, boolean rtxNegotiated) {
        boolean withRtx = rtxNegotiated && track.rtxSsrc().isPresent();
        if (withRtx) {
            attribute("ssrc-group", new SsrcGroup(SsrcGroup.FID,
                    List.of(track.ssrc(), track.rtxSsrc().getAsLong())).toSdpValue());
        }
        writeSsrc(track.ssrc(), msid);
        if (withRtx) {
            writeSsrc(track.rtxSsrc().getAsLong(), msid);
        }
    }

    private void writeSsrc(long ssrc, Msid msid) {
        attribute("ssrc", ssrc + " cname:" + media.cname());
        attribute("ssrc", ssrc + " msid:" + msid.toSdpValue());
    }

    private static String mediaName(NegotiatedMedia m) {
        return switch (m.kind()) {
            case AUDIO -> "audio";
            case VIDEO -> "video";
        };
    }

    private static String addressType(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    private void line(char type, String value) {
        sdp.append(type).append('=').append(value).append(CRLF);
    }

    private void attribute(String name) {
        line('a', name);
    }

    private void attribute(String name, String value) {
        line('a', name + ":" + value);
    }
}
