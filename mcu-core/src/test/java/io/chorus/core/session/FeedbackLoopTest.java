package io.chorus.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.dtls.CertificateFingerprint;
import io.chorus.core.rtcp.GenericNack;
import io.chorus.core.rtcp.Pli;
import io.chorus.core.rtcp.Remb;
import io.chorus.core.rtcp.ReceiverReport;
import io.chorus.core.rtcp.RtcpCompound;
import io.chorus.core.rtcp.RtcpPacket;
import io.chorus.core.rtcp.RtcpParser;
import io.chorus.core.rtcp.Sdes;
import io.chorus.core.rtcp.Remb;
import io.chorus.core.rtcp.SenderReport;
import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.RtpPayload;
import io.chorus.core.rtp.codec.vp8.Vp8Packetizer;
import io.chorus.core.sdp.IceCredentials;
import io.chorus.core.sdp.LocalMedia;
import io.chorus.core.sdp.LocalTransport;
import io.chorus.core.sdp.NegotiatedSession;
import io.chorus.core.sdp.OutgoingTrack;
import io.chorus.core.sdp.SdpAnswerer;

/**
 * The session's media and RTCP logic on real RTP/RTCP bytes negotiated from a Chrome offer; only
 * the SRTP-and-socket boundary is replaced by a recorder. Proves NACKs are answered with the
 * exact bytes first sent, holes are NACKed and healed, PLI reaches the room, and reports go out.
 */
class FeedbackLoopTest {
    private static final long OUR_AUDIO = 1111L;
    private static final long OUR_VIDEO = 2222L;
    private static final long BROWSER_VIDEO = 0xABCDEFL;
    private static final int VP8 = 96;
    private static final int VP8_RTX = 97;
    private static final int ABS_SEND_TIME_ID = 2;

    /** What the session handed to SRTP: plain RTP/RTCP, and already-protected resends. */
    private static final class Recorder implements PacketTransport {
        final List<byte[]> rtp = new ArrayList<>();
        final List<byte[]> rtcp = new ArrayList<>();
        final List<byte[]> resent = new ArrayList<>();

        @Override
        public int sendRtp(byte[] buffer, int offset, int length) {
            rtp.add(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
            return length;
        }

        @Override
        public int sendRtcp(byte[] buffer, int offset, int length) {
            rtcp.add(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
            return length;
        }

        @Override
        public void sendProtected(byte[] buffer, int offset, int length) {
            resent.add(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
        }

        List<RtcpPacket> allRtcp() throws MalformedPacketException {
            List<RtcpPacket> all = new ArrayList<>();
            for (byte[] packet : rtcp) {
                all.addAll(RtcpParser.parse(packet, 0, packet.length));
            }
            return all;
        }
    }

    private final Recorder wire = new Recorder();
    private final List<EncodedFrame> framesToRoom = new ArrayList<>();
    private int keyFrameRequestsFromBrowser;
    private final List<String> senderReports = new ArrayList<>();
    private final List<Long> estimates = new ArrayList<>();
    private MediaSender sender;
    private MediaReceiver receiver;
    private RtcpEngine rtcp;
    private DropCounters drops;

    @BeforeEach
    void negotiate() throws Exception {
        String offer;
        try (InputStream in = getClass().getResourceAsStream("/sdp/chrome-audio-video.sdp")) {
            offer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LocalMedia media = new LocalMedia("chorus-test", "chorus", OutgoingTrack.withoutRtx("a", OUR_AUDIO),
                OutgoingTrack.withoutRtx("v", OUR_VIDEO));
        NegotiatedSession negotiated = SdpAnswerer.answer(offer, new LocalTransport(
                new IceCredentials("ufrag", "passwordpasswordpassword"),
                new CertificateFingerprint("sha-256", new byte[32]), List.of(), true), media).session();
        assertEquals(VP8, negotiated.media(MediaKind.VIDEO).orElseThrow().codec().payloadType());
        MediaSession.Listener listener = new MediaSession.Listener() {
            @Override
            public void onStateChange(SessionState state, String detail) {
            }

            @Override
            public void onLocalCandidate(String candidate, String mid, int mLineIndex) {
            }

            @Override
            public void onFrame(MediaKind kind, EncodedFrame frame, int audioLevel) {
                framesToRoom.add(frame);
            }

            @Override
            public void onKeyFrameRequested() {
                keyFrameRequestsFromBrowser++;
            }

            @Override
            public void onSenderReport(MediaKind kind, long ntpTimestamp, long rtpTimestamp) {
                senderReports.add(kind + " " + Long.toHexString(ntpTimestamp) + " " + rtpTimestamp);
            }

            @Override
            public void onBandwidthEstimate(long bitsPerSecond) {
                estimates.add(bitsPerSecond);
            }
        };
        drops = new DropCounters("test", LoggerFactory.getLogger(FeedbackLoopTest.class));
        sender = new MediaSender("test", negotiated, media, wire);
        receiver = new MediaReceiver("test", negotiated, listener, drops);
        rtcp = new RtcpEngine("test", media.cname(), receiver, sender, wire, listener, drops);
        receiver.setKeyFrameNeeded(rtcp::requestKeyFrame);
    }

    @Test
    void aNackedPacketIsResentWithTheExactBytesFirstSent() throws Exception {
        sender.send(MediaKind.VIDEO, new EncodedFrame(Vp8KeyFrames.of(3000), 90_000, true, 0, 0));
        assertEquals(3, wire.rtp.size());
        RtpPacket second = RtpPacket.parse(wire.rtp.get(1), 0, wire.rtp.get(1).length);
        assertEquals(OUR_VIDEO, second.ssrc());
        assertEquals(VP8, second.payloadType());

        feedback(new ReceiverReport(0x5151L, List.of()),
                new GenericNack(0x5151L, OUR_VIDEO, List.of(second.sequenceNumber())));

        assertEquals(1, wire.resent.size());
        assertArrayEquals(wire.rtp.get(1), wire.resent.get(0));
    }

    @Test
    void aHoleIsNackedAndTheFrameIsReleasedOnceTheRetransmissionFillsIt() throws Exception {
        List<byte[]> packets = browserVideo(65534, 2);
        long now = 1_000_000_000L;
        for (int i = 0; i < packets.size(); i++) {
            if (i != 1) {
                receiver.onRtp(packets.get(i), 0, packets.get(i).length, now);
            }
        }
        assertEquals(0, framesToRoom.size(), "the key frame waits for its missing packet");

        rtcp.tick(now + 20_000_000L);
        List<Integer> nacked = new ArrayList<>();
        for (RtcpPacket p : wire.allRtcp()) {
            if (p instanceof GenericNack nack) {
                assertEquals(BROWSER_VIDEO, nack.mediaSsrc());
                nacked.addAll(nack.lostSequenceNumbers());
            }
        }
        assertEquals(List.of(65535), nacked, "the hole just before the wrap");

        byte[] rtx = asRtx(packets.get(1), 500);
        receiver.onRtp(rtx, 0, rtx.length, now + 30_000_000L);
        assertEquals(3, framesToRoom.size(), "the key frame and both delta frames behind it");
        assertTrue(framesToRoom.get(0).keyFrame());
        assertEquals(640, framesToRoom.get(0).width());
    }

    @Test
    void aPliForOurVideoReachesTheRoomAndOnlyThat() throws Exception {
        feedback(new ReceiverReport(0x5151L, List.of()), new Pli(0x5151L, OUR_VIDEO));
        feedback(new ReceiverReport(0x5151L, List.of()), new Pli(0x5151L, 999L));
        assertEquals(1, keyFrameRequestsFromBrowser);
    }

    @Test
    void theBrowsersSenderReportsAndBandwidthEstimateReachTheRoom() throws Exception {
        List<byte[]> packets = browserVideo(40, 0);
        for (byte[] p : packets) {
            receiver.onRtp(p, 0, p.length, System.nanoTime());
        }
        feedback(new SenderReport(BROWSER_VIDEO, 0xE000_0001_8000_0000L, 123_456L, 3, 3000, List.of()),
                new Remb(0x5151L, 750_000L, List.of(OUR_VIDEO)));
        feedback(new SenderReport(0x7777L, 0xE000_0002_0000_0000L, 1L, 1, 1, List.of()));
        assertEquals(List.of("VIDEO e000000180000000 123456"), senderReports, "unknown SSRCs are not reported");
        assertEquals(List.of(750_000L), estimates);
        assertEquals(750_000L, rtcp.remoteEstimateBps());
    }

    @Test
    void lostFramesMakeTheServerAskTheBrowserForAKeyFrame() throws Exception {
        List<byte[]> packets = browserVideo(100, 12);
        long now = 2_000_000_000L;
        for (int i = 0; i < packets.size(); i++) {
            if (i < 3) {
                continue; // the whole key frame never arrives
            }
            receiver.onRtp(packets.get(i), 0, packets.get(i).length, now + i * 1_000_000L);
        }
        assertTrue(wire.allRtcp().stream().anyMatch(p -> p instanceof Pli pli && pli.mediaSsrc() == BROWSER_VIDEO),
                "PLI sent for the browser's video");
        assertEquals(0, framesToRoom.size(), "no delta frame without its key frame");
    }

    @Test
    void aVideoBitrateLimitReachesTheBrowserAsRembAtOnceAndWithEveryReport() throws Exception {
        for (byte[] p : browserVideo(40, 1)) {
            receiver.onRtp(p, 0, p.length, System.nanoTime());
        }
        rtcp.limitVideoBitrate(150_000);
        assertEquals(List.of(150_000L), rembsFor(BROWSER_VIDEO), "sent when the limit is set");
        rtcp.limitVideoBitrate(150_000);
        assertEquals(1, rembsFor(BROWSER_VIDEO).size(), "an unchanged limit is not sent again at once");
        rtcp.tick(System.nanoTime());
        assertEquals(List.of(150_000L, 150_000L), rembsFor(BROWSER_VIDEO), "repeated with the report");
        rtcp.limitVideoBitrate(-1);
        rtcp.tick(System.nanoTime() + 3_000_000_000L);
        assertEquals(2, rembsFor(BROWSER_VIDEO).size(), "no REMB once the limit is lifted");
    }

    private List<Long> rembsFor(long ssrc) throws MalformedPacketException {
        return wire.allRtcp().stream()
                .filter(p -> p instanceof Remb remb && remb.ssrcs().equals(List.of(ssrc)))
                .map(p -> ((Remb) p).bitrateBps())
                .toList();
    }

    @Test
    void reportsDescribeWhatWasSentAndReceived() throws Exception {
        sender.send(MediaKind.VIDEO, new EncodedFrame(Vp8KeyFrames.of(100), 90_000, true, 0, 0));
        sender.send(MediaKind.AUDIO, EncodedFrame.audio(new byte[] {0x78, 1, 2, 3}, 960));
        List<byte[]> packets = browserVideo(7, 1);
        for (byte[] p : packets) {
            receiver.onRtp(p, 0, p.length, System.nanoTime());
        }
        rtcp.tick(System.nanoTime());
        List<RtcpPacket> report = RtcpParser.parse(wire.rtcp.get(0), 0, wire.rtcp.get(0).length);
        SenderReport video = (SenderReport) report.stream()
                .filter(p -> p instanceof SenderReport sr && sr.senderSsrc() == OUR_VIDEO).findFirst().orElseThrow();
        assertEquals(1, video.packetCount());
        assertTrue(report.get(0) instanceof SenderReport, "a compound starts with SR or RR");
        assertEquals(BROWSER_VIDEO, ((SenderReport) report.get(0)).reportBlocks().get(0).ssrc());
        assertTrue(report.stream().anyMatch(p -> p instanceof SenderReport sr && sr.senderSsrc() == OUR_AUDIO));
        Sdes sdes = (Sdes) report.stream().filter(p -> p instanceof Sdes).findFirst().orElseThrow();
        assertTrue(sdes.chunks().stream().allMatch(c -> c.cname().equals("chorus-test")));
    }

    @Test
    void ourPacketsCarryTheAbsoluteSendTimeTheBrowserOffered() throws Exception {
        sender.send(MediaKind.VIDEO, new EncodedFrame(Vp8KeyFrames.of(100), 90_000, true, 0, 0));
        RtpPacket packet = RtpPacket.parse(wire.rtp.get(0), 0, wire.rtp.get(0).length);
        assertTrue(packet.findExtension(ABS_SEND_TIME_ID) >= 0, "abs-send-time present");
        assertEquals(3, packet.findExtension(ABS_SEND_TIME_ID) & 0xFFFF);
    }

    @Test
    void absoluteSendTimeIsSixPointEighteenSecondsWrappingAt64() {
        assertArrayEquals(new byte[] {0, 0, 0}, OutboundStream.absSendTime(0));
        assertArrayEquals(new byte[] {0x04, 0, 0}, OutboundStream.absSendTime(1_000_000_000L), "1 s = 1 << 18");
        assertArrayEquals(new byte[] {0x02, 0, 0}, OutboundStream.absSendTime(500_000_000L));
        assertArrayEquals(OutboundStream.absSendTime(1_000_000_000L), OutboundStream.absSendTime(65_000_000_000L),
                "wraps every 64 s");
        assertArrayEquals(OutboundStream.absSendTime(3_000_000_000L),
                OutboundStream.absSendTime(64_000_000_000L * 100_000_000L + 3_000_000_000L),
                "no overflow far along the nanosecond clock");
    }

    @Test
    void malformedRtcpAndRtpAreCountedNotThrown() {
        byte[] junk = {(byte) 0x81, (byte) 201, 0, 9, 1, 2, 3, 4};
        rtcp.onRtcp(junk, 0, junk.length, 0);
        assertEquals(1, drops.count(DropReason.MALFORMED_RTCP));
        byte[] shortRtp = {(byte) 0x90, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
        receiver.onRtp(shortRtp, 0, shortRtp.length, 0);
        assertEquals(1, drops.count(DropReason.MALFORMED_RTP));
        byte[] badVp8 = RtpPacket.create(VP8, 1, 0, 7, false, new byte[] {(byte) 0x80}, 0, 1, 0).buffer();
        receiver.onRtp(badVp8, 0, badVp8.length, 0);
        assertEquals(1, drops.count(DropReason.MALFORMED_PAYLOAD), "a VP8 descriptor with nothing after it");
        byte[] unknownPt = RtpPacket.create(45, 1, 0, 7, false, new byte[4], 0, 4, 0).buffer();
        receiver.onRtp(unknownPt, 0, unknownPt.length, 0);
        assertEquals(1, drops.count(DropReason.UNKNOWN_PAYLOAD_TYPE));
    }

    @Test
    void aSenderCyclingThroughSsrcsGetsNoMoreStreamsThanItsMLinesAndReportsStayValid() throws Exception {
        long now = 1_000_000_000L;
        byte[] frame = Vp8KeyFrames.of(300);
        for (int i = 0; i < 40; i++) {
            byte[] packet = RtpPacket.create(VP8, 100 + i, 3000L * i, 0x7000L + i, true, frame, 0, frame.length, 0)
                    .buffer();
            receiver.onRtp(packet, 0, packet.length, now + i * 1_000_000L);
        }
        assertEquals(MediaReceiver.MAX_STREAMS_PER_KIND, receiver.streams().size());
        assertEquals(40 - MediaReceiver.MAX_STREAMS_PER_KIND, drops.count(DropReason.TOO_MANY_STREAMS));

        long later = now + MediaReceiver.STREAM_REPLACEABLE_AFTER_NANOS + 100_000_000L;
        byte[] replacement = RtpPacket.create(VP8, 7, 0, 0x9999L, true, frame, 0, frame.length, 0).buffer();
        receiver.onRtp(replacement, 0, replacement.length, later);
        assertTrue(receiver.streams().stream().anyMatch(s -> s.ssrc() == 0x9999L),
                "a new SSRC replaces a stream gone silent (an encoder restarted)");
        assertEquals(MediaReceiver.MAX_STREAMS_PER_KIND, receiver.streams().size());

        rtcp.tick(later + 2_000_000_000L);
        int blocks = 0;
        for (RtcpPacket p : wire.allRtcp()) {
            if (p instanceof ReceiverReport rr) {
                blocks += rr.reportBlocks().size();
            } else if (p instanceof SenderReport sr) {
                blocks += sr.reportBlocks().size();
            }
        }
        assertEquals(MediaReceiver.MAX_STREAMS_PER_KIND, blocks, "one report block per stream kept");
    }

    private void feedback(RtcpPacket... packets) {
        byte[] bytes = RtcpCompound.write(List.of(packets), 0);
        rtcp.onRtcp(bytes, 0, bytes.length, System.nanoTime());
    }

    /** A key frame of three packets then {@code deltas} one-packet frames, as the browser sends them. */
    private static List<byte[]> browserVideo(int firstSeq, int deltas) {
        Vp8Packetizer packetizer = new Vp8Packetizer(1200);
        List<byte[]> packets = new ArrayList<>();
        int seq = firstSeq;
        Random random = new Random(5);
        for (int f = 0; f <= deltas; f++) {
            byte[] frame = f == 0 ? Vp8KeyFrames.of(3000) : new byte[200];
            if (f > 0) {
                random.nextBytes(frame);
                frame[0] = 0x11;
            }
            for (RtpPayload p : packetizer.packetize(new EncodedFrame(frame, 3000L * f, f == 0, 0, 0))) {
                packets.add(RtpPacket.create(VP8, seq, 3000L * f, BROWSER_VIDEO, p.marker(), p.data(), 0,
                        p.data().length, 0).buffer());
                seq = (seq + 1) & 0xFFFF;
            }
        }
        return packets;
    }

    private static byte[] asRtx(byte[] original, int rtxSeq) throws MalformedPacketException {
        RtpPacket p = RtpPacket.parse(original, 0, original.length);
        byte[] payload = new byte[2 + p.payloadLength()];
        RtpPacket.writeUint16(payload, 0, p.sequenceNumber());
        System.arraycopy(original, p.payloadOffset(), payload, 2, p.payloadLength());
        return RtpPacket.create(VP8_RTX, rtxSeq, p.timestamp(), 0x1234L, p.marker(), payload, 0, payload.length, 0)
                .buffer();
    }
}
