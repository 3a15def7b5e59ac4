package io.chorus.samples.load;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.VideoFrameAssembler;
import io.chorus.core.rtp.codec.vp8.Vp8Format;
import io.chorus.core.rtp.codec.vp8.Vp8FrameHeader;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoDecoder;
import io.chorus.mixer.video.I420Picture;
import java.util.List;

/**
 * What one synthetic participant gets back: the composite (VP8) and its mix-minus (Opus). Counts
 * frames, bytes and sequence gaps over a measuring window; when it decodes, it also reads the
 * members' counters out of the composite ({@link CompositeReader}). Fed by the participant's one
 * receive thread; the window is restarted and read from another, hence the lock.
 */
final class MixReceiver implements AutoCloseable {
    private final VideoFrameAssembler assembler = new VideoFrameAssembler(new Vp8Format());
    private final SequenceLoss videoLoss = new SequenceLoss();
    private final SequenceLoss audioLoss = new SequenceLoss();
    private final VideoDecoder decoder;
    private final CompositeReader reader;
    private I420Picture picture;
    private long windowStartNanos = System.nanoTime();
    private long videoFrames;
    private long videoBytes;
    private long audioBytes;
    private int width;
    private int height;

    /** @param reader null for a receiver that only counts, without decoding */
    MixReceiver(CompositeReader reader) {
        this.reader = reader;
        this.decoder = reader == null ? null : new VideoDecoder(VideoCodec.VP8);
    }

    synchronized void packet(RtpPacket packet, long receivedNanos) throws MalformedPacketException {
        if (packet.payloadType() == OfferSdp.VP8) {
            videoLoss.packet(packet.sequenceNumber());
            videoBytes += packet.payloadLength();
            List<EncodedFrame> frames = assembler.push(packet);
            for (EncodedFrame frame : frames) {
                frame(frame, receivedNanos);
            }
        } else if (packet.payloadType() == OfferSdp.OPUS) {
            audioLoss.packet(packet.sequenceNumber());
            audioBytes += packet.payloadLength();
        }
    }

    private void frame(EncodedFrame frame, long receivedNanos) throws MalformedPacketException {
        videoFrames++;
        if (frame.keyFrame()) {
            Vp8FrameHeader header = Vp8FrameHeader.parse(frame.data(), 0, frame.data().length);
            width = header.size().width();
            height = header.size().height();
        }
        if (decoder != null && decoder.decode(frame)) {
            if (picture == null || picture.width() != decoder.width() || picture.height() != decoder.height()) {
                picture = new I420Picture(decoder.width(), decoder.height());
            }
            decoder.scaleInto(picture);
            reader.read(picture, receivedNanos);
        }
    }

    /** Forgets what was counted so far: the window starts now. */
    synchronized void restartWindow() {
        windowStartNanos = System.nanoTime();
        videoFrames = 0;
        videoBytes = 0;
        audioBytes = 0;
        videoLoss.restart();
        audioLoss.restart();
    }

    /** What arrived since the window started. */
    synchronized Received snapshot() {
        double seconds = (System.nanoTime() - windowStartNanos) / 1e9;
        return new Received(videoFrames / seconds, width, height, videoBytes * 8 / seconds / 1000,
                audioBytes * 8 / seconds / 1000, videoLoss.expected(), videoLoss.lost(), audioLoss.expected(),
                audioLoss.lost(), decoder != null);
    }

    @Override
    public synchronized void close() {
        if (decoder != null) {
            decoder.close();
        }
    }

    /** One receiver's window: frame rate and size of the composite, payload bitrates, RTP sequence gaps. */
    record Received(double fps, int width, int height, double videoKbps, double audioKbps, long videoExpected,
            long videoLost, long audioExpected, long audioLost, boolean decoded) {
    }
}
