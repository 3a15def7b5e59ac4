package io.chorus.recorder.rtmp;

import io.chorus.mixer.codec.FfmpegException;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.recorder.mux.MuxStream;
import io.chorus.recorder.mux.Muxer;
import io.chorus.recorder.mux.RoomTimeline;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One RTMP connection carrying FLV (H.264 + AAC). Its clock starts at the key frame it was opened
 * with: a new connection is a new stream to the ingest server, so each begins near zero, with audio
 * and video offset from the same origin on the {@link RoomTimeline} so their sync carries over.
 * Any network or container error surfaces as an {@link FfmpegException} with the stream key masked.
 */
final class FlvConnection implements AutoCloseable {
    private static final int VIDEO = 0;
    private static final int AUDIO = 1;

    private final RtmpEndpoint endpoint;
    private final Muxer muxer;
    private final long originUnits;

    private FlvConnection(RtmpEndpoint endpoint, Muxer muxer, long originUnits) {
        this.endpoint = endpoint;
        this.muxer = muxer;
        this.originUnits = originUnits;
    }

    /**
     * Connects (blocking up to {@code ioTimeout}) and sends the FLV header with the first key frame.
     *
     * @param keyFrame an H.264 key frame in Annex B carrying SPS and PPS; its time becomes the origin
     */
    static FlvConnection open(RtmpEndpoint endpoint, int width, int height, byte[] audioSpecificConfig,
            Duration ioTimeout, byte[] keyFrame, long keyFrameUnits) {
        Muxer muxer;
        try {
            muxer = new Muxer(endpoint.url(), "flv",
                    List.of(MuxStream.video(VideoCodec.H264, width, height), MuxStream.aac(audioSpecificConfig)),
                    Map.of(), Map.of("rw_timeout", Long.toString(ioTimeout.toNanos() / 1000),
                            // rtmps runs over tls over tcp; nothing else may open, whatever the URL says.
                            "protocol_whitelist", "rtmp,rtmps,tcp,tls"));
        } catch (FfmpegException e) {
            throw masked(endpoint, e);
        }
        FlvConnection connection = new FlvConnection(endpoint, muxer, keyFrameUnits);
        try {
            connection.video(keyFrame, keyFrameUnits, true);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    void video(byte[] data, long units, boolean keyFrame) {
        write(VIDEO, data, (units - originUnits) / RoomTimeline.UNITS_PER_VIDEO_TICK, keyFrame);
    }

    /** AAC frames that begin before this connection's first key frame belong to no picture it sent and are skipped. */
    void audio(TimedPacket aac) {
        if (aac.units() >= originUnits) {
            write(AUDIO, aac.data(), (aac.units() - originUnits) / RoomTimeline.UNITS_PER_AUDIO_TICK, true);
        }
    }

    long bytesSent() {
        return muxer.bytesWritten();
    }

    private void write(int stream, byte[] data, long pts, boolean keyFrame) {
        try {
            muxer.write(stream, data, pts, keyFrame);
        } catch (FfmpegException e) {
            throw masked(endpoint, e);
        }
    }

    /** Closes the connection; a trailer that cannot be sent any more (the server is gone) is of no concern. */
    @Override
    public void close() {
        try {
            muxer.close();
        } catch (FfmpegException ignored) {
            // The connection is being dropped either way; the error that ended it was already reported.
        }
    }

    private static FfmpegException masked(RtmpEndpoint endpoint, FfmpegException e) {
        FfmpegException masked = new FfmpegException(endpoint.redact(e.function()), e.code());
        masked.setStackTrace(e.getStackTrace());
        return masked;
    }
}
