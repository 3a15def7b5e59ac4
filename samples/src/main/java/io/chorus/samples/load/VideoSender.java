package io.chorus.samples.load;

import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.RtpPayload;
import io.chorus.core.rtp.codec.vp8.Vp8Packetizer;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant's camera on the wire: on each pacer tick, the next frame of the variant the
 * server last asked for. A switch starts the new variant at its key frame (the loop's first) and
 * keeps one RTP stream: sequence numbers, timestamps (from the tick, at the full rate) and picture
 * ids run on across it, as a browser's encoder changing resolution does.
 */
final class VideoSender {
    private static final Logger LOG = LoggerFactory.getLogger(VideoSender.class);
    private static final int CLOCK_RATE = 90_000;

    private final String name;
    private final List<VideoClip> ladder;
    private final VariantRequests requests;
    private final long ssrc;
    private final long timestampBase;
    private final int fullRate;
    private final int loopFrames;
    private final SendLog sends;
    private final RtpSink sink;
    private final int srtpTail;
    private final Vp8Packetizer vp8;
    private int sequenceNumber;
    private int current;
    /** Frames since the start at the full rate; its remainder by the loop length is the counter shown. */
    private long position;
    private volatile long switches;
    private volatile int reported;

    /**
     * @param ladder   the clips in {@link VideoLadder} order, one per variant of {@code requests}
     * @param fullRate the pacer's video rate
     */
    VideoSender(String name, List<VideoClip> ladder, VariantRequests requests, long ssrc, int firstSequenceNumber,
            long timestampBase, int fullRate, int loopFrames, SendLog sends, RtpSink sink, int mtu, int srtpTail) {
        this.name = name;
        this.ladder = List.copyOf(ladder);
        this.requests = requests;
        this.ssrc = ssrc;
        this.sequenceNumber = firstSequenceNumber;
        this.timestampBase = timestampBase;
        this.fullRate = fullRate;
        this.loopFrames = loopFrames;
        this.sends = sends;
        this.sink = sink;
        this.srtpTail = srtpTail;
        this.vp8 = new Vp8Packetizer(mtu);
        this.current = requests.wanted();
        this.reported = current;
    }

    /** Pacer tick {@code tick} (ticks since the participant started); called by the pacer only. */
    void tick(long tick) throws IOException {
        int wanted = requests.wanted();
        if (wanted != current) {
            switchTo(wanted);
        }
        if (current != VariantPicker.OFF) {
            VideoClip clip = ladder.get(current);
            int loopPosition = (int) (position % loopFrames);
            if (loopPosition % clip.step() == 0) {
                send(clip, loopPosition, tick);
            }
        }
        position++;
    }

    private void switchTo(int wanted) {
        LOG.info("{}: video {} -> {}", name, label(current), label(wanted));
        current = wanted;
        reported = wanted;
        switches++;
        long intoLoop = position % loopFrames;
        if (intoLoop != 0) {
            position += loopFrames - intoLoop;
        }
    }

    private void send(VideoClip clip, int loopPosition, long tick) throws IOException {
        long timestamp = (timestampBase + tick * CLOCK_RATE / fullRate) & 0xFFFF_FFFFL;
        VideoVariant v = clip.variant();
        EncodedFrame frame = new EncodedFrame(clip.frames().get(loopPosition / clip.step()), timestamp,
                loopPosition == 0, v.width(), v.height());
        sends.sent(position, System.nanoTime());
        for (RtpPayload payload : vp8.packetize(frame)) {
            RtpPacket packet = RtpPacket.create(OfferSdp.VP8, sequenceNumber, timestamp, ssrc, payload.marker(),
                    payload.data(), 0, payload.data().length, srtpTail);
            sink.send(packet.buffer(), packet.length());
            sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        }
    }

    /** Variant switches so far. */
    long switches() {
        return switches;
    }

    /** The variant being sent, as {@code 640x360@30}, or {@code off}. */
    String currentVariant() {
        return label(reported);
    }

    private String label(int index) {
        return index == VariantPicker.OFF ? "off" : ladder.get(index).variant().label();
    }
}
