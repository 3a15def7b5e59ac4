package io.chorus.core.session;

import io.chorus.core.rtp.MediaKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.feedback.KeyFrameReason;
import io.chorus.core.feedback.KeyFrameRequest;
import io.chorus.core.feedback.NtpTime;
import io.chorus.core.feedback.SenderReportFields;
import io.chorus.core.rtcp.Bye;
import io.chorus.core.rtcp.Fir;
import io.chorus.core.rtcp.GenericNack;
import io.chorus.core.rtcp.Pli;
import io.chorus.core.rtcp.ReceiverReport;
import io.chorus.core.rtcp.Remb;
import io.chorus.core.rtcp.ReportBlock;
import io.chorus.core.rtcp.RtcpCompound;
import io.chorus.core.rtcp.RtcpPacket;
import io.chorus.core.rtcp.RtcpParser;
import io.chorus.core.rtcp.Sdes;
import io.chorus.core.rtcp.SenderReport;

/**
 * The server's RTCP for one session. Incoming: sender reports feed our receiver reports' LSR/DLSR,
 * report blocks about our streams give the round-trip time, NACKs are answered from the
 * retransmission buffers, PLI/FIR become key-frame requests, REMB is kept as the browser's
 * bandwidth estimate. Outgoing, on the timer: NACKs and key-frame retries every tick, and SR/RR
 * with SDES about once a second (randomized 0.5-1.5 s, RFC 3550 6.2).
 */
final class RtcpEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RtcpEngine.class);
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;
    /** RFC 3550 6.4: the report count field is 5 bits wide. */
    private static final int MAX_BLOCKS_PER_REPORT = 31;
    /** Transport-wide feedback cadence: libwebrtc's estimator expects it every 50-100 ms. */
    private static final long TRANSPORT_FEEDBACK_INTERVAL_NANOS = 50_000_000L;

    private final String name;
    private final String cname;
    private final MediaReceiver receiver;
    private final MediaSender sender;
    private final PacketTransport transport;
    private final MediaSession.Listener listener;
    private final DropCounters drops;
    private final long localSsrc;
    private long nextReportNanos;
    private long nextTransportFeedbackNanos;
    private volatile long remoteEstimateBps = -1;
    private volatile long rttMs = -1;
    private volatile long videoBitrateLimitBps = -1;

    RtcpEngine(String name, String cname, MediaReceiver receiver, MediaSender sender, PacketTransport transport,
            MediaSession.Listener listener, DropCounters drops) {
        this.name = name;
        this.cname = cname;
        this.receiver = receiver;
        this.sender = sender;
        this.transport = transport;
        this.listener = listener;
        this.drops = drops;
        List<OutboundStream> streams = sender.streams();
        this.localSsrc = streams.isEmpty() ? ThreadLocalRandom.current().nextLong(1, 0xFFFF_FFFFL)
                : streams.get(streams.size() - 1).ssrc();
    }

    /** The browser's latest REMB estimate in bits per second, or -1 if none yet. */
    long remoteEstimateBps() {
        return remoteEstimateBps;
    }

    long rttMs() {
        return rttMs;
    }

    void onRtcp(byte[] buffer, int offset, int length, long receivedNanos) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpParser.parse(buffer, offset, length);
        } catch (MalformedPacketException e) {
            drops.drop(DropReason.MALFORMED_RTCP, e.getMessage());
            return;
        }
        long nowMs = receivedNanos / 1_000_000;
        for (RtcpPacket packet : packets) {
            if (packet instanceof SenderReport sr) {
                InboundStream stream = receiver.stream(sr.senderSsrc());
                if (stream != null) {
                    stream.onSenderReport(NtpTime.middle32(sr.ntpTimestamp()), receivedNanos);
                    listener.onSenderReport(stream.kind(), sr.ntpTimestamp(), sr.rtpTimestamp());
                }
                onReportBlocks(sr.reportBlocks());
            } else if (packet instanceof ReceiverReport rr) {
                onReportBlocks(rr.reportBlocks());
            } else if (packet instanceof GenericNack nack) {
                OutboundStream stream = sender.bySsrc(nack.mediaSsrc());
                if (stream != null) {
                    for (int seq : nack.lostSequenceNumbers()) {
                        stream.resend(seq, nowMs);
                    }
                }
            } else if (packet instanceof Pli pli) {
                onKeyFrameRequest(pli.mediaSsrc());
            } else if (packet instanceof Fir fir) {
                fir.entries().forEach(e -> onKeyFrameRequest(e.ssrc()));
            } else if (packet instanceof Remb remb) {
                remoteEstimateBps = remb.bitrateBps();
                listener.onBandwidthEstimate(remb.bitrateBps());
            } else if (packet instanceof Bye bye) {
                LOG.info("{}: browser sent RTCP BYE for {}", name, bye.ssrcs());
            }
        }
    }

    private void onReportBlocks(List<ReportBlock> blocks) {
        long arrival = NtpTime.middle32(NtpTime.fromUnixNanos(unixNanos()));
        for (ReportBlock block : blocks) {
            OutboundStream stream = sender.bySsrc(block.ssrc());
            if (stream == null) {
                continue;
            }
            long rtt = NtpTime.roundTripMillis(arrival, block.lastSenderReport(), block.delaySinceLastSenderReport());
            if (rtt >= 0) {
                rttMs = rtt;
                stream.setRttMs(Math.max(rtt, 1));
                receiver.streams().forEach(s -> s.setRttMs(Math.max(rtt, 1)));
            }
        }
    }

    private void onKeyFrameRequest(long mediaSsrc) {
        OutboundStream video = sender.stream(MediaKind.VIDEO);
        if (video != null && video.ssrc() == mediaSsrc) {
            listener.onKeyFrameRequested();
        }
    }

    /** Asks the browser for a key frame of its video, within the requester's rate limit. */
    void requestKeyFrame() {
        long ssrc = receiver.videoSsrc();
        InboundStream stream = ssrc < 0 ? null : receiver.stream(ssrc);
        if (stream != null) {
            stream.requestKeyFrame(KeyFrameReason.PACKET_LOSS, System.nanoTime() / 1_000_000)
                    .ifPresent(request -> send(List.of(new ReceiverReport(localSsrc, List.of()),
                            keyFrameRequest(stream.ssrc(), request))));
        }
    }

    /**
     * Sets the REMB the browser gets for its video (-1: none). Sent at once when it changes, then
     * with every report: a REMB is a standing cap that the browser forgets if it is not repeated.
     */
    void limitVideoBitrate(long bitsPerSecond) {
        long previous = videoBitrateLimitBps;
        videoBitrateLimitBps = bitsPerSecond;
        if (bitsPerSecond != previous) {
            videoRemb().ifPresent(remb -> send(List.of(new ReceiverReport(localSsrc, List.of()), remb)));
        }
    }

    private Optional<RtcpPacket> videoRemb() {
        long limit = videoBitrateLimitBps;
        long ssrc = receiver.videoSsrc();
        if (limit < 0 || ssrc < 0 || !receiver.videoAcceptsRemb()) {
            return Optional.empty();
        }
        return Optional.of(new Remb(localSsrc, limit, List.of(ssrc)));
    }

    /** Runs every timer tick on the timer thread. */
    void tick(long nowNanos) {
        long nowMs = nowNanos / 1_000_000;
        List<RtcpPacket> feedback = new ArrayList<>();
        for (InboundStream stream : receiver.streams()) {
            int[] due = stream.dueNacks(nowMs);
            if (due.length > 0) {
                List<Integer> seqs = new ArrayList<>(due.length);
                for (int seq : due) {
                    seqs.add(seq);
                }
                feedback.add(new GenericNack(localSsrc, stream.ssrc(), seqs));
            }
            stream.retryKeyFrame(nowMs).ifPresent(r -> feedback.add(keyFrameRequest(stream.ssrc(), r)));
        }
        if (nowNanos - nextTransportFeedbackNanos >= 0) {
            feedback.addAll(receiver.transportFeedback(localSsrc));
            nextTransportFeedbackNanos = nowNanos + TRANSPORT_FEEDBACK_INTERVAL_NANOS;
        }
        if (nowNanos - nextReportNanos >= 0) {
            List<RtcpPacket> report = reports(nowNanos);
            report.addAll(feedback);
            send(report);
            long jitter = (long) (REPORT_INTERVAL_NANOS * (0.5 + ThreadLocalRandom.current().nextDouble()));
            nextReportNanos = nowNanos + jitter;
        } else if (!feedback.isEmpty()) {
            List<RtcpPacket> compound = new ArrayList<>();
            compound.add(new ReceiverReport(localSsrc, List.of()));
            compound.addAll(feedback);
            send(compound);
        }
    }

    /** SRs for the streams we send (RR if none yet), report blocks for those we receive, and SDES. */
    private List<RtcpPacket> reports(long nowNanos) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (InboundStream stream : receiver.streams()) {
            stream.report(nowNanos).ifPresent(blocks::add);
        }
        List<RtcpPacket> packets = new ArrayList<>();
        long ntp = NtpTime.fromUnixNanos(unixNanos());
        List<Sdes.Chunk> chunks = new ArrayList<>();
        // A report's count field has 5 bits: the first report carries 31 blocks, further RRs the rest.
        List<ReportBlock> first = blocks.subList(0, Math.min(blocks.size(), MAX_BLOCKS_PER_REPORT));
        for (OutboundStream stream : sender.streams()) {
            Optional<SenderReportFields> fields = stream.senderReport(nowNanos, ntp);
            if (fields.isPresent()) {
                SenderReportFields f = fields.get();
                List<ReportBlock> mine = packets.isEmpty() ? first : List.of();
                packets.add(new SenderReport(stream.ssrc(), f.ntpTimestamp(), f.rtpTimestamp(), f.packetCount(),
                        f.octetCount(), mine));
            }
            chunks.add(new Sdes.Chunk(stream.ssrc(), cname));
        }
        if (packets.isEmpty()) {
            packets.add(new ReceiverReport(localSsrc, first));
            if (chunks.isEmpty()) {
                chunks.add(new Sdes.Chunk(localSsrc, cname));
            }
        }
        for (int from = MAX_BLOCKS_PER_REPORT; from < blocks.size(); from += MAX_BLOCKS_PER_REPORT) {
            packets.add(new ReceiverReport(localSsrc,
                    blocks.subList(from, Math.min(blocks.size(), from + MAX_BLOCKS_PER_REPORT))));
        }
        packets.add(new Sdes(chunks));
        videoRemb().ifPresent(packets::add);
        return packets;
    }

    private RtcpPacket keyFrameRequest(long mediaSsrc, KeyFrameRequest request) {
        return switch (request.method()) {
            case FIR -> new Fir(localSsrc, List.of(new Fir.Entry(mediaSsrc, request.firSequenceNumber())));
            default -> new Pli(localSsrc, mediaSsrc);
        };
    }

    private void send(List<RtcpPacket> packets) {
        byte[] compound = RtcpCompound.write(packets, OutboundStream.SRTP_TAIL_ROOM);
        transport.sendRtcp(compound, 0, RtcpCompound.length(packets));
    }

    private static long unixNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
