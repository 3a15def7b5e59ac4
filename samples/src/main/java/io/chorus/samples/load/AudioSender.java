package io.chorus.samples.load;

import io.chorus.core.rtp.RtpPacket;
import io.chorus.mixer.audio.AudioFormat;
import java.io.IOException;

/**
 * One participant's microphone on the wire, every 20 ms tick. A talker sends the next packet of its
 * tone; a listener sends like a browser with Opus DTX: one silence packet every 400 ms and nothing
 * in between. Timestamps follow the tick either way (the pauses are time passing, not loss), and
 * sequence numbers count the packets actually sent, so they stay contiguous.
 */
final class AudioSender {
    /** Opus DTX's comfort-noise interval (RFC 7587 section 3.1.3) in 20 ms frames: 400 ms. */
    static final int DTX_INTERVAL_FRAMES = 20;

    private final AudioClip clip;
    private final boolean talker;
    private final long ssrc;
    private final long timestampBase;
    private final RtpSink sink;
    /** Reused for every packet: the sink protects it in place before the next tick overwrites it. */
    private final byte[] buffer;
    private int sequenceNumber;

    /** @param srtpTail room to leave after the packet for the SRTP tag */
    AudioSender(AudioClip clip, boolean talker, long ssrc, int firstSequenceNumber, long timestampBase, RtpSink sink,
            int srtpTail) {
        this.clip = clip;
        this.talker = talker;
        this.ssrc = ssrc;
        this.sequenceNumber = firstSequenceNumber;
        this.timestampBase = timestampBase;
        this.sink = sink;
        this.buffer = new byte[clip.maxLength() + srtpTail];
    }

    /** 20 ms tick {@code tick} since the participant started; called by the pacer only. */
    void tick(long tick) throws IOException {
        RtpPacket template;
        if (talker) {
            template = clip.tone().get((int) (tick % clip.tone().size()));
        } else if (tick % DTX_INTERVAL_FRAMES == 0) {
            template = clip.silence();
        } else {
            return;
        }
        int length = template.length();
        System.arraycopy(template.buffer(), template.offset(), buffer, 0, length);
        RtpPacket.writeUint16(buffer, 2, sequenceNumber);
        RtpPacket.writeUint32(buffer, 4, (timestampBase + tick * AudioFormat.SAMPLES_PER_FRAME) & 0xFFFF_FFFFL);
        RtpPacket.writeUint32(buffer, 8, ssrc);
        sink.send(buffer, length);
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
    }
}
