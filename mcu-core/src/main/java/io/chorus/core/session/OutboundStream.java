package io.chorus.core.session;

import io.chorus.core.rtp.MediaKind;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.chorus.core.feedback.RetransmissionBuffer;
import io.chorus.core.feedback.SenderReportFields;
import io.chorus.core.feedback.SenderStatistics;
import io.chorus.core.feedback.StoredPacket;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.SequenceNumbers;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.Packetizer;
import io.chorus.core.rtp.codec.RtpPayload;

/**
 * One stream the server sends: its own SSRC, a random starting sequence number and timestamp
 * offset (RFC 3550 5.1), the packetizer, and - for video - the buffer that answers NACKs with the
 * already-protected bytes (SRTP must never protect the same index twice).
 */
final class OutboundStream {
    /** Room after each packet for the SRTP tag (at most 16 bytes) and the SRTCP trailer. */
    static final int SRTP_TAIL_ROOM = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MediaKind kind;
    private final long ssrc;
    private final int payloadType;
    private final Packetizer packetizer;
    private final RetransmissionBuffer retransmissions;
    private final SenderStatistics statistics;
    private final PacketTransport transport;
    private final int absSendTimeId;
    private final long timestampOffset = RANDOM.nextInt() & 0xFFFF_FFFFL;
    private int nextSequence = RANDOM.nextInt(0x8000);

    /**
     * @param absSendTimeId the negotiated id of the abs-send-time extension, or -1: with it the
     *                      browser's receive-side bandwidth estimator (REMB) measures arrival delay
     *                      against our send times instead of guessing from RTP timestamps
     */
    OutboundStream(MediaKind kind, long ssrc, int payloadType, int clockRate, Packetizer packetizer,
            boolean answersNacks, PacketTransport transport, int absSendTimeId) {
        this.kind = kind;
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.packetizer = packetizer;
        this.retransmissions = answersNacks ? new RetransmissionBuffer() : null;
        this.statistics = new SenderStatistics(clockRate);
        this.transport = transport;
        this.absSendTimeId = absSendTimeId;
    }

    MediaKind kind() {
        return kind;
    }

    long ssrc() {
        return ssrc;
    }

    synchronized void send(EncodedFrame frame, long nowNanos) {
        long timestamp = (frame.timestamp() + timestampOffset) & 0xFFFF_FFFFL;
        List<RtpPayload> payloads = packetizer.packetize(frame);
        for (RtpPayload payload : payloads) {
            RtpPacket packet = absSendTimeId < 0
                    ? RtpPacket.create(payloadType, nextSequence, timestamp, ssrc, payload.marker(), payload.data(), 0,
                            payload.data().length, SRTP_TAIL_ROOM)
                    : RtpPacket.createWithExtension(payloadType, nextSequence, timestamp, ssrc, payload.marker(),
                            absSendTimeId, absSendTime(System.nanoTime()), payload.data(), 0, payload.data().length,
                            SRTP_TAIL_ROOM);
            int sent = transport.sendRtp(packet.buffer(), 0, packet.length());
            if (sent > 0 && retransmissions != null) {
                retransmissions.store(nextSequence, Arrays.copyOf(packet.buffer(), sent), sent, nowNanos / 1_000_000);
            }
            statistics.onPacketSent(timestamp, payload.data().length, nowNanos);
            nextSequence = SequenceNumbers.add(nextSequence, 1);
        }
    }

    /** 24-bit 6.18 fixed-point seconds, wrapping every 64 s; only differences matter to the receiver. */
    static byte[] absSendTime(long nanos) {
        long value = (((nanos / 1_000_000_000L) << 18) + ((nanos % 1_000_000_000L) << 18) / 1_000_000_000L)
                & 0xFF_FFFF;
        return new byte[] {(byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** Answers one NACKed sequence number; false if it is no longer (or never was) buffered. */
    synchronized boolean resend(int sequenceNumber, long nowMs) {
        if (retransmissions == null) {
            return false;
        }
        StoredPacket packet = retransmissions.packetToResend(sequenceNumber, nowMs);
        if (packet == null) {
            return false;
        }
        transport.sendProtected(packet.data(), 0, packet.length());
        return true;
    }

    synchronized Optional<SenderReportFields> senderReport(long nowNanos, long ntpTimestamp) {
        return statistics.report(nowNanos, ntpTimestamp);
    }

    synchronized void setRttMs(long rttMs) {
        if (retransmissions != null) {
            retransmissions.setRttMs(rttMs);
        }
    }
}
