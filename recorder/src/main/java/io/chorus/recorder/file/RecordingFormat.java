package io.chorus.recorder.file;

import io.chorus.mixer.codec.VideoCodec;
import java.util.Map;

/**
 * The containers a room is recorded into, each with the options that make it crash-safe: Matroska
 * closes a cluster at least every second (and each packet is flushed), MP4 is fragmented with an
 * empty moov so every finished fragment (at most a second) is playable without the trailer.
 */
public enum RecordingFormat {
    /** VP8 + Opus: the room's own packets, nothing re-encoded. */
    WEBM("webm", "webm", VideoCodec.VP8, Map.of("cluster_time_limit", "1000")),
    /** The same codecs in Matroska, for tools that prefer .mkv. */
    MKV("matroska", "mkv", VideoCodec.VP8, Map.of("cluster_time_limit", "1000")),
    /** H.264 + AAC: plays everywhere; the Opus mix is decoded and encoded to AAC. */
    MP4("mp4", "mp4", VideoCodec.H264,
            Map.of("movflags", "frag_keyframe+empty_moov+default_base_moof", "frag_duration", "1000000"));

    private final String muxer;
    private final String extension;
    private final VideoCodec videoCodec;
    private final Map<String, String> muxerOptions;

    RecordingFormat(String muxer, String extension, VideoCodec videoCodec, Map<String, String> muxerOptions) {
        this.muxer = muxer;
        this.extension = extension;
        this.videoCodec = videoCodec;
        this.muxerOptions = muxerOptions;
    }

    /** FFmpeg's muxer name. */
    public String muxer() {
        return muxer;
    }

    public String extension() {
        return extension;
    }

    public VideoCodec videoCodec() {
        return videoCodec;
    }

    /** Whether the audio is AAC (transcoded from the room's Opus) rather than the Opus packets themselves. */
    public boolean aacAudio() {
        return this == MP4;
    }

    Map<String, String> muxerOptions() {
        return muxerOptions;
    }

    /** The format for a name as the API spells it: webm, mkv or mp4 (case-insensitive). */
    public static RecordingFormat parse(String name) {
        for (RecordingFormat format : values()) {
            if (format.extension.equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("recording format must be webm, mkv or mp4: " + name);
    }
}
