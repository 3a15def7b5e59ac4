package io.chorus.samples.bench;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/** Reads a WebM file's VP8 and Opus packets into memory, stamped as RTP would stamp them. */
final class WebmPackets {

    /**
     * One packet and when, from the start of the file, it is due.
     *
     * @param audioLevel the RFC 6464 level its sender would put on it, or -1 (video, or not known)
     */
    record Timed(MediaKind kind, long dueNanos, EncodedFrame frame, int audioLevel) {
        Timed withAudioLevel(int level) {
            return new Timed(kind, dueNanos, frame, level);
        }
    }

    private WebmPackets() {
    }

    static List<Timed> read(Path file) throws IOException {
        AVFormatContext format = new AVFormatContext(null);
        if (avformat_open_input(format, file.toString(), null, null) < 0) {
            throw new IOException("cannot open " + file);
        }
        AVPacket packet = av_packet_alloc();
        try {
            if (avformat_find_stream_info(format, (org.bytedeco.ffmpeg.avutil.AVDictionary) null) < 0) {
                throw new IOException("no stream info in " + file);
            }
            List<Timed> out = new ArrayList<>();
            while (av_read_frame(format, packet) >= 0) {
                AVStream stream = format.streams(packet.stream_index());
                int type = stream.codecpar().codec_type();
                AVRational tb = stream.time_base();
                long pts = packet.pts() == Long.MIN_VALUE ? packet.dts() : packet.pts();
                long dueNanos = pts * 1_000_000_000L * tb.num() / tb.den();
                byte[] data = new byte[packet.size()];
                packet.data().get(data);
                if (type == AVMEDIA_TYPE_VIDEO) {
                    long ts = (pts * 90_000L * tb.num() / tb.den()) & 0xFFFF_FFFFL;
                    boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                    out.add(new Timed(MediaKind.VIDEO, dueNanos, new EncodedFrame(data, ts, key,
                            stream.codecpar().width(), stream.codecpar().height()), -1));
                } else if (type == AVMEDIA_TYPE_AUDIO) {
                    long ts = (pts * 48_000L * tb.num() / tb.den()) & 0xFFFF_FFFFL;
                    out.add(new Timed(MediaKind.AUDIO, dueNanos, EncodedFrame.audio(data, ts), -1));
                }
                av_packet_unref(packet);
            }
            return out;
        } finally {
            av_packet_free(packet);
            avformat_close_input(format);
        }
    }
}
