package io.chorus.recorder.mux;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;

/** The codecs the recorder writes into containers, with FFmpeg's id for each. */
public enum MuxCodec {
    VP8(AV_CODEC_ID_VP8, true),
    H264(AV_CODEC_ID_H264, true),
    OPUS(AV_CODEC_ID_OPUS, false),
    AAC(AV_CODEC_ID_AAC, false);

    private final int ffmpegId;
    private final boolean video;

    MuxCodec(int ffmpegId, boolean video) {
        this.ffmpegId = ffmpegId;
        this.video = video;
    }

    int ffmpegId() {
        return ffmpegId;
    }

    public boolean video() {
        return video;
    }
}
