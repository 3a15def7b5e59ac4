package io.chorus.recorder.mux;

import static io.chorus.mixer.codec.FfmpegException.check;
import static io.chorus.mixer.codec.FfmpegException.checkAllocated;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_format;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avformat.avio_open2;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.Dimensions;
import io.chorus.core.rtp.codec.vp8.Vp8FrameHeader;
import io.chorus.mixer.codec.FfmpegException;
import io.chorus.mixer.codec.FfmpegLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Writes encoded packets into a container through libavformat: a file path or a URL (rtmp://), a
 * format name (webm, matroska, mp4, flv), format options (e.g. {@code movflags}) and protocol options
 * (e.g. {@code rw_timeout}).
 *
 * <p>The output opens at construction, so an unwritable target fails right away. The header waits for
 * the first video key frame when there is a video stream: the picture size and, for H.264, the SPS/PPS
 * the container stores as its configuration come from it. Packets before the header are dropped and
 * counted ({@link #droppedBeforeHeader()}). Timestamps are in each stream's own clock and must not go
 * backwards per stream; a packet whose timestamp would not advance its stream after rescaling to the
 * container's time base is nudged one tick forward, since containers refuse equal decode times.
 *
 * <p>Every packet is passed to FFmpeg's interleaver and, with {@link #flushPackets} (default), the
 * output is flushed after each write so that a crash loses only what the container itself buffers
 * (a Matroska cluster, an MP4 fragment). Not thread-safe: use from one thread (a sink worker).
 */
public final class Muxer implements AutoCloseable {
    /** How far apart streams may drift in the interleaver before it writes anyway; a quiet stream must not hold the file. */
    private static final long MAX_INTERLEAVE_DELTA_MICROS = 1_000_000;

    private final String target;
    private final List<MuxStream> specs;
    private final List<AVRational> inputTimeBases = new ArrayList<>();
    private final long[] lastDts;
    private final Map<String, String> formatOptions;
    private AVFormatContext context;
    private AVPacket packet;
    private boolean headerWritten;
    private boolean failed;
    private long droppedBeforeHeader;
    private long packetsWritten;

    /**
     * Opens the output and declares its streams.
     *
     * @param target        a file path or URL
     * @param formatName    an FFmpeg muxer name (webm, matroska, mp4, flv)
     * @param streams       the streams, in the order of the indexes {@link #write} takes
     * @param formatOptions muxer options, applied when the header is written; an option the muxer does not know fails
     * @param ioOptions     protocol options for opening the target (rw_timeout, timeout); unknown ones fail
     */
    public Muxer(String target, String formatName, List<MuxStream> streams, Map<String, String> formatOptions,
            Map<String, String> ioOptions) {
        this.target = Objects.requireNonNull(target, "target");
        Objects.requireNonNull(formatName, "formatName");
        this.specs = List.copyOf(streams);
        this.formatOptions = Map.copyOf(formatOptions);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a muxer needs at least one stream");
        }
        this.lastDts = new long[specs.size()];
        Arrays.fill(lastDts, Long.MIN_VALUE);
        FfmpegLog.quiet();
        AVOutputFormat format = av_guess_format(formatName, null, null);
        if (format == null || format.isNull()) {
            throw new IllegalArgumentException("this FFmpeg build has no muxer named " + formatName);
        }
        try {
            AVFormatContext allocated = new AVFormatContext(null);
            check(avformat_alloc_output_context2(allocated, format, (String) null, target), "avformat_alloc_output_context2");
            context = allocated;
            // The packet-flushing flag is not exported by the bindings; its option name is.
            check(av_opt_set(context, "flush_packets", "1", 0), "av_opt_set(flush_packets)");
            context.max_interleave_delta(MAX_INTERLEAVE_DELTA_MICROS);
            for (MuxStream spec : specs) {
                addStream(spec);
            }
            packet = checkAllocated(av_packet_alloc(), "av_packet_alloc");
            if ((format.flags() & AVFMT_NOFILE) == 0) {
                openIo(ioOptions);
            } else if (!ioOptions.isEmpty()) {
                throw new IllegalArgumentException(formatName + " opens no file; protocol options " + ioOptions.keySet() + " do not apply");
            }
            if (!specs.stream().anyMatch(s -> s.codec().video())) {
                writeHeader(null);
            }
        } catch (RuntimeException e) {
            freeNative();
            throw e;
        }
    }

    /**
     * Writes one packet.
     *
     * @param stream   index into the streams given at construction
     * @param pts      presentation time in the stream's clock (also its decode time: no B-frames here)
     * @param keyFrame a video key frame (audio packets are all key frames)
     * @return false when the packet was dropped because the header still waits for a video key frame
     * @throws FfmpegException when the container or the output fails (disk full, connection lost)
     */
    public boolean write(int stream, byte[] data, long pts, boolean keyFrame) {
        ensureOpen();
        Objects.checkIndex(stream, specs.size());
        MuxStream spec = specs.get(stream);
        if (!headerWritten) {
            if (!(spec.codec().video() && keyFrame)) {
                droppedBeforeHeader++;
                return false;
            }
            writeHeader(data);
        }
        AVStream avStream = context.streams(stream);
        long dts = av_rescale_q(pts, inputTimeBases.get(stream), avStream.time_base());
        if (dts <= lastDts[stream]) {
            dts = lastDts[stream] + 1;
        }
        lastDts[stream] = dts;
        check(av_new_packet(packet, data.length), "av_new_packet");
        packet.data().put(data, 0, data.length);
        packet.stream_index(stream);
        packet.pts(dts).dts(dts);
        packet.duration(spec.frameTicks() == 0 ? 0 : av_rescale_q(spec.frameTicks(), inputTimeBases.get(stream), avStream.time_base()));
        packet.flags(keyFrame || !spec.codec().video() ? AV_PKT_FLAG_KEY : 0);
        int ret = av_interleaved_write_frame(context, packet);
        av_packet_unref(packet);
        if (ret < 0) {
            failed = true;
            throw new FfmpegException("av_interleaved_write_frame(" + target + ")", ret);
        }
        packetsWritten++;
        return true;
    }

    /** Whether the container header is written (the first video key frame arrived, or there is no video). */
    public boolean started() {
        return headerWritten;
    }

    public long droppedBeforeHeader() {
        return droppedBeforeHeader;
    }

    public long packetsWritten() {
        return packetsWritten;
    }

    /** Bytes handed to the output so far (what the file holds once flushed). */
    public long bytesWritten() {
        AVIOContext pb = context == null ? null : context.pb();
        return pb == null || pb.isNull() ? 0 : pb.pos() + (pb.buf_ptr().address() - pb.buffer().address());
    }

    /**
     * Writes the trailer (index, final sizes) when the header was written and no write failed, closes
     * the output and frees everything. Idempotent.
     *
     * @throws FfmpegException when the trailer cannot be written (everything is freed anyway)
     */
    @Override
    public void close() {
        if (context == null) {
            return;
        }
        int ret = 0;
        try {
            if (headerWritten && !failed) {
                ret = av_write_trailer(context);
            }
        } finally {
            freeNative();
        }
        if (ret < 0) {
            throw new FfmpegException("av_write_trailer(" + target + ")", ret);
        }
    }

    private void addStream(MuxStream spec) {
        AVStream stream = checkAllocated(avformat_new_stream(context, null), "avformat_new_stream");
        AVCodecParameters par = stream.codecpar();
        par.codec_id(spec.codec().ffmpegId());
        AVRational timeBase = new AVRational().num(1).den(spec.clockRate());
        inputTimeBases.add(timeBase);
        stream.time_base(timeBase);
        if (spec.codec().video()) {
            par.codec_type(AVMEDIA_TYPE_VIDEO);
        } else {
            par.codec_type(AVMEDIA_TYPE_AUDIO);
            par.sample_rate(spec.clockRate());
            av_channel_layout_default(par.ch_layout(), spec.channels());
            par.frame_size(spec.frameTicks());
            byte[] extradata = spec.codec() == MuxCodec.OPUS ? OpusHead.of(spec.channels()) : spec.extradata();
            if (spec.codec() == MuxCodec.OPUS) {
                par.initial_padding(OpusHead.PRE_SKIP);
            }
            setExtradata(par, extradata);
        }
    }

    private void openIo(Map<String, String> ioOptions) {
        try (FfmpegOptions options = new FfmpegOptions(ioOptions);
                PointerPointer<AVIOContext> pb = new PointerPointer<>(1);
                BytePointer url = new BytePointer(target)) {
            check(avio_open2(pb, url, AVIO_FLAG_WRITE, null, options.dictionary()), "avio_open2(" + target + ")");
            context.pb(pb.get(AVIOContext.class, 0));
            options.rejectUnused("protocol option");
        }
    }

    private void writeHeader(byte[] firstKeyFrame) {
        for (int i = 0; i < specs.size(); i++) {
            MuxStream spec = specs.get(i);
            if (!spec.codec().video()) {
                continue;
            }
            AVCodecParameters par = context.streams(i).codecpar();
            if (spec.width() > 0) {
                par.width(spec.width()).height(spec.height());
            } else {
                Dimensions size = vp8Size(firstKeyFrame);
                par.width(size.width()).height(size.height());
            }
            if (spec.codec() == MuxCodec.H264) {
                byte[] parameterSets = H264ParameterSets.fromAnnexB(firstKeyFrame);
                if (parameterSets == null) {
                    throw new IllegalArgumentException("the first H.264 key frame carries no SPS and PPS");
                }
                setExtradata(par, parameterSets);
            }
        }
        try (FfmpegOptions options = new FfmpegOptions(formatOptions)) {
            check(avformat_write_header(context, options.dictionary()), "avformat_write_header(" + target + ")");
            options.rejectUnused("format option");
        }
        avio_flush(context.pb());
        headerWritten = true;
    }

    private static Dimensions vp8Size(byte[] keyFrame) {
        Vp8FrameHeader header;
        try {
            header = Vp8FrameHeader.parse(keyFrame, 0, keyFrame.length);
        } catch (MalformedPacketException e) {
            throw new IllegalArgumentException("not a VP8 key frame (" + keyFrame.length + " bytes)", e);
        }
        if (!header.keyFrame()) {
            throw new IllegalArgumentException("not a VP8 key frame (" + keyFrame.length + " bytes)");
        }
        return header.size();
    }

    private static void setExtradata(AVCodecParameters par, byte[] extradata) {
        if (extradata == null) {
            return;
        }
        BytePointer buffer = new BytePointer(checkAllocated(av_mallocz(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE),
                "av_mallocz")).capacity(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE);
        buffer.put(extradata, 0, extradata.length);
        par.extradata(buffer).extradata_size(extradata.length);
    }

    private void freeNative() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (context != null) {
            if ((context.oformat().flags() & AVFMT_NOFILE) == 0 && context.pb() != null && !context.pb().isNull()) {
                try (PointerPointer<AVIOContext> pb = new PointerPointer<>(1)) {
                    pb.put(context.pb());
                    avio_closep(pb);
                }
                context.pb(null);
            }
            avformat_free_context(context);
            context = null;
        }
        inputTimeBases.forEach(AVRational::close);
        inputTimeBases.clear();
    }

    private void ensureOpen() {
        if (context == null) {
            throw new IllegalStateException("muxer for " + target + " is closed");
        }
    }
}
