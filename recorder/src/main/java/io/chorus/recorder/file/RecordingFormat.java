package io.chorus.recorder.file;

import io.chorus.mixer.codec.VideoCodec;
import java.time.Duration;
import java.util.Map;

/**
 * The containers a room is recorded into, each with the options that make it crash-safe: Matroska
 * closes a cluster at least every fragment length (and each packet is flushed), MP4 is fragmented
 * with an empty moov so every finished fragment is playable without the trailer.
 */
public enum RecordingFormat {
    /** VP8 + Opus: the room's own packets, nothing re-encoded. */
    WEBM("webm", "webm", VideoCodec.VP8),
    /** The same codecs in Matroska, for tools that prefer .mkv. */
    MKV("matroska", "mkv", VideoCodec.VP8),
    /** H.264 + AAC: plays everywhere; the Opus mix is decoded and encoded to AAC. */
    MP4("mp4", "mp4", VideoCodec.H264);

    private final String muxer;
    private final String extension;
    private final VideoCodec videoCodec;

    RecordingFormat(String muxer, String extension, VideoCodec videoCodec) {
        this.muxer = muxer;
        this.extension = extension;
        this.videoCodec = videoCodec;
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

    /** The muxer options that close a cluster or fragment at least every {@code fragmentLength}. */
    Map<String, String> muxerOptions(Duration fragmentLength) {
        if (this == MP4) {
            return Map.of("movflags", "frag_keyframe+empty_moov+default_base_moof", "frag_duration",
                    Long.toString(fragmentLength.toNanos() / 1000));
        }
        return Map.of("cluster_time_limit", Long.toString(fragmentLength.toMillis()));
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
