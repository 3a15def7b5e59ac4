package io.chorus.core.session;

import io.chorus.core.rtp.MediaKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.feedback.KeyFrameMethod;
import io.chorus.core.feedback.KeyFrameReason;
import io.chorus.core.feedback.KeyFrameRequest;
import io.chorus.core.feedback.KeyFrameRequester;
import io.chorus.core.feedback.NackGenerator;
import io.chorus.core.feedback.ReceiveStatistics;
import io.chorus.core.rtcp.ReportBlock;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.Depacketizer;
import io.chorus.core.rtp.codec.EncodedFrame;

/**
 * One SSRC the browser sends: statistics for our receiver reports, the NACK generator (video),
 * key-frame requests, and the depacketizer that yields complete frames. The receive thread feeds
 * packets; the timer thread asks for reports and NACKs, so each operation holds the stream's lock
 * for a few microseconds.
 */
final class InboundStream {
    private static final int MAX_NACKS_PER_TICK = 64;
    private static final int[] NONE = new int[0];

    private final MediaKind kind;
    private final long ssrc;
    private final int clockRate;
    private final ReceiveStatistics statistics;
    private final NackGenerator nacks;
    private final KeyFrameRequester keyFrames;
    private final Depacketizer depacketizer;
    private final int[] nackScratch = new int[MAX_NACKS_PER_TICK];
    /** Arrival of the latest packet; written and read on the receive thread only. */
    private long lastPacketNanos;

    InboundStream(MediaKind kind, long ssrc, int clockRate, boolean nack, KeyFrameMethod keyFrameMethod,
            Depacketizer depacketizer) {
        this.kind = kind;
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.statistics = new ReceiveStatistics(ssrc);
        this.nacks = nack ? new NackGenerator() : null;
        this.keyFrames = kind == MediaKind.VIDEO && keyFrameMethod != KeyFrameMethod.NONE
                ? new KeyFrameRequester(keyFrameMethod) : null;
        this.depacketizer = depacketizer;
    }

    MediaKind kind() {
        return kind;
    }

    long ssrc() {
        return ssrc;
    }

    long lastPacketNanos() {
        return lastPacketNanos;
    }

    /** Counts the packet and returns the frames it completes; {@code needKeyFrame} reports loss. */
    synchronized List<EncodedFrame> onPacket(RtpPacket packet, long nowNanos, Runnable needKeyFrame)
            throws MalformedPacketException {
        lastPacketNanos = nowNanos;
        ReceiveStatistics.PacketStatus status = statistics.onPacket(packet.sequenceNumber(), packet.timestamp(),
                nowNanos, clockRate);
        if (status == ReceiveStatistics.PacketStatus.RESTARTED && nacks != null) {
            nacks.reset();
        }
        if (nacks != null && status != ReceiveStatistics.PacketStatus.DUPLICATE) {
            if (nacks.onPacket(packet.sequenceNumber(), nowNanos / 1_000_000) == NackGenerator.Arrival.GAP_TOO_LARGE) {
                needKeyFrame.run();
            }
        }
        if (status == ReceiveStatistics.PacketStatus.DUPLICATE) {
            return List.of();
        }
        List<EncodedFrame> frames = depacketizer.push(packet);
        if (keyFrames != null) {
            for (EncodedFrame frame : frames) {
                if (frame.keyFrame()) {
                    keyFrames.onKeyFrame();
                }
            }
        }
        if (depacketizer.needsKeyFrame()) {
            needKeyFrame.run();
        }
        return frames;
    }

    synchronized void onSenderReport(long ntpMiddle32, long nowNanos) {
        statistics.onSenderReport(ntpMiddle32, nowNanos);
    }

    synchronized Optional<ReportBlock> report(long nowNanos) {
        return statistics.report(nowNanos);
    }

    /** Sequence numbers to NACK now, ascending; empty most of the time. */
    synchronized int[] dueNacks(long nowMs) {
        if (nacks == null) {
            return NONE;
        }
        int n = nacks.dueNacks(nowMs, nackScratch);
        return n == 0 ? NONE : Arrays.copyOf(nackScratch, n);
    }

    synchronized void setRttMs(long rttMs) {
        if (nacks != null) {
            nacks.setRttMs(rttMs);
        }
    }

    synchronized Optional<KeyFrameRequest> requestKeyFrame(KeyFrameReason reason, long nowMs) {
        return keyFrames == null ? Optional.empty() : keyFrames.request(reason, nowMs);
    }

    synchronized Optional<KeyFrameRequest> retryKeyFrame(long nowMs) {
        return keyFrames == null ? Optional.empty() : keyFrames.retryIfOverdue(nowMs);
    }
}
